"""Admin of the opportunities' data: « Importer des offres » (CSV upload with its report).

Open to superusers and to the « Modération emploi » group. The upload is validated whole
before anything is written (see ``services/imports.py``); the page documents the columns and
offers a model file.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.views.generic import FormView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from lot_portal.cms.formulaires import ChampsAccessiblesMixin

from .services.imports import COLONNES, LIGNES_MAX, TAILLE_MAX, importer_offres, modele_csv
from .structure import GROUPE_MODERATION


def peut_importer(utilisateur) -> bool:
    return bool(
        utilisateur.is_active
        and (utilisateur.is_superuser or utilisateur.groups.filter(name=GROUPE_MODERATION).exists())
    )


class ImportOffresForm(ChampsAccessiblesMixin, forms.Form):
    fichier = forms.FileField(
        label="Fichier CSV",
        help_text=f"Séparateur « ; » ou « , », UTF-8 ou Windows-1252, "
        f"{TAILLE_MAX // (1024 * 1024)} Mo et {LIGNES_MAX} offres au plus.",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".csv,text/csv", "aria-describedby": "id_fichier_helptext"}
        ),
        error_messages={
            "required": "Choisissez un fichier CSV.",
            "empty": "Le fichier est vide.",
        },
    )
    simulation = forms.BooleanField(label="Vérifier seulement (rien n'est importé)", required=False)

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        if fichier.size > TAILLE_MAX:
            raise forms.ValidationError(
                f"Le fichier dépasse {TAILLE_MAX // (1024 * 1024)} Mo : découpez-le en "
                "plusieurs fichiers."
            )
        return fichier


class _Permission:
    def dispatch(self, request, *args, **kwargs):
        if not peut_importer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ImportOffresView(_Permission, WagtailAdminTemplateMixin, FormView):
    """GET: the form and the columns; POST: the import (or the check) and its report."""

    template_name = "opportunites/donnees/import_offres.html"
    form_class = ImportOffresForm
    page_title = "Importer des offres"
    header_icon = "upload"
    rapport = None

    def get_context_data(self, **kwargs):
        return super().get_context_data(colonnes=COLONNES, rapport=self.rapport, **kwargs)

    def form_valid(self, form):
        contenu = form.cleaned_data["fichier"].read()
        self.rapport = importer_offres(contenu, simulation=form.cleaned_data["simulation"])
        return self.render_to_response(self.get_context_data(form=form))


class ModeleCsvView(_Permission, View):
    """The empty CSV model (GET only: a POST is a 405, not a form)."""

    http_method_names = ["get", "head", "options"]

    def get(self, request, *args, **kwargs):
        reponse = HttpResponse(modele_csv(), content_type="text/csv; charset=utf-8")
        reponse["Content-Disposition"] = 'attachment; filename="modele-offres.csv"'
        return reponse


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return peut_importer(request.user)


class ImportOffresViewSet(ViewSet):
    name = "opportunites_import"
    url_prefix = "opportunites/import"
    menu_label = "Importer des offres"
    icon = "upload"
    menu_order = 900
    menu_item_class = _ImportMenuItem

    def get_urlpatterns(self):
        return [
            path("", ImportOffresView.as_view(), name="index"),
            path("modele.csv", ModeleCsvView.as_view(), name="modele"),
        ]


VIEWSETS: list = [ImportOffresViewSet]
ADMIN_URLS: list = []
