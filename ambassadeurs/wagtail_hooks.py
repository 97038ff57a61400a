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


def _commune(ambassadeur) -> str:
    return ambassadeur.commune.nom


class AmbassadeurIndexView(IndexView):
    page_title = "Candidatures et ambassadeurs"

    def get_edit_url(self, instance):  # rows link to the application page
        return reverse("ambassadeurs_admin:inspect", args=[instance.pk])


class AmbassadeurViewSet(ModelViewSet):
    model = Ambassadeur
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
    items = (AmbassadeurViewSet,)


@hooks.register("register_admin_viewset")
def register_ambassadeurs_viewsets():
    return AmbassadeursViewSetGroup()
