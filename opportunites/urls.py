"""URLs of the opportunites app (French paths) that are not Wagtail pages.

The listings and the offer, takeover and creation pages are Wagtail pages under
/opportunites/ (emplois/, reprises/, creer/); each area adds its own views here.
"""

from django.urls import include, path

app_name = "opportunites"

urlpatterns = [
    path("alertes/", include("opportunites.urls_alertes")),
    path("partenaires/", include("opportunites.urls_partenaires")),
    path("", include("opportunites.urls_fiches")),
]
