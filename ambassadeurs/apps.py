from django.apps import AppConfig


class AmbassadeursConfig(AppConfig):
    name = "ambassadeurs"
    verbose_name = "Réseau des ambassadeurs"

    def ready(self):
        from . import signals  # noqa: F401
