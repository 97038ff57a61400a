from django.apps import AppConfig


class OpportunitesConfig(AppConfig):
    name = "opportunites"
    verbose_name = "Opportunités : emplois et reprises"

    def ready(self):
        from . import signals

        signals.connecter()
