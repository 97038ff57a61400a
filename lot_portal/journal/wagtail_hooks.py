"""« Journal des accès » in the Wagtail admin: read-only, superusers and the DPO only."""

from django.http import HttpResponseForbidden
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .models import JournalAcces
from .permissions import PolitiqueJournal, est_dpo

register_permission_policy(JournalAcces, PolitiqueJournal(JournalAcces), exact_class=True)

REFUS = "Le journal des accès est réservé au délégué à la protection des données."


class DpoSeulementMixin:
    """A plain 403 for anybody else (Wagtail would redirect to the dashboard)."""

    def dispatch(self, request, *args, **kwargs):
        if not est_dpo(request.user):
            return HttpResponseForbidden(REFUS)
        return super().dispatch(request, *args, **kwargs)


class JournalIndexView(DpoSeulementMixin, IndexView):
    def get_add_url(self):
        return None

    def get_edit_url(self, instance):
        return self.get_inspect_url(instance)

    def get_copy_url(self, instance):
        return None


class JournalInspectView(DpoSeulementMixin, InspectView):
    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None


class JournalAccesViewSet(ModelViewSet):
    model = JournalAcces
    icon = "history"
    menu_label = "Journal des accès"
    menu_order = 9000
    url_prefix = "journal-acces"
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = JournalIndexView
    inspect_view_class = JournalInspectView
    form_fields = ["motif"]  # never editable (see PolitiqueJournal)
    list_display = [
        DateColumn("quand", label="Date"),
        Column("utilisateur_email", label="Membre de l'équipe"),
        Column("action", label="Action", accessor="get_action_display"),
        "objet_libelle",
        Column("objet_type", label="Type de données"),
        Column("objet_id", label="Référence"),
        Column("nombre", label="Lignes"),
        Column("filtres", label="Filtres"),
    ]
    list_filter = {
        "utilisateur_email": ["icontains"],
        "objet_type": ["exact"],
        "objet_id": ["exact"],
        "action": ["exact"],
        "quand": ["gte", "lte"],
    }
    inspect_view_fields = [
        "quand",
        "utilisateur_email",
        "action",
        "objet_type",
        "objet_id",
        "objet_libelle",
        "nombre",
        "filtres",
        "vue",
        "motif",
    ]
    list_export = [
        "quand",
        "utilisateur_email",
        "action",
        "objet_type",
        "objet_id",
        "objet_libelle",
        "nombre",
        "filtres",
        "vue",
        "motif",
    ]
    export_filename = "journal-des-acces"


@hooks.register("register_admin_viewset")
def register_journal_viewset():
    return JournalAccesViewSet("journal_acces")
