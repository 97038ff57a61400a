"""Reads of the welcome journey that views, the admin and other apps reuse."""


# --- Follow-ups (relances) ---


def bilans_en_attente(parcours):
    """The check-ins this newcomer was sent and has not answered yet, newest first
    (each links to ``accueil:bilan`` with its ``jeton``)."""
    from .models import Bilan

    return Bilan.objects.filter(parcours=parcours, repondu_le__isnull=True).order_by("-cree_le")
