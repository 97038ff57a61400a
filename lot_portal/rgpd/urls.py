"""The person's own data, under /compte/ (included before lot_portal.comptes.urls)."""

from django.urls import path

from . import views

app_name = "rgpd"

urlpatterns = [
    path("mes-donnees/", views.mes_donnees_view, name="mes_donnees"),
    path("mes-donnees.json", views.mes_donnees_json_view, name="mes_donnees_json"),
]
