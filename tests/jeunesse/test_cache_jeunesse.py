"""The anonymous page cache forgets the jeunesse pages when their public content changes,
and only then (an applicant's draft never empties it for everybody)."""

import pytest
from django.test import Client

from jeunesse.models import AppelAProjets

pytestmark = pytest.mark.django_db


def test_editing_a_call_refreshes_the_cached_list(fabrique_jeu, cache_vide, wsgi_get):
    appel = fabrique_jeu.appel(titre="Initiatives jeunes")
    Client().get("/jeunesse/appels/")
    _, _, misses = wsgi_get("/jeunesse/appels/")
    assert misses == []
    AppelAProjets.objects.get(pk=appel.pk).save()
    appel.titre = "Initiatives jeunes (prolongé)"
    appel.save()
    _, _, misses = wsgi_get("/jeunesse/appels/")
    assert misses == ["/jeunesse/appels/"]
    assert "prolongé" in Client().get("/jeunesse/appels/").content.decode()


def test_saving_a_draft_keeps_the_cache(fabrique_jeu, cache_vide, wsgi_get):
    appel = fabrique_jeu.appel()
    candidature = fabrique_jeu.candidature(appel)
    Client().get("/jeunesse/appels/")
    candidature.resume = "Nouveau résumé"
    candidature.save()
    _, _, misses = wsgi_get("/jeunesse/appels/")
    assert misses == []
