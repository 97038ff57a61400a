from celery import shared_task

from . import services


@shared_task(acks_late=True, ignore_result=True)
def envoyer_courriel_task(courriel_id: int) -> str:
    """Deliver one outbox row (see ``services.courriel_envoyer``)."""
    return services.courriel_envoyer(courriel_id=courriel_id)


@shared_task(ignore_result=True)
def envoyer_en_attente_task() -> int:
    """Every minute: dispatch what the broker missed (``courriels_relancer``)."""
    return services.courriels_relancer()
