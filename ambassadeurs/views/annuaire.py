"""The public directory (/ambassadeurs/) and an ambassador's public profile."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lot_portal.cms.blocks import Profil
from lot_portal.cms.selectors import histoires_pour_cartes, histoires_publiees
from lot_portal.territoire.models import CommunauteDeCommunes

from ..models import Secteur
from ..selectors import annuaire as annuaire_qs
from ..selectors_parrainage import impact

PAR_PAGE = 12
LONGUEUR_MAX = 40


def _parametre(request, nom: str) -> str:
    valeur = request.GET.get(nom, "")
    if len(valeur) > LONGUEUR_MAX:
        return ""
    return valeur.strip()


@require_GET
def annuaire(request):
    """Accepted, available ambassadors; filters ``communaute`` (SIREN), ``secteur``,
    ``profil``; unknown values are ignored."""
    ambassadeurs = (
        annuaire_qs()
        .select_related("commune__communaute", "photo")
        .prefetch_related("photo__renditions")
    )
    filtres = {}
    communautes = list(
        CommunauteDeCommunes.objects.filter(communes__ambassadeurs__in=annuaire_qs())
        .annotate(nombre=Count("communes__ambassadeurs", distinct=True))
        .order_by("nom")
    )
    siren = _parametre(request, "communaute")
    if siren in {c.siren for c in communautes}:
        ambassadeurs = ambassadeurs.filter(commune__communaute__siren=siren)
        filtres["communaute"] = siren
    secteur = _parametre(request, "secteur")
    if secteur in Secteur.values:
        ambassadeurs = ambassadeurs.filter(secteur=secteur)
        filtres["secteur"] = secteur
    profil = _parametre(request, "profil")
    if profil in Profil.values:
        # The JSON list's text holds '"<value>"': works on SQLite and PostgreSQL.
        ambassadeurs = ambassadeurs.filter(profils__icontains=f'"{profil}"')
        filtres["profil"] = profil
    page = Paginator(ambassadeurs.order_by("prenom", "pk"), PAR_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "ambassadeurs/annuaire.html",
        {
            "page_obj": page,
            "ambassadeurs": page.object_list,
            "communautes": communautes,
            "secteurs": Secteur.choices,
            "profils": Profil.choices,
            "filtres": filtres,
            "requete_filtres": "&".join(f"{k}={v}" for k, v in filtres.items()),
        },
    )


@require_GET
def profil(request, pk: int):
    ambassadeur = annuaire_qs().select_related("commune__communaute", "photo").filter(pk=pk).first()
    if ambassadeur is None:
        raise Http404("Aucun ambassadeur public à cette adresse.")
    histoires = histoires_pour_cartes(
        histoires_publiees().filter(auteur_id=ambassadeur.utilisateur_id)
    )[:24]
    return render(
        request,
        "ambassadeurs/profil.html",
        {
            "ambassadeur": ambassadeur,
            "histoires": histoires,
            "badges": [b for b in impact(ambassadeur)["badges"] if b.obtenu],
        },
    )
