"""Workflow helpers for pages written outside the admin (ambassadors' stories, partners' offers)."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, WorkflowState


def etats_workflow_attacher(pages) -> list:
    """Attach each page's active workflow state in one query, where
    ``current_workflow_state`` looks for it. Wagtail's ``prefetch_workflow_states`` finds
    nothing on a queryset of a page subclass (content type mismatch), hence this."""
    pages = list(pages)
    if not pages:
        return pages
    etats = {}
    for etat in (
        WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in pages],
        )
        .select_related("workflow", "current_task_state")
    ):
        etats.setdefault(etat.object_id, []).append(etat)
    for page in pages:
        page._current_workflow_states = etats.get(str(page.pk), [])
    return pages
