"""Signal receivers of the opportunities (connected in ``apps.py`` ``ready()``).

The « Modération des offres » workflow: the partner is emailed when they submit (and the
moderators alerted), when a moderator approves and when a moderator sends the item back
(``services/partenaires.py``). Wagtail's own « submitted » email to the task's group is
skipped for this workflow only, since ours replaces it (in French, with the partner's
employer); every other workflow keeps Wagtail's.
"""

from wagtail.admin import signal_handlers as wagtail_notifications
from wagtail.models import TaskState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected

from .services import partenaires

UID_WAGTAIL = "group_approval_task_submitted_email_notification"


def _soumise(sender, instance, user=None, **kwargs):
    partenaires.moderation_soumise_notifier(tache_etat=instance, utilisateur=user)


def _approuvee(sender, instance, user=None, **kwargs):
    partenaires.moderation_decidee_notifier(workflow_etat=instance, approuvee=True)


def _a_revoir(sender, instance, user=None, **kwargs):
    partenaires.moderation_decidee_notifier(workflow_etat=instance, approuvee=False)


def _notification_wagtail_soumise(sender, instance, **kwargs):
    """Wagtail's group notification, except for the opportunities' moderation."""
    if partenaires.est_moderation_opportunites(instance.workflow_state):
        return None
    return wagtail_notifications.task_submission_email_notifier(
        sender=sender, instance=instance, **kwargs
    )


def connecter():
    task_submitted.connect(_soumise, dispatch_uid="opportunites_moderation_soumise")
    workflow_approved.connect(_approuvee, dispatch_uid="opportunites_moderation_approuvee")
    workflow_rejected.connect(_a_revoir, dispatch_uid="opportunites_moderation_a_revoir")
    # Replace Wagtail's receiver (same dispatch_uid) by the filtering wrapper.
    task_submitted.disconnect(sender=TaskState, dispatch_uid=UID_WAGTAIL)
    task_submitted.connect(
        _notification_wagtail_soumise, sender=TaskState, dispatch_uid=UID_WAGTAIL
    )
