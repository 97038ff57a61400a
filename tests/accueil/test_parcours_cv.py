"""CVs: PDF checked by content, 5 Mo, private storage with a random name, consent."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accueil.models import CurriculumVitae, TransmissionCV

pytestmark = pytest.mark.django_db
URL = "/accueil/mon-parcours/cv/"
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def parcours(fabrique, client):
    parcours = fabrique.parcours()
    client.force_login(parcours.utilisateur)
    return parcours


def _deposer(client, nom, contenu, titulaire="arrivant", type_mime="application/pdf"):
    fichier = SimpleUploadedFile(nom, contenu, content_type=type_mime)
    return client.post(URL, {"titulaire": titulaire, "fichier": fichier})


def test_adresse_francaise():
    assert reverse("accueil:parcours_cv") == URL


def test_deposer_telecharger_supprimer(client, parcours, settings):
    response = _deposer(client, "CV Léa Martin.pdf", PDF, titulaire="conjoint")
    assert response.status_code == 302
    cv = CurriculumVitae.objects.get(parcours=parcours)
    assert cv.titulaire == "conjoint"
    assert cv.nom_original == "CV Léa Martin.pdf"
    assert cv.taille == len(PDF)
    # Stored under a random name, in the private storage (never under MEDIA_ROOT).
    assert "Martin" not in cv.fichier.name
    chemin = cv.fichier.path
    assert chemin.startswith(str(settings.STORAGES["prive"]["OPTIONS"]["location"]))
    assert not chemin.startswith(str(settings.MEDIA_ROOT))
    contenu = client.get(URL).content.decode()
    assert "CV Léa Martin.pdf" in contenu
    assert "Mon conjoint" in contenu
    assert "aucun employeur" in contenu

    response = client.get(reverse("accueil:parcours_cv_telecharger", args=[cv.pk]))
    assert b"".join(response.streaming_content) == PDF
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]

    url_suppression = reverse("accueil:parcours_cv_supprimer", args=[cv.pk])
    assert "Supprimer le CV" in client.get(url_suppression).content.decode()
    response = client.post(url_suppression)
    assert response.status_code == 302
    assert not CurriculumVitae.objects.exists()


def test_fichier_efface_apres_suppression(client, parcours, django_capture_on_commit_callbacks):
    _deposer(client, "cv.pdf", PDF)
    cv = CurriculumVitae.objects.get()
    stockage, nom = cv.fichier.storage, cv.fichier.name
    assert stockage.exists(nom)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accueil:parcours_cv_supprimer", args=[cv.pk]))
    assert not stockage.exists(nom)


@pytest.mark.parametrize(
    ("nom", "contenu", "erreur"),
    [
        ("faux.pdf", b"Ceci n'est pas un PDF", "n&#x27;est pas un PDF"),
        ("page.pdf", b"<html><script>alert(1)</script></html>", "n&#x27;est pas un PDF"),
        ("vide.pdf", b"", "Ce fichier est vide"),
        ("gros.pdf", PDF + b"0" * (5 * 1024 * 1024), "doit peser 5 Mo au plus"),
        ("x" * 210 + ".pdf", PDF, "nom du fichier est trop long"),
    ],
)
def test_fichiers_refuses(client, parcours, nom, contenu, erreur):
    response = _deposer(client, nom, contenu)
    assert response.status_code == 400
    assert erreur in response.content.decode()
    assert not CurriculumVitae.objects.exists()


def test_titulaire_inconnu_ou_fichier_manquant(client, parcours):
    response = client.post(URL, {"titulaire": "voisin"})
    assert response.status_code == 400
    contenu = response.content.decode()
    assert "Choisissez « Moi » ou « Mon conjoint »" in contenu
    assert "Choisissez le fichier PDF de votre CV" in contenu


def test_pdf_mal_nomme_accepte_par_son_contenu(client, parcours):
    assert _deposer(client, "cv.txt", PDF, type_mime="text/plain").status_code == 302


def test_transmissions_visibles(client, parcours, fabrique):
    _deposer(client, "cv.pdf", PDF)
    cv = CurriculumVitae.objects.get()
    TransmissionCV.objects.create(
        cv=cv, destinataire="Clinique du Quercy", destinataire_email="rh@clinique.example"
    )
    contenu = client.get(URL).content.decode()
    assert "Clinique du Quercy" in contenu
    assert "<caption>Transmissions de ce CV</caption>" in contenu


def test_consentement(client, parcours):
    url = reverse("accueil:parcours_cv_consentement")
    client.post(url, {"consentement": "on"})
    parcours.refresh_from_db()
    assert parcours.consentement_transmission_cv
    client.post(url, {})
    parcours.refresh_from_db()
    assert not parcours.consentement_transmission_cv
    client.post(url, {"consentement": ["n'importe quoi", "x"]})
    assert client.get(url).status_code == 405


def test_budget_de_requetes_de_la_page_des_cv(client, parcours):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def ajouter(n):
        for _ in range(n):
            _deposer(client, "cv.pdf", PDF)
            cv = CurriculumVitae.objects.order_by("-pk").first()
            TransmissionCV.objects.create(cv=cv, destinataire="Employeur")

    def compter():
        client.get(URL)
        with CaptureQueriesContext(connection) as requetes:
            assert client.get(URL).status_code == 200
        return len(requetes)

    ajouter(2)
    avec_deux = compter()
    ajouter(10)
    avec_douze = compter()
    assert avec_deux == avec_douze
