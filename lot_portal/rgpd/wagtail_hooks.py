"""The admin's « Données personnelles » export (superusers, in the Settings menu)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("rgpd/export/", admin_views.export_personne, name="rgpd_export_personne")]


class ExportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_settings_menu_item():
    return ExportMenuItem(
        "Export RGPD d'une personne",
        reverse("rgpd_export_personne"),
        name="rgpd-export",
        icon_name="download",
        order=900,
    )
