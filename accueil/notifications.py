"""Every email of the welcome journey goes through ``courriel_accueil``.

It renders ``templates/accueil/courriels/<modele>.txt`` and ``.html`` (both extend
``templates/courriels/_base.*``, the portal's look), adds the ``List-Unsubscribe``
headers when the email is a follow-up to a newcomer, and writes the outbox row in
the caller's transaction (delivered by Celery after commit).
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from lot_portal.courriels.models import Courriel
from lot_portal.courriels.services import courriel_gabarit_enregistrer

SEL_DESINSCRIPTION = "accueil.desinscription"


def jeton_desinscription(parcours) -> str:
    return signing.dumps(str(parcours.reference), salt=SEL_DESINSCRIPTION)


def reference_du_jeton(jeton: str) -> str | None:
    """The ``ParcoursAccueil.reference`` a token was made for, or None if it was tampered with."""
    try:
        return signing.loads(jeton, salt=SEL_DESINSCRIPTION)
    except signing.BadSignature:
        return None


def url_absolue(nom: str, **kwargs) -> str:
    return settings.SITE_URL + reverse(nom, kwargs=kwargs or None)


def courriel_accueil(
    *,
    destinataire: str,
    modele: str,
    sujet: str,
    contexte: dict | None = None,
    parcours_desinscription=None,
) -> Courriel:
    """Write one email of the welcome journey to the outbox and return its row.

    ``parcours_desinscription``: the newcomer's file when the email is one they may
    stop (follow-ups, check-ins): adds the one-click unsubscribe link and headers.
    Side effects: one ``Courriel`` row; its delivery is dispatched after commit.
    """
    contexte = dict(contexte or {})
    en_tetes = {}
    if parcours_desinscription is not None:
        url = url_absolue(
            "accueil:desinscription", jeton=jeton_desinscription(parcours_desinscription)
        )
        contexte["url_desinscription"] = url
        en_tetes["List-Unsubscribe"] = f"<{url}>"
        en_tetes["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return courriel_gabarit_enregistrer(
        destinataire=destinataire,
        gabarit=f"accueil/courriels/{modele}",
        sujet=sujet,
        contexte=contexte,
        en_tetes=en_tetes,
    )
