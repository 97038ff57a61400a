"""Celery tasks of the youth calls: each reloads rows and calls a service."""

from celery import shared_task


@shared_task(ignore_result=True)
def rappels_cloture_envoyer() -> int:
    """Hourly (beat): email the teams of unsubmitted drafts whose call closes within 48 hours
    (``services.rappels.rappels_cloture_envoyer``), once per draft. Returns how many."""
    from .services.rappels import rappels_cloture_envoyer as envoyer

    return envoyer()


@shared_task(ignore_result=True)
def conservation_appliquer() -> dict:
    """Daily (beat): anonymise the applications past their call's retention period and
    delete the drafts never submitted (``services.conservation``)."""
    from .services.conservation import conservation_appliquer as appliquer

    return appliquer()
