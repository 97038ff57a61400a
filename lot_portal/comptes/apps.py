from django.apps import AppConfig


class ComptesConfig(AppConfig):
    name = "lot_portal.comptes"
    label = "comptes"
    verbose_name = "Comptes"
