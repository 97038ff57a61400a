"""The ambassador's space (/ambassadeurs/espace/): profile, availability, referral link.

Only the visitor's own accepted profile is ever edited (no id in the URL); anonymous
visitors go to the login page, accounts that are not accepted ambassadors to the
application page (which shows its state).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods

from ..forms.candidature import EspaceProfilForm
from ..selectors import ambassadeur_de
from ..services import espace as services


def _url_ou_vide(nom: str) -> str:
    try:
        return reverse(nom)
    except NoReverseMatch:
        return ""


@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def espace(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    ambassadeur = ambassadeur_de(request.user)
    if ambassadeur is None:
        return redirect("ambassadeurs:devenir")
    form = EspaceProfilForm(instance=ambassadeur)
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("pause", "reprise"):
            services.disponibilite_changer(ambassadeur=ambassadeur, disponible=action == "reprise")
            messages.success(
                request,
                "Vous êtes en pause : votre profil n'apparaît plus dans l'annuaire."
                if action == "pause"
                else "Vous êtes de nouveau disponible : votre profil est dans l'annuaire.",
            )
            return redirect("ambassadeurs:espace")
        form = EspaceProfilForm(request.POST, request.FILES, instance=ambassadeur)
        if form.is_valid():
            services.profil_modifier(
                ambassadeur=ambassadeur,
                donnees=form.donnees_modele(),
                photo=form.cleaned_data.get("photo_fichier"),
            )
            messages.success(request, "Votre profil est enregistré.")
            return redirect("ambassadeurs:espace")
        ambassadeur.refresh_from_db()
    lien_parrainage = (
        f"{settings.SITE_URL}{_url_ou_vide('accueil:inscription') or '/accueil/inscription/'}"
        f"?parrain={ambassadeur.code_parrainage}"
    )
    reponse = render(
        request,
        "ambassadeurs/espace.html",
        {
            "ambassadeur": ambassadeur,
            "form": form,
            "lien_parrainage": lien_parrainage,
            "url_histoire_nouvelle": _url_ou_vide("ambassadeurs:histoire_nouvelle"),
            "url_histoires": _url_ou_vide("ambassadeurs:histoires"),
        },
    )
    return reponse
