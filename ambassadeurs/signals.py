"""The directory and profiles are public pages the anonymous page cache keeps: refresh them
when an ambassador's row changes (decision, pause, profile edit)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from lot_portal.cms.cache import invalidate_all

from .models import Ambassadeur


@receiver(post_save, sender=Ambassadeur)
@receiver(post_delete, sender=Ambassadeur)
def _annuaire_modifie(sender, **kwargs):
    if not kwargs.get("raw"):
        invalidate_all()
