"""The « Opportunités » menu of the Wagtail admin.

Each area keeps its viewsets in its own module and lists them in ``VIEWSETS``; this module
groups them in one menu. Extra admin URLs (import upload…) come from ``ADMIN_URLS``.
"""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from . import admin_alertes, admin_donnees, admin_fiches, admin_partenaires


class OpportunitesViewSetGroup(ViewSetGroup):
    menu_label = "Opportunités"
    menu_icon = "doc-full-inverse"
    menu_order = 220
    items = (
        *admin_fiches.VIEWSETS,
        *admin_partenaires.VIEWSETS,
        *admin_alertes.VIEWSETS,
        *admin_donnees.VIEWSETS,
    )


@hooks.register("register_admin_viewset")
def register_viewset():
    return OpportunitesViewSetGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        *admin_fiches.ADMIN_URLS,
        *admin_partenaires.ADMIN_URLS,
        *admin_alertes.ADMIN_URLS,
        *admin_donnees.ADMIN_URLS,
    ]


@hooks.register("recherche_pages_exclues")
def pages_hors_recherche():
    """Expired or filled offers and sold or expired takeovers stay out of the site search."""
    from .selectors import pages_hors_recherche

    return pages_hors_recherche()


@hooks.register("pilotage_sections")
def section_pilotage():
    """The « Opportunités » figures of the steering dashboard."""
    from .pilotage import section

    return section()
