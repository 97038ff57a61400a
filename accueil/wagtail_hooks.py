"""The « Accueil » menu of the Wagtail admin, gathering each area's viewsets."""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from .viewsets import contenus, relances, suivi


class AccueilViewSetGroup(ViewSetGroup):
    menu_label = "Accueil"
    menu_icon = "group"
    menu_order = 200
    items = (*suivi.VIEWSETS, *contenus.VIEWSETS, *relances.VIEWSETS)


@hooks.register("register_admin_viewset")
def register_accueil_viewsets():
    return AccueilViewSetGroup()
