"""Public views of the welcome journey: relances (check-in questionnaire, unsubscribe).

Both are reached from an email without logging in: the UUID of the ``Bilan`` or the
signed token of the unsubscribe link is the secret.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..forms.relances import BilanForm
from ..models import Bilan, ParcoursAccueil
from ..notifications import jeton_desinscription, reference_du_jeton
from ..services import relances as services


def _noindex(response):
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def bilan_view(request, jeton):
    """The check-in questionnaire; answered once, then a thank-you with the answers."""
    bilan = get_object_or_404(
        Bilan.objects.select_related("parcours"), jeton=jeton, parcours__anonymise_le=None
    )
    form = None
    if bilan.repondu_le is None:
        form = BilanForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                services.bilan_repondre(bilan=bilan, reponses=form.cleaned_data)
            except services.BilanDejaRepondu:
                pass
            else:
                messages.success(
                    request,
                    "Merci ! Vos réponses sont enregistrées : votre référent en prend "
                    "connaissance.",
                )
            return redirect("accueil:bilan", jeton=bilan.jeton)
    elif request.method == "POST":
        messages.info(request, "Vous avez déjà répondu à ce questionnaire : merci !")
        return redirect("accueil:bilan", jeton=bilan.jeton)
    return _noindex(
        render(
            request,
            "accueil/relances/bilan.html",
            {
                "bilan": bilan,
                "form": form,
                "parcours": bilan.parcours,
                "jeton_desinscription": jeton_desinscription(bilan.parcours),
            },
        )
    )


def _parcours_du_jeton(jeton: str):
    """(file, HTTP status of the error page): 400 for a tampered token, 404 when gone."""
    reference = reference_du_jeton(jeton)
    if not reference:
        return None, 400
    try:
        parcours = ParcoursAccueil.objects.filter(reference=reference).first()
    except ValidationError:
        parcours = None
    if parcours is None or parcours.anonymise_le is not None:
        return None, 404
    return parcours, 200


# The token authenticates and the only action stops emails: mail clients POST the RFC 8058
# one-click request (body « List-Unsubscribe=One-Click ») without any CSRF token.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def desinscription_view(request, jeton):
    """GET: a confirmation page with a button; POST (page or one-click): unsubscribe."""
    parcours, statut = _parcours_du_jeton(jeton)
    if parcours is None:
        return _noindex(
            render(
                request,
                "accueil/relances/desinscription_invalide.html",
                {"introuvable": statut == 404},
                status=statut,
            )
        )
    desinscrit = False
    if request.method == "POST":
        services.relances_desinscrire(parcours=parcours)
        desinscrit = True
    return _noindex(
        render(
            request,
            "accueil/relances/desinscription.html",
            {"parcours": parcours, "desinscrit": desinscrit},
        )
    )
