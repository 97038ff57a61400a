"""Rebuild the search index when its text search configuration has changed.

Wagtail indexes a page each time it is saved, with the configuration of the
moment. When the ``french_unaccent`` migration has just created the
configuration, entries written before with ``french`` would no longer match
accent-free queries: they are rebuilt once, after every migration has run, so
that neither ``make run`` nor a deployment needs a manual ``update_index``.
"""

import io
import logging

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS

logger = logging.getLogger(__name__)

_a_reconstruire: set[str] = set()


def reconstruction_demandee(alias: str) -> None:
    """Remember that the index of database ``alias`` must be rebuilt after migrate."""
    _a_reconstruire.add(alias)


def reconstruire_apres_migration(sender, *, using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs):
    """post_migrate receiver: run ``update_index`` once if the migration asked for it.

    Side effects: rewrites every entry of the search index (default database).
    """
    if using not in _a_reconstruire:
        return
    _a_reconstruire.discard(using)
    if using != DEFAULT_DB_ALIAS:  # the search backend works on the default database
        return
    call_command("update_index", stdout=io.StringIO(), verbosity=0)
    if verbosity:
        logger.info("Search index rebuilt for the french_unaccent configuration.")
