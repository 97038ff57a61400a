"""The index and a story page run a number of queries that does not grow with the stories."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def _requetes(client, url):
    cache.clear()  # the page cache would answer without any query
    client.get(url)  # renditions are made on the first visit
    cache.clear()
    with CaptureQueriesContext(connection) as requetes:
        reponse = client.get(url)
    assert reponse.status_code == 200
    return len(requetes.captured_queries)


def _peupler(creer_histoire, creer_image, communes, thematiques, nombre, debut=0):
    illustration = creer_image()
    noms = list(communes)
    profils = ["jeunes", "wanted", "touristes", "secondes_vies"]
    liste_thematiques = list(thematiques.values())
    return [
        creer_histoire(
            f"Histoire numéro {numero}",
            commune=communes[noms[numero % len(noms)]],
            profils=profils[numero % 4 : numero % 4 + 2],
            thematiques=liste_thematiques[numero % 3 : numero % 3 + 2],
            illustration=illustration,
        )
        for numero in range(debut, debut + nombre)
    ]


@pytest.mark.parametrize(
    "parametres", ["", "?profil=jeunes", "?profil=wanted&thematique=sante&page=2"]
)
def test_index_queries_do_not_grow_with_stories(
    client, creer_histoire, creer_image, communes, thematiques, parametres
):
    _peupler(creer_histoire, creer_image, communes, thematiques, 30)
    avec_30 = _requetes(client, "/histoires/" + parametres)
    _peupler(creer_histoire, creer_image, communes, thematiques, 170, debut=30)
    avec_200 = _requetes(client, "/histoires/" + parametres)
    assert avec_200 == avec_30
    assert avec_200 <= 25


def test_story_page_queries_do_not_grow_with_stories(
    client, creer_histoire, creer_image, communes, thematiques
):
    histoires = _peupler(creer_histoire, creer_image, communes, thematiques, 10)
    url = histoires[0].url
    avec_10 = _requetes(client, url)
    _peupler(creer_histoire, creer_image, communes, thematiques, 190, debut=10)
    avec_200 = _requetes(client, url)
    assert avec_200 == avec_10
    assert avec_200 <= 30


def test_home_page_latest_stories_cost_a_fixed_number_of_queries(
    client, accueil, creer_histoire, creer_image, communes, thematiques
):
    _peupler(creer_histoire, creer_image, communes, thematiques, 3)
    avec_3 = _requetes(client, "/")
    _peupler(creer_histoire, creer_image, communes, thematiques, 30, debut=3)
    avec_33 = _requetes(client, "/")
    assert avec_33 == avec_3
    html = client.get("/").content.decode()
    assert html.count('class="carte-histoire"') == 3
