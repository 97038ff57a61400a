from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "lot_portal.cms"
    label = "cms"
    verbose_name = "Contenus"

    def ready(self):
        from . import signals  # noqa: F401
