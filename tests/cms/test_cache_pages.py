import pytest
from django.test import Client

from lot_portal.cms.models import PageSimple

pytestmark = pytest.mark.django_db


def test_anonymous_page_is_served_from_cache_after_first_visit(site_demo, cache_vide, wsgi_get):
    Client().get("/mentions-legales/")
    corps, statut, misses = wsgi_get("/mentions-legales/")
    assert misses == []
    assert statut["headers"]["X-Cache"] == "HIT"
    assert "Content-Security-Policy" in statut["headers"]
    assert "Mentions légales".encode() in corps


def test_publishing_content_invalidates_the_cache(site_demo, cache_vide, wsgi_get):
    Client().get("/mentions-legales/")
    page = PageSimple.objects.get(slug="mentions-legales")
    page.title = "Mentions légales (mises à jour)"
    page.save_revision().publish()
    _, _, misses = wsgi_get("/mentions-legales/")
    assert misses == ["/mentions-legales/"]
    assert "mises à jour" in Client().get("/mentions-legales/").content.decode()


def test_a_change_published_by_another_process_shows_within_a_second(
    site_demo, cache_vide, wsgi_get
):
    from django.core.cache import cache

    from lot_portal.cms import cache as page_cache

    Client().get("/")
    assert wsgi_get("/")[2] == []
    cache.set(page_cache.GENERATION_KEY, 42, None)  # another worker published
    page_cache._local.checked_at -= page_cache.GENERATION_CHECK_SECONDS + 0.1
    assert wsgi_get("/")[2] == ["/"]


def test_session_holders_are_never_served_a_cached_page(site_demo, cache_vide, settings, wsgi_get):
    Client().get("/")
    _, _, misses = wsgi_get("/", cookie=f"{settings.SESSION_COOKIE_NAME}=abc")
    assert misses == ["/"]


def test_pages_for_logged_in_users_are_not_stored(
    site_demo, cache_vide, django_user_model, wsgi_get
):
    utilisateur = django_user_model.objects.create_user(email="a@exemple.fr", password="x")
    client = Client()
    client.force_login(utilisateur)
    assert "Mon compte" in client.get("/").content.decode()
    _, _, misses = wsgi_get("/")
    assert misses == ["/"]


def test_pages_with_a_form_token_are_not_stored(site_demo, cache_vide, wsgi_get):
    Client().get("/compte/login/")
    _, _, misses = wsgi_get("/compte/login/")
    assert misses == ["/compte/login/"]
