from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Courriel


class CourrielViewSet(ModelViewSet):
    """Staff see every email, its status and its last error; they can put a
    failed one back in the queue by setting its status to « En attente »."""

    model = Courriel
    icon = "mail"
    menu_label = "Courriels envoyés"
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["sujet", "destinataires", "statut", "tentatives", "cree_le", "envoye_le"]
    list_filter = ["statut"]
    search_fields = ["sujet", "destinataires"]
    form_fields = ["statut", "prochain_essai"]
    inspect_view_enabled = True
    list_export = ["sujet", "destinataires", "statut", "tentatives", "cree_le", "envoye_le"]


@hooks.register("register_admin_viewset")
def register_courriel_viewset():
    return CourrielViewSet("courriels")
