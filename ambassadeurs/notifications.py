"""Every email of the ambassador network goes through ``courriel_ambassadeurs``.

It renders ``templates/ambassadeurs/courriels/<modele>.txt`` and ``.html`` (both extend
``templates/courriels/_base.*``) and writes the outbox row in the caller's transaction
(delivered by Celery after commit).
"""

from django.conf import settings
from django.urls import reverse

from lot_portal.courriels.models import Courriel
from lot_portal.courriels.services import courriel_gabarit_enregistrer


def url_absolue(nom: str, *args) -> str:
    return settings.SITE_URL + reverse(nom, args=args or None)


def courriel_ambassadeurs(
    *, destinataire: str, modele: str, sujet: str, contexte: dict | None = None
) -> Courriel:
    """Write one email of the network to the outbox and return its row."""
    return courriel_gabarit_enregistrer(
        destinataire=destinataire,
        gabarit=f"ambassadeurs/courriels/{modele}",
        sujet=sujet,
        contexte=contexte,
    )
