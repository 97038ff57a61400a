"""Signals of jeunesse: the page cache, and what happens when an account is deleted.

Forget the cached anonymous pages when what the public pages of jeunesse show changes.

The calls, the ideas and their supports, the showcase (laureates' applications and their
published journal). Drafts and other private rows never clear the cache: an applicant's
autosave must not empty it for everybody.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save, pre_delete

from lot_portal.cms.cache import invalidate_all

from .models import (
    AppelAProjets,
    Candidature,
    CritereEvaluation,
    DocumentRequis,
    EntreeJournal,
    Idee,
    QuestionComplementaire,
    Vote,
)
from .models.choix import Statut

TOUJOURS = (AppelAProjets, CritereEvaluation, QuestionComplementaire, DocumentRequis, Idee, Vote)


def _invalider(sender, **kwargs):
    if not kwargs.get("raw"):
        invalidate_all()


def _candidature_modifiee(sender, instance, **kwargs):
    if not kwargs.get("raw") and instance.statut == Statut.RETENU:
        invalidate_all()


def _journal_modifie(sender, instance, **kwargs):
    if not kwargs.get("raw") and instance.publie_le is not None:
        invalidate_all()


def _compte_supprime(sender, instance, **kwargs):
    from .services.conservation import compte_avant_suppression

    compte_avant_suppression(instance)


def connecter():
    pre_delete.connect(
        _compte_supprime, sender=get_user_model(), dispatch_uid="jeunesse-compte-supprime"
    )
    for modele in TOUJOURS:
        post_save.connect(_invalider, sender=modele, dispatch_uid=f"jeunesse-cache-{modele}")
        post_delete.connect(_invalider, sender=modele, dispatch_uid=f"jeunesse-cache-d-{modele}")
    post_save.connect(_candidature_modifiee, sender=Candidature, dispatch_uid="jeunesse-cache-c")
    post_save.connect(_journal_modifie, sender=EntreeJournal, dispatch_uid="jeunesse-cache-j")
    post_delete.connect(_journal_modifie, sender=EntreeJournal, dispatch_uid="jeunesse-cache-jd")
