"""Public views of the welcome journey: reseau (the employer's CV download link)."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accueil.admin_views import reponse_cv
from accueil.services.reseau import transmission_du_jeton


@never_cache
@require_GET
def cv_transmis(request, jeton):
    """A CV a referent forwarded to an employer: the signed link is valid 30 days and only
    while the newcomer still agrees to the forwarding."""
    transmission = transmission_du_jeton(jeton)
    if transmission is None:
        return render(request, "accueil/transmission_cv_lien_invalide.html", status=404)
    reponse = reponse_cv(transmission.cv)
    reponse["X-Robots-Tag"] = "noindex"
    return reponse
