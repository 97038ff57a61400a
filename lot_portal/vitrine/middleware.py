"""Record the campaign that brought a visitor (see ``campagne.py`` for the rule)."""

from django.utils.cache import patch_cache_control

from .campagne import (
    COOKIE_NAME,
    MAX_AGE_SECONDS,
    horodater,
    parametres_campagne,
    remplace,
    signer,
)
from .selectors import lire_cookie

IGNORED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/sante/")


class SourceCampagneMiddleware:
    """Sets the signed ``lot_source`` cookie on campaign visits.

    Before the view, ``request.source_campagne`` holds the source in effect for
    this request (so that a visitor signing up on the landing URL is credited
    at once); ``CampagnePage.serve`` sets ``request.campagne_servie``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(IGNORED_PREFIXES):
            return self.get_response(request)

        parametres = parametres_campagne(request.GET)
        existante = lire_cookie(request)
        nouvelle = (
            horodater(parametres, page=request.path) if remplace(existante, parametres) else None
        )
        request.source_campagne = nouvelle or existante or {}

        response = self.get_response(request)

        code = getattr(request, "campagne_servie", "")
        if code:
            if nouvelle is not None and "campagne" not in nouvelle:
                nouvelle = horodater({**nouvelle, "campagne": code}, page=nouvelle["page"])
            elif nouvelle is None and existante is None:
                nouvelle = horodater({"campagne": code}, page=request.path)
        if nouvelle and response.status_code < 400:
            response.set_cookie(
                COOKIE_NAME,
                signer(nouvelle),
                max_age=MAX_AGE_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        if parametres or code:
            # Never let the anonymous page cache store a capturing response.
            patch_cache_control(response, private=True)
        return response
