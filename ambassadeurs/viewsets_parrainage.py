"""Admin of referrals (staff validate or reject) and of hospitality offers (listing)."""

from django.urls import path
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .models import OffreHospitalite, Parrainage
from .viewsets_base import VuesRestreintesMixin


def _contact(offre) -> str:
    amb = offre.ambassadeur
    return f"{amb.prenom} {amb.nom} — {amb.utilisateur.email}"


class ParrainageViewSet(VuesRestreintesMixin, ModelViewSet):
    """Referrals: list with filters; the edit form is the staff's validate/reject decision."""

    model = Parrainage
    vues_absentes = ("add", "delete", "history", "usage")
    icon = "link"
    menu_label = "Parrainages"
    menu_order = 300
    url_prefix = "ambassadeurs/parrainages"
    url_namespace = "ambassadeurs_parrainages"
    add_to_reference_index = False
    list_filter = ["controle", "etape"]
    search_fields = ["ambassadeur__prenom", "ambassadeur__nom", "ambassadeur__code_parrainage"]
    form_fields = ["controle", "motif"]
    list_per_page = 50

    @cached_property
    def list_display(self):
        return [
            "__str__",
            Column("controle", label="Contrôle", accessor="get_controle_display"),
            Column("etape", label="Étape du nouvel arrivant"),
            DateColumn("enregistre_le", label="Inscrit le", sort_key="enregistre_le"),
            DateColumn("converti_le", label="Installé le", sort_key="converti_le"),
        ]

    def get_queryset(self, request):
        return Parrainage.objects.select_related("ambassadeur")

    def get_urlpatterns(self):
        # Referrals are pushed by registrations: no add or delete view.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.edit_view, name="edit"),
        ]


class OffreHospitaliteViewSet(VuesRestreintesMixin, ModelViewSet):
    """Hospitality offers, for staff to match them with discovery-stay requests."""

    model = OffreHospitalite
    vues_absentes = ("add", "edit", "delete", "history", "usage")
    icon = "home"
    menu_label = "Offres d'hospitalité"
    menu_order = 310
    url_prefix = "ambassadeurs/hospitalite"
    url_namespace = "ambassadeurs_hospitalite"
    add_to_reference_index = False
    list_filter = ["active", "type", "commune__communaute", "commune"]
    search_fields = ["periode", "notes", "ambassadeur__prenom", "ambassadeur__nom"]
    inspect_view_enabled = True
    list_per_page = 50

    @cached_property
    def list_display(self):
        return [
            "__str__",
            Column("capacite", label="Personnes"),
            Column("periode", label="Période"),
            Column("contact", label="Contact", accessor=_contact),
            Column("active", label="Active"),
        ]

    def get_queryset(self, request):
        return OffreHospitalite.objects.select_related(
            "ambassadeur__utilisateur", "commune__communaute"
        )

    def get_urlpatterns(self):
        # Offers belong to the ambassadors: staff only list and inspect them.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
        ]
