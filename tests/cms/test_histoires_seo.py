"""Story pages carry canonical, Open Graph, Twitter and JSON-LD Article; feeds list stories."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def histoire_publiee(creer_histoire, communes, thematiques, django_user_model):
    auteur = django_user_model.objects.create_user(
        email="redaction@lot.fr", password="x", first_name="Léa", last_name="Marty"
    )
    page = creer_histoire(
        "Camille, médecin à Figeac",
        commune=communes["Figeac"],
        profils=["wanted"],
        thematiques=[thematiques["sante"]],
        auteur=auteur,
        chapo="Elle a posé sa plaque à Figeac <et> ne le regrette pas.",
    )
    page.save_revision().publish()
    return page


def test_json_ld_article(client, histoire_publiee, settings):
    html = client.get(histoire_publiee.url).content.decode()
    bloc = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    donnees = json.loads(bloc)
    assert donnees["@type"] == "Article"
    assert donnees["headline"] == "Camille, médecin à Figeac"
    assert donnees["author"] == {"@type": "Person", "name": "Léa Marty"}
    assert donnees["publisher"]["name"] == "Département du Lot"
    assert donnees["datePublished"] and donnees["dateModified"]
    assert donnees["image"][0].startswith(settings.SITE_URL + "/media/images/")
    assert "<et>" not in bloc  # escaped: the data can't close the script element


def test_canonical_open_graph_and_twitter(client, histoire_publiee, settings):
    html = client.get(histoire_publiee.url).content.decode()
    url = f"{settings.SITE_URL}/histoires/camille-medecin-a-figeac/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image.startswith(settings.SITE_URL + "/media/images/") and "1200x630" in image
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="og:image:alt" content="Un causse fleuri au printemps">' in html


def test_story_page_content_and_breadcrumb(client, histoire_publiee):
    html = client.get(histoire_publiee.url).content.decode()
    fil = html.split('aria-label="Fil d\'Ariane"')[1].split("</nav>")[0]
    assert 'href="/"' in fil and 'href="/histoires/"' in fil and 'aria-current="page"' in fil
    meta = html.split('class="histoire__meta"')[1].split("</dl>")[0]
    for attendu in ("Figeac", "CC Grand-Figeac", "Wanted", "Santé", "Léa Marty", "<time"):
        assert attendu in meta
    assert 'href="/histoires/?profil=wanted"' in meta
    assert "fill-640x360" in html and 'alt="Un causse fleuri au printemps"' in html


def _articles(reponse, balise):
    assert reponse.status_code == 200
    racine = ET.fromstring(reponse.content)
    return racine.findall(balise)


def test_rss_and_atom_feeds(client, histoire_publiee, creer_histoire, communes, settings):
    creer_histoire("Libraire à Cahors", commune=communes["Cahors"])
    rss = client.get("/histoires/flux/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    items = _articles(rss, "./channel/item")
    assert len(items) == 2
    assert {item.findtext("title") for item in items} == {
        "Camille, médecin à Figeac",
        "Libraire à Cahors",
    }
    lien = next(i.findtext("link") for i in items if "Camille" in i.findtext("title"))
    assert lien == f"{settings.SITE_URL}/histoires/camille-medecin-a-figeac/"
    atom = client.get("/histoires/flux/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert len(_articles(atom, "{http://www.w3.org/2005/Atom}entry")) == 2


def test_index_links_its_feeds_and_canonical(client, histoire_publiee, settings):
    html = client.get("/histoires/", {"profil": "wanted"}).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/histoires/flux/rss/"' in html and 'href="/histoires/flux/atom/"' in html
    assert f'<link rel="canonical" href="{settings.SITE_URL}/histoires/">' in html


def test_cards_use_responsive_lazy_pictures(client, histoire_publiee):
    html = client.get("/histoires/").content.decode()
    carte = html.split('class="carte-histoire"')[1].split("</article>")[0]
    assert "<picture>" in carte
    assert 'type="image/avif"' in carte and 'type="image/webp"' in carte
    assert "srcset=" in carte and 'loading="lazy"' in carte
    assert re.search(r'<img[^>]+width="\d+"[^>]+height="\d+"', carte) or re.search(
        r'<img[^>]+height="\d+"[^>]+width="\d+"', carte
    )
