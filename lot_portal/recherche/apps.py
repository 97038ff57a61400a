from django.apps import AppConfig


class RechercheConfig(AppConfig):
    name = "lot_portal.recherche"
    label = "recherche"
    verbose_name = "Recherche"
