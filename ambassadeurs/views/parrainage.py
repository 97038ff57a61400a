"""Share kit, hospitality offers and impact pages of the ambassador's space.

Only the visitor's own data: offers are looked up with the ambassador in the query, so
another ambassador's offer is a 404.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_POST

from ..forms.hospitalite import OffreHospitaliteForm
from ..models import OffreHospitalite
from ..selectors import ambassadeur_de
from ..selectors_parrainage import impact as impact_calculer
from ..services import hospitalite as services

VISUELS = (
    ("img/ambassadeurs/partage-carre.png", "Visuel carré (1080 × 1080) pour les réseaux sociaux"),
    ("img/ambassadeurs/partage-large.png", "Visuel large (1200 × 630) pour les liens partagés"),
)


def _ambassadeur_ou_reponse(request):
    if not request.user.is_authenticated:
        return None, redirect_to_login(request.get_full_path())
    ambassadeur = ambassadeur_de(request.user)
    if ambassadeur is None:
        return None, redirect("ambassadeurs:devenir")
    return ambassadeur, None


def lien_parrainage(ambassadeur) -> str:
    try:
        chemin = reverse("accueil:inscription")
    except NoReverseMatch:
        chemin = "/accueil/inscription/"
    return f"{settings.SITE_URL}{chemin}?parrain={ambassadeur.code_parrainage}"


def messages_prets(lien: str, prenom: str) -> list[tuple[str, str]]:
    return [
        (
            "Pour les réseaux sociaux",
            "Vous rêvez de vivre dans le Lot ? J'y vis et je peux vous aider à vous y "
            f"installer. Inscrivez-vous au parcours d'accueil : {lien}",
        ),
        (
            "Message court",
            f"Le Lot vous tente ? Le Département vous accompagne pour vous installer : {lien}",
        ),
        (
            "Par courriel",
            "Bonjour,\n\nTu me parlais de quitter la ville : le Département du Lot propose un "
            "parcours d'accueil gratuit (emploi, logement, écoles, rencontres). Tu peux "
            f"t'inscrire ici : {lien}\n\nÀ bientôt,\n{prenom}",
        ),
    ]


@require_http_methods(["GET"])
@cache_control(private=True, no_store=True)
def partage(request):
    ambassadeur, reponse = _ambassadeur_ou_reponse(request)
    if reponse:
        return reponse
    lien = lien_parrainage(ambassadeur)
    return render(
        request,
        "ambassadeurs/parrainage/partage.html",
        {
            "ambassadeur": ambassadeur,
            "lien": lien,
            "messages_prets": messages_prets(lien, ambassadeur.prenom),
            "visuels": VISUELS,
        },
    )


@require_http_methods(["GET"])
@cache_control(private=True, no_store=True)
def hospitalite(request):
    ambassadeur, reponse = _ambassadeur_ou_reponse(request)
    if reponse:
        return reponse
    offres = ambassadeur.offres_hospitalite.select_related("commune")
    return render(
        request,
        "ambassadeurs/parrainage/hospitalite.html",
        {
            "ambassadeur": ambassadeur,
            "offres": offres,
            "mises": list(services.mises_en_relation_de(ambassadeur=ambassadeur)),
        },
    )


@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def hospitalite_offre(request, pk=None):
    ambassadeur, reponse = _ambassadeur_ou_reponse(request)
    if reponse:
        return reponse
    offre = None
    if pk is not None:
        offre = get_object_or_404(OffreHospitalite, pk=pk, ambassadeur=ambassadeur)
    form = OffreHospitaliteForm(instance=offre)
    if request.method == "POST":
        form = OffreHospitaliteForm(request.POST, instance=offre)
        if form.is_valid():
            services.offre_enregistrer(
                ambassadeur=ambassadeur,
                offre=offre,
                donnees={champ: form.cleaned_data[champ] for champ in form.Meta.fields},
            )
            messages.success(request, "Votre offre d'hospitalité est enregistrée.")
            return redirect("ambassadeurs:hospitalite")
    return render(
        request,
        "ambassadeurs/parrainage/offre.html",
        {"ambassadeur": ambassadeur, "form": form, "offre": offre},
    )


@require_POST
def hospitalite_activer(request, pk):
    ambassadeur, reponse = _ambassadeur_ou_reponse(request)
    if reponse:
        return reponse
    offre = get_object_or_404(OffreHospitalite, pk=pk, ambassadeur=ambassadeur)
    active = request.POST.get("action") == "activer"
    services.offre_activer(ambassadeur=ambassadeur, offre=offre, active=active)
    messages.success(
        request,
        "Votre offre est de nouveau proposée." if active else "Votre offre n'est plus proposée.",
    )
    return redirect("ambassadeurs:hospitalite")


@require_http_methods(["GET"])
@cache_control(private=True, no_store=True)
def impact(request):
    ambassadeur, reponse = _ambassadeur_ou_reponse(request)
    if reponse:
        return reponse
    return render(
        request,
        "ambassadeurs/parrainage/impact.html",
        {"ambassadeur": ambassadeur, "impact": impact_calculer(ambassadeur)},
    )
