"""Cached anonymous pages show fresh seat counts after a registration or a cancellation."""

import pytest
from django.test import Client

from lot_portal.agenda import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def depuis_le_cache(wsgi_get):
    """The cached HTML of ``path``, or None when it is not in the cache."""

    def lire(path):
        corps, _, misses = wsgi_get(path)
        return None if misses else corps.decode()

    return lire


def test_event_page_and_list_are_cached_then_refreshed(
    creer_evenement, cache_vide, depuis_le_cache, django_capture_on_commit_callbacks
):
    evenement = creer_evenement(capacite=10)
    for path in (evenement.url, "/agenda/"):
        Client().get(path)
        assert "10 places restantes" in depuis_le_cache(path)
    with django_capture_on_commit_callbacks(execute=True):
        inscription = services.inscription_creer(
            evenement=evenement, prenom="A", nom="B", email="a@exemple.fr", nombre_personnes=4
        )
    assert depuis_le_cache(evenement.url) is None
    assert "6 places restantes" in Client().get(evenement.url).content.decode()

    assert "6 places restantes" in depuis_le_cache(evenement.url)
    with django_capture_on_commit_callbacks(execute=True):
        services.inscription_annuler(inscription=inscription)
    assert depuis_le_cache(evenement.url) is None


def test_registration_form_is_not_cached(creer_evenement, cache_vide, depuis_le_cache):
    evenement = creer_evenement()
    Client().get(evenement.url + "inscription/")
    assert depuis_le_cache(evenement.url + "inscription/") is None
