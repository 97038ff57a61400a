import pytest

from lot_portal.recherche.selectors import Requete, requete_analyser
from tests.recherche.conftest import resultats

pytestmark = pytest.mark.django_db

REQUETES = [
    "",
    "   ",
    "x" * 5000,
    "<script>",
    "'; DROP TABLE",
    "%00",
    "\x00",
    "a\x00b",
    "🙂",
    "truffe 🙂",
    "-",
    '"',
    '""',
    '"truffe',
    "'",
    "truffe -",
    "NOT AND OR",
    "*",
    "truffe*",
    "col:truffe",
    "title:(truffe)",
    "NEAR(truffe noix)",
    "\\",
    "1=1; --",
    "' OR '1'='1",
    "le la les",
]


def test_search_survives_any_input(client, site_demo):
    # One test for every input: the demo site is slow to build.
    for requete in REQUETES:
        reponse = client.get("/recherche/", {"q": requete, "page": "abc"})
        assert reponse.status_code == 200, requete


def test_bad_page_and_type_parameters_give_a_normal_page(client, publier):
    publier("Pruneaux", chapo="Des pruneaux.")
    for page in ["abc", "999", "-1", "0", "1.5", "", "1e9", "\uff19", "%00"]:
        for type_ in ["junk", "cms.pagesimple", "../..", "x" * 500, "cms.homepage"]:
            reponse = client.get("/recherche/", {"q": "pruneaux", "page": page, "type": type_})
            assert reponse.status_code == 200, (page, type_)
            assert resultats(reponse.content.decode()) == 1, (page, type_)


def test_repeated_parameters_and_post(client, site_demo):
    assert client.get("/recherche/?q=a&q=b&page=1&page=2&type=x&type=y").status_code == 200
    assert client.post("/recherche/", {"q": "truffe"}).status_code == 405


def test_a_backend_error_degrades_to_a_message(client, publier, monkeypatch):
    from django.db import OperationalError

    from lot_portal.recherche import selectors

    publier("Pruneaux", chapo="Des pruneaux.")

    def en_panne(*args, **kwargs):
        raise OperationalError("fts5: syntax error")

    monkeypatch.setattr(selectors, "_types_presents", en_panne)
    reponse = client.get("/recherche/", {"q": "pruneaux"})
    assert reponse.status_code == 200
    assert "n'a pas pu aboutir" in reponse.content.decode()


def test_query_is_cleaned():
    assert requete_analyser("  L'été   à Cahors  ") == Requete(
        texte="L'été à Cahors", mots=("été", "Cahors")
    )
    assert requete_analyser("x" * 500).texte == "x" * 200
    assert requete_analyser('"vallée du Lot" truffe "').expressions == ("vallée du Lot",)
    assert requete_analyser('"vallée du Lot" truffe "').mots == ("truffe",)
    assert requete_analyser('<script>"').mots == ("script",)
    assert requete_analyser("🙂 - \" ' *").vide
    assert requete_analyser("le la").mots == ("le", "la")  # only stop words: keep them
    assert requete_analyser("a\x00b").texte == "a b"
