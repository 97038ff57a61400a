"""The « Pilotage » entry of the Wagtail admin: dashboard and exports, menu item, home panel."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .acces import peut_voir
from .panneaux import PanneauPilotage


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("pilotage/", views.tableau_de_bord, name="pilotage_tableau_de_bord"),
        path(
            "pilotage/export/<slug:section>/<slug:tableau>/",
            views.export,
            name="pilotage_export",
        ),
    ]


class PilotageMenuItem(MenuItem):
    def is_shown(self, request):
        return peut_voir(request.user)


@hooks.register("register_admin_menu_item")
def register_admin_menu_item():
    return PilotageMenuItem(
        "Pilotage",
        reverse("pilotage_tableau_de_bord"),
        name="pilotage",
        icon_name="table",
        order=150,
    )


@hooks.register("construct_homepage_panels")
def panneau_accueil(request, panels):
    if peut_voir(request.user):
        panels.append(PanneauPilotage(request))
