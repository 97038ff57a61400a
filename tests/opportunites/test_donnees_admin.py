"""The admin upload « Importer des offres »: permission, report, model file."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from opportunites.models import OffreEmploiPage
from opportunites.services.imports import modele_csv

pytestmark = pytest.mark.django_db
URL = "/admin/opportunites/import/"


def _compte(email, *, groupe=None, superuser=False, staff=True):
    utilisateur = get_user_model().objects.create_user(
        email=email, password="x", is_superuser=superuser, is_staff=staff
    )
    if groupe:
        utilisateur.groups.add(groupe)
    return utilisateur


@pytest.fixture
def comptes(opp):
    redaction = Group.objects.create(name="Autre équipe")
    redaction.permissions.add(Permission.objects.get(codename="access_admin"))
    return {
        "superuser": _compte("admin@exemple.fr", superuser=True),
        "moderation": _compte("moderation@exemple.fr", groupe=opp.moderation, staff=False),
        "partenaire": _compte("partenaire@exemple.fr", groupe=opp.partenaires, staff=False),
        "autre": _compte("autre@exemple.fr", groupe=redaction),
    }


@pytest.mark.parametrize(
    ("role", "statuts"),
    [("superuser", (200, 200)), ("moderation", (200, 200)), ("partenaire", (302, 302)),
     # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
     ("autre", (302, 302)), (None, (302, 302))],
)  # fmt: skip
def test_permission_matrix(client, comptes, role, statuts):
    if role:
        client.force_login(comptes[role])
    page = client.get(URL)
    modele = client.get(URL + "modele.csv")
    envoi = client.post(URL, {"fichier": SimpleUploadedFile("o.csv", modele_csv())})
    assert (page.status_code, modele.status_code) == statuts
    assert envoi.status_code == statuts[0]
    if statuts[0] != 200:
        assert not OffreEmploiPage.objects.exists()
        attendu = "/admin/" if role == "autre" else "/compte/login/"
        assert page["Location"].startswith(attendu) or role == "partenaire"


def test_menu_item_only_for_importers(client, comptes):
    client.force_login(comptes["moderation"])
    assert "Importer des offres" in client.get("/admin/").content.decode()
    client.force_login(comptes["autre"])
    assert "Importer des offres" not in client.get("/admin/").content.decode()


def test_upload_shows_the_report(client, comptes):
    client.force_login(comptes["moderation"])
    page = client.get(URL)
    contenu = page.content.decode()
    assert "candidature_email" in contenu and "modele.csv" in contenu
    assert "<caption>Les colonnes du fichier</caption>" in contenu

    reponse = client.post(
        URL, {"fichier": SimpleUploadedFile("o.csv", modele_csv()), "simulation": "on"}
    )
    assert "2 offre(s) seraient créée(s)" in reponse.content.decode()
    assert not OffreEmploiPage.objects.exists()

    reponse = client.post(URL, {"fichier": SimpleUploadedFile("o.csv", modele_csv())})
    assert "2 offre(s) ont été créée(s)" in reponse.content.decode()
    assert OffreEmploiPage.objects.count() == 2


def test_upload_errors_are_listed_and_nothing_is_imported(client, comptes):
    client.force_login(comptes["superuser"])
    mauvais = modele_csv().replace(b";CDI;", b";CDX;")
    reponse = client.post(URL, {"fichier": SimpleUploadedFile("o.csv", mauvais)})
    contenu = reponse.content.decode()
    assert reponse.status_code == 200
    assert "Ligne 2, colonne « contrat »" in contenu
    assert (
        "aucune offre n&#x27;a été importée" in contenu
        or "aucune offre n'a été importée" in contenu
    )
    assert not OffreEmploiPage.objects.exists()

    binaire = client.post(
        URL, {"fichier": SimpleUploadedFile("photo.csv", b"\x89PNG\x00\x00\x01\x02" * 50)}
    )
    assert binaire.status_code == 200
    assert "pas un fichier CSV" in binaire.content.decode()

    vide = client.post(URL, {})
    assert vide.status_code == 200 and "Choisissez un fichier CSV." in vide.content.decode()


def test_model_file_download(client, comptes):
    client.force_login(comptes["superuser"])
    reponse = client.get(URL + "modele.csv")
    assert reponse["Content-Type"].startswith("text/csv")
    assert reponse.content.startswith(b"\xef\xbb\xbfreference;titre;employeur")
