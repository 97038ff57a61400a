"""Signal receivers of the ambassador network.

- The directory and profiles are public pages the anonymous page cache keeps: refresh them
  when an ambassador's row changes (decision, pause, profile edit); the navigation's
  « Mon espace ambassadeur » flag of that account is forgotten too.
- Stories written by ambassadors: when the editorial review approves (publishes) or sends
  back a story, its author is emailed (once per decision: ``NotificationRelecture``).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import workflow_approved, workflow_rejected

from lot_portal.cms.cache import invalidate_all

from .models import Ambassadeur
from .templatetags.ambassadeurs_nav import oublier_espace


@receiver(post_save, sender=Ambassadeur)
@receiver(post_delete, sender=Ambassadeur)
def _annuaire_modifie(sender, instance=None, **kwargs):
    if instance is not None:
        oublier_espace(instance.utilisateur_id)
    if not kwargs.get("raw"):
        invalidate_all()


@receiver(workflow_approved)
def _histoire_approuvee(sender, instance, user=None, **kwargs):
    from .services.relecture import relecture_notifier

    relecture_notifier(etat=instance, approuvee=True)


@receiver(workflow_rejected)
def _histoire_a_revoir(sender, instance, user=None, **kwargs):
    from .services.relecture import relecture_notifier

    relecture_notifier(etat=instance, approuvee=False)
