"""The partner space (/opportunites/partenaires/): offers and takeovers, their states, forms.

Only accounts of the « Partenaires emploi » group get in (anonymous: login; anyone else: 403
with a French page). Items are always looked up among those the partner may see (an offer of
their employers, a takeover of their own or of an account of the same employer); any other
id is a 404. Every response is private; the service does every write.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .forms_partenaires import OffreForm, RepriseForm
from .services import partenaires as services


def partenaire_requis(vue):
    """Anonymous: to the login page; not a partner: 403. Every response but the login
    redirect is private."""
    vue_privee = cache_control(private=True, no_store=True)(vue)
    refus = cache_control(private=True, no_store=True)(render)

    @wraps(vue)
    def enveloppe(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not services.est_partenaire(request.user):
            return refus(request, "opportunites/partenaires/reserve.html", status=403)
        return vue_privee(request, *args, **kwargs)

    return enveloppe


@require_GET
@partenaire_requis
def espace(request):
    offres = [(page, services.etat(page)) for page in services.offres_de(request.user)]
    reprises = [(page, services.etat(page)) for page in services.reprises_de(request.user)]
    employeurs = list(services.employeurs_de(request.user))
    return render(
        request,
        "opportunites/partenaires/espace.html",
        {
            "offres": offres,
            "reprises": reprises,
            "comptes_offres": services.compter(offres),
            "comptes_reprises": services.compter(reprises),
            "employeurs": employeurs,
        },
    )


def _erreurs_modele(form, erreur: ValidationError):
    """The model's ``clean`` errors next to the form's fields (or at the top)."""
    if hasattr(erreur, "error_dict"):
        for champ, liste in erreur.message_dict.items():
            form.add_error(champ if champ in form.fields else None, liste)
    else:
        form.add_error(None, erreur.messages)


def _enregistrer(request, *, form, enregistrer, element, libelle):
    """Run the service for a valid form; a redirect, or None with the error on the form."""
    soumettre = request.POST.get("action") != "brouillon"
    try:
        page = enregistrer(
            utilisateur=request.user, donnees=form.donnees(), element=element, soumettre=soumettre
        )
    except services.ElementNonModifiable:
        messages.warning(
            request,
            f"Cette {libelle} est en modération : vous pourrez la modifier si l'équipe du "
            "Département vous la renvoie.",
        )
        return redirect("opportunites:partenaires")
    except services.ModerationIndisponible:
        form.add_error(
            None,
            "La modération n'est pas disponible pour le moment : réessayez plus tard. "
            "Ce que vous avez saisi est conservé ci-dessous.",
        )
        return None
    except ValidationError as erreur:
        _erreurs_modele(form, erreur)
        return None
    if soumettre:
        messages.success(
            request,
            f"« {page.title} » est envoyée en modération. Vous recevrez un courriel quand "
            "elle sera publiée, ou si des modifications sont demandées.",
        )
    else:
        messages.success(request, f"Le brouillon « {page.title} » est enregistré.")
    return redirect("opportunites:partenaires")


def _offre_service(*, utilisateur, donnees, element, soumettre):
    return services.offre_enregistrer(
        utilisateur=utilisateur, donnees=donnees, offre=element, soumettre=soumettre
    )


def _reprise_service(*, utilisateur, donnees, element, soumettre):
    return services.reprise_enregistrer(
        utilisateur=utilisateur, donnees=donnees, reprise=element, soumettre=soumettre
    )


@require_http_methods(["GET", "POST"])
@partenaire_requis
def offre_nouvelle(request):
    employeurs = services.employeurs_de(request.user)
    if request.method == "POST":
        form = OffreForm(request.POST, employeurs=employeurs)
        if form.is_valid():
            reponse = _enregistrer(
                request, form=form, enregistrer=_offre_service, element=None, libelle="offre"
            )
            if reponse is not None:
                return reponse
    else:
        form = OffreForm(employeurs=employeurs)
    return render(
        request,
        "opportunites/partenaires/offre_formulaire.html",
        {"form": form, "offre": None, "sans_employeur": not employeurs.exists()},
    )


@require_http_methods(["GET", "POST"])
@partenaire_requis
def offre_modifier(request, pk):
    offre = services.offre_de(request.user, pk)
    if offre is None:
        raise Http404("Offre introuvable.")
    etat_page = services.etat(offre)
    employeurs = services.employeurs_de(request.user)
    initial = services.offre_donnees(offre)
    if not etat_page.modifiable:
        if request.method == "POST":
            messages.warning(
                request,
                f"« {offre.title} » est en modération : elle ne peut pas changer avant la "
                "décision de l'équipe du Département.",
            )
            return redirect("opportunites:partenaires")
        form = OffreForm(initial=initial, employeurs=employeurs)
        for champ in form.fields.values():
            champ.disabled = True
    elif request.method == "POST":
        form = OffreForm(request.POST, employeurs=employeurs)
        if form.is_valid():
            reponse = _enregistrer(
                request, form=form, enregistrer=_offre_service, element=offre, libelle="offre"
            )
            if reponse is not None:
                return reponse
    else:
        form = OffreForm(initial=initial, employeurs=employeurs)
    return render(
        request,
        "opportunites/partenaires/offre_formulaire.html",
        {
            "form": form,
            "offre": offre,
            "etat": etat_page,
            "lecture_seule": not etat_page.modifiable,
        },
    )


@require_POST
@partenaire_requis
def offre_pourvue(request, pk):
    offre = services.offre_de(request.user, pk)
    if offre is None:
        raise Http404("Offre introuvable.")
    try:
        services.offre_pourvoir(utilisateur=request.user, offre=offre)
    except services.ElementNonModifiable:
        messages.warning(request, "Seule une offre publiée peut être marquée pourvue.")
    else:
        messages.success(
            request,
            f"« {offre.title} » est marquée pourvue : elle quitte la liste des offres.",
        )
    return redirect("opportunites:partenaires")


@require_http_methods(["GET", "POST"])
@partenaire_requis
def reprise_nouvelle(request):
    if request.method == "POST":
        form = RepriseForm(request.POST, request.FILES)
        if form.is_valid():
            reponse = _enregistrer(
                request,
                form=form,
                enregistrer=_reprise_service,
                element=None,
                libelle="annonce",
            )
            if reponse is not None:
                return reponse
    else:
        form = RepriseForm()
    return render(
        request, "opportunites/partenaires/reprise_formulaire.html", {"form": form, "reprise": None}
    )


@require_http_methods(["GET", "POST"])
@partenaire_requis
def reprise_modifier(request, pk):
    reprise = services.reprise_de(request.user, pk)
    if reprise is None:
        raise Http404("Annonce introuvable.")
    etat_page = services.etat(reprise)
    initial = services.reprise_donnees(reprise)
    photos = initial["photos"]
    if not etat_page.modifiable:
        if request.method == "POST":
            messages.warning(
                request,
                f"« {reprise.title} » est en modération : elle ne peut pas changer avant la "
                "décision de l'équipe du Département.",
            )
            return redirect("opportunites:partenaires")
        form = RepriseForm(initial=initial, photos_actuelles=photos)
        for champ in form.fields.values():
            champ.disabled = True
    elif request.method == "POST":
        form = RepriseForm(request.POST, request.FILES, photos_actuelles=photos)
        if form.is_valid():
            reponse = _enregistrer(
                request,
                form=form,
                enregistrer=_reprise_service,
                element=reprise,
                libelle="annonce",
            )
            if reponse is not None:
                return reponse
    else:
        form = RepriseForm(initial=initial, photos_actuelles=photos)
    return render(
        request,
        "opportunites/partenaires/reprise_formulaire.html",
        {
            "form": form,
            "reprise": reprise,
            "etat": etat_page,
            "lecture_seule": not etat_page.modifiable,
        },
    )
