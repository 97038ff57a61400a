"""Celery tasks of the welcome journey: each takes ids, reloads rows, calls a service."""

from celery import shared_task

# --- Follow-ups (relances) ---------------------------------------------------------------


@shared_task(ignore_result=True)
def relances_envoyer_dues_task() -> int:
    """Every minute (beat): write the emails of the due follow-ups to the outbox, once
    each (``services.relances.relances_envoyer_dues``); the outbox delivers them."""
    from .services.relances import relances_envoyer_dues

    return relances_envoyer_dues()


# --- Personal data: retention (donnees) ----------------------------------------------------


@shared_task(ignore_result=True)
def parcours_inactifs_anonymiser_task() -> int:
    """Daily (beat): anonymise the files without activity for ``ACCUEIL_RETENTION_JOURS``
    days (``services.donnees.parcours_inactifs_anonymiser``); a second run finds none."""
    from .services.donnees import parcours_inactifs_anonymiser

    return parcours_inactifs_anonymiser()


# --- Welcome network: next-action reminders (reseau) -----------------------------------------


@shared_task(ignore_result=True)
def rappels_prochaine_action_task() -> int:
    """Daily (beat): email each referent the files whose next-action date has come, once
    per file and date (``services.reseau.rappels_envoyer``); a second run sends nothing."""
    from .services.reseau import rappels_envoyer

    return rappels_envoyer()
