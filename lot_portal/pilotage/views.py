"""The dashboard (Wagtail admin), the exports of its tables, and the public open-data page.

The admin views are mounted by ``wagtail_hooks.register_admin_urls``: Wagtail sends
anonymous visitors to the login form and accounts without admin access away; ``peut_voir``
then decides (a PermissionDenied becomes Wagtail's usual « no permission » redirect).
"""

import json

from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import donnees_ouvertes as ouvertes
from .acces import peut_voir
from .exports import csv_tableau, nom_fichier, xlsx_tableau
from .filtres import CHAMPS, filtres_depuis_requete, libelle_periode
from .tableau_de_bord import section_visible, sections_calculees

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class TableauDeBordView(WagtailAdminTemplateMixin, TemplateView):
    """Filters, headline numbers, then each section's tables: chart, table, exports."""

    template_name = "pilotage/tableau_de_bord.html"
    page_title = "Pilotage"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not peut_voir(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        form, filtres = filtres_depuis_requete(self.request)
        return super().get_context_data(
            form=form,
            filtres=filtres,
            periode=libelle_periode(filtres),
            territoire=form.libelle_territoire(filtres),
            sections=sections_calculees(form.perimetre, filtres),
            parametres_export=urlencode({nom: form.data.get(nom, "") for nom in CHAMPS}),
            **kwargs,
        )


tableau_de_bord = TableauDeBordView.as_view()


def export(request, section: str, tableau: str):
    """One table as CSV or XLSX, over the same filters as the dashboard."""
    if not peut_voir(request.user):
        raise PermissionDenied
    format_ = request.GET.get("format", "csv")
    if format_ not in ("csv", "xlsx"):
        return HttpResponseBadRequest("Format inconnu : choisissez csv ou xlsx.")
    form, filtres = filtres_depuis_requete(request)
    trouvee = section_visible(form.perimetre, section)
    if trouvee is None:
        raise Http404("Section introuvable")
    choisi = next((t for t in trouvee.calculer(filtres) if t.slug == tableau), None)
    if choisi is None:
        raise Http404("Tableau introuvable")
    if format_ == "csv":
        reponse = HttpResponse(csv_tableau(choisi), content_type="text/csv; charset=utf-8")
    else:
        contenu = xlsx_tableau(
            trouvee, choisi, filtres, libelle_periode(filtres), form.libelle_territoire(filtres)
        )
        reponse = HttpResponse(contenu, content_type=XLSX)
    nom = nom_fichier(trouvee, choisi, filtres, format_)
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    reponse["Cache-Control"] = "private, no-store"
    return reponse


# --- Open data (public) ---------------------------------------------------------------


def _publique(reponse: HttpResponse) -> HttpResponse:
    patch_cache_control(reponse, public=True, max_age=ouvertes.DUREE_CACHE)
    return reponse


@require_safe
def donnees_ouvertes(request):
    donnees = ouvertes.donnees_publiques()
    principale = donnees["periode"]
    apercu = [t for t in donnees["tableaux"] if t["periode"]["debut"] == principale["debut"]]
    return _publique(
        render(
            request,
            "pilotage/donnees_ouvertes.html",
            {
                "donnees": donnees,
                "apercu": apercu,
                "periode_principale": ouvertes.periode_fr(principale),
                "periodes": [{**p, "texte": ouvertes.periode_fr(p)} for p in donnees["periodes"]],
                "marque_seuil": ouvertes.marque_seuil(donnees["seuil"]),
                "secret": ouvertes.SECRET,
                "colonnes_csv": ouvertes.COLONNES_CSV,
            },
        )
    )


@require_safe
def donnees_ouvertes_csv(request):
    reponse = HttpResponse(
        ouvertes.csv_public(ouvertes.donnees_publiques()), content_type="text/csv; charset=utf-8"
    )
    reponse["Content-Disposition"] = 'inline; filename="indicateurs.csv"'
    return _publique(reponse)


@require_safe
def donnees_ouvertes_json(request):
    contenu = json.dumps(
        ouvertes.donnees_publiques(), cls=DjangoJSONEncoder, ensure_ascii=False, indent=1
    )
    return _publique(HttpResponse(contenu, content_type="application/json; charset=utf-8"))
