"""A topic page shows the stories chosen by the editor, as cards, in their order."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lot_portal.cms.models import PageSimple
from lot_portal.vitrine.models import VivrePage

pytestmark = pytest.mark.django_db


def _histoires(accueil, nombre, prefixe="Histoire"):
    pages = []
    for numero in range(nombre):
        page = PageSimple(
            title=f"{prefixe} {numero}",
            slug=f"{prefixe.lower()}-{numero}",
            chapo=f"Le chapô de {prefixe} {numero}.",
        )
        accueil.add_child(instance=page)
        pages.append(page)
    return pages


def _choisir(theme, pages):
    theme.histoires = [("histoire", page) for page in pages]
    theme.save_revision().publish()


def test_chosen_pages_show_as_cards_in_the_editors_order(client, site_demo, sans_cache):
    premiere, seconde, brouillon = _histoires(site_demo, 3)
    seconde.search_description = "Une description pour les moteurs."
    seconde.save_revision().publish()
    brouillon.unpublish()
    theme = VivrePage.objects.get(slug="nature")
    _choisir(theme, [seconde, premiere, brouillon])

    html = client.get(theme.url).content.decode()
    section = html.split('id="histoires-titre"')[1]
    assert section.index("Histoire 1") < section.index("Histoire 0")
    assert 'href="/histoire-0/"' in section
    assert "Une description pour les moteurs." in section  # search_description first
    assert "Le chapô de Histoire 0." in section  # else the chapô
    assert "Histoire 2" not in section  # unpublished pages are left out


def test_no_story_section_without_stories(client, site_demo, sans_cache):
    assert 'id="histoires-titre"' not in client.get("/vivre-dans-le-lot/nature/").content.decode()


def test_query_count_does_not_grow_with_the_number_of_stories(client, site_demo, sans_cache):
    theme = VivrePage.objects.get(slug="sante")
    _choisir(theme, _histoires(site_demo, 2, "Deux"))
    client.get(theme.url)  # warm the per-process caches (sites, root paths)
    with CaptureQueriesContext(connection) as deux:
        client.get(theme.url)
    _choisir(theme, _histoires(site_demo, 6, "Six"))
    with CaptureQueriesContext(connection) as six:
        html = client.get(theme.url).content.decode()
    assert html.count("carte-histoire") == 6
    assert len(six.captured_queries) == len(deux.captured_queries)
