"""Query budgets: the team page, the messages, my mentorships and the overview's team box
render in a number of queries that does not grow with the items."""

import datetime

from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import CommentaireMentor, MembreEquipe, Mentor, Message
from jeunesse.models.choix import LienLot, Statut, TypeMentor

PLAFOND = 20


def requetes(client, adresse):
    with CaptureQueriesContext(connection) as capture:
        reponse = client.get(adresse)
    assert reponse.status_code == 200
    return len(capture)


def ajouter_membres(candidature, fabrique_jeu, nombre, debut=0):
    for n in range(debut, debut + nombre):
        accepte = n % 2 == 0
        MembreEquipe.objects.create(
            candidature=candidature,
            utilisateur=fabrique_jeu.compte(f"membre{n}@exemple.fr") if accepte else None,
            prenom=f"Membre{n}",
            nom="Test",
            email=f"membre{n}@exemple.fr",
            date_naissance=datetime.date(1980 if n % 3 == 0 else 2005, 1, 1),
            lien_lot=LienLot.HABITE,
            invite_le=timezone.now(),
            accepte_le=timezone.now() if accepte else None,
        )


def test_team_page_budget(client, fabrique_jeu, acteurs_jeu):
    brouillon = acteurs_jeu.brouillon
    client.force_login(acteurs_jeu.porteur)
    adresse = reverse("jeunesse:equipe", kwargs={"reference": brouillon.reference})
    ajouter_membres(brouillon, fabrique_jeu, 1)
    requetes(client, adresse)  # warm the session and caches
    peu = requetes(client, adresse)
    ajouter_membres(brouillon, fabrique_jeu, 7, debut=1)
    beaucoup = requetes(client, adresse)
    assert peu == beaucoup <= PLAFOND


def test_messages_page_budget(client, fabrique_jeu, acteurs_jeu):
    depose = fabrique_jeu.candidature(acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.DEPOSE)
    adresse = reverse("jeunesse:messages", kwargs={"reference": depose.reference})
    client.force_login(acteurs_jeu.porteur)

    def ecrire(nombre):
        for n in range(nombre):
            instruction = n % 2 == 0
            Message.objects.create(
                candidature=depose,
                auteur=acteurs_jeu.instructeur if instruction else acteurs_jeu.porteur,
                de_l_instruction=instruction,
                texte=f"Message {n}",
            )

    ecrire(1)
    requetes(client, adresse)
    ecrire(1)
    peu = requetes(client, adresse)
    ecrire(15)
    beaucoup = requetes(client, adresse)
    assert peu == beaucoup <= PLAFOND


def test_accompagnement_page_budget(client, fabrique_jeu, acteurs_jeu):
    brouillon = acteurs_jeu.brouillon
    adresse = reverse("jeunesse:accompagnement", kwargs={"reference": brouillon.reference})
    client.force_login(acteurs_jeu.porteur)

    def ajouter(debut, nombre):
        for n in range(debut, debut + nombre):
            compte = fabrique_jeu.compte(f"mentor{n}@pij.fr")
            Mentor.objects.create(
                candidature=brouillon,
                utilisateur=compte,
                email=compte.email,
                nom=f"Mentor {n}",
                type_mentor=TypeMentor.PIJ,
                accepte_le=timezone.now(),
            )
            CommentaireMentor.objects.create(candidature=brouillon, auteur=compte, texte="Bien")

    ajouter(0, 1)
    requetes(client, adresse)
    peu = requetes(client, adresse)
    ajouter(1, 2)
    beaucoup = requetes(client, adresse)
    assert peu == beaucoup <= PLAFOND


def test_my_mentorships_budget(client, fabrique_jeu, acteurs_jeu):
    mentor = fabrique_jeu.compte("sami@pij.fr")
    adresse = reverse("jeunesse:mes_accompagnements")
    client.force_login(mentor)

    def accompagner(nombre):
        for _ in range(nombre):
            dossier = fabrique_jeu.candidature(acteurs_jeu.appel)
            Mentor.objects.create(
                candidature=dossier,
                utilisateur=mentor,
                email=mentor.email,
                nom="Sami",
                type_mentor=TypeMentor.PIJ,
                accepte_le=timezone.now(),
            )
            CommentaireMentor.objects.create(candidature=dossier, auteur=mentor, texte="Bien")

    accompagner(1)
    requetes(client, adresse)
    peu = requetes(client, adresse)
    accompagner(6)
    beaucoup = requetes(client, adresse)
    page = client.get(adresse).content.decode()
    assert page.count("1 commentaire<") == 7
    assert peu == beaucoup <= PLAFOND


def test_overview_team_box_budget_and_content(fabrique_jeu, acteurs_jeu):
    depose = fabrique_jeu.candidature(acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.DEPOSE)
    requete = RequestFactory().get("/")
    requete.user = acteurs_jeu.porteur

    def rendre():
        with CaptureQueriesContext(connection) as capture:
            html = render_to_string(
                "jeunesse/equipe/_encart_candidature.html",
                {"candidature": depose, "request": requete},
            )
        return html, len(capture)

    Message.objects.create(candidature=depose, de_l_instruction=True, texte="Bonjour")
    ajouter_membres(depose, fabrique_jeu, 1)
    _, peu = rendre()
    ajouter_membres(depose, fabrique_jeu, 7, debut=1)
    Message.objects.create(candidature=depose, de_l_instruction=True, texte="Relance")
    Message.objects.create(
        candidature=depose, de_l_instruction=True, texte="Lu", lu_le=timezone.now()
    )
    html, beaucoup = rendre()
    assert peu == beaucoup <= 4
    assert "2 non lus" in html
    assert "Membre7 Test" in html
    assert "4 invitations en attente" in html
    assert reverse("jeunesse:messages", kwargs={"reference": depose.reference}) in html
