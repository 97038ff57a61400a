"""URLs of the jeunesse « appels » area (names join the ``jeunesse`` namespace)."""

from django.urls import path

from . import views_appels as vues

urlpatterns = [
    path("", vues.accueil, name="accueil"),
    path("appels/", vues.appels, name="appels"),
    # The notice for young people (issue #9, minors): plain French, linked where they apply.
    path("tes-donnees/", vues.notice_donnees, name="notice_donnees"),
    path("appels/<slug:slug>/", vues.appel, name="appel"),
    path("appels/<slug:slug>/eligibilite/", vues.eligibilite, name="eligibilite"),
]
