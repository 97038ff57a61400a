"""Cached anonymous pages show fresh seat counts after a registration or a cancellation."""

import pytest
from django.core.cache import cache
from django.test import Client

from lot_portal.agenda import services
from lot_portal.cms.cache import PageCacheWSGI, forget_local_copy

pytestmark = pytest.mark.django_db


def _depuis_le_cache(path):
    misses = []

    def application(environ, start_response):
        misses.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"miss"]

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "HTTP_HOST": "testserver",
        "HTTP_COOKIE": "",
    }
    corps = b"".join(PageCacheWSGI(application)(environ, lambda *args: None))
    return None if misses else corps.decode()


@pytest.fixture
def cache_actif(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    forget_local_copy()


def test_event_page_and_list_are_cached_then_refreshed(
    creer_evenement, cache_actif, django_capture_on_commit_callbacks
):
    evenement = creer_evenement(capacite=10)
    for path in (evenement.url, "/agenda/"):
        Client().get(path)
        assert "10 places restantes" in _depuis_le_cache(path)
    with django_capture_on_commit_callbacks(execute=True):
        inscription = services.inscription_creer(
            evenement=evenement, prenom="A", nom="B", email="a@exemple.fr", nombre_personnes=4
        )
    assert _depuis_le_cache(evenement.url) is None
    assert "6 places restantes" in Client().get(evenement.url).content.decode()

    assert "6 places restantes" in _depuis_le_cache(evenement.url)
    with django_capture_on_commit_callbacks(execute=True):
        services.inscription_annuler(inscription=inscription)
    assert _depuis_le_cache(evenement.url) is None


def test_registration_form_is_not_cached(creer_evenement, cache_actif):
    evenement = creer_evenement()
    Client().get(evenement.url + "inscription/")
    assert _depuis_le_cache(evenement.url + "inscription/") is None
