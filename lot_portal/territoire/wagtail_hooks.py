from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lot_portal.cms.snippets import SnippetViewSetPortail

from .models import CommunauteDeCommunes, Commune


class CommuneViewSet(SnippetViewSetPortail):
    model = Commune
    icon = "site"
    menu_label = "Communes"
    list_display = ["nom", "insee", "codes_postaux", "population", "communaute"]
    list_filter = ["communaute"]
    search_fields = ["nom", "insee", "codes_postaux"]
    list_per_page = 50

    def get_queryset(self, request):
        return Commune.objects.select_related("communaute")


class CommunauteDeCommunesViewSet(SnippetViewSetPortail):
    model = CommunauteDeCommunes
    icon = "group"
    menu_label = "Communautés de communes"
    list_display = ["nom", "siren", "population"]
    search_fields = ["nom", "siren"]


class TerritoireGroup(SnippetViewSetGroup):
    items = (CommunauteDeCommunesViewSet, CommuneViewSet)
    menu_icon = "site"
    menu_label = "Territoire"
    menu_name = "territoire"


register_snippet(TerritoireGroup)
