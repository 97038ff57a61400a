"""Celery tasks of the opportunities: each takes ids (or nothing), reloads rows, calls a service."""

from celery import shared_task

# --- Job alerts (alertes) --------------------------------------------------------------------


@shared_task(ignore_result=True)
def alertes_envoyer_task() -> int:
    """Daily (beat): purge the stale alerts, then queue one digest task per alert due
    (``services.alertes.alertes_dues``). Returns how many were queued."""
    from .services.alertes import alertes_dues, alertes_purger

    alertes_purger()
    dues = alertes_dues()
    for alerte_id in dues:
        alerte_digest_task.delay(alerte_id)
    return len(dues)


@shared_task(
    ignore_result=True,
    acks_late=True,
    autoretry_for=(ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=5,
)
def alerte_digest_task(alerte_id: int) -> int:
    """Email one alert's digest of new offers if due (``services.alertes.alerte_digest_envoyer``):
    a second or concurrent run sends nothing more."""
    from .services.alertes import alerte_digest_envoyer

    return alerte_digest_envoyer(alerte_id=alerte_id)
