"""URLs of the jeunesse « candidatures » area (names join the ``jeunesse`` namespace)."""

from django.urls import path

from . import views_candidatures as vues

urlpatterns = [
    path("candidatures/<str:reference>/", vues.candidature, name="candidature"),
    path("candidatures/<str:reference>/recepisse/", vues.recepisse, name="recepisse"),
]
