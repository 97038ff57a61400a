from django.apps import AppConfig


class JeunesseConfig(AppConfig):
    name = "jeunesse"
    verbose_name = "Jeunesse : appels à projets"

    def ready(self):
        from . import signals

        signals.connecter()
