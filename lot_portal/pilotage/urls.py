"""Public open-data URLs, mounted at /donnees-ouvertes/ by lot_portal/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.donnees_ouvertes, name="donnees_ouvertes"),
    path("indicateurs.csv", views.donnees_ouvertes_csv, name="donnees_ouvertes_csv"),
    path("indicateurs.json", views.donnees_ouvertes_json, name="donnees_ouvertes_json"),
]
