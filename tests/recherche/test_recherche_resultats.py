import re

import pytest
from django.core.management import call_command

from tests.recherche.conftest import liens, resultats

pytestmark = pytest.mark.django_db


def _rechercher(client, **parametres):
    reponse = client.get("/recherche/", parametres)
    assert reponse.status_code == 200
    return reponse.content.decode()


def test_search_finds_published_pages(client, site_demo):
    call_command("update_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    reponse = client.get("/recherche/", {"q": "accessibilité"})
    assert reponse.status_code == 200
    assert "/accessibilite/" in reponse.content.decode()


def test_each_result_shows_its_title_link_type_and_highlighted_excerpt(client, publier):
    publier(
        "La zabroue du Quercy",
        slug="zabroue",
        chapo="Le marché aux zabroues de Lalbenque se tient le mardi.",
    )
    html = _rechercher(client, q="zabroues")
    assert resultats(html) == 1
    assert '<a href="/zabroue/">La <mark>zabroue</mark> du Quercy</a>' in html
    assert '<p class="resultat__type">Page simple</p>' in html
    assert "Le marché aux <mark>zabroues</mark> de Lalbenque se tient le mardi." in html
    assert re.search(r'<p class="page-recherche__statut" role="status">\s*1 résultat pour', html)
    assert 'href="/static/css/recherche.css"' in html


def test_counts_per_type_and_type_filter(client, site_demo, publier):
    for numero in range(3):
        publier(f"Cabécou numéro {numero}", chapo="Un fromage de chèvre du Lot.")
    site_demo.introduction = "Le pays du cabécou et de la truffe."
    site_demo.save()

    html = _rechercher(client, q="cabécou")
    assert resultats(html) == 4
    filtres = html.split('class="filtres-types"')[1].split("</nav>")[0]
    assert 'aria-current="page">Tous les résultats <span class="filtres-types__nombre">(4)' in (
        filtres
    )
    assert 'href="?q=cab%C3%A9cou&amp;type=cms.pagesimple">Pages simples' in filtres
    assert "(3)</span>" in filtres and "(1)</span>" in filtres

    html = _rechercher(client, q="cabécou", type="cms.pagesimple")
    assert resultats(html) == 3
    assert "<mark>Cabécou</mark> numéro" in html and "Le pays du" not in html
    assert 'type=cms.pagesimple" aria-current="page">Pages simples' in html
    assert "3 résultats pour « cabécou » parmi les pages simples." in html

    html = _rechercher(client, q="cabécou", type="cms.homepage")
    assert resultats(html) == 1


def test_unknown_or_absent_type_is_ignored(client, publier):
    publier("Zoix du Périgord", chapo="La zoix.")
    for type_ in ["n-importe-quoi", "comptes.utilisateur", "wagtailcore.page", "", "cms."]:
        html = _rechercher(client, q="zoix", type=type_)
        assert resultats(html) == 1, type_
        assert 'aria-current="page">Tous les résultats' in html


def test_pagination_keeps_query_and_type(client, publier):
    for numero in range(12):
        publier(f"Gariotte {numero}", chapo="Cabane de pierre sèche.")
    html = _rechercher(client, q="gariotte", type="cms.pagesimple")
    assert resultats(html) == 10
    assert 'href="?q=gariotte&amp;type=cms.pagesimple&amp;page=2">Page suivante' in html
    html = _rechercher(client, q="gariotte", type="cms.pagesimple", page="2")
    assert resultats(html) == 2
    assert 'href="?q=gariotte&amp;type=cms.pagesimple&amp;page=1">Page précédente' in html
    assert '<ol class="resultats" start="11">' in html


def test_no_result_gives_suggestions(client, site_demo):
    html = _rechercher(client, q="zzyzzx")
    assert '<p role="status">Aucun résultat pour « zzyzzx ».</p>' in html
    assert "Vérifiez l'orthographe" in html
    assert "attractivite-departement@lot.fr" in html


def test_all_words_first_then_any_word(client, publier):
    publier("Le causse de Gramat", chapo="Pelouses sèches et zolines.")
    publier("Le causse de Limogne", chapo="Dolmens et zavoirs.")
    html = _rechercher(client, q="causse zolines")
    assert resultats(html) == 1 and "Gramat" in html
    html = _rechercher(client, q="zolines zavoirs")
    assert resultats(html) == 2
    assert "Aucune page ne contient tous vos mots" in html


def test_quoted_phrase(client, publier):
    publier("Vallée du Zélé", chapo="Le village de Zarcilhac est dans la vallée du Zélé.")
    publier("Zélé et vallée", chapo="Une vallée, puis le Zélé plus loin.")
    html = _rechercher(client, q='"vallée du Zélé"')
    assert liens(html) == ["/vallee-du-zele/"]
    assert "Zarcilhac" in html


def test_page_without_query_shows_the_form_only(client, site_demo):
    html = _rechercher(client)
    assert 'role="search" aria-label="Nouvelle recherche"' in html
    assert 'role="status"' not in html.split("<main")[1]
