"""The ``french_unaccent`` text search configuration (PostgreSQL only).

French stemming like the built-in ``french`` configuration, plus ``unaccent``
before stemming, so that "ingenieur" finds "ingénieurs" and "ete" finds "été".
``WAGTAILSEARCH_BACKENDS`` uses it as ``SEARCH_CONFIG`` on PostgreSQL. Entries
indexed before with another configuration are rebuilt after ``migrate`` (see
``RechercheConfig.ready``). SQLite has no such configurations: no-op there.
"""

from django.db import migrations

CREER = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        END IF;
    END
    $$
    """,
    "ALTER TEXT SEARCH CONFIGURATION french_unaccent "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem",
]
# The extension stays: other objects (e.g. modelsearch's f_unaccent) may use it.
SUPPRIMER = ["DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent"]


def _executer(schema_editor, instructions):
    if schema_editor.connection.vendor != "postgresql":
        return False
    for instruction in instructions:
        schema_editor.execute(instruction)
    return True


def creer(apps, schema_editor):
    if _executer(schema_editor, CREER):
        # Entries indexed with the previous configuration must be rebuilt
        # once every migration has run (post_migrate, see apps.py).
        from lot_portal.recherche import index

        index.reconstruction_demandee(schema_editor.connection.alias)


def supprimer(apps, schema_editor):
    _executer(schema_editor, SUPPRIMER)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(creer, supprimer, elidable=False)]
