"""URLs of the ambassadeurs app (French paths)."""

from django.urls import path

from .views import annuaire, candidature, espace, histoires

app_name = "ambassadeurs"

urlpatterns = [
    path("", annuaire.annuaire, name="annuaire"),
    path("devenir-ambassadeur/", candidature.devenir, name="devenir"),
    path("espace/", espace.espace, name="espace"),
    # --- Stories written by ambassadors (views/histoires.py) ---
    path("espace/histoires/", histoires.histoires_liste, name="histoires"),
    path("espace/histoires/nouvelle/", histoires.histoire_nouvelle, name="histoire_nouvelle"),
    path(
        "espace/histoires/<int:pk>/modifier/",
        histoires.histoire_modifier,
        name="histoire_modifier",
    ),
    path("<int:pk>/", annuaire.profil, name="profil"),
]
