import pytest
from django.test import Client


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
def wsgi_get(wsgi_get):
    """Here only the paths that missed the cache matter."""
    return lambda path, query="": wsgi_get(path, query)[2]


@pytest.fixture
def site_demo(site_demo):
    """The core demo site plus this section's demo content (not the others')."""
    import os

    from lot_portal.vitrine.demo import seed

    seed(accueil=site_demo, stdout=open(os.devnull, "w"))  # noqa: SIM115
    return site_demo
