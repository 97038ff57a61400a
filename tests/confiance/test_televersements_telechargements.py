"""Accepted files: where they are stored and who may download them (issue #9).

Private files (CVs, youth pieces) live in storage ``"prive"`` under random names and are
streamed by permission-checking views as attachments with ``nosniff``; Wagtail documents are
only served by Wagtail's view, as attachments (PDF included), never from ``/media/``. The
youth pieces' download views are covered by ``tests/jeunesse/test_candidatures_pieces.py``
(owner: attachment + nosniff; another applicant: 404).
"""

import re

import pytest
from _fichiers import pdf
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from fabriques import UtilisateurFactory
from wagtail.documents import get_document_model
from wagtail.models import Collection

from accueil.models import CurriculumVitae, ParcoursAccueil

pytestmark = pytest.mark.django_db
URL_CV = "/accueil/mon-parcours/cv/"


def _parcours(compte):
    return ParcoursAccueil.objects.create(
        utilisateur=compte, prenom="Léa", nom="Martin", consentement_le=timezone.now()
    )


@pytest.fixture
def cv_depose(client):
    compte = UtilisateurFactory()
    _parcours(compte)
    client.force_login(compte)
    envoi = SimpleUploadedFile("../../Mon CV\u202efdp.exe", pdf(), content_type="text/html")
    reponse = client.post(URL_CV, {"titulaire": "arrivant", "fichier": envoi})
    assert reponse.status_code == 302, reponse.content.decode()[:500]
    client.logout()
    return compte, CurriculumVitae.objects.get()


def test_cv_stored_privately_under_a_random_name(cv_depose):
    _compte, cv = cv_depose
    prive = str(settings.STORAGES["prive"]["OPTIONS"]["location"])
    assert cv.fichier.path.startswith(prive)
    assert not cv.fichier.path.startswith(str(settings.MEDIA_ROOT))
    assert re.fullmatch(r"cv/\d{4}/\d{2}/[A-Za-z0-9_-]{32}\.pdf", cv.fichier.name), cv.fichier.name
    assert cv.nom_original == "Mon CVfdp.exe"  # no path, no right-to-left override


def test_cv_download_owner_gets_an_attachment_with_nosniff(client, cv_depose):
    compte, cv = cv_depose
    client.force_login(compte)
    reponse = client.get(reverse("accueil:parcours_cv_telecharger", args=[cv.pk]))
    assert reponse.status_code == 200
    assert reponse["Content-Disposition"].startswith("attachment")
    assert "\u202e" not in reponse["Content-Disposition"]
    assert reponse["X-Content-Type-Options"] == "nosniff"
    assert reponse["Content-Type"] == "application/pdf"
    assert "no-store" in reponse["Cache-Control"]
    assert b"".join(reponse.streaming_content) == pdf()


def test_cv_download_refused_to_another_user_and_to_anonymous(client, cv_depose):
    _compte, cv = cv_depose
    adresse = reverse("accueil:parcours_cv_telecharger", args=[cv.pk])
    reponse = client.get(adresse)
    assert reponse.status_code == 302
    assert reponse["Location"].startswith(reverse("account_login"))
    intrus = UtilisateurFactory()
    _parcours(intrus)
    client.force_login(intrus)
    assert client.get(adresse).status_code in (403, 404)


def test_cv_forwarding_link_with_a_forged_token_is_refused(client, cv_depose):
    reponse = client.get(reverse("accueil:cv_transmis", args=["faux-jeton"]))
    assert reponse.status_code == 404
    assert "Content-Disposition" not in reponse


def test_private_storage_is_not_served_under_media(client, cv_depose):
    _compte, cv = cv_depose
    assert client.get(f"/media/{cv.fichier.name}").status_code == 404


# --- Wagtail documents ------------------------------------------------------------------------


@pytest.fixture
def document_pdf(client):
    racine = Collection.get_first_root_node() or Collection.add_root(name="Racine")
    admin = UtilisateurFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    reponse = client.post(
        "/admin/documents/add/",
        {
            "title": "Brochure",
            "collection": racine.pk,
            "file": SimpleUploadedFile("brochure.pdf", pdf(), content_type="application/pdf"),
        },
    )
    assert reponse.status_code == 302, reponse.context["form"].errors
    client.logout()
    return get_document_model().objects.get()


def test_wagtail_document_served_as_attachment_with_nosniff_and_csp(client, document_pdf):
    reponse = client.get(document_pdf.url)
    assert reponse.status_code == 200
    assert reponse["Content-Disposition"].startswith("attachment")
    assert reponse["X-Content-Type-Options"] == "nosniff"
    assert reponse["Content-Security-Policy"] == "default-src 'none'"


def test_wagtail_document_file_not_reachable_under_media(client, document_pdf):
    assert document_pdf.file.name.startswith("documents/")
    assert client.get(f"/media/{document_pdf.file.name}").status_code == 404
