"""Staff see, search, filter and export the registrations to events."""

from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Inscription


class InscriptionPermissionPolicy(ModelPermissionPolicy):
    """Registrations change only through the services: adding or deleting one in the
    admin would skip the capacity check, the waiting list and the emails. So nobody
    gets « add » or « delete »; a registration is cancelled by its own link."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Inscription, InscriptionPermissionPolicy(Inscription), exact_class=True)


class InscriptionIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("evenement")


class InscriptionViewSet(ModelViewSet):
    model = Inscription
    icon = "date"
    menu_label = "Inscriptions aux événements"
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "agenda/inscriptions"
    index_view_class = InscriptionIndexView
    list_display = ["prenom", "nom", "email", "evenement", "nombre_personnes", "statut", "cree_le"]
    list_filter = ["evenement", "statut"]
    search_fields = ["nom", "prenom", "email"]
    # The status changes only through the services (cancellation, promotion).
    form_fields = ["prenom", "nom", "message"]
    inspect_view_enabled = True
    list_export = [
        "evenement",
        "prenom",
        "nom",
        "email",
        "nombre_personnes",
        "statut",
        "message",
        "cree_le",
    ]
    export_headings = {
        "evenement": "Événement",
        "prenom": "Prénom",
        "nom": "Nom",
        "email": "Adresse électronique",
        "nombre_personnes": "Nombre de personnes",
        "statut": "Statut",
        "message": "Message",
        "cree_le": "Inscrit le",
    }
    export_filename = "inscriptions-evenements"


@hooks.register("register_admin_viewset")
def register_inscription_viewset():
    return InscriptionViewSet("agenda_inscriptions")
