"""The ideas in the Wagtail admin: list with supports count (one query), filters, search,
export; editing the status and answer emails the author once per change; the « Publier » /
« Ne pas publier » shortcuts; staff outside the group are refused."""

import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from jeunesse.models import Idee, Vote
from jeunesse.models.choix import StatutIdee
from jeunesse.services import idees as services

LISTE = reverse("jeunesse_idees:index")


def idee(auteur, titre, statut=StatutIdee.EN_ATTENTE, categorie="slogan"):
    return Idee.objects.create(
        auteur=auteur,
        titre=titre,
        description=f"La description de « {titre} ».",
        categorie=categorie,
        statut=statut,
    )


@pytest.fixture
def monde(fabrique_jeu):
    class Monde:
        pass

    m = Monde()
    m.instructeur = fabrique_jeu.instructeur()
    m.auteur = fabrique_jeu.compte("autrice@exemple.fr", first_name="Maëlys")
    m.staff = fabrique_jeu.compte("agent@lot.fr", is_staff=True)
    m.attente = idee(m.auteur, "Une vidéo sur le causse", categorie="video")
    m.publiee = idee(m.auteur, "Le Lot, on y revient", statut=StatutIdee.PUBLIEE)
    for _ in range(2):
        Vote.objects.create(idee=m.publiee, utilisateur=fabrique_jeu.compte())
    return m


def editer(client, objet, statut, reponse="", capture=None):
    return client.post(
        reverse("jeunesse_idees:edit", args=[objet.pk]), {"statut": statut, "reponse": reponse}
    )


def test_the_list_with_counts_filters_and_search(client, monde):
    client.force_login(monde.instructeur)
    reponse = client.get(LISTE)
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "Une vidéo sur le causse" in contenu and "Le Lot, on y revient" in contenu
    assert "En attente de modération" in contenu
    compte = {i.titre: i.nb_soutiens for i in reponse.context["object_list"]}
    assert compte == {"Une vidéo sur le causse": 0, "Le Lot, on y revient": 2}
    filtre = client.get(LISTE, {"statut": "publiee"})
    assert [i.titre for i in filtre.context["object_list"]] == ["Le Lot, on y revient"]
    filtre = client.get(LISTE, {"categorie": "video"})
    assert [i.titre for i in filtre.context["object_list"]] == ["Une vidéo sur le causse"]
    recherche = client.get(LISTE, {"q": "causse"})
    assert [i.titre for i in recherche.context["object_list"]] == ["Une vidéo sur le causse"]
    tri = client.get(LISTE, {"ordering": "-nb_soutiens"})
    assert [i.titre for i in tri.context["object_list"]][0] == "Le Lot, on y revient"


def test_the_list_query_count_does_not_grow(client, monde, fabrique_jeu):
    client.force_login(monde.instructeur)
    client.get(LISTE)

    def mesurer():
        with CaptureQueriesContext(connection) as requetes:
            assert client.get(LISTE).status_code == 200
        return len(requetes)

    peu = mesurer()
    votants = [fabrique_jeu.compte() for _ in range(3)]
    for n in range(15):
        objet = idee(fabrique_jeu.compte(), f"Idée {n}", statut=StatutIdee.PUBLIEE)
        for compte in votants[: n % 4]:
            Vote.objects.create(idee=objet, utilisateur=compte)
    assert mesurer() == peu


def test_pending_ideas_offer_the_shortcuts(client, monde):
    client.force_login(monde.instructeur)
    contenu = client.get(LISTE).content.decode()
    assert reverse("jeunesse_idees:publier", args=[monde.attente.pk]) in contenu
    assert reverse("jeunesse_idees:refuser", args=[monde.attente.pk]) in contenu
    assert reverse("jeunesse_idees:publier", args=[monde.publiee.pk]) not in contenu
    edition = client.get(reverse("jeunesse_idees:edit", args=[monde.attente.pk]))
    assert edition.status_code == 200
    assert reverse("jeunesse_idees:publier", args=[monde.attente.pk]) in edition.content.decode()
    assert "autrice@exemple.fr" in edition.content.decode()


def test_publish_shortcut(client, monde, django_capture_on_commit_callbacks):
    client.force_login(monde.instructeur)
    url = reverse("jeunesse_idees:publier", args=[monde.attente.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Publier l&#x27;idée" in page.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(url, {"reponse": "Merci, belle idée !"})
    assert reponse.status_code == 302
    monde.attente.refresh_from_db()
    assert monde.attente.statut == StatutIdee.PUBLIEE
    assert monde.attente.reponse == "Merci, belle idée !"
    assert monde.attente.repondu_par == monde.instructeur
    assert monde.attente.repondu_le is not None
    assert len(mail.outbox) == 1
    courriel = mail.outbox[0]
    assert courriel.to == ["autrice@exemple.fr"]
    assert courriel.subject == "Votre idée « Une vidéo sur le causse » est publiée"
    assert "Merci, belle idée !" in courriel.body
    assert f"/jeunesse/idees/{monde.attente.pk}/" in courriel.body
    # Already moderated: the shortcut does nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(url)
    assert reponse["Location"] == reverse("jeunesse_idees:edit", args=[monde.attente.pk])
    assert len(mail.outbox) == 1


def test_refuse_shortcut(client, monde, django_capture_on_commit_callbacks):
    client.force_login(monde.instructeur)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("jeunesse_idees:refuser", args=[monde.attente.pk]),
            {"reponse": "Cette idée existe déjà : voyez « Le Lot, on y revient »."},
        )
    monde.attente.refresh_from_db()
    assert monde.attente.statut == StatutIdee.REFUSEE
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Votre idée « Une vidéo sur le causse » n'est pas publiée"
    assert "Cette idée existe déjà" in mail.outbox[0].body
    # The author still sees it, with the explanation; nobody else does.
    client.force_login(monde.auteur)
    contenu = client.get(monde.attente.get_absolute_url()).content.decode()
    assert (
        "Votre idée n&#x27;est pas publiée" in contenu or "Votre idée n'est pas publiée" in contenu
    )
    assert "Cette idée existe déjà" in contenu
    client.logout()
    assert client.get(monde.attente.get_absolute_url()).status_code == 404


def test_edit_emails_once_per_change(client, monde, django_capture_on_commit_callbacks):
    client.force_login(monde.instructeur)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = editer(client, monde.publiee, "retenue", "Nous la retenons pour la rentrée.")
    assert reponse.status_code == 302
    monde.publiee.refresh_from_db()
    assert monde.publiee.statut == StatutIdee.RETENUE
    assert monde.publiee.repondu_par == monde.instructeur
    premier = monde.publiee.repondu_le
    assert len(mail.outbox) == 1
    assert (
        mail.outbox[0].subject == "Bonne nouvelle : votre idée « Le Lot, on y revient » est retenue"
    )
    assert "Nous la retenons pour la rentrée." in mail.outbox[0].body
    assert "Retenue" in mail.outbox[0].body
    html = mail.outbox[0].alternatives[0][0]
    assert "Nous la retenons pour la rentrée." in html
    # Saving again without a change: no email, nothing recorded.
    with django_capture_on_commit_callbacks(execute=True):
        editer(client, monde.publiee, "retenue", "Nous la retenons pour la rentrée.  ")
    monde.publiee.refresh_from_db()
    assert monde.publiee.repondu_le == premier
    assert len(mail.outbox) == 1
    # Only the answer changes: one email saying the Département answered.
    with django_capture_on_commit_callbacks(execute=True):
        editer(client, monde.publiee, "retenue", "Rendez-vous en septembre.")
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject == "Le Département répond à votre idée « Le Lot, on y revient »"
    # Then in progress, then done: one email each.
    for statut in ("en_cours", "realisee"):
        with django_capture_on_commit_callbacks(execute=True):
            editer(client, monde.publiee, statut, "Rendez-vous en septembre.")
    assert len(mail.outbox) == 4
    assert "réalisée" in mail.outbox[3].subject
    # The answer is public with its date.
    client.logout()
    contenu = client.get(monde.publiee.get_absolute_url()).content.decode()
    assert "Rendez-vous en septembre." in contenu and "Réalisée" in contenu


def test_the_email_is_written_in_the_save_transaction(monde):
    """A failure after the change rolls the email back with it (no email for nothing)."""
    from django.db import transaction

    from lot_portal.courriels.models import Courriel

    avant = Courriel.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.idee_moderer(
            idee=monde.attente, par=monde.instructeur, statut="publiee", reponse=""
        )
        assert Courriel.objects.count() == avant + 1
        raise RuntimeError
    assert Courriel.objects.count() == avant
    monde.attente.refresh_from_db()
    assert monde.attente.statut == StatutIdee.EN_ATTENTE


def test_bad_input_in_the_edit_form(client, monde):
    client.force_login(monde.instructeur)
    reponse = editer(client, monde.publiee, "n_importe_quoi", "Une réponse")
    assert reponse.status_code == 200
    assert "statut" in reponse.context["form"].errors
    monde.publiee.refresh_from_db()
    assert monde.publiee.statut == StatutIdee.PUBLIEE
    assert monde.publiee.reponse == ""


def test_ideas_are_not_added_here(client, monde):
    client.force_login(monde.instructeur)
    contenu = client.get(LISTE).content.decode()
    assert "/admin/jeunesse/idees/add/" not in contenu
    assert client.get("/admin/jeunesse/idees/add/").status_code == 404


@pytest.mark.parametrize("format_", ["csv", "xlsx"])
def test_export(client, monde, format_):
    client.force_login(monde.instructeur)
    reponse = client.get(LISTE, {"export": format_})
    assert reponse.status_code == 200
    contenu = b"".join(reponse.streaming_content) if reponse.streaming else reponse.content
    if format_ == "csv":
        lignes = contenu.decode("utf-8").splitlines()
        assert lignes[0].startswith("Numéro,Proposée le,Titre,Catégorie,Statut,Soutiens")
        assert any("Le Lot, on y revient" in ligne and ",Publiée,2," in ligne for ligne in lignes)
        assert len(lignes) == 3
    else:
        feuille = load_workbook(io.BytesIO(contenu)).active
        lignes = list(feuille.iter_rows(values_only=True))
        assert lignes[0][:6] == (
            "Numéro",
            "Proposée le",
            "Titre",
            "Catégorie",
            "Statut",
            "Soutiens",
        )
        par_titre = {ligne[2]: ligne for ligne in lignes[1:]}
        assert par_titre["Le Lot, on y revient"][4:6] == ("Publiée", 2)
        assert par_titre["Une vidéo sur le causse"][3] == "Une idée de vidéo"


def test_staff_without_the_group_is_refused(client, monde):
    client.force_login(monde.staff)
    urls = [
        LISTE,
        LISTE + "?export=csv",
        reverse("jeunesse_idees:edit", args=[monde.attente.pk]),
        reverse("jeunesse_idees:publier", args=[monde.attente.pk]),
        reverse("jeunesse_idees:refuser", args=[monde.attente.pk]),
        reverse("jeunesse_idees:delete", args=[monde.attente.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code in (302, 403), url
        assert client.post(url, {"statut": "publiee", "reponse": "x"}).status_code in (302, 403)
    monde.attente.refresh_from_db()
    assert monde.attente.statut == StatutIdee.EN_ATTENTE
    assert Idee.objects.count() == 2


def test_moderation_forgets_the_anonymous_page_cache(monde, django_capture_on_commit_callbacks):
    """Anonymous visitors get cached pages: a published idea or a new answer shows at once."""
    from django.core.cache import cache

    from lot_portal.cms.cache import GENERATION_KEY

    cache.set(GENERATION_KEY, 1, None)
    with django_capture_on_commit_callbacks(execute=True):
        services.idee_moderer(
            idee=monde.publiee, par=monde.instructeur, statut="publiee", reponse=""
        )  # no change
    assert cache.get(GENERATION_KEY) == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.idee_moderer(
            idee=monde.attente, par=monde.instructeur, statut="publiee", reponse=""
        )
    assert cache.get(GENERATION_KEY) != 1
