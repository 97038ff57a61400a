"""URLs of the jeunesse « laureats » area (names join the ``jeunesse`` namespace)."""

from django.urls import path

from . import views_laureats as vues

urlpatterns = [
    path("candidatures/<str:reference>/accepter/", vues.accepter, name="accepter"),
    path("candidatures/<str:reference>/projet/", vues.projet, name="projet"),
    path(
        "candidatures/<str:reference>/projet/vitrine/", vues.projet_vitrine, name="projet_vitrine"
    ),
    path(
        "candidatures/<str:reference>/projet/journal/ecrire/",
        vues.journal_ecrire,
        name="journal_ecrire",
    ),
    path(
        "candidatures/<str:reference>/projet/journal/<int:pk>/",
        vues.journal_modifier,
        name="journal_modifier",
    ),
    path(
        "candidatures/<str:reference>/projet/rapports/<int:pk>/",
        vues.rapport_deposer,
        name="rapport_deposer",
    ),
    path(
        "candidatures/<str:reference>/projet/rapports/<int:pk>/fichier/",
        vues.rapport_fichier,
        name="rapport_fichier",
    ),
    path("candidatures/<str:reference>/attestation/", vues.attestation, name="attestation"),
    path("projets/", vues.vitrine, name="vitrine"),
    path("projets/<str:reference>/", vues.vitrine_projet, name="vitrine_projet"),
]
