"""Emails to an ambassador when the editorial review decides on a story they wrote.

Called by the ``workflow_approved`` / ``workflow_rejected`` receivers (``signals.py``),
inside Wagtail's transaction. Only stories (``HistoirePage``) whose ``auteur`` is an
accepted ambassador's account; each decision is notified once (``NotificationRelecture``
unique key: the workflow state for an approval, the rejected task state for a send-back).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import IntegrityError, transaction
from wagtail.models import TaskState

from lot_portal.cms.models import HistoirePage

from ..models import Ambassadeur, NotificationRelecture, StatutAmbassadeur
from ..notifications import courriel_ambassadeurs, url_absolue

_suspendues = ContextVar("ambassadeurs_relecture_suspendues", default=False)


@contextmanager
def notifications_suspendues():
    """No review email inside this block (the demo approves and sends back stories)."""
    jeton = _suspendues.set(True)
    try:
        yield
    finally:
        _suspendues.reset(jeton)


def _url_page(page) -> str:
    url = page.get_url() or ""
    return settings.SITE_URL + url if url.startswith("/") else url


def relecture_notifier(*, etat, approuvee: bool) -> NotificationRelecture | None:
    """Email the ambassador who wrote the story of workflow state ``etat``; None when the
    object is not an ambassador's story or the decision was already notified.

    Side effects: one ``NotificationRelecture`` row and one outbox email."""
    if _suspendues.get():
        return None
    page = etat.content_object
    if not isinstance(page, HistoirePage):
        page = getattr(page, "specific", page)
    if not isinstance(page, HistoirePage) or not page.auteur_id:
        return None
    ambassadeur = (
        Ambassadeur.objects.filter(utilisateur_id=page.auteur_id, statut=StatutAmbassadeur.ACCEPTE)
        .select_related("utilisateur")
        .first()
    )
    if ambassadeur is None or not ambassadeur.utilisateur.email:
        return None
    # Read afresh: Wagtail saved the reviewer's comment on this row just before the signal.
    tache = TaskState.objects.filter(pk=etat.current_task_state_id).first()
    cle = f"approuvee:{etat.pk}" if approuvee else f"a_revoir:{tache.pk if tache else etat.pk}"
    if NotificationRelecture.objects.filter(cle=cle).exists():
        return None
    contexte = {
        "ambassadeur": ambassadeur,
        "titre_histoire": page.title,
        "url_histoires": url_absolue("ambassadeurs:histoires"),
    }
    if approuvee:
        contexte["url_histoire"] = _url_page(page)
        modele, sujet = "relecture_publiee", f"Votre histoire « {page.title} » est publiée"
    else:
        contexte["commentaire"] = ((tache.comment if tache else "") or "").strip()
        contexte["url_modifier"] = url_absolue("ambassadeurs:histoire_modifier", page.pk)
        modele, sujet = "relecture_a_revoir", f"Votre histoire « {page.title} » est à revoir"
    try:
        with transaction.atomic():
            notification = NotificationRelecture.objects.create(cle=cle, page_id=page.pk)
            notification.courriel = courriel_ambassadeurs(
                destinataire=ambassadeur.utilisateur.email,
                modele=modele,
                sujet=sujet[:200],
                contexte=contexte,
            )
            notification.save(update_fields=["courriel"])
    except IntegrityError:  # the same decision notified concurrently
        return None
    return notification
