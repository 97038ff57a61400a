"""Capturing responses are never cached; the same pages without parameters are."""

import pytest
from django.test import Client

from lot_portal.vitrine.models import CampagnePage

pytestmark = pytest.mark.django_db


def test_plain_page_stays_cacheable(site_demo, cache_vide, wsgi_get):
    reponse = Client().get("/vivre-dans-le-lot/nature/")
    assert "private" not in reponse.get("Cache-Control", "")
    assert wsgi_get("/vivre-dans-le-lot/nature/") == []  # served from the cache


def test_landing_url_with_utm_parameters_is_not_cached(site_demo, cache_vide, wsgi_get):
    query = "utm_source=facebook&utm_campaign=printemps"
    client = Client()
    client.get(f"/vivre-dans-le-lot/nature/?{query}")
    client.get(f"/vivre-dans-le-lot/nature/?{query}")  # second visit: cookie already set
    assert wsgi_get("/vivre-dans-le-lot/nature/", query) == ["/vivre-dans-le-lot/nature/"]


def test_campaign_page_is_never_served_from_the_cache(site_demo, cache_vide, wsgi_get):
    url = CampagnePage.objects.get().url
    Client().get(url)
    assert wsgi_get(url) == [url]
