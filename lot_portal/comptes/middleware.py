"""The team's second factor: nobody reaches the Wagtail admin without one."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

MESSAGE_MFA_OBLIGATOIRE = (
    "L'administration du portail est réservée aux comptes protégés par une double "
    "authentification. Activez-la ci-dessous avec une application d'authentification "
    "(par exemple FreeOTP, Aegis ou Google Authenticator), puis revenez à l'administration."
)


def doit_activer_mfa(user):
    """A member of the team (staff, or anybody allowed into the admin) without an active
    second factor."""
    if not user.is_authenticated:
        return False
    equipe = user.is_staff or user.has_perm("wagtailadmin.access_admin")
    return equipe and not is_mfa_enabled(user)


class MfaEquipeMiddleware:
    """Sends a team member without a second factor from any admin URL to allauth's TOTP
    activation page, with a French explanation.

    Only URLs under the admin are concerned: allauth's pages (/compte/…), the logout and
    static files stay reachable, so there is no redirect loop. Switched by
    ``COMPTES_MFA_OBLIGATOIRE_EQUIPE`` (on in production, off by default elsewhere so
    that the demo and the test suite's ``force_login`` keep working).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "COMPTES_MFA_OBLIGATOIRE_EQUIPE", False) and self._concerne(request):
            messages.warning(request, MESSAGE_MFA_OBLIGATOIRE)
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _concerne(request):
        prefixe = reverse("wagtailadmin_home")
        if not request.path.startswith(prefixe):
            return False
        libres = (reverse("wagtailadmin_login"), reverse("wagtailadmin_logout"))
        if request.path in libres:
            return False
        return doit_activer_mfa(request.user)
