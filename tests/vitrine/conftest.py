import pytest
from django.core.cache import cache
from django.test import Client

from lot_portal.cms.cache import PageCacheWSGI, forget_local_copy


@pytest.fixture
def cache_vide(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    forget_local_copy()


@pytest.fixture
def sans_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def equipe(db, django_user_model):
    client = Client()
    client.force_login(
        django_user_model.objects.create_superuser(email="equipe@lot.fr", password="x")
    )
    return client


@pytest.fixture
def habitant(db, django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_user(email="hab@lot.fr", password="x"))
    return client


@pytest.fixture
def wsgi_get():
    return _wsgi_get


def _wsgi_get(path, query=""):
    """Ask the page cache's WSGI wrapper; returns the paths that missed it."""
    misses = []

    def application(environ, start_response):
        misses.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"miss"]

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "HTTP_HOST": "testserver",
        "HTTP_COOKIE": "",
    }
    b"".join(PageCacheWSGI(application)(environ, lambda status, headers: None))
    return misses


@pytest.fixture
def site_demo(site_demo):
    """The core demo site plus this section's demo content (not the others')."""
    import os

    from lot_portal.vitrine.demo import seed

    seed(accueil=site_demo, stdout=open(os.devnull, "w"))  # noqa: SIM115
    return site_demo
