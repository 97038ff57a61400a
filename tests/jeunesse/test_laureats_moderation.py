"""Staff follow-up: journal moderation (emails once), payments, reports, support, showcase,
and the story drafted from a project."""

import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.models import Page, Site

from jeunesse.models import (
    ActionSoutien,
    Candidature,
    EntreeJournal,
    PieceJointe,
    RapportProjet,
    Versement,
)
from jeunesse.models.choix import NaturePiece, Statut, StatutJournal
from lot_portal.cms.models import HistoireIndexPage, HistoirePage, HomePage


@pytest.fixture
def laureat(fabrique_jeu, acteurs_jeu):
    candidature = fabrique_jeu.candidature(
        acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.RETENU
    )
    Candidature.objects.filter(pk=candidature.pk).update(
        montant_accorde=Decimal("1500"),
        acceptation_confirmee_le=timezone.now(),
        consentement_vitrine=True,
        vitrine_resume="Un festival pour faire jouer les groupes du Lot.",
    )
    candidature.refresh_from_db()
    return candidature


def _entree(candidature, statut=StatutJournal.SOUMIS, titre="Premier concert"):
    return EntreeJournal.objects.create(
        candidature=candidature,
        auteur=candidature.porteur,
        titre=titre,
        texte="La salle était pleine.",
        statut=statut,
    )


MODERATION = "jeunesse_journal_moderation"


def _png():
    tampon = io.BytesIO()
    Image.new("RGB", (60, 40), "#3f6b4a").save(tampon, "PNG")
    return tampon.getvalue()


def _connecter(client, compte):
    """Log in a fresh copy: the fixtures re-save the instructor's password (session hash)."""
    client.force_login(type(compte).objects.get(pk=compte.pk))


def _suivi(candidature):
    return reverse("jeunesse_suivi", kwargs={"pk": candidature.pk})


def test_queue_lists_submitted_entries_only(client, acteurs_jeu, laureat):
    _entree(laureat, titre="À relire")
    _entree(laureat, StatutJournal.BROUILLON, titre="Brouillon secret")
    _entree(laureat, StatutJournal.PUBLIE, titre="Déjà publié")
    _connecter(client, acteurs_jeu.instructeur)
    contenu = client.get(reverse(MODERATION)).content.decode()
    assert "À relire" in contenu
    assert "Brouillon secret" not in contenu and "Déjà publié" not in contenu


def test_publish_emails_team_once(client, acteurs_jeu, laureat, django_capture_on_commit_callbacks):
    entree = _entree(laureat)
    _connecter(client, acteurs_jeu.instructeur)
    mail.outbox.clear()
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            reponse = client.post(reverse(MODERATION), {"id": entree.pk, "action": "publier"})
        assert reponse.status_code == 302
    entree.refresh_from_db()
    assert entree.statut == StatutJournal.PUBLIE and entree.publie_le is not None
    assert [m.to for m in mail.outbox] == [[acteurs_jeu.porteur.email]]
    assert "est publié" in mail.outbox[0].subject


def test_refuse_requires_reason_then_emails_once(
    client, acteurs_jeu, laureat, django_capture_on_commit_callbacks
):
    entree = _entree(laureat)
    _connecter(client, acteurs_jeu.instructeur)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            reverse(MODERATION), {"id": entree.pk, "action": "refuser", f"e{entree.pk}-motif": ""}
        )
    assert reponse.status_code == 200
    assert "Indiquez le motif du refus" in reponse.content.decode()
    entree.refresh_from_db()
    assert entree.statut == StatutJournal.SOUMIS
    assert mail.outbox == []
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse(MODERATION),
                {"id": entree.pk, "action": "refuser", f"e{entree.pk}-motif": "Photo floue."},
            )
    entree.refresh_from_db()
    assert entree.statut == StatutJournal.REFUSE
    assert entree.motif_refus == "Photo floue."
    assert len(mail.outbox) == 1
    assert "Photo floue." in mail.outbox[0].body


def test_showcase_shows_only_published_entries(client, acteurs_jeu, laureat):
    Candidature.objects.filter(pk=laureat.pk).update(vitrine_publiee=True)
    _entree(laureat, StatutJournal.PUBLIE, titre="Article publié")
    _entree(laureat, StatutJournal.SOUMIS, titre="Article soumis")
    _entree(laureat, StatutJournal.BROUILLON, titre="Article brouillon")
    _entree(laureat, StatutJournal.REFUSE, titre="Article refusé")
    EntreeJournal.objects.filter(titre="Article publié").update(publie_le=timezone.now())
    contenu = client.get(
        reverse("jeunesse:vitrine_projet", kwargs={"reference": laureat.reference})
    ).content.decode()
    assert "Article publié" in contenu
    for titre in ("Article soumis", "Article brouillon", "Article refusé"):
        assert titre not in contenu


def test_payments_add_edit_mark_paid(client, acteurs_jeu, laureat):
    _connecter(client, acteurs_jeu.instructeur)
    assert client.get(_suivi(laureat)).status_code == 200
    reponse = client.post(
        _suivi(laureat),
        {
            "action": "versement_ajouter",
            "versement-jalon": "Signature de la convention",
            "versement-montant": "900",
            "versement-prevu_le": "2026-12-15",
            "versement-ordre": "0",
        },
    )
    assert reponse.status_code == 302
    versement = Versement.objects.get(candidature=laureat)
    assert versement.montant == Decimal("900")
    url = reverse("jeunesse_suivi_versement", kwargs={"pk": laureat.pk, "versement": versement.pk})
    assert client.get(url).status_code == 200
    client.post(url, {"jalon": "Convention signée", "montant": "950", "ordre": "0"})
    versement.refresh_from_db()
    assert versement.jalon == "Convention signée" and versement.montant == Decimal("950")
    client.post(_suivi(laureat), {"action": "versement_verse", "id": versement.pk})
    versement.refresh_from_db()
    assert versement.verse_le == timezone.localdate()


@pytest.mark.parametrize(
    "donnees, message",
    [
        ({"versement-jalon": "", "versement-montant": "100"}, "Indiquez l&#x27;étape"),
        ({"versement-jalon": "Fin", "versement-montant": "abc"}, "Saisissez un montant"),
        ({"versement-jalon": "Fin", "versement-montant": "-5"}, "Le montant doit être positif."),
    ],
)
def test_payment_bad_input(client, acteurs_jeu, laureat, donnees, message):
    _connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(
        _suivi(laureat), {"action": "versement_ajouter", "versement-ordre": "0", **donnees}
    )
    assert reponse.status_code == 200
    assert message in reponse.content.decode()
    assert not Versement.objects.exists()


def test_reports_and_support_actions(client, acteurs_jeu, laureat):
    _connecter(client, acteurs_jeu.instructeur)
    client.post(
        _suivi(laureat),
        {"action": "rapport_ajouter", "rapport-type_rapport": "final", "rapport-attendu_le": ""},
    )
    rapport = RapportProjet.objects.get(candidature=laureat)
    # Not uploaded yet: cannot be validated.
    client.post(_suivi(laureat), {"action": "rapport_valider", "id": rapport.pk})
    rapport.refresh_from_db()
    assert rapport.valide_le is None
    piece = PieceJointe(
        candidature=laureat,
        nature=NaturePiece.RAPPORT,
        nom_original="r.pdf",
        type_mime="application/pdf",
    )
    piece.fichier.save("r.pdf", ContentFile(b"%PDF-1.4\n%%EOF"), save=False)
    piece.save()
    RapportProjet.objects.filter(pk=rapport.pk).update(piece=piece, depose_le=timezone.now())
    telechargement = client.get(
        reverse("jeunesse_suivi_rapport", kwargs={"pk": laureat.pk, "rapport": rapport.pk})
    )
    assert telechargement["Content-Disposition"].startswith("attachment")
    client.post(_suivi(laureat), {"action": "rapport_valider", "id": rapport.pk})
    rapport.refresh_from_db()
    assert rapport.valide_le is not None
    client.post(_suivi(laureat), {"action": "action_ajouter", "action-libelle": "Mise en relation"})
    soutien = ActionSoutien.objects.get(candidature=laureat)
    assert not soutien.realisee
    client.post(_suivi(laureat), {"action": "action_realisee", "id": soutien.pk})
    soutien.refresh_from_db()
    assert soutien.realisee
    reponse = client.post(_suivi(laureat), {"action": "rapport_ajouter"})
    assert "Choisissez le type de rapport." in reponse.content.decode()


def test_showcase_toggle_requires_consent(client, acteurs_jeu, laureat):
    _connecter(client, acteurs_jeu.instructeur)
    client.post(_suivi(laureat), {"action": "vitrine_publier"})
    laureat.refresh_from_db()
    assert laureat.vitrine_publiee
    client.post(_suivi(laureat), {"action": "vitrine_retirer"})
    laureat.refresh_from_db()
    assert not laureat.vitrine_publiee
    Candidature.objects.filter(pk=laureat.pk).update(consentement_vitrine=False)
    reponse = client.post(_suivi(laureat), {"action": "vitrine_publier"}, follow=True)
    assert "pas donné son accord" in reponse.content.decode()
    laureat.refresh_from_db()
    assert not laureat.vitrine_publiee


@pytest.fixture
def index_histoires(db):
    racine = Page.get_first_root_node()
    accueil = HomePage(title="Le Lot", slug="lot-jeunesse")
    racine.add_child(instance=accueil)
    site = Site.objects.get(is_default_site=True)
    site.root_page = accueil
    site.save()
    index = HistoireIndexPage(title="Histoires", slug="histoires")
    accueil.add_child(instance=index)
    return index


@pytest.fixture
def commune(db):
    from fabriques import CommuneFactory

    return CommuneFactory()


def test_story_created_as_draft(client, acteurs_jeu, laureat, index_histoires, commune):
    Candidature.objects.filter(pk=laureat.pk).update(commune=commune)
    publiee = _entree(laureat, StatutJournal.PUBLIE, titre="Le premier concert")
    publiee.image.save("concert.png", ContentFile(_png()), save=False)
    publiee.image_alt = "La scène du festival, le soir"
    publiee.publie_le = timezone.now()
    publiee.save()
    _entree(laureat, StatutJournal.BROUILLON, titre="Brouillon à ne pas reprendre")
    _connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(_suivi(laureat), {"action": "histoire_creer"})
    page = HistoirePage.objects.get()
    assert reponse.status_code == 302
    assert reponse["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.live is False
    assert page.get_parent().specific == index_histoires
    assert page.title == laureat.titre
    assert page.chapo == "Un festival pour faire jouer les groupes du Lot."
    assert page.latest_revision is not None
    assert page.image.description == "La scène du festival, le soir"
    assert page.image_alt == "La scène du festival, le soir"
    corps = str(page.corps.raw_data)
    assert "Le premier concert" in corps and "Brouillon à ne pas reprendre" not in corps


def test_story_refused_without_image(client, acteurs_jeu, laureat, index_histoires, commune):
    Candidature.objects.filter(pk=laureat.pk).update(commune=commune)
    _entree(laureat, StatutJournal.PUBLIE, titre="Sans photo")
    _connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(_suivi(laureat), {"action": "histoire_creer"}, follow=True)
    assert "Une histoire demande une image principale" in reponse.content.decode()
    assert not HistoirePage.objects.exists()


def test_story_refused_without_consent(client, acteurs_jeu, laureat, index_histoires, commune):
    Candidature.objects.filter(pk=laureat.pk).update(consentement_vitrine=False, commune=commune)
    _connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(_suivi(laureat), {"action": "histoire_creer"}, follow=True)
    assert "aucune histoire ne peut en être tirée" in reponse.content.decode()
    assert not HistoirePage.objects.exists()


def test_admin_menu_and_laureates_list(client, fabrique_jeu, acteurs_jeu, laureat):
    _connecter(client, acteurs_jeu.instructeur)
    accueil = client.get(reverse("wagtailadmin_home"))
    assert accueil.status_code == 200
    contenu = accueil.content.decode()
    assert reverse("jeunesse_laureats:index") in contenu
    assert reverse("jeunesse_journal_moderation") in contenu
    Versement.objects.create(candidature=laureat, jalon="Solde", montant=Decimal("600"))
    url = reverse("jeunesse_laureats:index")

    def mesurer():
        with CaptureQueriesContext(connection) as requetes:
            reponse = client.get(url)
        assert reponse.status_code == 200
        return len(requetes), reponse.content.decode()

    mesurer()
    peu, contenu = mesurer()
    assert laureat.titre in contenu and "Solde : 600,00 €" in contenu
    for _ in range(4):
        autre = fabrique_jeu.candidature(acteurs_jeu.appel, statut=Statut.RETENU)
        Versement.objects.create(candidature=autre, jalon="Solde", montant=Decimal("10"))
        _entree(autre)
    _connecter(client, acteurs_jeu.instructeur)  # the factory re-saved its password
    mesurer()
    beaucoup, _ = mesurer()
    assert peu == beaucoup


def test_encart_suivi_links_to_follow_up(rf, laureat):
    from django.template.loader import render_to_string

    html = render_to_string("jeunesse/admin/_encart_suivi.html", {"candidature": laureat})
    assert _suivi(laureat) in html
    assert "Acceptation : confirmée" in html
