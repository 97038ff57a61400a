"""URLs of the jeunesse « idees » area (names join the ``jeunesse`` namespace)."""

from django.urls import path

from . import views_idees

urlpatterns = [
    path("", views_idees.idees, name="idees"),
    path("proposer/", views_idees.idee_proposer, name="idee_proposer"),
    path("mes-idees/", views_idees.mes_idees, name="mes_idees"),
    path("<int:pk>/", views_idees.idee, name="idee"),
    path("<int:pk>/soutenir/", views_idees.idee_soutenir, name="idee_soutenir"),
]
