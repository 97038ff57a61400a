"""URLs of the jeunesse « equipe » area (names join the ``jeunesse`` namespace): the team,
the invitations, the mentors and the messages with the instructors."""

from django.urls import path

from . import views_equipe as vues

urlpatterns = [
    path("candidatures/<str:reference>/equipe/", vues.equipe, name="equipe"),
    path(
        "candidatures/<str:reference>/equipe/<int:pk>/renvoyer/",
        vues.membre_renvoyer,
        name="membre_renvoyer",
    ),
    path(
        "candidatures/<str:reference>/equipe/<int:pk>/retirer/",
        vues.membre_retirer,
        name="membre_retirer",
    ),
    path(
        "candidatures/<str:reference>/equipe/mes-informations/",
        vues.mes_informations,
        name="equipe_mes_informations",
    ),
    path(
        "candidatures/<str:reference>/equipe/quitter/",
        vues.equipe_quitter,
        name="equipe_quitter",
    ),
    path("invitation/<str:jeton>/", vues.invitation, name="invitation"),
    path(
        "candidatures/<str:reference>/accompagnement/",
        vues.accompagnement,
        name="accompagnement",
    ),
    path(
        "candidatures/<str:reference>/accompagnement/<int:pk>/renvoyer/",
        vues.mentor_renvoyer,
        name="mentor_renvoyer",
    ),
    path(
        "candidatures/<str:reference>/accompagnement/<int:pk>/retirer/",
        vues.mentor_retirer,
        name="mentor_retirer",
    ),
    path("accompagnement/<str:jeton>/", vues.invitation_mentor, name="invitation_mentor"),
    path("accompagnements/", vues.mes_accompagnements, name="mes_accompagnements"),
    path("candidatures/<str:reference>/messages/", vues.messages_equipe, name="messages"),
]
