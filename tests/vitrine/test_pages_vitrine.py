"""Every page of the section renders for anonymous visitors, whatever the query."""

import pytest

from lot_portal.vitrine.models import CampagnePage, PartenairesPage, VivreIndexPage, VivrePage

pytestmark = pytest.mark.django_db

JUNK = {
    "page": "abc",
    "q": "<script>alert(1)</script>",
    "utm_source": "x" * 5000,
    "campagne": "Pas un code !",
    "utm_campaign": "\x00\x01",
    "x": "'; DROP TABLE",
}


def _urls():
    urls = ["/vivre-dans-le-lot/", "/partenaires/", CampagnePage.objects.get().url]
    urls += [page.url for page in VivrePage.objects.live()]
    return urls


def test_every_page_renders_for_anonymous_visitors(client, site_demo, sans_cache):
    for url in _urls():
        reponse = client.get(url)
        assert reponse.status_code == 200, url
        assert "css/vitrine.css" in reponse.content.decode()


def test_junk_query_parameters_are_harmless(client, site_demo, sans_cache):
    for url in [*_urls(), "/"]:
        assert client.get(url, JUNK).status_code == 200, url


def test_vivre_index_is_in_the_menu_and_lists_its_live_children(client, site_demo, sans_cache):
    index = VivreIndexPage.objects.get()
    assert index.show_in_menus and index.title == "Vivre dans le Lot"
    brouillon = VivrePage(title="Thème en préparation", slug="brouillon", chapo="…", live=False)
    index.add_child(instance=brouillon)
    html = client.get("/vivre-dans-le-lot/").content.decode()
    nav = html.split('aria-label="Navigation principale"')[1].split("</nav>")[0]
    assert "Vivre dans le Lot" in nav
    for page in VivrePage.objects.live():
        assert f'href="{page.url}"' in html
    assert "Thème en préparation" not in html


def test_vivre_page_shows_key_facts_body_and_useful_links(client, site_demo, sans_cache):
    html = client.get("/vivre-dans-le-lot/transports-et-connectivite/").content.decode()
    assert "bloc-chiffres" in html and "A20" in html
    assert "aéroport de Brive-Vallée de la Dordogne" in html
    assert 'href="https://cartefibre.arcep.fr"' in html
    html = client.get("/vivre-dans-le-lot/reseau-d-accueil/").content.decode()
    assert f'href="{PartenairesPage.objects.get().url}"' in html  # a page chosen as link


def test_campaign_page_has_hero_messages_and_calls_to_action(client, site_demo, sans_cache):
    campagne = CampagnePage.objects.get()
    assert not campagne.show_in_menus
    html = client.get(campagne.url).content.decode()
    assert "hero" in html and campagne.accroche.replace("'", "&#x27;") in html
    assert "Des entreprises qui recrutent" in html
    assert 'href="/vivre-dans-le-lot/"' in html
    assert "/compte/" in html
    assert "style=" not in html.split("<main")[1]  # CSP: no inline styles
