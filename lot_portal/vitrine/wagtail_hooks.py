from wagtail.snippets.models import register_snippet

from lot_portal.cms.snippets import SnippetViewSetPortail

from .models import Partenaire


class PartenaireViewSet(SnippetViewSetPortail):
    model = Partenaire
    icon = "group"
    menu_label = "Partenaires"
    menu_name = "partenaires"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["nom", "type", "pied_de_page", "ordre"]
    list_filter = ["type", "pied_de_page"]
    search_fields = ["nom"]
    sort_order_field = "ordre"
    list_per_page = 50

    def get_queryset(self, request):
        return Partenaire.objects.all()


register_snippet(PartenaireViewSet)
