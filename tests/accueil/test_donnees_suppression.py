"""RGPD right to erasure: the newcomer deletes their account from their space."""

from datetime import timedelta
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from accueil.models import (
    BrouillonInscription,
    ChangementStatut,
    CurriculumVitae,
    Message,
    NoteSuivi,
    ParcoursAccueil,
    Relance,
    SejourDecouverte,
    TransmissionCV,
)
from accueil.services.donnees import SuppressionRefusee, compte_supprimer
from lot_portal.courriels.models import Courriel

pytestmark = pytest.mark.django_db

URL = "/accueil/mon-parcours/supprimer/"


def _courriel(destinataires, statut=Courriel.Statut.EN_ATTENTE):
    return Courriel.objects.create(
        expediteur="ne-pas-repondre@lot.fr",
        destinataires=destinataires,
        sujet="Où en est votre projet ?",
        corps_texte="Bonjour",
        statut=statut,
    )


@pytest.fixture
def dossier(fabrique):
    """A newcomer's file with a CV on disk, messages, notes, a stay and follow-ups."""
    referent = fabrique.referent()
    parcours = fabrique.parcours(
        referent=referent,
        communaute=referent.communaute,
        telephone="06 11 22 33 44",
        metier_recherche="Kinésithérapeute",
        conjoint_metier="Professeure des écoles",
        enfants=[{"age": 4, "niveau": "Moyenne section"}, {"age": 9, "niveau": "CM1"}],
        source={"utm_source": "salon", "utm_campaign": "vivre", "gclid": "abc123"},
        code_parrainage="AMB-42",
        prochaine_action="Rappeler après la visite",
        statut="en_echange",
        score_detail=[
            {
                "critere": "projet_emploi",
                "libelle": "Métier recherché précisé",
                "points": 15,
                "atteint": True,
                "explication": "Métier recherché : Kinésithérapeute.",
            }
        ],
    )
    cv = CurriculumVitae.objects.create(
        parcours=parcours,
        titulaire=CurriculumVitae.Titulaire.ARRIVANT,
        fichier=ContentFile(b"%PDF-1.4 mon cv", name="cv-claire.pdf"),
        nom_original="cv-claire.pdf",
        taille=15,
    )
    TransmissionCV.objects.create(cv=cv, destinataire="Clinique du Quercy")
    Message.objects.create(
        parcours=parcours, auteur=parcours.utilisateur, de_l_arrivant=True, texte="Bonjour !"
    )
    NoteSuivi.objects.create(parcours=parcours, auteur=referent.utilisateur, texte="Très motivée")
    ChangementStatut.objects.create(
        parcours=parcours, ancien="nouveau", nouveau="en_echange", commentaire="Appel du 3"
    )
    SejourDecouverte.objects.create(
        parcours=parcours, periode_souhaitee="Mai", souhaits="Voir les écoles de Figeac"
    )
    Relance.objects.create(
        parcours=parcours,
        modele=fabrique.modele_relance(code="j7"),
        due_le=timezone.now() + timedelta(days=7),
    )
    Relance.objects.create(
        parcours=parcours,
        modele=fabrique.modele_relance(code="j0"),
        due_le=timezone.now() - timedelta(days=1),
        statut=Relance.Statut.ENVOYEE,
    )
    BrouillonInscription.objects.create(utilisateur=parcours.utilisateur, donnees={"qui": {}})
    return parcours


def test_wrong_or_missing_password_keeps_the_account_with_a_french_error(client, dossier):
    client.force_login(dossier.utilisateur)

    vide = client.post(URL, {"mot_de_passe": ""})
    faux = client.post(URL, {"mot_de_passe": "x" * 5000})

    assert vide.status_code == faux.status_code == 200
    assert "Saisissez votre mot de passe pour confirmer." in vide.content.decode()
    page = faux.content.decode()
    assert "Ce mot de passe n&#x27;est pas le bon" in page or "Assurez-vous" in page
    assert 'aria-invalid="true"' in page
    assert get_user_model().objects.filter(pk=dossier.utilisateur_id).exists()
    dossier.refresh_from_db()
    assert dossier.anonymise_le is None


def test_wrong_password_is_reported_next_to_the_field(client, dossier):
    client.force_login(dossier.utilisateur)
    page = client.post(URL, {"mot_de_passe": "pas-le-bon"}).content.decode()
    assert 'id="id_mot_de_passe_erreur"' in page
    assert "Ce mot de passe n&#x27;est pas le bon. Votre compte n&#x27;a pas été supprimé." in page
    assert page.count("<title>Erreur : ") == 1


def test_the_page_explains_what_deletion_does(client, dossier):
    client.force_login(dossier.utilisateur)
    page = client.get(URL).content.decode()
    assert "<h1>Supprimer mon compte</h1>" in page
    assert "vos CV sont effacés" in page
    assert 'href="/accueil/mon-parcours/mes-donnees/"' in page
    assert 'autocomplete="current-password"' in page


def test_deletion_erases_the_account_and_anonymises_the_file(
    client, fabrique, dossier, django_capture_on_commit_callbacks
):
    utilisateur = dossier.utilisateur
    email = utilisateur.email
    cv = dossier.cvs.get()
    chemin = Path(cv.fichier.path)
    assert chemin.exists()
    pour_lui = _courriel([email])
    pour_un_autre = _courriel(["autre@exemple.fr"])
    pour_les_deux = _courriel([email.upper(), "equipe@lot.fr"])
    deja_parti = _courriel([email], statut=Courriel.Statut.ENVOYE)
    client.force_login(utilisateur)

    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(URL, {"mot_de_passe": fabrique.mot_de_passe})

    assert reponse.status_code == 302
    assert reponse["Location"] == "/accueil/compte-supprime/"
    # The account, its addresses and its draft are gone; the person is logged out.
    assert not get_user_model().objects.filter(pk=utilisateur.pk).exists()
    assert not EmailAddress.objects.filter(email=email).exists()
    assert not BrouillonInscription.objects.exists()
    assert client.get("/compte/").status_code == 302
    # No CV is left, neither in the database nor on disk.
    assert not CurriculumVitae.objects.exists()
    assert not TransmissionCV.objects.exists()
    assert not chemin.exists()
    # Pending follow-ups cancelled, sent ones kept; pending emails to them dropped.
    statuts = dict(Relance.objects.values_list("modele__code", "statut"))
    assert statuts == {"j7": Relance.Statut.ANNULEE, "j0": Relance.Statut.ENVOYEE}
    assert not Courriel.objects.filter(pk=pour_lui.pk).exists()
    assert Courriel.objects.filter(pk=pour_un_autre.pk).exists()
    pour_les_deux.refresh_from_db()
    assert pour_les_deux.destinataires == ["equipe@lot.fr"]
    # Sent ones hold the address and the body: the erasure (lot_portal.rgpd) deletes them.
    assert not Courriel.objects.filter(pk=deja_parti.pk).exists()

    # The file stays, anonymous, for the statistics.
    parcours = ParcoursAccueil.objects.get(pk=dossier.pk)
    assert parcours.utilisateur is None
    assert parcours.anonymise_le is not None
    assert (parcours.prenom, parcours.nom, parcours.telephone) == ("Anonyme", "", "")
    assert parcours.lieu_actuel == parcours.metier_recherche == parcours.conjoint_metier == ""
    assert parcours.enfants == [{}, {}]
    assert parcours.source == {"utm_source": "salon", "utm_campaign": "vivre"}
    assert parcours.code_parrainage == parcours.prochaine_action == ""
    assert (parcours.statut, parcours.profil) == ("en_echange", "secondes_vies")
    assert parcours.communaute_id == dossier.communaute_id
    assert "Kinésithérapeute" not in str(parcours.score_detail)
    assert parcours.score_detail[0]["points"] == 15
    assert list(parcours.messages.values_list("texte", flat=True)) == ["[effacé]"]
    assert list(parcours.notes.values_list("texte", flat=True)) == ["[effacé]"]
    assert list(parcours.changements_statut.values_list("commentaire", flat=True)) == [""]
    sejour = parcours.sejours.get()
    assert (sejour.periode_souhaitee, sejour.souhaits) == ("", "")


def test_the_confirmation_page_is_shown_once_to_the_person_who_deleted(client, fabrique, dossier):
    client.force_login(dossier.utilisateur)
    client.post(URL, {"mot_de_passe": fabrique.mot_de_passe})

    page = client.get("/accueil/compte-supprime/")
    assert page.status_code == 200
    assert "Votre compte est supprimé" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert client.get("/accueil/compte-supprime/")["Location"] == "/"


def test_an_account_without_file_can_be_deleted(client, fabrique):
    utilisateur = fabrique.utilisateur()
    client.force_login(utilisateur)
    reponse = client.post(URL, {"mot_de_passe": fabrique.mot_de_passe})
    assert reponse.status_code == 302
    assert not get_user_model().objects.filter(pk=utilisateur.pk).exists()


def test_staff_accounts_cannot_be_deleted_here(client, fabrique):
    referent = fabrique.referent()
    client.force_login(referent.utilisateur)

    assert "supprimés par un administrateur" in client.get(URL).content.decode()
    reponse = client.post(URL, {"mot_de_passe": fabrique.mot_de_passe})

    assert reponse.status_code == 403
    assert get_user_model().objects.filter(pk=referent.utilisateur_id).exists()
    with pytest.raises(SuppressionRefusee):
        compte_supprimer(utilisateur=referent.utilisateur)


def test_deleting_one_account_leaves_the_others_untouched(client, fabrique, dossier):
    autre = fabrique.parcours(telephone="05 65 00 00 00")
    client.force_login(dossier.utilisateur)
    client.post(URL, {"mot_de_passe": fabrique.mot_de_passe})
    autre.refresh_from_db()
    assert autre.anonymise_le is None
    assert autre.telephone == "05 65 00 00 00"
    assert autre.utilisateur is not None


def test_anonymous_visitors_are_sent_to_the_login(client):
    assert client.get(URL)["Location"].startswith("/compte/login/")
    assert client.post(URL, {"mot_de_passe": "x"})["Location"].startswith("/compte/login/")


def test_the_account_page_links_the_journey_the_data_and_the_deletion(client, fabrique, dossier):
    client.force_login(dossier.utilisateur)
    page = client.get("/compte/").content.decode()
    assert "Mon parcours d&#x27;accueil" in page or "Mon parcours d'accueil" in page
    assert 'href="/accueil/mon-parcours/mes-donnees/"' in page
    assert f'href="{URL}"' in page

    client.force_login(fabrique.utilisateur())
    page = client.get("/compte/").content.decode()
    assert "Je m&#x27;inscris" in page or "Je m'inscris" in page
    assert 'href="/accueil/inscription/"' in page


def test_password_guessing_is_rate_limited(client, fabrique, dossier, settings):
    from django.core.cache import cache

    cache.clear()
    settings.ACCOUNT_RATE_LIMITS = {"reauthenticate": "2/m/user"}
    client.force_login(dossier.utilisateur)
    for _ in range(2):
        assert client.post(URL, {"mot_de_passe": "essai"}).status_code == 200
    reponse = client.post(URL, {"mot_de_passe": fabrique.mot_de_passe})
    assert reponse.status_code == 429
    assert "Trop d&#x27;essais" in reponse.content.decode()
    assert get_user_model().objects.filter(pk=dossier.utilisateur_id).exists()
    cache.clear()
