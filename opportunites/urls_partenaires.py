"""URLs of the partner space (/opportunites/partenaires/…), included by opportunites/urls.py."""

from django.urls import path

from . import views_partenaires as vues

urlpatterns = [
    path("", vues.espace, name="partenaires"),
    path("offres/nouvelle/", vues.offre_nouvelle, name="partenaires_offre_nouvelle"),
    path("offres/<int:pk>/", vues.offre_modifier, name="partenaires_offre_modifier"),
    path("offres/<int:pk>/pourvue/", vues.offre_pourvue, name="partenaires_offre_pourvue"),
    path("reprises/nouvelle/", vues.reprise_nouvelle, name="partenaires_reprise_nouvelle"),
    path("reprises/<int:pk>/", vues.reprise_modifier, name="partenaires_reprise_modifier"),
]
