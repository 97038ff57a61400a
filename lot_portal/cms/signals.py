"""Forget cached anonymous pages whenever public content changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import invalidate_all

# Apps whose rows appear on public pages.
APPS_PUBLICS = {"cms", "territoire", "vitrine", "wagtailredirects", "wagtailcore", "opportunites"}
IGNORED_MODELS = {
    "revision",
    "pagelogentry",
    "modellogentry",
    "taskstate",
    "workflowstate",
    "pagesubscription",
    "comment",
    "commentreply",
    "referenceindex",
    # Opportunities rows that no public page shows.
    "alerte",
    "alerteenvoi",
    "contactreprise",
}


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _on_page_change(sender, **kwargs):
    invalidate_all()


@receiver(post_save)
@receiver(post_delete)
def _on_public_model_change(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in APPS_PUBLICS or meta.model_name in IGNORED_MODELS:
        return
    if kwargs.get("raw"):
        return
    invalidate_all()
