"""URLs of the opportunities' alertes area (included by opportunites/urls.py)."""

from django.urls import path

from . import views_alertes as vues

urlpatterns: list = [
    path("", vues.mes_alertes_view, name="alertes_liste"),
    path("nouvelle/", vues.alerte_nouvelle_view, name="alertes_nouvelle"),
    path("nouvelle/envoyee/", vues.alerte_demande_envoyee_view, name="alertes_demande_envoyee"),
    path("confirmer/<str:jeton>/", vues.alerte_confirmer_view, name="alertes_confirmer"),
    path(
        "desinscription/<str:jeton>/",
        vues.alerte_desinscription_view,
        name="alertes_desinscription",
    ),
    path("gerer/<str:jeton>/", vues.alerte_gerer_view, name="alertes_gerer"),
    path("<int:pk>/<str:action>/", vues.mes_alertes_action_view, name="alertes_action"),
]
