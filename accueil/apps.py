from django.apps import AppConfig


class AccueilConfig(AppConfig):
    name = "accueil"
    verbose_name = "Accueil des nouveaux arrivants"
