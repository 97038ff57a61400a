"""URLs of the jeunesse « jury » area (names join the ``jeunesse`` namespace).

Mounted at /jeunesse/jury/ by ``jeunesse.urls``. ``pk`` is an ``Affectation``."""

from django.urls import path

from . import views_jury as vues

urlpatterns = [
    path("", vues.jury, name="jury"),
    path("<int:pk>/", vues.evaluation, name="jury_evaluation"),
    path("<int:pk>/pieces/<int:piece_pk>/", vues.piece, name="jury_piece"),
    path("<int:pk>/conflit/", vues.conflit, name="jury_conflit"),
]
