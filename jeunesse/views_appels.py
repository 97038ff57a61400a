"""Public pages of the youth calls: the hub, the list, a call, the eligibility check.

No account is needed. The eligibility check stores nothing: the answers are only used to
compute the result shown on the page (POST, so the birth date is never in a URL or a log).
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods

from . import selectors
from .acces import est_instructeur
from .forms_appels import EligibiliteForm, FiltreAppelsForm
from .models.choix import LienLot, ModeAutorisation, TypeAppel
from .services.eligibilite import age_a, raisons_ineligibilite


def _url_candidater(appel) -> str | None:
    """Where « Déposer un projet » posts (the applications area); None until it exists."""
    try:
        return reverse("jeunesse:candidater", args=[appel.slug])
    except NoReverseMatch:
        return None


def conditions_public(appel) -> list[str]:
    """The call's audience rules, in plain French (one sentence each)."""
    if appel.public_ouvert:
        return ["Ouvert à tous : aucune condition d'âge ni de lien avec le Lot."]
    conditions = []
    jour = appel.date_cloture_locale.strftime("%d/%m/%Y")
    if appel.age_min is not None and appel.age_max is not None:
        conditions.append(
            f"Avoir entre {appel.age_min} et {appel.age_max} ans à la date de clôture (le {jour})."
        )
    elif appel.age_min is not None:
        conditions.append(f"Avoir au moins {appel.age_min} ans à la date de clôture (le {jour}).")
    elif appel.age_max is not None:
        conditions.append(f"Avoir au plus {appel.age_max} ans à la date de clôture (le {jour}).")
    if appel.liens_acceptes:
        liens = [LienLot(valeur).label for valeur in appel.liens_acceptes]
        conditions.append("Avoir l'un de ces liens avec le Lot : " + " ; ".join(liens) + ".")
    else:
        conditions.append("Aucun lien avec le Lot n'est demandé.")
    return conditions


def _mineurs_possibles(appel) -> bool:
    """An age rule that lets under-18s apply (they then need a parental authorisation)."""
    a_des_ages = appel.age_min is not None or appel.age_max is not None
    return a_des_ages and (appel.age_min is None or appel.age_min < 18)


def _appel_ou_404(request, slug):
    apercu = est_instructeur(request.user)
    appel = selectors.appel_public(slug, apercu=apercu)
    if appel is None:
        raise Http404("Aucun appel publié à cette adresse.")
    return appel


@require_GET
def accueil(request):
    """The youth hub: what the Département offers, the open calls, the ideas box."""
    maintenant = timezone.now()
    groupes = selectors.appels_groupes(clos_max=0, maintenant=maintenant)
    return render(
        request,
        "jeunesse/accueil.html",
        {"groupes": groupes, "ouverts": groupes.ouverts, "a_venir": groupes.a_venir},
    )


@require_GET
def appels(request):
    """Published calls: open, upcoming, closed; ``?type=`` filters; ``?clos=tous`` lists every
    closed call (else the most recent ones)."""
    filtre = FiltreAppelsForm(request.GET or None)
    type_appel = None
    if filtre.is_bound and filtre.is_valid():
        type_appel = filtre.cleaned_data["type"] or None
    elif filtre.is_bound:
        filtre = FiltreAppelsForm()  # an unknown type: show everything, no error
    tous_clos = request.GET.get("clos") == "tous"
    groupes = selectors.appels_groupes(
        type_appel=type_appel, clos_max=None if tous_clos else selectors.CLOS_AFFICHES
    )
    requete = f"type={type_appel}&" if type_appel else ""
    return render(
        request,
        "jeunesse/appels/liste.html",
        {
            "groupes": groupes,
            "filtre": filtre,
            "type_appel": type_appel,
            "type_libelle": TypeAppel(type_appel).label if type_appel else "",
            "tous_clos": tous_clos,
            "url_tous_clos": f"?{requete}clos=tous#appels-clos",
        },
    )


@require_GET
def appel(request, slug: str):
    appel = _appel_ou_404(request, slug)
    etat = appel.etat()
    return render(
        request,
        "jeunesse/appels/detail.html",
        {
            "appel": appel,
            "etat": etat,
            "Etat": appel.Etat,
            "jours_restants": selectors.jours_restants(appel),
            "conditions": conditions_public(appel),
            "criteres": list(appel.criteres.all()),
            "questions": list(appel.questions.all()),
            "documents": list(appel.documents.all()),
            "poids_total": sum(c.poids for c in appel.criteres.all()),
            "url_candidater": _url_candidater(appel) if etat == appel.Etat.OUVERT else None,
            "apercu": not appel.publie,
            "note_mineurs": _mineurs_possibles(appel),
        },
    )


@cache_control(private=True, no_store=True)
@require_http_methods(["GET", "POST"])
def eligibilite(request, slug: str):
    """Check the call's rules for one person; nothing is saved, nothing is logged."""
    appel = _appel_ou_404(request, slug)
    etat = appel.etat()
    donnees = request.POST if request.method == "POST" else None
    form = EligibiliteForm(donnees, appel=appel)
    resultat = None
    if request.method == "POST" and form.is_valid():
        naissance = form.date_naissance
        lien = form.cleaned_data.get("lien_lot")
        raisons = raisons_ineligibilite(
            appel,
            date_naissance=naissance,
            lien_lot=lien,
            type_projet=form.cleaned_data.get("type_projet"),
        )
        age = age_a(naissance, appel.date_cloture_locale) if naissance else None
        autres = [
            autre
            for autre in selectors.appels_ouverts(exclure=appel)
            if not raisons_ineligibilite(autre, date_naissance=naissance, lien_lot=lien)
        ]
        resultat = {
            "eligible": not raisons,
            "raisons": raisons,
            "age": age,
            "mineur": age is not None and age < 18,
            "autorisation_fichier": appel.autorisation_parentale == ModeAutorisation.FICHIER,
            "suggestions": autres,
        }
    return render(
        request,
        "jeunesse/appels/eligibilite.html",
        {
            "appel": appel,
            "etat": etat,
            "Etat": appel.Etat,
            "form": form,
            "resultat": resultat,
            "conditions": conditions_public(appel),
            "url_candidater": _url_candidater(appel) if etat == appel.Etat.OUVERT else None,
        },
    )


@require_GET
def notice_donnees(request):
    """« Tes données, expliquées simplement »: the data notice written for under-18s."""
    return render(request, "jeunesse/mineurs/notice.html")
