"""The branded 404 and 500 pages reveal nothing: no traceback, settings, paths, SQL or
version strings, and the requested path is never echoed back."""

import django
import pytest
import wagtail
from django.conf import settings
from django.urls import path

import lot_portal.urls

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

SECRET_SQL = 'SELECT "password" FROM "comptes_utilisateur" WHERE id = 1'


def boum(request):
    raise RuntimeError(f"{SECRET_SQL} {settings.BASE_DIR} {settings.SECRET_KEY}")


urlpatterns = [path("essai-boum/", boum), *lot_portal.urls.urlpatterns]
handler500 = lot_portal.urls.handler500


def _rien_ne_fuit(html):
    for indice in (
        "Traceback",
        "RuntimeError",
        "SELECT",
        "comptes_utilisateur",
        str(settings.BASE_DIR),
        settings.SECRET_KEY,
        "DJANGO_SETTINGS_MODULE",
        "URLconf",
        "lot_portal.urls",
        "Django",
        "Wagtail",
        django.get_version(),
        wagtail.__version__,
        "Python",
    ):
        assert indice not in html, indice


def test_a_raising_view_gives_the_french_500_page(client, settings, site_demo):
    settings.DEBUG = False
    client.raise_request_exception = False
    reponse = client.get("/essai-boum/")
    assert reponse.status_code == 500
    html = reponse.content.decode()
    assert "Une erreur est survenue" in html
    assert '<html lang="fr">' in html
    _rien_ne_fuit(html)


@pytest.mark.parametrize(
    "chemin",
    ["/<script>alert(1)</script>/", "/admin-secret/../../etc/passwd", "/compte/inconnue/"],
)
def test_the_404_page_is_french_and_echoes_nothing(client, settings, site_demo, chemin):
    settings.DEBUG = False
    reponse = client.get(chemin)
    assert reponse.status_code == 404
    html = reponse.content.decode()
    assert "Cette page est introuvable" in html
    assert "<script>alert" not in html and "alert(1)" not in html
    assert "etc/passwd" not in html and "inconnue" not in html
    _rien_ne_fuit(html)
