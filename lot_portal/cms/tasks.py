from celery import shared_task
from django.core.management import call_command


@shared_task(ignore_result=True)
def publier_programmes_task() -> None:
    """Every minute: publish and unpublish pages whose scheduled time has come."""
    call_command("publish_scheduled", verbosity=0)
