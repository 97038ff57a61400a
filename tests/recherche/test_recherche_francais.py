"""French stemming and accents: PostgreSQL's french_unaccent, SQLite's FTS5."""

import importlib
from types import SimpleNamespace

import pytest
from django.db import connection

from tests.recherche.conftest import liens

pytestmark = pytest.mark.django_db

postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="french_unaccent exists on PostgreSQL only"
)
sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 behaviour")


# The demo content holds these words too: each test looks for its own page.
@pytest.fixture
def pages_francaises(publier):
    publier("Métiers", slug="t-metiers", chapo="Le Lot recrute ingénieurs et techniciennes.")
    publier("Saisons", slug="t-saisons", chapo="L'été, les marchés de producteurs s'installent.")
    publier("Sentiers", slug="t-sentiers", chapo="Des randonnées sur les causses.")
    publier("Forêts", slug="t-forets", chapo="La forêt de la Braunhie.")


def _trouve(client, requete, attendu):
    reponse = client.get("/recherche/", {"q": requete})
    assert reponse.status_code == 200
    url = "/t-" + {"Métiers": "metiers", "Saisons": "saisons", "Sentiers": "sentiers"}.get(
        attendu, "forets"
    )
    return url + "/" in liens(reponse.content.decode())


def test_exact_words_match_everywhere(client, pages_francaises):
    for requete, attendu in [
        ("ingénieurs", "Métiers"),
        ("Ingénieurs", "Métiers"),
        ("été", "Saisons"),
        ("randonnées", "Sentiers"),
        ("forêt", "Forêts"),
    ]:
        assert _trouve(client, requete, attendu), requete


@postgresql
def test_postgresql_stems_and_ignores_accents(client, pages_francaises):
    for requete, attendu in [
        ("ingenieur", "Métiers"),
        ("ingenieurs", "Métiers"),
        ("ingénieur", "Métiers"),
        ("ete", "Saisons"),
        ("ETE", "Saisons"),
        ("randonnee", "Sentiers"),
        ("randonnée", "Sentiers"),
        ("foret", "Forêts"),
        ("technicienne", "Métiers"),
        ("marche producteur", "Saisons"),
    ]:
        assert _trouve(client, requete, attendu), requete


@postgresql
def test_postgresql_highlights_the_stemmed_word(client, pages_francaises):
    html = client.get("/recherche/", {"q": "ingenieur"}).content.decode()
    assert "recrute <mark>ingénieurs</mark>" in html


@postgresql
def test_french_unaccent_configuration_is_used_and_migration_reversible():
    from django.conf import settings

    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "french_unaccent"
    migration = importlib.import_module("lot_portal.recherche.migrations.0001_french_unaccent")

    def existe():
        with connection.cursor() as curseur:
            curseur.execute("SELECT count(*) FROM pg_ts_config WHERE cfgname = 'french_unaccent'")
            return curseur.fetchone()[0] == 1

    def lexemes():
        with connection.cursor() as curseur:
            curseur.execute("SELECT to_tsvector('french_unaccent', 'Les ingénieurs de l''été')")
            return curseur.fetchone()[0]

    assert existe()
    assert "'ete'" in lexemes() and "'ingenieur'" in lexemes()
    with connection.schema_editor() as editeur:
        migration.supprimer(None, editeur)
    assert not existe()
    with connection.schema_editor() as editeur:
        migration.creer(None, editeur)
        migration.creer(None, editeur)  # idempotent
    assert existe()
    assert "'ete'" in lexemes() and "'ingenieur'" in lexemes()
    from lot_portal.recherche import index

    index._a_reconstruire.clear()


@sqlite
def test_sqlite_ignores_accents_but_does_not_stem(client, pages_francaises):
    # FTS5's unicode61 tokenizer folds case and removes diacritics...
    for requete, attendu in [
        ("ingenieurs", "Métiers"),
        ("ete", "Saisons"),
        ("ETE", "Saisons"),
        ("randonnees", "Sentiers"),
        ("foret", "Forêts"),
    ]:
        assert _trouve(client, requete, attendu), requete
    # ...but has no French stemmer: singular and plural are different words.
    for requete, attendu in [
        ("ingenieur", "Métiers"),
        ("randonnee", "Sentiers"),
        ("technicienne", "Métiers"),
    ]:
        assert not _trouve(client, requete, attendu), requete


@sqlite
def test_sqlite_migration_is_a_no_op():
    migration = importlib.import_module("lot_portal.recherche.migrations.0001_french_unaccent")

    def interdit(sql, params=()):
        raise AssertionError(f"SQL on SQLite: {sql}")

    editeur = SimpleNamespace(connection=connection, execute=interdit)
    migration.creer(None, editeur)
    migration.supprimer(None, editeur)
    from lot_portal.recherche import index

    assert not index._a_reconstruire


def test_index_is_rebuilt_once_after_the_configuration_migration(monkeypatch):
    from lot_portal.recherche import index

    appels = []
    monkeypatch.setattr(index, "call_command", lambda *a, **k: appels.append(a))
    index.reconstruire_apres_migration(None, using="default")
    assert appels == []
    index.reconstruction_demandee("default")
    index.reconstruire_apres_migration(None, using="default", verbosity=0)
    index.reconstruire_apres_migration(None, using="default", verbosity=0)
    assert appels == [("update_index",)]
