from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import Thematique
from .snippets import SnippetViewSetPortail


class ThematiqueViewSet(SnippetViewSetPortail):
    model = Thematique
    icon = "tag"
    menu_label = "Thématiques"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["nom", "slug"]
    search_fields = ["nom"]


register_snippet(ThematiqueViewSet)


@hooks.register("pilotage_sections")
def pilotage_section():
    """The « Contenus » figures of the steering dashboard (stories)."""
    from .pilotage import section

    return section()
