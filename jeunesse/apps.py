from django.apps import AppConfig


class JeunesseConfig(AppConfig):
    name = "jeunesse"
    verbose_name = "Jeunesse : appels à projets"
