"""Closing a conversation: either side or staff (from the reports admin); a closed one takes
no message (clear French error, the text is shown back), the other side is emailed."""

import pytest
from django.contrib.auth.models import Permission

from ambassadeurs.models import Question, Signalement, StatutQuestion
from ambassadeurs.services import questions as services
from lot_portal.courriels.models import Courriel

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation(fabrique_amb):
    ambassadeur = fabrique_amb.ambassadeur(utilisateur__email="amb.clore@exemple.fr")
    arrivant = fabrique_amb.utilisateur(email="arr.clore@exemple.fr", first_name="Léa")
    question = services.question_poser(
        demandeur=arrivant, ambassadeur=ambassadeur, sujet="Écoles", texte="Bonjour ?"
    )
    Courriel.objects.all().delete()
    return question


def _url(question, suite=""):
    return f"/ambassadeurs/questions/{question.pk}/{suite}"


def _pour(adresse):
    return list(Courriel.objects.filter(destinataires=[adresse]))


@pytest.mark.parametrize("cote", ["demandeur", "ambassadeur"])
def test_either_side_closes_the_other_is_notified_and_no_more_messages(client, conversation, cote):
    auteur = conversation.demandeur if cote == "demandeur" else conversation.ambassadeur.utilisateur
    autre = conversation.ambassadeur.utilisateur if cote == "demandeur" else conversation.demandeur
    client.force_login(auteur)
    assert "Clore la conversation" in client.get(_url(conversation)).content.decode()

    reponse = client.post(_url(conversation, "clore/"))
    assert reponse.status_code == 302 and reponse["Location"] == _url(conversation)
    conversation.refresh_from_db()
    assert conversation.statut == StatutQuestion.FERMEE
    assert conversation.fermee_par == auteur and conversation.fermee_le
    assert not _pour(auteur.email)
    (courriel,) = _pour(autre.email)
    assert "Écoles" in courriel.corps_texte and _url(conversation) in courriel.corps_texte
    assert auteur.email not in courriel.corps_texte + courriel.corps_html

    page = client.get(_url(conversation)).content.decode()
    assert "Cette conversation est close" in page
    assert "Clore la conversation" not in page

    # Both sides: a message to a closed conversation is refused, the text shown back.
    for compte in (auteur, autre):
        client.force_login(compte)
        reponse = client.post(_url(conversation), {"texte": "Encore une chose importante"})
        assert reponse.status_code == 409
        contenu = reponse.content.decode()
        assert "elle n&#x27;accepte plus de nouveau message" in contenu
        assert "Encore une chose importante" in contenu
    assert conversation.messages.count() == 1

    # Closing again: no error, no second email.
    client.post(_url(conversation, "clore/"))
    assert len(_pour(autre.email)) == 1


def test_only_the_two_sides_can_close(client, conversation, fabrique_amb):
    client.force_login(fabrique_amb.utilisateur(email="intrus@exemple.fr"))
    assert client.post(_url(conversation, "clore/")).status_code == 404
    client.force_login(fabrique_amb.ambassadeur().utilisateur)
    assert client.post(_url(conversation, "clore/")).status_code == 404
    client.logout()
    assert client.post(_url(conversation, "clore/")).status_code == 302
    client.force_login(conversation.demandeur)
    assert client.get(_url(conversation, "clore/")).status_code == 405
    conversation.refresh_from_db()
    assert conversation.statut == StatutQuestion.OUVERTE
    assert not Courriel.objects.exists()


def test_staff_close_from_the_report_both_sides_notified(client, conversation, django_user_model):
    signalement = services.question_signaler(
        question=conversation, auteur=conversation.demandeur, motif="Propos déplacés"
    )
    Courriel.objects.all().delete()
    url_fiche = f"/admin/ambassadeurs/signalements/{signalement.pk}/"
    url_clore = f"{url_fiche}clore/"

    lecteur = django_user_model.objects.create_user(
        email="lecteur@lot.fr", password="Equipe-Lot-2026!", is_staff=True
    )
    lecteur.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_signalement"),
    )
    client.force_login(lecteur)
    assert client.post(url_clore).status_code == 403

    moderateur = django_user_model.objects.create_user(
        email="moderation@lot.fr", password="Equipe-Lot-2026!", is_staff=True
    )
    moderateur.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_signalement"),
    )
    client.force_login(moderateur)
    assert "Clore la conversation" in client.get(url_fiche).content.decode()
    assert client.post(url_clore).status_code == 302
    conversation.refresh_from_db()
    assert conversation.statut == StatutQuestion.FERMEE
    assert conversation.fermee_par == moderateur
    assert len(_pour(conversation.demandeur.email)) == 1
    assert len(_pour(conversation.ambassadeur.utilisateur.email)) == 1
    assert "L&#x27;équipe du portail" in Courriel.objects.first().corps_html or (
        "L'équipe du portail" in Courriel.objects.first().corps_texte
    )
    assert "Conversation close" in client.get(url_fiche).content.decode()
    assert Signalement.objects.get().pk == signalement.pk
    assert Question.objects.count() == 1
