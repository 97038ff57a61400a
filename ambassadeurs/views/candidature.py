"""« Devenir ambassadeur »: the application form, then the state of the application."""

import contextlib

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods

from ..forms.candidature import CandidatureForm
from ..models import Ambassadeur
from ..services import candidature as services


@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def devenir(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    existante = (
        Ambassadeur.objects.select_related("commune").filter(utilisateur=request.user).first()
    )
    if existante is not None:
        reponse = render(request, "ambassadeurs/candidature_etat.html", {"ambassadeur": existante})
    else:
        if request.method == "POST":
            form = CandidatureForm(request.POST, request.FILES)
            if form.is_valid():
                with contextlib.suppress(services.CandidatureExistante):
                    services.candidature_deposer(
                        utilisateur=request.user,
                        donnees=form.donnees_modele(),
                        photo=form.cleaned_data.get("photo_fichier"),
                    )
                return redirect("ambassadeurs:devenir")
        else:
            form = CandidatureForm(
                initial={"prenom": request.user.first_name, "nom": request.user.last_name}
            )
        reponse = render(request, "ambassadeurs/candidature.html", {"form": form})
    return reponse
