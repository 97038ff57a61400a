import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.recherche.conftest import resultats

pytestmark = pytest.mark.django_db


def _requetes_sql(client, **parametres):
    cache.clear()
    with CaptureQueriesContext(connection) as requetes:
        reponse = client.get("/recherche/", parametres)
    assert reponse.status_code == 200
    return len(requetes.captured_queries), reponse.content.decode()


def test_query_count_does_not_grow_with_the_results(client, site_demo, publier):
    site_demo.introduction = "Le Lot, pays de la fouace."
    site_demo.save()
    for numero in range(5):
        publier(f"Fouace {numero}", chapo="Une brioche à la fleur d'oranger : la fouace.")
    avec_cinq, html = _requetes_sql(client, q="fouace")
    assert resultats(html) == 6

    for numero in range(5, 40):
        publier(f"Fouace {numero}", chapo="Une brioche à la fleur d'oranger : la fouace.")
    avec_quarante, html = _requetes_sql(client, q="fouace")
    assert resultats(html) == 10
    assert "41 résultats" in html
    assert avec_quarante <= avec_cinq
    assert avec_quarante <= 20

    filtre, html = _requetes_sql(client, q="fouace", type="cms.pagesimple", page="4")
    assert resultats(html) == 10
    assert filtre <= avec_cinq
