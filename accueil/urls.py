"""URLs of the welcome journey (French paths). Each section belongs to one views module."""

from django.urls import path  # noqa: F401

from .views import donnees, inscription, parcours, relances  # noqa: F401

app_name = "accueil"

urlpatterns = [
    # --- Registration (views/inscription.py) ---
    # --- The newcomer's journey (views/parcours.py) ---
    # --- Follow-ups: check-ins and unsubscribe (views/relances.py) ---
    # --- Personal data (views/donnees.py) ---
]
