"""The cache (Redis) down: public pages still answer, login still works, never a 500.

``lot_portal.cache.TolerantRedisCache`` (what ``settings._cache_from_url`` gives for a
``redis://`` URL) answers like an empty cache when Redis does not answer. The tests point
the cache at a private ``redis-server`` that they stop, and at a port where nothing listens;
the page cache middleware and allauth's rate limits (which use the cache) must survive.
"""

import html

import pytest
from _pannes import port_libre, redis_prive  # noqa: F401
from django.core.cache import cache
from django.urls import reverse
from fabriques import MOT_DE_PASSE, UtilisateurFactory
from redis.exceptions import ConnectionError as RedisConnectionError

from lot_portal.cms.cache import forget_local_copy
from lot_portal.settings.base import _cache_from_url


def _caches_vers(settings, url, backend=None):
    config = _cache_from_url(url)
    if backend:
        config["BACKEND"] = backend
    settings.CACHES = {"default": config}  # django resets its cache handler on change
    settings.PAGE_CACHE_SECONDS = 600
    forget_local_copy()


@pytest.fixture
def limites_allauth(settings):
    """allauth's rate limits switched on (the test settings switch them off)."""
    del settings.ACCOUNT_RATE_LIMITS
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/ip,3/5m/key", "login": "30/m/ip"}


def test_settings_give_the_tolerant_backend_for_redis():
    assert _cache_from_url("redis://127.0.0.1:6379/1")["BACKEND"] == (
        "lot_portal.cache.TolerantRedisCache"
    )


@pytest.mark.django_db
def test_plain_redis_cache_would_fail_on_a_dead_server(settings):
    """What the tolerant backend is for (so the tests below can fail)."""
    _caches_vers(
        settings,
        f"redis://127.0.0.1:{port_libre()}/0",
        backend="django.core.cache.backends.redis.RedisCache",
    )
    with pytest.raises(RedisConnectionError):
        cache.get("x")


def test_tolerant_cache_is_a_miss_when_redis_is_down(settings):
    _caches_vers(settings, f"redis://127.0.0.1:{port_libre()}/0")
    assert cache.get("x", "défaut") == "défaut"
    assert cache.set("x", 1) is None
    assert cache.add("verrou", True) is True  # allauth's lock never waits
    assert cache.get_many(["a", "b"]) == {}
    assert cache.delete("x") is False
    assert cache.get_or_set("y", lambda: 3) == 3
    with pytest.raises(ValueError):
        cache.incr("compteur")


def test_pages_and_login_when_redis_stops(
    settings,
    client,
    site_demo,
    limites_allauth,
    redis_prive,  # noqa: F811
):
    _caches_vers(settings, redis_prive.url)
    utilisateur = UtilisateurFactory(email="lea@exemple.fr")
    # Redis up: the home page is cached.
    assert client.get("/").status_code == 200
    assert cache.get("pagecache:generation", "absent") is not None
    assert any(k.startswith(b":1:pagecache:") for k in cache._cache.get_client().keys("*"))

    redis_prive.arreter()
    forget_local_copy()
    # Public pages answer, from Django (nothing cached can be read).
    for chemin in ("/", "/", "/robots.txt"):
        reponse = client.get(chemin)
        assert reponse.status_code == 200, chemin
        assert reponse.get("X-Cache") != "HIT"
    # The login page and a wrong password: a French error, no 500.
    assert client.get(reverse("account_login")).status_code == 200
    reponse = client.post(
        reverse("account_login"), {"login": "lea@exemple.fr", "password": "mauvais"}
    )
    assert reponse.status_code == 200
    assert "incorrect" in html.unescape(reponse.content.decode())
    # The right password logs in.
    reponse = client.post(
        reverse("account_login"), {"login": "lea@exemple.fr", "password": MOT_DE_PASSE}
    )
    assert reponse.status_code == 302
    assert int(client.session["_auth_user_id"]) == utilisateur.pk
    client.logout()

    # Redis back: the cache is used again (after the pause that follows an error).
    redis_prive.demarrer()
    from django.core.cache import caches

    caches["default"]._en_pause_jusqu_a = 0.0
    cache.set("retour", "oui")
    assert cache.get("retour") == "oui"


def test_health_probe_reports_the_cache_down_not_a_500(settings, client):
    _caches_vers(settings, f"redis://127.0.0.1:{port_libre()}/0")
    reponse = client.get(reverse("sante"))
    assert reponse.status_code in (200, 503)
    assert "indisponible" in reponse.content.decode()
