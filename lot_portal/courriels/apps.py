from django.apps import AppConfig


class CourrielsConfig(AppConfig):
    name = "lot_portal.courriels"
    label = "courriels"
    verbose_name = "Courriels"
