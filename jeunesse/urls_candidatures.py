"""URLs of the jeunesse « candidatures » area (names join the ``jeunesse`` namespace)."""

from django.urls import path

from . import views_candidatures as vues

urlpatterns = [
    path("appels/<slug:slug>/candidater/", vues.candidater, name="candidater"),
    path("candidatures/", vues.mes_candidatures, name="mes_candidatures"),
    path("candidatures/<str:reference>/", vues.candidature, name="candidature"),
    path(
        "candidatures/<str:reference>/modifier/<slug:section>/",
        vues.candidature_section,
        name="candidature_section",
    ),
    path("candidatures/<str:reference>/deposer/", vues.deposer, name="deposer"),
    path("candidatures/<str:reference>/recepisse/", vues.recepisse, name="recepisse"),
    path("candidatures/<str:reference>/pieces/<int:pk>/", vues.piece, name="piece"),
    path(
        "candidatures/<str:reference>/pieces/<int:pk>/supprimer/",
        vues.piece_supprimer,
        name="piece_supprimer",
    ),
]
