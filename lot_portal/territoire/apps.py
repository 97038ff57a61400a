from django.apps import AppConfig


class TerritoireConfig(AppConfig):
    name = "lot_portal.territoire"
    label = "territoire"
    verbose_name = "Territoire"
