"""Public views of the job alerts (/opportunites/alertes/…).

- ``nouvelle/?<filtres>``: save the listing's filters with an address and a frequency;
- ``confirmer/<jeton>/``: the double opt-in (GET shows a button, POST confirms: mail scanners
  follow links, they do not submit forms — like the welcome journey's unsubscribe page);
- ``desinscription/<jeton>/``: GET page + POST, or the RFC 8058 one-click POST;
- ``gerer/<jeton>/``: frequency, pause, unsubscribe from the link in each digest;
- ``""``: « Mes alertes emploi » for a logged-in user (pause, resume, delete).

Every page is personal: ``Cache-Control: private, no-store``; token pages are ``noindex``.
"""

from allauth.core.internal import ratelimit as limites
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from lot_portal.cms.models import ParametresSite

from .filtres import filtres_libelle, filtres_lire, filtres_querystring
from .forms_alertes import AlerteForm, AlerteGestionForm
from .services import alertes as services

SESSION_DEMANDE = "opportunites_alerte_demande"
# allauth's cache-based limiter (the one of the sign-up), with our own rates: per IP, and
# per address so that nobody can flood someone with confirmation emails.
LIMITES_DEFAUT = "10/1h/ip,3/1h/key,6/1d/key"


def _noindex(response):
    response["X-Robots-Tag"] = "noindex"
    return response


def _limite_depassee(request, email: str) -> bool:
    config = {"alerte": getattr(settings, "OPPORTUNITES_ALERTES_LIMITES", None) or LIMITES_DEFAUT}
    usage = limites.consume(request, app="opportunites", action="alerte", config=config, key=email)
    return usage is None


def _compte_de_l_adresse(utilisateur, email: str, verifie: bool):
    """The logged-in account, when the alert is for its own address (never someone else's
    alert in « Mes alertes »)."""
    if not utilisateur.is_authenticated:
        return None
    if verifie or (utilisateur.email or "").strip().lower() == email:
        return utilisateur
    return None


def _lien_donnees(request) -> str:
    try:
        page = ParametresSite.for_request(request).page_donnees_personnelles
    except Exception:  # no site settings yet: the text still says the essentials
        page = None
    return page.get_url(request) if page else ""


@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def alerte_nouvelle_view(request):
    """GET: the summary of the filters and the form; POST: ``alerte_demander``, then PRG."""
    filtres = filtres_lire(request.GET)
    requete = filtres_querystring(filtres)
    pour_conjoint = request.GET.get("pour") == "conjoint"
    action = "?" + "&".join(p for p in (requete, "pour=conjoint" if pour_conjoint else "") if p)
    initial = {}
    if request.user.is_authenticated and not pour_conjoint:
        initial["email"] = request.user.email
    donnees = request.POST if request.method == "POST" else None
    form = AlerteForm(donnees, initial=initial, pour_conjoint=pour_conjoint)
    statut = 200
    if donnees is not None:
        statut = 400
        if form.is_valid():
            email = form.cleaned_data["email"]
            verifie = not pour_conjoint and services.email_verifie_du_compte(request.user, email)
            if not verifie and _limite_depassee(request, email):
                form.add_error(
                    None,
                    "Trop de demandes d'alerte en peu de temps pour cette adresse ou depuis "
                    "votre connexion. Réessayez dans une heure : ce que vous avez saisi est "
                    "conservé.",
                )
                statut = 429
            else:
                demandeur = ""
                if pour_conjoint and request.user.is_authenticated:
                    demandeur = request.user.get_full_name().strip()
                alerte, resultat = services.alerte_demander(
                    email=email,
                    parametres=filtres.en_dict(),
                    frequence=form.cleaned_data["frequence"],
                    compte=_compte_de_l_adresse(request.user, email, verifie),
                    email_verifie=verifie,
                    pour_conjoint=pour_conjoint,
                    demandeur=demandeur,
                )
                request.session[SESSION_DEMANDE] = {
                    "email": email,
                    "resultat": resultat,
                    "libelle": alerte.libelle,
                    "pour_conjoint": pour_conjoint,
                }
                return redirect("opportunites:alertes_demande_envoyee")
    return _noindex(
        render(
            request,
            "opportunites/alertes/nouvelle.html",
            {
                "form": form,
                "libelle": filtres_libelle(filtres),
                "filtres_actifs": filtres.actifs,
                "action": action,
                "url_liste": services.url_liste(filtres.en_dict()),
                "pour_conjoint": pour_conjoint,
                "url_donnees": _lien_donnees(request),
                "validite_jours": services.CONFIRMATION_VALIDITE.days,
                "conservation_jours": services.DESINSCRITES_CONSERVATION.days,
            },
            status=statut,
        )
    )


@require_http_methods(["GET"])
@cache_control(private=True, no_store=True)
def alerte_demande_envoyee_view(request):
    """After saving: « check your mailbox » (or « active » for the logged-in owner)."""
    demande = request.session.get(SESSION_DEMANDE)
    if not isinstance(demande, dict):
        return redirect("opportunites:alertes_nouvelle")
    return _noindex(
        render(request, "opportunites/alertes/demande_envoyee.html", {"demande": demande})
    )


def _url_nouvelle(filtres: dict) -> str:
    requete = filtres_querystring(filtres)
    url = reverse("opportunites:alertes_nouvelle")
    return f"{url}?{requete}" if requete else url


def _lien_invalide(request, lecture, *, sujet: str):
    statut = 400 if lecture.invalide else 404
    return _noindex(
        render(
            request,
            "opportunites/alertes/lien_invalide.html",
            {"expire": lecture.expire, "sujet": sujet},
            status=statut,
        )
    )


@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def alerte_confirmer_view(request, jeton):
    """GET: a page with a button; POST: ``alerte_confirmer``."""
    lecture = services.alerte_du_jeton(
        jeton, services.SEL_CONFIRMER, max_age=services.CONFIRMATION_VALIDITE
    )
    if lecture.alerte is None:
        return _lien_invalide(request, lecture, sujet="confirmation")
    alerte = lecture.alerte
    confirmee = False
    if request.method == "POST":
        services.alerte_confirmer(alerte=alerte)
        alerte.refresh_from_db()
        confirmee = True
    return _noindex(
        render(
            request,
            "opportunites/alertes/confirmer.html",
            {
                "alerte": alerte,
                "confirmee": confirmee,
                "deja_active": not confirmee
                and alerte.confirmee_le is not None
                and alerte.desinscrite_le is None,
                "url_gerer": services.url_gerer(alerte),
                "url_liste": services.url_liste(alerte.filtres or {}),
            },
        )
    )


# The token authenticates and the only action stops emails: mail clients POST the RFC 8058
# one-click request (body « List-Unsubscribe=One-Click ») without any CSRF token.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def alerte_desinscription_view(request, jeton):
    """GET: a confirmation page with a button; POST (page or one-click): unsubscribe."""
    lecture = services.alerte_du_jeton(jeton, services.SEL_DESINSCRIRE)
    if lecture.alerte is None:
        return _lien_invalide(request, lecture, sujet="désinscription")
    alerte = lecture.alerte
    desinscrite = False
    if request.method == "POST":
        services.alerte_desinscrire(alerte=alerte)
        desinscrite = True
    return _noindex(
        render(
            request,
            "opportunites/alertes/desinscription.html",
            {
                "alerte": alerte,
                "desinscrite": desinscrite,
                "deja": not desinscrite and alerte.desinscrite_le is not None,
            },
        )
    )


ACTIONS_GESTION = {"frequence", "suspendre", "reprendre", "desinscrire"}


@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def alerte_gerer_view(request, jeton):
    """The manage page of one alert, reached from the link in each digest."""
    lecture = services.alerte_du_jeton(jeton, services.SEL_GERER)
    if lecture.alerte is None:
        return _lien_invalide(request, lecture, sujet="gestion")
    alerte = lecture.alerte
    form = AlerteGestionForm(initial={"frequence": alerte.frequence})
    statut = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ACTIONS_GESTION or alerte.desinscrite_le is not None:
            statut = 400
            messages.error(request, "Cette action n'est pas possible pour cette alerte.")
        elif action == "frequence":
            form = AlerteGestionForm(request.POST)
            if form.is_valid():
                services.alerte_frequence_changer(
                    alerte=alerte, frequence=form.cleaned_data["frequence"]
                )
                messages.success(request, "C'est noté : la fréquence de l'alerte est modifiée.")
                return redirect(request.path)
            statut = 400
        elif action == "suspendre":
            services.alerte_suspendre(alerte=alerte)
            messages.success(request, "L'alerte est en pause : plus aucun courriel d'ici là.")
            return redirect(request.path)
        elif action == "reprendre":
            services.alerte_reprendre(alerte=alerte)
            messages.success(request, "L'alerte reprend : vous recevrez les nouvelles offres.")
            return redirect(request.path)
        else:
            services.alerte_desinscrire(alerte=alerte)
            messages.success(request, "Vous êtes désinscrit : cette alerte ne vous écrira plus.")
            return redirect(request.path)
    return _noindex(
        render(
            request,
            "opportunites/alertes/gerer.html",
            {
                "alerte": alerte,
                "form": form,
                "url_liste": services.url_liste(alerte.filtres or {}),
                "url_nouvelle": _url_nouvelle(alerte.filtres or {}),
            },
            status=statut,
        )
    )


@login_required
@require_http_methods(["GET"])
@cache_control(private=True, no_store=True)
def mes_alertes_view(request):
    """« Mes alertes emploi »: the alerts of the account or of its verified addresses."""
    alertes = list(services.alertes_du_compte(request.user))
    for alerte in alertes:
        alerte.url_gerer = services.url_gerer(alerte)
    return render(
        request,
        "opportunites/alertes/mes_alertes.html",
        {"alertes": alertes, "url_liste": services.url_liste({})},
    )


ACTIONS_COMPTE = {
    "suspendre": (services.alerte_suspendre, "L'alerte « {} » est en pause."),
    "reprendre": (services.alerte_reprendre, "L'alerte « {} » reprend."),
    "supprimer": (services.alerte_supprimer, "L'alerte « {} » est supprimée."),
}


@login_required
@require_POST
@cache_control(private=True, no_store=True)
def mes_alertes_action_view(request, pk, action):
    """Pause, resume or delete one of the user's alerts (404 for anybody else's)."""
    if action not in ACTIONS_COMPTE or pk > 2**31 - 1:  # beyond any id: no SQL overflow
        raise Http404
    alerte = services.alertes_du_compte(request.user).filter(pk=pk).first()
    if alerte is None:
        raise Http404
    fonction, message = ACTIONS_COMPTE[action]
    fonction(alerte=alerte)
    messages.success(request, message.format(alerte.libelle))
    return redirect(reverse("opportunites:alertes_liste"))
