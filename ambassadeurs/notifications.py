"""Every email of the ambassador network goes through ``courriel_ambassadeurs``.

It renders ``templates/ambassadeurs/courriels/<modele>.txt`` and ``.html`` (both extend
``templates/courriels/_base.*``) and writes the outbox row in the caller's transaction
(delivered by Celery after commit). Announcements carry a one-click unsubscribe link
(signed token, ``List-Unsubscribe`` and ``List-Unsubscribe-Post`` headers, RFC 8058).
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from lot_portal.courriels.models import Courriel
from lot_portal.courriels.services import courriel_gabarit_enregistrer

SEL_DESINSCRIPTION = "ambassadeurs.annonces.desinscription"


def url_absolue(nom: str, *args) -> str:
    return settings.SITE_URL + reverse(nom, args=args or None)


def jeton_desinscription(ambassadeur) -> str:
    """A signed token naming the ambassador's referral code (no id, no address)."""
    return signing.dumps(ambassadeur.code_parrainage, salt=SEL_DESINSCRIPTION)


def code_du_jeton(jeton: str) -> str | None:
    """The referral code a token was made for, or None if it was tampered with."""
    try:
        code = signing.loads(jeton, salt=SEL_DESINSCRIPTION)
    except signing.BadSignature:
        return None
    return code if isinstance(code, str) else None


def courriel_ambassadeurs(
    *,
    destinataire: str,
    modele: str,
    sujet: str,
    contexte: dict | None = None,
    desinscription_de=None,
) -> Courriel:
    """Write one email of the network to the outbox and return its row.

    ``desinscription_de``: the ambassador whose announcement this is; adds the one-click
    unsubscribe link to the body and the headers."""
    contexte = dict(contexte or {})
    en_tetes = {}
    if desinscription_de is not None:
        url = url_absolue(
            "ambassadeurs:annonces_desinscription", jeton_desinscription(desinscription_de)
        )
        contexte["url_desinscription_annonces"] = url
        en_tetes["List-Unsubscribe"] = f"<{url}>"
        en_tetes["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return courriel_gabarit_enregistrer(
        destinataire=destinataire,
        gabarit=f"ambassadeurs/courriels/{modele}",
        sujet=sujet,
        contexte=contexte,
        en_tetes=en_tetes,
    )
