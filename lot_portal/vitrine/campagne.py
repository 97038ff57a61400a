"""Campaign source capture: what is kept, and when it is replaced.

A visitor arriving through a campaign link (UTM parameters or
``?campagne=<code>``) or landing on a ``CampagnePage`` gets a signed cookie,
``lot_source``, so that the registration code can credit the campaign later
(``selectors.source_campagne``).

The rule (first touch, explicit campaigns excepted):

1. Without a valid cookie, any campaign information is recorded: the link's
   parameters, else the code of the campaign page being served (a UTM link
   landing on a campaign page records both).
2. With a valid cookie, the first touch is kept, except when the link names a
   campaign explicitly (``utm_campaign`` or ``campagne``) that differs from the
   recorded one: the latest campaign the visitor deliberately followed wins.
   A link with only ``utm_source``/``utm_medium``, or a plain visit to a
   campaign page, never replaces an existing source.

Responses to such requests are marked ``Cache-Control: private`` so that the
anonymous page cache never stores them (it would serve them without the
cookie); the same pages without campaign parameters stay cacheable. Campaign
pages themselves are never cached, since serving them records their code.
"""

import re

from django.core import signing
from django.utils import timezone

COOKIE_NAME = "lot_source"
COOKIE_SALT = "lot_portal.vitrine.source_campagne"
MAX_AGE_SECONDS = 90 * 24 * 3600
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")
CAMPAGNE_KEY = "campagne"
CLES_EXPLICITES = ("utm_campaign", CAMPAGNE_KEY)
CLES = (*UTM_KEYS, CAMPAGNE_KEY, "page", "date")
MAX_LONGUEUR = 100
CODE_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CONTROLE_RE = re.compile(r"[\x00-\x1f\x7f]")


def _texte(valeur) -> str:
    if not isinstance(valeur, str):
        return ""
    return _CONTROLE_RE.sub("", valeur).strip()[:MAX_LONGUEUR]


def code_valide(valeur) -> str:
    """A campaign code as stored on ``CampagnePage.code``, or ""."""
    code = _texte(valeur).lower()[:50]
    return code if CODE_RE.match(code) else ""


def nettoyer_source(donnees) -> dict:
    """Keep only the known keys, as short printable strings."""
    if not isinstance(donnees, dict):
        return {}
    propre = {}
    for cle in CLES:
        valeur = code_valide(donnees.get(cle)) if cle == CAMPAGNE_KEY else _texte(donnees.get(cle))
        if valeur:
            propre[cle] = valeur
    return propre


def parametres_campagne(query_dict) -> dict:
    """The campaign parameters carried by a request's query string."""
    source = {cle: _texte(query_dict.get(cle)) for cle in UTM_KEYS}
    source[CAMPAGNE_KEY] = code_valide(query_dict.get(CAMPAGNE_KEY))
    return {cle: valeur for cle, valeur in source.items() if valeur}


def remplace(existante: dict | None, parametres: dict) -> bool:
    """Whether a visit carrying ``parametres`` replaces the recorded source."""
    if not parametres:
        return False
    if not existante:
        return True
    explicites = {cle: parametres.get(cle, "") for cle in CLES_EXPLICITES}
    if not any(explicites.values()):
        return False
    return any(valeur != existante.get(cle, "") for cle, valeur in explicites.items())


def horodater(source: dict, *, page: str) -> dict:
    return nettoyer_source(
        {**source, "page": page, "date": timezone.now().isoformat("T", "seconds")}
    )


def signer(source: dict) -> str:
    return signing.dumps(source, salt=COOKIE_SALT, compress=True)
