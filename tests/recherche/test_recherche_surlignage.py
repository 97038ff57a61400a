import pytest
from wagtail.rich_text import RichText

from lot_portal.recherche.extraits import extrait, surligner
from tests.recherche.conftest import resultats

pytestmark = pytest.mark.django_db


def test_marks_ignore_case_and_accents_but_keep_the_original_text():
    assert surligner("Les Ingénieurs de l'ÉTÉ", ["ingenieur", "ete"]) == (
        "Les <mark>Ingénieurs</mark> de l&#x27;<mark>ÉTÉ</mark>"
    )
    assert surligner("Randonnée et randonnées", ["randonnees"]) == (
        "<mark>Randonnée</mark> et <mark>randonnées</mark>"
    )
    assert surligner("Une œuvre", ["oeuvre"]) == "Une <mark>œuvre</mark>"


def test_marks_only_word_starts():
    assert surligner("Cahors, Lot, Pilot", ["lot"]) == "Cahors, <mark>Lot</mark>, Pilot"


def test_text_and_terms_are_escaped_before_marking():
    assert surligner('<b onclick="x">été</b> & co', ["ete"]) == (
        "&lt;b onclick=&quot;x&quot;&gt;<mark>été</mark>&lt;/b&gt; &amp; co"
    )
    assert surligner("a <mark> b", ["mark"]) == "a &lt;<mark>mark</mark>&gt; b"


def test_xss_in_a_page_title_is_escaped(client, publier):
    publier('<script>alert("titre")</script> Safran du Quercy', slug="safran")
    html = client.get("/recherche/", {"q": "safran"}).content.decode()
    assert resultats(html) == 1
    assert "<script>alert" not in html
    assert (
        "&lt;script&gt;alert(&quot;titre&quot;)&lt;/script&gt; <mark>Safran</mark> du Quercy"
        in html
    )


def test_xss_in_the_query_is_escaped(client, publier):
    publier("Alerte météo", chapo="Une alerte orange sur le Lot.", slug="alerte")
    requete = '"><script>alert(1)</script><img src=x onerror=alert(2)> alerte'
    reponse = client.get("/recherche/", {"q": requete})
    html = reponse.content.decode()
    assert reponse.status_code == 200
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_excerpt_prefers_the_source_that_contains_the_words(site_demo, publier):
    page = publier(
        "Vivre à Figeac",
        search_description="Une ville d'art et d'histoire.",
        chapo="Figeac, berceau de Champollion.",
        corps=[("texte", RichText("<p>Le <b>marché</b> du samedi</p><p>&amp; noix.</p>"))],
    )
    assert extrait(page, ["histoire"]) == "Une ville d&#x27;art et d&#x27;<mark>histoire</mark>."
    assert extrait(page, ["champollion"]) == "Figeac, berceau de <mark>Champollion</mark>."
    assert extrait(page, ["marche"]) == "Le <mark>marché</mark> du samedi &amp; noix."
    assert extrait(page, ["absent"]) == "Une ville d&#x27;art et d&#x27;histoire."


def test_excerpt_from_the_body_is_cut_around_the_first_match(site_demo, publier):
    debut = " ".join(["Avant"] * 80)
    fin = " ".join(["après"] * 80)
    page = publier(
        "Long texte",
        corps=[
            ("titre", "Un intertitre"),
            ("texte", RichText(f"<p>{debut} la Dordogne {fin}</p>")),
            ("citation", {"citation": "Une citation", "auteur": "Quelqu'un"}),
        ],
    )
    texte = extrait(page, ["dordogne"])
    assert texte.startswith("… ") and texte.endswith(" …")
    assert "<mark>Dordogne</mark>" in texte
    assert len(texte) < 300
    assert "<p>" not in texte
    sans_mot = extrait(page, [])
    assert sans_mot.startswith("Un intertitre Avant Avant")
