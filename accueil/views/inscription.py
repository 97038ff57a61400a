"""Public views of the welcome journey: inscription.

Five steps (``/accueil/inscription/<etape>/``), each saved in the visitor's draft; the
last one creates the account (allauth) if needed and the newcomer's file, then shows
the thank-you page. Every response is private (never stored by the anonymous page cache).
"""

import contextlib
import re

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods

from lot_portal.cms.models import ParametresSite
from lot_portal.territoire.models import Commune
from lot_portal.vitrine.selectors import source_campagne

from ..forms.inscription import ENFANTS_LIGNES_MIN, ENFANTS_MAX, FORMULAIRES
from ..models import BrouillonInscription, ParcoursAccueil
from ..services import inscription as services

SESSION_BROUILLON = "accueil_inscription_brouillon"
SESSION_PARRAIN = "accueil_inscription_parrain"
SESSION_TERMINEE = "accueil_inscription_terminee"
URL_MON_PARCOURS = "/accueil/mon-parcours/"
PARRAIN_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$")
DRAPEAU_ERREURS = "_erreurs"  # raw input refused by « Suivant » (not left by « Précédent »)
CHAMPS_NON_CONSERVES = (DRAPEAU_ERREURS, "csrfmiddlewaretoken", "action", "password1", "password2")

TITRES = {
    "qui": "Qui êtes-vous ?",
    "foyer": "Votre foyer",
    "projet": "Votre projet",
    "ou-et-quand": "Où et quand ?",
    "consentements": "Vos données et votre compte",
}


def _url_etape(etape: str) -> str:
    return reverse("accueil:inscription_etape", kwargs={"etape": etape})


def _retenir_parrain(request) -> None:
    """``?parrain=<code>`` on any registration URL: an ambassador's referral code."""
    code = request.GET.get("parrain", "").strip()
    if code and PARRAIN_RE.match(code) and request.session.get(SESSION_PARRAIN) != code:
        request.session[SESSION_PARRAIN] = code


def _source(request) -> dict:
    source = dict(source_campagne(request) or {})
    parrain = request.session.get(SESSION_PARRAIN)
    if parrain:
        source[services.SOURCE_PARRAIN] = parrain
    return source


def _brouillon(request) -> BrouillonInscription | None:
    brouillon = services.brouillon_trouver(
        brouillon_id=request.session.get(SESSION_BROUILLON),
        utilisateur=request.user,
        cle_session=request.session.session_key or "",
    )
    if brouillon is not None and request.session.get(SESSION_BROUILLON) != brouillon.pk:
        request.session[SESSION_BROUILLON] = brouillon.pk
    return brouillon


def _a_deja_un_parcours(request) -> bool:
    return (
        request.user.is_authenticated
        and ParcoursAccueil.objects.filter(utilisateur=request.user).exists()
    )


def _vers_mon_parcours(request):
    messages.info(
        request,
        "Vous êtes déjà inscrit ou inscrite au parcours d'accueil : voici votre parcours.",
    )
    return redirect(URL_MON_PARCOURS)


@require_GET
@cache_control(private=True, no_store=True)
def inscription_debut(request):
    """``/accueil/inscription/``: to the first step not yet done."""
    _retenir_parrain(request)
    if _a_deja_un_parcours(request):
        return _vers_mon_parcours(request)
    brouillon = _brouillon(request)
    if brouillon is None and request.session.get(SESSION_TERMINEE):
        return redirect("accueil:inscription_merci")
    if brouillon is not None:
        services.brouillon_source_completer(brouillon=brouillon, source=_source(request))
    return redirect(_url_etape(services.premiere_etape_a_faire(brouillon)))


def _saisie_postee(request) -> dict:
    return {
        cle: request.POST.getlist(cle) for cle in request.POST if cle not in CHAMPS_NON_CONSERVES
    }


def _query_dict(saisie: dict) -> QueryDict:
    donnees = QueryDict(mutable=True)
    for cle, valeurs in saisie.items():
        donnees.setlist(cle, valeurs)
    return donnees


def _initial_depuis_saisie(saisie: dict) -> dict:
    return {
        cle: valeurs if len(valeurs) != 1 or cle == "communautes" else valeurs[0]
        for cle, valeurs in saisie.items()
    }


def _lignes_enfants(brouillon, saisie, ajout: int = 0) -> int:
    """How many child rows the household step shows."""
    lignes = ENFANTS_LIGNES_MIN
    if brouillon is not None:
        lignes = max(lignes, len(brouillon.donnees.get("foyer", {}).get("enfants", [])) + 1)
    if saisie:
        with contextlib.suppress(ValueError):
            lignes = max(lignes, int((saisie.get("lignes") or ["0"])[0]))
    return min(lignes + ajout, ENFANTS_MAX)


def _formulaire(etape, request, brouillon, *, data=None, initial=None, lignes=None, communes=()):
    classe = FORMULAIRES[etape]
    kwargs = {}
    if etape == "foyer":
        kwargs["lignes"] = lignes or ENFANTS_LIGNES_MIN
    elif etape == "ou-et-quand":
        kwargs["communes"] = communes
    elif etape == "consentements":
        kwargs["anonyme"] = not request.user.is_authenticated
    if data is not None:
        return classe(data, **kwargs)
    if initial is None:
        donnees = (brouillon.donnees.get(etape) if brouillon else None) or {}
        if etape == "ou-et-quand":
            initial = classe.initial_depuis(donnees, communes)
        else:
            initial = classe.initial_depuis(donnees)
        if etape == "consentements" and request.user.is_authenticated:
            initial.setdefault("prenom", request.user.first_name)
            initial.setdefault("nom", request.user.last_name)
    return classe(initial=initial, **kwargs)


def _communes(etape):
    if etape != "ou-et-quand":
        return []
    return list(Commune.objects.only("pk", "nom", "codes_postaux").order_by("nom"))


def _page(request, *, etape, form, brouillon, statut=200, compte_existant=False):
    rang = services.ETAPES.index(etape)
    faites = set(services.etapes_faites(brouillon))
    etapes = [
        {
            "slug": slug,
            "numero": i + 1,
            "titre": TITRES[slug],
            "url": _url_etape(slug),
            "faite": slug in faites,
            "courante": slug == etape,
            "accessible": i <= rang or slug in faites,
        }
        for i, slug in enumerate(services.ETAPES)
    ]
    contexte = {
        "etape": etape,
        "titre_etape": TITRES[etape],
        "numero": rang + 1,
        "total": len(services.ETAPES),
        "etapes": etapes,
        "form": form,
        "erreurs_resume": _erreurs_resume(form),
        "premiere": rang == 0,
        "derniere": rang == len(services.ETAPES) - 1,
        "compte_existant": compte_existant,
    }
    if etape == "ou-et-quand":
        contexte["communes"] = form.communes
    if etape == "consentements":
        page = ParametresSite.for_request(request).page_donnees_personnelles
        contexte["url_donnees_personnelles"] = page.get_url(request) if page else ""
        contexte["url_connexion"] = (
            reverse("account_login") + "?" + urlencode({"next": _url_etape("consentements")})
        )
    return render(request, "accueil/inscription/etape.html", contexte, status=statut)


def _erreurs_resume(form) -> list[tuple[str, str, str]]:
    """(anchor, label, message) for the error summary; groups link to their first box."""
    if not form.is_bound or not form.errors:
        return []
    erreurs = [("", "", message) for message in form.non_field_errors()]
    for champ in form:
        if not champ.errors:
            continue
        groupe = getattr(champ.field.widget, "input_type", "") in ("radio", "checkbox") and (
            getattr(champ.field.widget, "allow_multiple_selected", False)
            or champ.field.widget.input_type == "radio"
        )
        ancre = f"{champ.auto_id}_0" if groupe else champ.id_for_label
        erreurs.extend((ancre, champ.label, message) for message in champ.errors)
    return erreurs


@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def inscription_etape(request, etape: str):
    if etape not in services.ETAPES:
        raise Http404("Étape inconnue")
    _retenir_parrain(request)
    if _a_deja_un_parcours(request):
        return _vers_mon_parcours(request)
    brouillon = _brouillon(request)
    if brouillon is not None:
        services.brouillon_source_completer(brouillon=brouillon, source=_source(request))
    elif request.method == "POST" and request.session.get(SESSION_TERMINEE):
        return redirect("accueil:inscription_merci")  # a late double submit
    a_faire = services.premiere_etape_a_faire(brouillon)
    faites = services.etapes_faites(brouillon)
    if etape not in faites and services.ETAPES.index(etape) > services.ETAPES.index(a_faire):
        return redirect(_url_etape(a_faire))
    communes = _communes(etape)

    if request.method == "GET":
        saisie = services.saisie_de(brouillon, etape)
        lignes = _lignes_enfants(brouillon, saisie)
        if saisie is not None and saisie.get(DRAPEAU_ERREURS):
            # What was typed last time, refused by « Suivant »: shown with its errors.
            form = _formulaire(
                etape,
                request,
                brouillon,
                data=_query_dict(saisie),
                lignes=lignes,
                communes=communes,
            )
            form.is_valid()
        elif saisie is not None:
            # Left by « Précédent » or « Ajouter un enfant »: shown as typed, no errors yet.
            form = _formulaire(
                etape,
                request,
                brouillon,
                initial=_initial_depuis_saisie(saisie),
                lignes=lignes,
                communes=communes,
            )
        else:
            form = _formulaire(etape, request, brouillon, lignes=lignes, communes=communes)
        return _page(request, etape=etape, form=form, brouillon=brouillon)

    action = request.POST.get("action", "suivant")
    saisie = _saisie_postee(request)
    lignes = _lignes_enfants(brouillon, saisie)
    form = _formulaire(
        etape, request, brouillon, data=request.POST, lignes=lignes, communes=communes
    )
    if brouillon is None:
        if not request.session.session_key:
            request.session.save()
        brouillon = services.brouillon_creer(
            cle_session=request.session.session_key,
            utilisateur=request.user,
            source=_source(request),
        )
        request.session[SESSION_BROUILLON] = brouillon.pk
    rang = services.ETAPES.index(etape)

    if action == "ajouter_enfant" and etape == "foyer":
        # No JS needed: keep what was typed and show one more row (errors come on « Suivant »).
        saisie["lignes"] = [str(_lignes_enfants(brouillon, saisie, ajout=1))]
        services.etape_enregistrer(brouillon=brouillon, etape=etape, donnees=None, saisie=saisie)
        return redirect(_url_etape(etape) + "#enfant-" + saisie["lignes"][0])

    valide = form.is_valid()
    if action == "precedent":
        # Going back never loses the current page: valid, it is saved; invalid, kept as typed.
        if valide and etape != "consentements":
            services.etape_enregistrer(
                brouillon=brouillon, etape=etape, donnees=form.vers_donnees(), saisie=None
            )
        else:
            services.etape_enregistrer(
                brouillon=brouillon, etape=etape, donnees=None, saisie=saisie
            )
        return redirect(_url_etape(services.ETAPES[max(rang - 1, 0)]))

    if not valide:
        saisie[DRAPEAU_ERREURS] = ["1"]
        services.etape_enregistrer(brouillon=brouillon, etape=etape, donnees=None, saisie=saisie)
        return _page(request, etape=etape, form=form, brouillon=brouillon)

    if etape != "consentements":
        services.etape_enregistrer(
            brouillon=brouillon, etape=etape, donnees=form.vers_donnees(), saisie=None
        )
        return redirect(_url_etape(services.premiere_etape_a_faire(brouillon)))
    return _terminer(request, form=form, brouillon=brouillon, saisie=saisie)


def _terminer(request, *, form, brouillon, saisie):
    """Step 5 is valid: create the account (if needed) and the file, in one transaction."""
    manquantes = [e for e in services.ETAPES[:-1] if e not in services.etapes_faites(brouillon)]
    if manquantes:
        return redirect(_url_etape(manquantes[0]))
    donnees = form.vers_donnees()
    email = donnees.get("email", "")
    if not request.user.is_authenticated and services.compte_existe(email):
        return _compte_existant(request, form=form, brouillon=brouillon, saisie=saisie)
    if not request.user.is_authenticated and not ratelimit.consume(request, action="signup"):
        # allauth's sign-up limit (ACCOUNT_RATE_LIMITS) guards this account creation too.
        form.add_error(
            None,
            "Trop de comptes ont été créés depuis votre connexion. Réessayez dans quelques "
            "minutes : ce que vous avez saisi est conservé.",
        )
        services.etape_enregistrer(
            brouillon=brouillon, etape="consentements", donnees=None, saisie=saisie
        )
        return _page(request, etape="consentements", form=form, brouillon=brouillon, statut=429)
    try:
        with transaction.atomic():
            verrouille = services.brouillon_verrouiller(brouillon=brouillon)
            if verrouille is None:  # a double submit already created the file
                return redirect("accueil:inscription_merci")
            services.etape_enregistrer(
                brouillon=verrouille, etape="consentements", donnees=donnees, saisie=None
            )
            if request.user.is_authenticated:
                utilisateur = get_user_model().objects.get(pk=request.user.pk)
            else:
                utilisateur = services.compte_creer(
                    request=request,
                    email=email,
                    mot_de_passe=form.cleaned_data["password1"],
                    prenom=donnees["prenom"],
                    nom=donnees["nom"],
                    url_apres_confirmation=URL_MON_PARCOURS,
                )
            services.parcours_creer(brouillon=verrouille, utilisateur=utilisateur)
    except services.CompteExistant:
        return _compte_existant(request, form=form, brouillon=brouillon, saisie=saisie)
    request.session.pop(SESSION_BROUILLON, None)
    request.session.pop(SESSION_PARRAIN, None)
    request.session[SESSION_TERMINEE] = {
        "email": email or request.user.email,
        "a_confirmer": not request.user.is_authenticated,
    }
    return redirect("accueil:inscription_merci")


def _compte_existant(request, *, form, brouillon, saisie):
    form.add_error(
        "email",
        "Un compte existe déjà avec cette adresse. Connectez-vous pour y rattacher votre "
        "inscription : ce que vous avez saisi est conservé.",
    )
    services.etape_enregistrer(
        brouillon=brouillon, etape="consentements", donnees=None, saisie=saisie
    )
    return _page(
        request, etape="consentements", form=form, brouillon=brouillon, compte_existant=True
    )


@require_GET
@cache_control(private=True, no_store=True)
def inscription_merci(request):
    """The thank-you page: confirm the address, what happens next."""
    terminee = request.session.get(SESSION_TERMINEE) or {}
    if not terminee and not _a_deja_un_parcours(request):
        return redirect("accueil:inscription")
    contexte = {
        "email": terminee.get("email", ""),
        "a_confirmer": terminee.get("a_confirmer", not request.user.is_authenticated),
        "url_mon_parcours": URL_MON_PARCOURS,
    }
    return render(request, "accueil/inscription/merci.html", contexte)
