from celery import shared_task

from .services import journal_purger


@shared_task
def journal_purger_task() -> int:
    """Daily: the audit log keeps one year (``JOURNAL_ACCES_CONSERVATION_JOURS``)."""
    return journal_purger()
