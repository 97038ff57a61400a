"""Reads other code relies on: the visitor's campaign source, the partners."""

from django.core import signing

from .campagne import COOKIE_NAME, COOKIE_SALT, MAX_AGE_SECONDS, nettoyer_source


def source_campagne(request) -> dict | None:
    """The campaign that brought this visitor, or None.

    Returns a dict with some of ``utm_source``, ``utm_medium``, ``utm_campaign``,
    ``utm_content``, ``utm_term``, ``campagne`` (a campaign code), plus
    ``page`` (the landing path) and ``date`` (ISO 8601, UTC) of the capture.
    The registration code calls it to attribute a new account. A cookie that
    was tampered with, has expired or cannot be read counts as no source.
    """
    capturee = getattr(request, "source_campagne", None)
    if capturee is not None:  # set by SourceCampagneMiddleware for this request
        return dict(capturee) or None
    return lire_cookie(request)


def lire_cookie(request) -> dict | None:
    valeur = request.COOKIES.get(COOKIE_NAME)
    if not valeur:
        return None
    try:
        donnees = signing.loads(valeur, salt=COOKIE_SALT, max_age=MAX_AGE_SECONDS)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return nettoyer_source(donnees) or None


def partenaires_pied_de_page(request=None) -> list:
    """Partners shown in the footer: one query, remembered for the request.

    (The whole page is cached for anonymous visitors anyway.)
    """
    from .models import Partenaire

    if request is not None and hasattr(request, "_vitrine_partenaires_pied"):
        return request._vitrine_partenaires_pied
    partenaires = list(
        Partenaire.objects.filter(pied_de_page=True).only("nom", "lien", "ordre", "type")
    )
    if request is not None:
        request._vitrine_partenaires_pied = partenaires
    return partenaires


def partenaires_par_type() -> list[dict]:
    """Every partner with its logo, grouped by type in a fixed order.

    One query for the partners and one for the logos' renditions.
    """
    from .models import GROUPES_PARTENAIRES, Partenaire

    partenaires = Partenaire.objects.select_related("logo").prefetch_related("logo__renditions")
    groupes = {type_: [] for type_ in GROUPES_PARTENAIRES}
    for partenaire in partenaires:
        groupes.setdefault(partenaire.type, []).append(partenaire)
    return [
        {"type": type_, "titre": GROUPES_PARTENAIRES.get(type_, "Et aussi"), "partenaires": liste}
        for type_, liste in groupes.items()
        if liste
    ]
