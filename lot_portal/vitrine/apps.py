from django.apps import AppConfig


class VitrineConfig(AppConfig):
    name = "lot_portal.vitrine"
    label = "vitrine"
    verbose_name = "Vivre dans le Lot, campagnes et partenaires"
