"""Stories written by ambassadors (/ambassadeurs/espace/histoires/): list, write, revise.

Only accepted ambassadors get in (anonymous: login; anyone else: 403). Stories are always
looked up among the visitor's own (someone else's id: 404). The service does every write.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods

from ..forms.histoires import HistoireForm
from ..selectors import ambassadeur_de
from ..services import histoires as services


def ambassadeur_requis(vue):
    """Anonymous: to the login page; not an accepted ambassador: 403. Passes the visitor's
    ``ambassadeur``; every response but the login redirect is private."""
    vue_privee = cache_control(private=True, no_store=True)(vue)
    refus = cache_control(private=True, no_store=True)(render)

    @wraps(vue)
    def enveloppe(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        ambassadeur = ambassadeur_de(request.user)
        if ambassadeur is None:
            return refus(request, "ambassadeurs/histoires/reserve.html", status=403)
        return vue_privee(request, *args, ambassadeur=ambassadeur, **kwargs)

    return enveloppe


@require_GET
@ambassadeur_requis
def histoires_liste(request, ambassadeur):
    histoires = [
        (page, services.histoire_etat(page)) for page in services.histoires_de(ambassadeur)
    ]
    return render(request, "ambassadeurs/histoires/liste.html", {"histoires": histoires})


def _enregistrer(request, *, ambassadeur, form, histoire=None):
    """Submit a valid form; returns a redirect, or None with the error added to the form."""
    soumettre = request.POST.get("action") != "brouillon"
    try:
        page = services.histoire_soumettre(
            ambassadeur=ambassadeur, donnees=form.donnees(), histoire=histoire, soumettre=soumettre
        )
    except services.HistoireNonModifiable:
        messages.warning(
            request,
            "Cette histoire est en relecture : vous pourrez la modifier si l'équipe éditoriale "
            "vous la renvoie.",
        )
        return redirect("ambassadeurs:histoires")
    except services.RelectureIndisponible:
        form.add_error(
            None,
            "La relecture des histoires n'est pas disponible pour le moment : réessayez plus "
            "tard. Votre texte est conservé ci-dessous.",
        )
        return None
    if soumettre:
        messages.success(
            request,
            f"« {page.title} » est envoyée à l'équipe éditoriale. Vous verrez ici quand elle "
            "sera publiée, ou les modifications demandées.",
        )
    else:
        messages.success(request, f"Le brouillon « {page.title} » est enregistré.")
    return redirect("ambassadeurs:histoires")


@require_http_methods(["GET", "POST"])
@ambassadeur_requis
def histoire_nouvelle(request, ambassadeur):
    if request.method == "POST":
        form = HistoireForm(request.POST, request.FILES)
        if form.is_valid():
            reponse = _enregistrer(request, ambassadeur=ambassadeur, form=form)
            if reponse is not None:
                return reponse
    else:
        form = HistoireForm(initial={"commune": ambassadeur.commune_id})
    return render(
        request, "ambassadeurs/histoires/formulaire.html", {"form": form, "histoire": None}
    )


@require_http_methods(["GET", "POST"])
@ambassadeur_requis
def histoire_modifier(request, pk, ambassadeur):
    histoire = services.histoire_de(ambassadeur, pk)
    if histoire is None:
        raise Http404("Histoire introuvable.")
    etat = services.histoire_etat(histoire)
    if not etat.modifiable:
        messages.info(
            request,
            f"« {histoire.title} » est en relecture : vous pourrez la modifier si l'équipe "
            "éditoriale vous la renvoie.",
        )
        return redirect("ambassadeurs:histoires")
    actuelles = services.histoire_donnees(histoire)
    if request.method == "POST":
        form = HistoireForm(request.POST, request.FILES, images_actuelles=actuelles["images"])
        if form.is_valid():
            reponse = _enregistrer(request, ambassadeur=ambassadeur, form=form, histoire=histoire)
            if reponse is not None:
                return reponse
    else:
        form = HistoireForm(initial=actuelles, images_actuelles=actuelles["images"])
    return render(
        request,
        "ambassadeurs/histoires/formulaire.html",
        {"form": form, "histoire": histoire, "etat": etat},
    )
