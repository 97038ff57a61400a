"""The « Jeunesse » menu of the Wagtail admin.

Each area keeps its viewsets in its own module and lists them in ``VIEWSETS``; this module
groups them in one menu. Extra admin URLs come from ``ADMIN_URLS``.
"""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from . import admin_appels, admin_idees, admin_instruction, admin_jury, admin_suivi

MODULES = (admin_appels, admin_instruction, admin_jury, admin_suivi, admin_idees)


class JeunesseViewSetGroup(ViewSetGroup):
    menu_label = "Jeunesse"
    menu_icon = "group"
    menu_order = 240
    items = tuple(viewset for module in MODULES for viewset in module.VIEWSETS)


@hooks.register("register_admin_viewset")
def register_viewset():
    return JeunesseViewSetGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [url for module in MODULES for url in module.ADMIN_URLS]


@hooks.register("pilotage_sections")
def pilotage_section():
    """The « Jeunesse » figures of the steering dashboard."""
    from .pilotage import section

    return section()
