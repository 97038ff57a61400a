from django.apps import AppConfig


class RgpdConfig(AppConfig):
    name = "lot_portal.rgpd"
    label = "rgpd"
    verbose_name = "Données personnelles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Each app declares its personal data in its ``rgpd.py``.
        from django.utils.module_loading import autodiscover_modules

        from . import tiers  # noqa: F401  (the shared purposes and third-party tables)

        autodiscover_modules("rgpd")
