"""The « Ambassadeurs » menu of the Wagtail admin: applications and ambassadors."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_views import CandidatureView
from .forms.admin import AmbassadeurFilterSet
from .models import Ambassadeur
from .viewsets_annonces import AnnonceViewSet, EvenementViewSet, avec_activite, cellule_sure
from .viewsets_base import VuesRestreintesMixin
from .viewsets_hospitalite import MiseEnRelationViewSet
from .viewsets_parrainage import OffreHospitaliteViewSet, ParrainageViewSet
from .viewsets_questions import SignalementViewSet


def _commune(ambassadeur) -> str:
    return ambassadeur.commune.nom


class AmbassadeurIndexView(IndexView):
    page_title = "Candidatures et ambassadeurs"

    def get_edit_url(self, instance):  # rows link to the application page
        return reverse("ambassadeurs_admin:inspect", args=[instance.pk])

    def get_base_queryset(self):  # the export carries the activity columns (annonces)
        queryset = super().get_base_queryset()
        return avec_activite(queryset) if self.is_export else queryset

    def preprocess_field_value(self, field, value, export_format):
        return cellule_sure(super().preprocess_field_value(field, value, export_format))


class AmbassadeurViewSet(VuesRestreintesMixin, ModelViewSet):
    model = Ambassadeur
    vues_absentes = ("add", "edit", "delete", "history", "usage")
    icon = "user"
    menu_label = "Candidatures et ambassadeurs"
    menu_order = 100
    url_prefix = "ambassadeurs/candidatures"
    url_namespace = "ambassadeurs_admin"
    index_view_class = AmbassadeurIndexView
    inspect_view_class = CandidatureView
    inspect_view_enabled = True
    add_to_reference_index = False
    filterset_class = AmbassadeurFilterSet
    search_fields = ["prenom", "nom", "profession"]
    form_fields = []
    list_per_page = 50
    # --- Export of the ambassadors list with activity (annonces) ---
    list_export = [
        "prenom",
        "nom",
        "utilisateur.email",
        "commune.nom",
        "profession",
        "get_secteur_display",
        "get_statut_display",
        "disponible",
        "profils_libelles",
        "offres_libelles",
        "cree_le",
        "decide_le",
        "utilisateur.last_login",
        "nb_histoires",
        "nb_histoires_publiees",
    ]
    export_headings = {
        "prenom": "Prénom",
        "nom": "Nom",
        "utilisateur.email": "Adresse électronique",
        "commune.nom": "Commune",
        "profession": "Profession",
        "get_secteur_display": "Secteur",
        "get_statut_display": "Statut",
        "disponible": "Disponible",
        "profils_libelles": "Profils aidés",
        "offres_libelles": "Propositions",
        "cree_le": "Candidature le",
        "decide_le": "Décision le",
        "utilisateur.last_login": "Dernière connexion",
        "nb_histoires": "Histoires écrites",
        "nb_histoires_publiees": "Histoires publiées",
    }
    export_filename = "ambassadeurs"

    @cached_property
    def list_display(self):
        return [
            "__str__",
            Column("commune", label="Commune", accessor=_commune, sort_key="commune__nom"),
            Column("secteur", label="Secteur", accessor="get_secteur_display", sort_key="secteur"),
            Column("statut", label="Statut", accessor="get_statut_display", sort_key="statut"),
            Column("disponible", label="Disponible"),
            DateColumn("cree_le", label="Candidature le", sort_key="cree_le"),
        ]

    def get_queryset(self, request):
        return Ambassadeur.objects.select_related("commune")

    def get_urlpatterns(self):
        # Applications come from the public form and change only through the decision
        # of the application page: no add/edit/delete views.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
        ]


class AmbassadeursViewSetGroup(ViewSetGroup):
    menu_label = "Ambassadeurs"
    menu_icon = "user"
    menu_order = 210
    items = (
        AmbassadeurViewSet,
        AnnonceViewSet,
        EvenementViewSet,
        SignalementViewSet,
        ParrainageViewSet,
        OffreHospitaliteViewSet,
        MiseEnRelationViewSet,
    )


@hooks.register("register_admin_viewset")
def register_ambassadeurs_viewsets():
    return AmbassadeursViewSetGroup()


@hooks.register("pilotage_sections")
def section_pilotage():
    """The « Ambassadeurs » figures of the steering dashboard."""
    from .pilotage import section

    return section()
