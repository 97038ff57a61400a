"""« Devenir ambassadeur »: login required, form errors, one application per account,
staff email."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from ambassadeurs.models import Ambassadeur, StatutAmbassadeur

URL = "/ambassadeurs/devenir-ambassadeur/"


def _donnees(commune, **autres):
    donnees = {
        "prenom": "Léa",
        "nom": "Martin",
        "commune": commune.pk,
        "profession": "Infirmière",
        "secteur": "sante",
        "origine": "revenu",
        "arrive_de": "",
        "histoire": "Partie à Toulouse pour mes études, revenue à Figeac.",
        "interets": "rugby",
        "offres": ["questions", "accueil"],
        "profils": ["jeunes"],
        "champs_publics": ["commune", "photo"],
        "charte": "on",
    }
    donnees.update(autres)
    return donnees


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_login_with_next(client):
    reponse = client.get(URL)
    assert reponse.status_code == 302
    assert "next=/ambassadeurs/devenir-ambassadeur/" in reponse["Location"]


@pytest.mark.django_db
def test_application_is_saved_with_photo_and_staff_is_emailed(
    client, fabrique_amb, django_capture_on_commit_callbacks
):
    commune = fabrique_amb.commune()
    equipe = fabrique_amb.utilisateur(email="equipe@lot.fr", is_staff=True)
    equipe.user_permissions.add(Permission.objects.get(codename="change_ambassadeur"))
    fabrique_amb.utilisateur(email="autre-staff@lot.fr", is_staff=True)  # no permission
    compte = fabrique_amb.utilisateur(email="lea@exemple.fr")
    client.force_login(compte)
    assert "Devenir ambassadeur" in client.get(URL).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(URL, _donnees(commune, photo_fichier=fabrique_amb.image()))

    assert reponse.status_code == 302
    ambassadeur = Ambassadeur.objects.get(utilisateur=compte)
    assert ambassadeur.statut == StatutAmbassadeur.CANDIDATURE
    assert ambassadeur.photo is not None
    assert ambassadeur.charte_acceptee_le is not None
    assert len(ambassadeur.code_parrainage) == 8
    assert [m.to for m in mail.outbox] == [["equipe@lot.fr"]]
    assert "Léa Martin" in mail.outbox[0].body
    page = client.get(URL).content.decode()
    assert "Candidature en attente" in page


@pytest.mark.django_db
def test_one_application_per_account(client, fabrique_amb):
    commune = fabrique_amb.commune()
    ambassadeur = fabrique_amb.ambassadeur(statut=StatutAmbassadeur.REFUSE)
    client.force_login(ambassadeur.utilisateur)
    reponse = client.post(URL, _donnees(commune))
    assert reponse.status_code == 200
    assert "Votre candidature n'a pas été retenue" in reponse.content.decode()
    assert Ambassadeur.objects.count() == 1


@pytest.mark.django_db
def test_empty_form_shows_french_errors_and_keeps_input(client, fabrique_amb):
    commune = fabrique_amb.commune()
    client.force_login(fabrique_amb.utilisateur())
    donnees = _donnees(commune, prenom="", offres=[], origine="arrive", arrive_de="")
    del donnees["charte"]
    reponse = client.post(URL, donnees)
    page = reponse.content.decode()
    assert reponse.status_code == 200
    for erreur in (
        "Indiquez votre prénom.",
        "Cochez au moins une chose que vous aimeriez faire.",
        "Indiquez d&#x27;où vous êtes arrivé·e.",
        "Acceptez la charte pour envoyer votre candidature.",
    ):
        assert erreur in page
    assert "Infirmière" in page  # input kept
    assert 'aria-invalid="true"' in page
    assert not Ambassadeur.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fichier",
    [
        SimpleUploadedFile("x.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"),
        SimpleUploadedFile("x.jpg", b"MZ\x90\x00 not an image", "image/jpeg"),
        SimpleUploadedFile("x.jpg", b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024 + 10), "image/jpeg"),
    ],
    ids=["svg", "executable-renomme", "trop-lourd"],
)
def test_bad_photos_are_refused_in_french(client, fabrique_amb, fichier):
    commune = fabrique_amb.commune()
    client.force_login(fabrique_amb.utilisateur())
    reponse = client.post(URL, _donnees(commune, photo_fichier=fichier))
    assert reponse.status_code == 200
    assert 'id="id_photo_fichier_erreur"' in reponse.content.decode()
    assert not Ambassadeur.objects.exists()


@pytest.mark.django_db
def test_tampered_choices_give_errors_not_500(client, fabrique_amb):
    client.force_login(fabrique_amb.utilisateur())
    donnees = _donnees(
        fabrique_amb.commune(), secteur="x", offres=["pirate"], champs_publics=["email"]
    )
    donnees["commune"] = "999999"
    reponse = client.post(URL, donnees)
    assert reponse.status_code == 200
    page = reponse.content.decode()
    assert "Choisissez une commune de la liste." in page
    assert "Cochez les choix proposés." in page
