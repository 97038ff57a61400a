"""The team's conversation with the instructors: thread, emails through message_envoyer,
read marking, throttle, drafts refused, bad input kept."""

import datetime
import html

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import AppelAProjets, MembreEquipe, Message
from jeunesse.models.choix import LienLot, Statut
from jeunesse.services import equipe as services
from jeunesse.services.messages import message_envoyer


def texte(reponse):
    return html.unescape(reponse.content.decode())


def url_messages(candidature):
    return reverse("jeunesse:messages", kwargs={"reference": candidature.reference})


@pytest.fixture
def depose(fabrique_jeu, acteurs_jeu):
    AppelAProjets.objects.filter(pk=acteurs_jeu.appel.pk).update(contact_email="jeunesse@lot.fr")
    acteurs_jeu.appel.refresh_from_db()
    return fabrique_jeu.candidature(acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.DEPOSE)


def test_thread_oldest_first_and_instructor_messages_marked_read(client, acteurs_jeu, depose):
    with time_machine.travel(timezone.now() - datetime.timedelta(hours=3), tick=False):
        premier = message_envoyer(
            candidature=depose,
            auteur=acteurs_jeu.instructeur,
            texte="Pouvez-vous préciser le lieu ?",
            de_l_instruction=True,
        )
    with time_machine.travel(timezone.now() - datetime.timedelta(hours=2), tick=False):
        reponse_equipe = message_envoyer(
            candidature=depose,
            auteur=acteurs_jeu.porteur,
            texte="Place de la Halle à Figeac.",
            de_l_instruction=False,
        )
    client.force_login(acteurs_jeu.porteur)
    page = texte(client.get(url_messages(depose)))
    assert page.index("Pouvez-vous préciser le lieu ?") < page.index("Place de la Halle")
    assert "L'équipe du Département" in page
    assert "Nouveau" in page  # shown unread on this first opening
    premier.refresh_from_db()
    reponse_equipe.refresh_from_db()
    assert premier.lu_le is not None
    assert reponse_equipe.lu_le is None  # the instructors read their side in the admin
    assert "Nouveau</span>" not in texte(client.get(url_messages(depose)))


def test_team_message_goes_through_message_envoyer(
    client, acteurs_jeu, depose, django_capture_on_commit_callbacks
):
    client.force_login(acteurs_jeu.porteur)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(url_messages(depose), {"texte": "  Bonjour, une question.  "})
    assert reponse.status_code == 302
    message = Message.objects.get()
    assert message.auteur == acteurs_jeu.porteur
    assert message.de_l_instruction is False
    assert message.texte == "Bonjour, une question."
    assert [c.to for c in mail.outbox] == [["jeunesse@lot.fr"]]
    assert depose.reference in mail.outbox[0].subject
    assert "une question" not in mail.outbox[0].body
    suite = texte(client.get(reponse.url))
    assert "Votre message est envoyé" in suite and "Bonjour, une question." in suite


def test_instructor_message_email_links_to_this_page(
    acteurs_jeu, depose, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        message_envoyer(
            candidature=depose,
            auteur=acteurs_jeu.instructeur,
            texte="Il manque le devis.",
            de_l_instruction=True,
        )
    assert [c.to for c in mail.outbox] == [["porteur@exemple.fr"]]
    assert url_messages(depose) in mail.outbox[0].body


def test_joined_member_writes_too(client, fabrique_jeu, acteurs_jeu, depose):
    compte = fabrique_jeu.compte("max@exemple.fr", first_name="Max", last_name="Vidal")
    MembreEquipe.objects.create(
        candidature=depose,
        utilisateur=compte,
        prenom="Max",
        nom="Vidal",
        email=compte.email,
        lien_lot=LienLot.HABITE,
        date_naissance=datetime.date(2004, 1, 1),
        accepte_le=timezone.now(),
    )
    client.force_login(compte)
    assert client.post(url_messages(depose), {"texte": "Je complète."}).status_code == 302
    client.force_login(acteurs_jeu.porteur)
    assert "Max Vidal" in texte(client.get(url_messages(depose)))


@pytest.mark.parametrize(
    ("valeur", "message"),
    [
        ("", "Écrivez votre message."),
        ("   ", "Écrivez votre message."),
        ("é" * 4001, "Le texte ne doit pas dépasser 4000 caractères (vous en avez écrit 4001)."),
    ],
)
def test_bad_message_refused_and_text_kept(client, acteurs_jeu, depose, valeur, message):
    client.force_login(acteurs_jeu.porteur)
    reponse = client.post(url_messages(depose), {"texte": valeur})
    assert reponse.status_code == 200
    page = texte(reponse)
    assert message in page
    assert "id_texte_erreur" in page
    if valeur.strip():
        assert valeur in page
    assert not Message.objects.exists()


def test_throttle_twenty_messages_an_hour_keeps_the_text(
    client, acteurs_jeu, depose, django_capture_on_commit_callbacks
):
    client.force_login(acteurs_jeu.porteur)
    with time_machine.travel(timezone.now(), tick=False) as voyage:
        for n in range(services.MESSAGES_PAR_HEURE):
            Message.objects.create(candidature=depose, auteur=acteurs_jeu.porteur, texte=f"m{n}")
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            reponse = client.post(url_messages(depose), {"texte": "Encore une chose importante"})
        assert reponse.status_code == 429
        page = texte(reponse)
        assert "Vous avez envoyé 20 messages en une heure" in page
        assert "Encore une chose importante" in page
        assert Message.objects.count() == services.MESSAGES_PAR_HEURE
        assert mail.outbox == []

        voyage.shift(datetime.timedelta(minutes=61))
        reponse = client.post(url_messages(depose), {"texte": "Encore une chose importante"})
        assert reponse.status_code == 302
        assert Message.objects.count() == services.MESSAGES_PAR_HEURE + 1


def test_throttle_counts_per_account_and_ignores_instructors(
    client, fabrique_jeu, acteurs_jeu, depose
):
    for n in range(services.MESSAGES_PAR_HEURE):
        Message.objects.create(
            candidature=depose, auteur=acteurs_jeu.instructeur, texte=f"i{n}", de_l_instruction=True
        )
    client.force_login(acteurs_jeu.porteur)
    assert client.post(url_messages(depose), {"texte": "Merci !"}).status_code == 302


def test_draft_has_no_messaging_yet(client, acteurs_jeu, django_capture_on_commit_callbacks):
    brouillon = acteurs_jeu.brouillon
    client.force_login(acteurs_jeu.porteur)
    page = client.get(url_messages(brouillon))
    assert page.status_code == 200
    assert "la messagerie avec l'équipe du Département s'ouvre quand il est déposé" in texte(page)
    assert 'name="texte"' not in texte(page)
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(url_messages(brouillon), {"texte": "Bonjour"})
    assert reponse.status_code == 409
    assert not Message.objects.exists()


def test_other_applicant_and_mentor_get_404(client, fabrique_jeu, acteurs_jeu, depose):
    from jeunesse.models import Mentor
    from jeunesse.models.choix import TypeMentor

    mentor = fabrique_jeu.compte("sami@pij.fr")
    Mentor.objects.create(
        candidature=depose,
        utilisateur=mentor,
        email=mentor.email,
        nom="Sami",
        type_mentor=TypeMentor.PIJ,
        accepte_le=timezone.now(),
    )
    message_envoyer(
        candidature=depose, auteur=acteurs_jeu.instructeur, texte="Secret", de_l_instruction=True
    )
    for compte in (acteurs_jeu.autre, mentor, acteurs_jeu.jure, acteurs_jeu.staff_sans_droit):
        client.force_login(compte)
        assert client.get(url_messages(depose)).status_code == 404
        assert client.post(url_messages(depose), {"texte": "Intrus"}).status_code == 404
    assert Message.objects.count() == 1
    assert Message.objects.get().lu_le is None  # nobody outside the team marks it read
