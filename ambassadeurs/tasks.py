"""Celery tasks of the ambassador network: each takes ids, reloads rows, calls a service."""

from celery import shared_task

# --- Announcements (annonces) ------------------------------------------------------------------


@shared_task(ignore_result=True, acks_late=True)
def annonce_lot_task(annonce_id: int) -> int:
    """Write one batch of an announcement's emails (``services.annonces.annonce_lot_envoyer``)
    and queue the next batch if recipients remain; running it twice emails nobody twice."""
    from .services.annonces import annonce_lot_envoyer

    ecrits, encore = annonce_lot_envoyer(annonce_id=annonce_id)
    if encore:
        annonce_lot_task.delay(annonce_id)
    return ecrits
