"""URLs of the jeunesse app (French paths under /jeunesse/). Each area has its own module."""

from django.urls import include, path

app_name = "jeunesse"

urlpatterns = [
    path("", include("jeunesse.urls_appels")),
    path("", include("jeunesse.urls_candidatures")),
    path("", include("jeunesse.urls_equipe")),
    path("jury/", include("jeunesse.urls_jury")),
    path("", include("jeunesse.urls_laureats")),
    path("idees/", include("jeunesse.urls_idees")),
]
