"""URLs of the ambassadeurs app (French paths)."""

from django.urls import path

from .views import (
    annonces,
    annuaire,
    candidature,
    espace,
    flux,
    histoires,
    parrainage,
    questions,
)

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
    # --- Share kit, hospitality offers, impact (views/parrainage.py) ---
    path("espace/partage/", parrainage.partage, name="partage"),
    path("espace/hospitalite/", parrainage.hospitalite, name="hospitalite"),
    path("espace/hospitalite/nouvelle/", parrainage.hospitalite_offre, name="hospitalite_nouvelle"),
    path(
        "espace/hospitalite/<int:pk>/modifier/",
        parrainage.hospitalite_offre,
        name="hospitalite_modifier",
    ),
    path(
        "espace/hospitalite/<int:pk>/activer/",
        parrainage.hospitalite_activer,
        name="hospitalite_activer",
    ),
    path(
        "espace/hospitalite/mises-en-relation/<int:pk>/repondre/",
        flux.mise_en_relation_repondre,
        name="mise_en_relation_repondre",
    ),
    path("espace/impact/", parrainage.impact, name="impact"),
    # --- The network's announcements and events, with RSVP (views/annonces.py) ---
    path("espace/annonces/", annonces.annonces_liste, name="annonces"),
    path("espace/evenements/", annonces.evenements_liste, name="evenements"),
    path(
        "espace/evenements/<int:pk>/repondre/",
        annonces.evenement_repondre,
        name="evenement_repondre",
    ),
    # --- Questions from newcomers to ambassadors (views/questions.py) ---
    path("<int:pk>/question/", questions.question_poser, name="question_poser"),
    path("mes-questions/", questions.mes_questions, name="mes_questions"),
    path("questions/<int:pk>/", questions.conversation, name="question"),
    path("questions/<int:pk>/signaler/", questions.signaler, name="question_signaler"),
    path("questions/<int:pk>/clore/", flux.question_clore, name="question_clore"),
    path(
        "annonces/desinscription/<str:jeton>/",
        flux.annonces_desinscription,
        name="annonces_desinscription",
    ),
    path("espace/questions/", questions.boite, name="questions_boite"),
    path("<int:pk>/", annuaire.profil, name="profil"),
]
