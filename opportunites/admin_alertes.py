"""Admin of the opportunities' alertes area: the job alerts, read-only (grouped by wagtail_hooks).

Staff see every alert (address, filters summary, frequency, state, last digest, offers sent),
filter and export them as CSV or XLSX. Nobody edits an alert here: the filters and the
frequency are the subscriber's choice, changed only from their own links. Deleting one
(an erasure request) stays possible for whoever has the model's delete permission.
"""

import django_filters
from django.db.models import Count, Q
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Alerte, FrequenceAlerte


class AlerteLecturePolicy(ModelPermissionPolicy):
    """Alerts are written by their subscribers only: no add or change in the admin."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


register_permission_policy(Alerte, AlerteLecturePolicy(Alerte), exact_class=True)


ETATS = {
    "active": Q(confirmee_le__isnull=False, desinscrite_le__isnull=True, suspendue_le__isnull=True),
    "attente": Q(confirmee_le__isnull=True, desinscrite_le__isnull=True),
    "pause": Q(confirmee_le__isnull=False, desinscrite_le__isnull=True, suspendue_le__isnull=False),
    "desinscrite": Q(desinscrite_le__isnull=False),
}


class AlerteFilterSet(WagtailFilterSet):
    etat = django_filters.ChoiceFilter(
        label="État",
        method="filtrer_etat",
        choices=[
            ("active", "Active"),
            ("attente", "En attente de confirmation"),
            ("pause", "En pause"),
            ("desinscrite", "Désinscrite"),
        ],
    )
    frequence = django_filters.ChoiceFilter(label="Fréquence", choices=FrequenceAlerte.choices)
    pour_conjoint = django_filters.BooleanFilter(label="Pour le conjoint d'un nouvel arrivant")

    class Meta:
        model = Alerte
        fields = ["etat", "frequence", "pour_conjoint"]

    def filtrer_etat(self, queryset, name, value):
        critere = ETATS.get(value)
        return queryset.filter(critere) if critere is not None else queryset


def _sans_formule(valeur):
    """Text typed by visitors must not run as a spreadsheet formula (CSV injection)."""
    if isinstance(valeur, str) and valeur[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + valeur
    return valeur


class AlerteIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(nombre_envois=Count("envois"))

    def to_row_dict(self, item):
        ligne = super().to_row_dict(item)
        ligne["frequence"] = item.get_frequence_display()
        return {champ: _sans_formule(valeur) for champ, valeur in ligne.items()}


def _etat(alerte) -> str:
    return alerte.etat.capitalize()


class AlerteViewSet(ModelViewSet):
    model = Alerte
    icon = "mail"
    menu_label = "Alertes emploi"
    url_prefix = "opportunites/alertes"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = AlerteIndexView
    form_fields = ["frequence"]  # never editable (see AlerteLecturePolicy)
    list_display = [
        "email",
        Column("libelle", label="Recherche"),
        Column("frequence", label="Fréquence", accessor="get_frequence_display"),
        Column("etat", label="État", accessor=_etat),
        DateColumn("dernier_envoi", label="Dernier envoi"),
        Column("nombre_envois", label="Offres envoyées"),
    ]
    filterset_class = AlerteFilterSet
    search_fields = ["email", "libelle"]
    search_backend_name = None
    inspect_view_fields = [
        "email",
        "libelle",
        "filtres",
        "frequence",
        "pour_conjoint",
        "compte",
        "cree_le",
        "confirmation_envoyee_le",
        "confirmee_le",
        "suspendue_le",
        "desinscrite_le",
        "dernier_envoi",
    ]
    list_export = [
        "email",
        "libelle",
        "frequence",
        "etat",
        "pour_conjoint",
        "cree_le",
        "confirmee_le",
        "desinscrite_le",
        "dernier_envoi",
        "nombre_envois",
    ]
    export_headings = {
        "email": "Adresse",
        "libelle": "Recherche",
        "frequence": "Fréquence",
        "etat": "État",
        "pour_conjoint": "Pour un conjoint",
        "cree_le": "Créée le",
        "confirmee_le": "Confirmée le",
        "desinscrite_le": "Désinscrite le",
        "dernier_envoi": "Dernier envoi",
        "nombre_envois": "Offres envoyées",
    }
    export_filename = "alertes-emploi"


VIEWSETS: list = [AlerteViewSet("opportunites_alertes")]
ADMIN_URLS: list = []
