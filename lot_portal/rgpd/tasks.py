"""The daily retention task: every rule of the personal-data registry, in one run."""

import logging

from celery import shared_task
from django.utils import timezone

from .registre import regles_de_conservation

logger = logging.getLogger(__name__)


def conservation_appliquer(*, maintenant=None) -> dict[str, int]:
    """Run every registered retention rule; one failing rule does not stop the others.
    Returns {rule name: rows handled} (-1 for a rule that failed)."""
    maintenant = maintenant or timezone.now()
    bilan = {}
    for nom, regle in regles_de_conservation():
        try:
            bilan[nom] = regle.appliquer(maintenant)
        except Exception:
            logger.exception("Conservation RGPD : la règle %s a échoué.", nom)
            bilan[nom] = -1
    return bilan


@shared_task(ignore_result=True)
def conservation_appliquer_task() -> dict[str, int]:
    """Daily (beat, 03:30): the registry's retention rules (``conservation_appliquer``)."""
    return conservation_appliquer()
