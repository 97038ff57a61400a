"""The ideas box for the brand (/jeunesse/idees/).

- ``idees``: the published ideas, filtered and sorted by GET parameters, paginated;
- ``idee_proposer``: propose an idea (verified account; 5 a day; awaits moderation);
- ``mes_idees``: the author's ideas whatever their status;
- ``idee``: one idea (visible ideas for all; the author also sees their pending or refused
  idea; anyone else gets a 404);
- ``idee_soutenir``: POST only, give or withdraw one's support (JSON for the script).
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import BooleanField, Count, Exists, OuterRef, Q, Value
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lot_portal.comptes.acces import compte_verifie_requis

from .forms_idees import TRI_RECENTS, TRI_SOUTIENS, TRIS, FiltreIdeesForm, IdeeForm
from .models import Idee, Vote
from .models.choix import STATUTS_IDEE_VISIBLES, CategorieIdee, StatutIdee
from .services import idees as services

PAR_PAGE = 12

MESSAGE_TROP_D_IDEES = (
    f"Vous avez déjà proposé {services.IDEES_PAR_JOUR} idées en 24 heures : réessayez "
    "demain. Votre texte est conservé ci-dessous."
)
MESSAGE_PROPRE_IDEE = "Vous ne pouvez pas soutenir votre propre idée."


def _avec_soutiens(queryset, utilisateur):
    """Annotate the supports count and, for a signed-in account, whether it supports each
    idea (a subquery of the same query: no query per row)."""
    queryset = queryset.annotate(nb_soutiens=Count("votes", distinct=True))
    if utilisateur.is_authenticated:
        return queryset.annotate(
            deja_soutenue=Exists(Vote.objects.filter(idee=OuterRef("pk"), utilisateur=utilisateur))
        )
    return queryset.annotate(deja_soutenue=Value(False, output_field=BooleanField()))


@require_GET
def idees(request):
    filtres = FiltreIdeesForm(request.GET).valeurs()
    liste = _avec_soutiens(Idee.objects.visibles(), request.user)
    if filtres["categorie"]:
        liste = liste.filter(categorie=filtres["categorie"])
    if filtres["statut"]:
        liste = liste.filter(statut=filtres["statut"])
    if filtres["tri"] == TRI_SOUTIENS:
        liste = liste.order_by("-nb_soutiens", "-cree_le", "-pk")
    else:
        liste = liste.order_by("-cree_le", "-pk")
    page = Paginator(liste, PAR_PAGE).get_page(request.GET.get("page"))
    parametres = {cle: valeur for cle, valeur in filtres.items() if valeur}
    if parametres.get("tri") == TRI_RECENTS:
        del parametres["tri"]
    return render(
        request,
        "jeunesse/idees/liste.html",
        {
            "page_obj": page,
            "idees": page.object_list,
            "filtres": filtres,
            "filtre_actif": bool(filtres["categorie"] or filtres["statut"]),
            "categories": CategorieIdee.choices,
            "statuts": [(s.value, s.label) for s in StatutIdee if s in STATUTS_IDEE_VISIBLES],
            "tris": TRIS,
            "requete_filtres": urlencode(parametres),
            "retour": request.get_full_path(),
        },
    )


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def idee_proposer(request):
    form = IdeeForm(request.POST or None)
    statut = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.idee_proposer(auteur=request.user, **form.cleaned_data)
        except services.TropDIdees:
            form.add_error(None, MESSAGE_TROP_D_IDEES)
            statut = 429
        else:
            messages.success(
                request,
                "Merci ! Votre idée est en attente de modération : l'équipe du Département la "
                "relit avant de la publier dans la boîte à idées.",
            )
            return redirect("jeunesse:mes_idees")
    return render(request, "jeunesse/idees/proposer.html", {"form": form}, status=statut)


@require_GET
@compte_verifie_requis
def mes_idees(request):
    liste = (
        Idee.objects.filter(auteur=request.user)
        .annotate(nb_soutiens=Count("votes"))
        .order_by("-cree_le", "-pk")
    )
    page = Paginator(liste, PAR_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "jeunesse/idees/mes_idees.html",
        {"page_obj": page, "idees": page.object_list},
    )


def _idee_lisible(request, pk: int) -> Idee:
    """A visible idea, or the reader's own idea whatever its status; else 404."""
    condition = Q(statut__in=STATUTS_IDEE_VISIBLES)
    if request.user.is_authenticated:
        condition |= Q(auteur=request.user)
    return get_object_or_404(_avec_soutiens(Idee.objects.filter(condition), request.user), pk=pk)


@require_GET
def idee(request, pk: int):
    objet = _idee_lisible(request, pk)
    reponse = render(
        request,
        "jeunesse/idees/detail.html",
        {
            "idee": objet,
            "visible": objet.statut in STATUTS_IDEE_VISIBLES,
            "est_auteur": request.user.is_authenticated and objet.auteur_id == request.user.pk,
            "retour": request.get_full_path(),
        },
    )
    if objet.statut not in STATUTS_IDEE_VISIBLES:
        # Only its author sees a pending or refused idea: never cache it.
        reponse["Cache-Control"] = "private, no-store"
    return reponse


def _attend_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _retour(request, objet: Idee) -> str:
    suivant = request.POST.get("next") or request.GET.get("next") or ""
    if suivant and url_has_allowed_host_and_scheme(
        suivant, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return suivant
    return objet.get_absolute_url()


def _connexion_d_abord(vue):
    """Anonymous visitors go to the login page, then back to the idea (not to this POST-only
    URL)."""

    @wraps(vue)
    def enveloppe(request, pk):
        if not request.user.is_authenticated:
            return redirect_to_login(Idee(pk=pk).get_absolute_url())
        return vue(request, pk)

    return enveloppe


@require_POST
@_connexion_d_abord
@compte_verifie_requis
def idee_soutenir(request, pk: int):
    objet = get_object_or_404(Idee.objects.visibles(), pk=pk)
    choix = request.POST.get("soutien")
    soutenir = {"1": True, "0": False}.get(choix)
    try:
        soutenue, nombre = services.soutien_basculer(
            idee=objet, utilisateur=request.user, soutenir=soutenir
        )
    except services.IdeeNonVisible as erreur:  # moderated meanwhile
        raise Http404 from erreur
    except services.PropreIdee:
        if _attend_json(request):
            return JsonResponse({"erreur": MESSAGE_PROPRE_IDEE}, status=403)
        messages.error(request, MESSAGE_PROPRE_IDEE)
        return redirect(_retour(request, objet))
    message = (
        f"Vous soutenez l'idée « {objet.titre} »."
        if soutenue
        else f"Vous ne soutenez plus l'idée « {objet.titre} »."
    )
    if _attend_json(request):
        return JsonResponse({"soutenue": soutenue, "nombre": nombre, "message": message})
    messages.success(request, message)
    return redirect(_retour(request, objet))
