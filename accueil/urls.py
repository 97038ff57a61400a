"""URLs of the welcome journey (French paths). Each section belongs to one views module."""

from django.urls import path  # noqa: F401

from .views import donnees, inscription, parcours, relances  # noqa: F401
from .views import reseau as reseau_views

app_name = "accueil"

urlpatterns = [
    # --- Registration (views/inscription.py) ---
    path("inscription/", inscription.inscription_debut, name="inscription"),
    path("inscription/merci/", inscription.inscription_merci, name="inscription_merci"),
    path("inscription/<slug:etape>/", inscription.inscription_etape, name="inscription_etape"),
    # --- The newcomer's journey (views/parcours.py) ---
    path("mon-parcours/", parcours.tableau, name="parcours"),
    path("mon-parcours/etapes/<int:pk>/statut/", parcours.etape_statut, name="parcours_etape"),
    path("mon-parcours/sejour/", parcours.sejour_demander, name="parcours_sejour"),
    path("mon-parcours/messages/", parcours.messages_fil, name="parcours_messages"),
    path("mon-parcours/projet/", parcours.projet, name="parcours_projet"),
    path("mon-parcours/kit/", parcours.kit, name="parcours_kit"),
    path("mon-parcours/cv/", parcours.cv, name="parcours_cv"),
    path(
        "mon-parcours/cv/consentement/", parcours.cv_consentement, name="parcours_cv_consentement"
    ),
    path(
        "mon-parcours/cv/<int:pk>/telecharger/",
        parcours.cv_telecharger,
        name="parcours_cv_telecharger",
    ),
    path(
        "mon-parcours/cv/<int:pk>/supprimer/", parcours.cv_supprimer, name="parcours_cv_supprimer"
    ),
    # --- Follow-ups: check-ins and unsubscribe (views/relances.py) ---
    path("bilan/<uuid:jeton>/", relances.bilan_view, name="bilan"),
    path("desinscription/<str:jeton>/", relances.desinscription_view, name="desinscription"),
    # --- Personal data (views/donnees.py) ---
    path("mon-parcours/mes-donnees/", donnees.mes_donnees_view, name="mes_donnees"),
    path("mon-parcours/mes-donnees.json", donnees.mes_donnees_json_view, name="mes_donnees_json"),
    path("mon-parcours/supprimer/", donnees.compte_supprimer_view, name="compte_supprimer"),
    path("compte-supprime/", donnees.compte_supprime_view, name="compte_supprime"),
    # --- CV forwarded to employers (views/reseau.py) ---
    path("cv-transmis/<str:jeton>/", reseau_views.cv_transmis, name="cv_transmis"),
]
