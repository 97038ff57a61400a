from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "lot_portal.agenda"
    label = "agenda"
    verbose_name = "Agenda"
