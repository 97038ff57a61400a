"""Mentors: the team invites and revokes them; a mentor accepts with the invited address,
reads and comments (the team is emailed), and never edits, invites or reads the messages."""

import datetime
import html

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import CommentaireMentor, MembreEquipe, Mentor, Message
from jeunesse.models.choix import LienLot, Statut, TypeMentor
from jeunesse.services import equipe as services


def texte(reponse):
    return html.unescape(reponse.content.decode())


def url(nom, candidature, **kwargs):
    return reverse(f"jeunesse:{nom}", kwargs={"reference": candidature.reference, **kwargs})


def donnees_mentor(**champs):
    valeurs = {
        "nom": "Sami Roques",
        "email": "sami.roques@pij-cahors.fr",
        "type_mentor": TypeMentor.PIJ,
        "structure": "PIJ de Cahors",
    }
    valeurs.update(champs)
    return valeurs


def mentor_accepte(candidature, compte, **champs):
    valeurs = {"nom": "Sami Roques", "type_mentor": TypeMentor.PIJ, "structure": "PIJ de Cahors"}
    valeurs.update(champs)
    return Mentor.objects.create(
        candidature=candidature,
        email=compte.email,
        utilisateur=compte,
        accepte_le=timezone.now(),
        **valeurs,
    )


def membre_rejoint(candidature, compte):
    return MembreEquipe.objects.create(
        candidature=candidature,
        utilisateur=compte,
        prenom="Max",
        nom="Vidal",
        email=compte.email,
        date_naissance=datetime.date(2005, 3, 1),
        lien_lot=LienLot.ETUDIE,
        invite_le=timezone.now(),
        accepte_le=timezone.now(),
    )


@pytest.fixture
def mentor(fabrique_jeu, acteurs_jeu):
    compte = fabrique_jeu.compte("sami.roques@pij-cahors.fr", first_name="Sami", last_name="Roques")
    mentor_accepte(acteurs_jeu.brouillon, compte)
    return compte


def test_team_invites_a_mentor_who_gets_the_link(
    client, acteurs_jeu, django_capture_on_commit_callbacks
):
    brouillon = acteurs_jeu.brouillon
    client.force_login(acteurs_jeu.porteur)
    page = texte(client.get(url("accompagnement", brouillon)))
    assert "Personne n'accompagne encore ce projet." in page
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(url("accompagnement", brouillon), donnees_mentor())
    assert reponse.status_code == 302
    mentor = Mentor.objects.get(candidature=brouillon)
    assert (mentor.nom, mentor.type_mentor, mentor.structure) == (
        "Sami Roques",
        TypeMentor.PIJ,
        "PIJ de Cahors",
    )
    assert mentor.utilisateur is None and mentor.accepte_le is None
    assert len(mail.outbox) == 1
    courriel = mail.outbox[0]
    assert courriel.to == ["sami.roques@pij-cahors.fr"]
    assert "vous demande d'accompagner le projet" in courriel.subject
    assert f"/jeunesse/accompagnement/{mentor.jeton_invitation}/" in courriel.body
    suite = texte(client.get(url("accompagnement", brouillon)))
    assert "Sami Roques" in suite and "Invitation en attente" in suite


@pytest.mark.parametrize(
    ("champs", "message"),
    [
        ({"email": "sami@"}, "Cette adresse électronique n'est pas valide"),
        ({"email": "porteur@exemple.fr"}, "Cette adresse est celle d'un membre de l'équipe"),
        ({"type_mentor": "sorcier"}, "Choisissez l'une des réponses proposées."),
        ({"nom": ""}, "Indiquez le nom de la personne."),
    ],
)
def test_bad_mentor_invitation_refused_and_input_kept(
    client, acteurs_jeu, django_capture_on_commit_callbacks, champs, message
):
    client.force_login(acteurs_jeu.porteur)
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            url("accompagnement", acteurs_jeu.brouillon), donnees_mentor(**champs)
        )
    assert reponse.status_code == 200
    page = texte(reponse)
    assert message in page
    assert 'value="PIJ de Cahors"' in page
    assert not Mentor.objects.exists()
    assert mail.outbox == []


def test_same_mentor_twice_and_maximum(client, acteurs_jeu, django_capture_on_commit_callbacks):
    brouillon = acteurs_jeu.brouillon
    client.force_login(acteurs_jeu.porteur)
    client.post(url("accompagnement", brouillon), donnees_mentor())
    reponse = client.post(
        url("accompagnement", brouillon), donnees_mentor(email="SAMI.roques@pij-cahors.fr")
    )
    assert "déjà invitée à accompagner le projet" in texte(reponse)
    for n in range(services.MENTORS_MAX - 1):
        client.post(url("accompagnement", brouillon), donnees_mentor(email=f"m{n}@exemple.fr"))
    assert Mentor.objects.count() == services.MENTORS_MAX
    reponse = client.post(url("accompagnement", brouillon), donnees_mentor(email="x@exemple.fr"))
    assert Mentor.objects.count() == services.MENTORS_MAX
    assert "c'est le maximum" in texte(reponse)


def test_mentor_accepts_with_the_invited_address(client, fabrique_jeu, acteurs_jeu):
    brouillon = acteurs_jeu.brouillon
    invitation = Mentor.objects.create(
        candidature=brouillon, nom="Sami Roques", email="sami@pij.fr", type_mentor=TypeMentor.PIJ
    )
    lien = reverse("jeunesse:invitation_mentor", kwargs={"jeton": invitation.jeton_invitation})
    # Another account: refused, clearly.
    client.force_login(acteurs_jeu.autre)
    refus = client.post(lien)
    assert refus.status_code == 403
    assert "Cette invitation a été envoyée à s…@pij.fr : connectez-vous" in texte(refus)
    invitation.refresh_from_db()
    assert invitation.accepte_le is None

    compte = fabrique_jeu.compte("SAMI@pij.fr")
    client.force_login(compte)
    page = client.get(lien)
    assert page.status_code == 200
    assert "Léa Delmas vous demande de relire" in texte(page)
    reponse = client.post(lien)
    assert reponse.status_code == 302
    assert reponse.url == url("accompagnement", brouillon)
    invitation.refresh_from_db()
    assert invitation.utilisateur == compte and invitation.accepte_le is not None
    # Used token: friendly 404.
    deja = client.get(lien)
    assert deja.status_code == 404
    assert "Invitation introuvable" in texte(deja)
    # The mentor's list of applications.
    liste = texte(client.get(reverse("jeunesse:mes_accompagnements")))
    assert brouillon.titre in liste
    assert "Brouillon — pas encore déposé" in liste


def test_a_team_member_cannot_be_the_mentor(client, acteurs_jeu):
    invitation = Mentor.objects.create(
        candidature=acteurs_jeu.brouillon,
        nom="Moi",
        email="porteur@exemple.fr",
        type_mentor=TypeMentor.AUTRE,
    )
    client.force_login(acteurs_jeu.porteur)
    lien = reverse("jeunesse:invitation_mentor", kwargs={"jeton": invitation.jeton_invitation})
    reponse = client.post(lien)
    assert reponse.status_code == 409
    assert "Vous faites partie de l'équipe de ce projet" in texte(reponse)
    invitation.refresh_from_db()
    assert invitation.accepte_le is None


def test_anonymous_mentor_link_goes_to_login(client, acteurs_jeu):
    invitation = Mentor.objects.create(
        candidature=acteurs_jeu.brouillon, nom="S", email="s@pij.fr", type_mentor=TypeMentor.PIJ
    )
    lien = reverse("jeunesse:invitation_mentor", kwargs={"jeton": invitation.jeton_invitation})
    reponse = client.get(lien)
    assert reponse.status_code == 302
    assert reponse.url.startswith(reverse("account_login"))


def test_mentor_comment_emails_the_team_not_pending_invitees(
    client, fabrique_jeu, acteurs_jeu, mentor, django_capture_on_commit_callbacks
):
    brouillon = acteurs_jeu.brouillon
    membre_rejoint(brouillon, fabrique_jeu.compte("max@exemple.fr"))
    MembreEquipe.objects.create(
        candidature=brouillon, prenom="Lou", nom="Bru", email="lou@exemple.fr"
    )
    client.force_login(mentor)
    page = texte(client.get(url("accompagnement", brouillon)))
    assert "Commenter le projet" in page
    assert "Inviter un accompagnant" not in page
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            url("accompagnement", brouillon), {"texte": "Précisez le budget de la sono."}
        )
    assert reponse.status_code == 302
    commentaire = CommentaireMentor.objects.get()
    assert commentaire.auteur == mentor
    assert commentaire.texte == "Précisez le budget de la sono."
    assert sorted(c.to[0] for c in mail.outbox) == ["max@exemple.fr", "porteur@exemple.fr"]
    assert all("Sami Roques a commenté votre projet" in c.subject for c in mail.outbox)
    assert "Précisez le budget" not in mail.outbox[0].body  # the text stays on the portal
    assert url("accompagnement", brouillon) in mail.outbox[0].body
    # The team reads it.
    client.force_login(acteurs_jeu.porteur)
    assert "Précisez le budget de la sono." in texte(client.get(url("accompagnement", brouillon)))


@pytest.mark.parametrize(
    ("valeur", "message"),
    [("", "Écrivez votre commentaire."), ("a" * 4001, "ne doit pas dépasser 4000 caractères")],
)
def test_bad_comment_refused_and_kept(client, acteurs_jeu, mentor, valeur, message):
    client.force_login(mentor)
    reponse = client.post(url("accompagnement", acteurs_jeu.brouillon), {"texte": valeur})
    assert reponse.status_code == 200
    assert message in texte(reponse)
    if valeur:
        assert valeur in texte(reponse)
    assert not CommentaireMentor.objects.exists()


def test_mentor_cannot_invite_nor_manage_the_team_nor_read_messages(
    client, fabrique_jeu, acteurs_jeu, mentor, django_capture_on_commit_callbacks
):
    brouillon = acteurs_jeu.brouillon
    invite = MembreEquipe.objects.create(
        candidature=brouillon, prenom="Lou", nom="Bru", email="lou@exemple.fr"
    )
    autre_mentor = Mentor.objects.create(
        candidature=brouillon, nom="B", email="b@ml.fr", type_mentor=TypeMentor.MISSION_LOCALE
    )
    client.force_login(mentor)
    with django_capture_on_commit_callbacks(execute=True):
        # Posting a mentor invitation: read as a (missing) comment, nothing created.
        client.post(url("accompagnement", brouillon), donnees_mentor(email="c@pij.fr"))
        refus = [
            client.get(url("equipe", brouillon)),
            client.post(url("equipe", brouillon), {"prenom": "A", "nom": "B", "email": "a@b.fr"}),
            client.post(url("membre_renvoyer", brouillon, pk=invite.pk)),
            client.post(url("membre_retirer", brouillon, pk=invite.pk)),
            client.post(url("mentor_retirer", brouillon, pk=autre_mentor.pk)),
            client.post(url("mentor_renvoyer", brouillon, pk=autre_mentor.pk)),
            client.get(url("messages", brouillon)),
            client.post(url("messages", brouillon), {"texte": "Bonjour"}),
        ]
    assert [r.status_code for r in refus] == [404] * len(refus)
    assert Mentor.objects.count() == 2
    assert MembreEquipe.objects.filter(pk=invite.pk).exists()
    assert not Message.objects.exists()
    assert mail.outbox == []


def test_mentor_never_edits_the_application(client, acteurs_jeu, mentor):
    client.force_login(mentor)
    modifier = url("candidature_section", acteurs_jeu.brouillon, section="projet")
    assert client.get(modifier).status_code == 404
    assert client.post(modifier, {"titre": "Pris en main"}).status_code == 404
    acteurs_jeu.brouillon.refresh_from_db()
    assert acteurs_jeu.brouillon.titre != "Pris en main"


def test_team_revokes_a_mentor(client, acteurs_jeu, mentor):
    brouillon = acteurs_jeu.brouillon
    ligne = Mentor.objects.get(utilisateur=mentor)
    CommentaireMentor.objects.create(candidature=brouillon, auteur=mentor, texte="Bravo")
    client.force_login(acteurs_jeu.porteur)
    cible = url("mentor_retirer", brouillon, pk=ligne.pk)
    assert "Retirer l'accès de Sami Roques ?" in texte(client.get(cible))
    assert client.post(cible).status_code == 302
    assert not Mentor.objects.filter(pk=ligne.pk).exists()
    assert CommentaireMentor.objects.count() == 1  # comments stay
    client.force_login(mentor)
    assert client.get(url("accompagnement", brouillon)).status_code == 404
    assert brouillon.titre not in texte(client.get(reverse("jeunesse:mes_accompagnements")))


def test_comments_closed_once_submitted(client, fabrique_jeu, acteurs_jeu):
    depose = fabrique_jeu.candidature(acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.DEPOSE)
    compte = fabrique_jeu.compte("sami@pij.fr")
    mentor_accepte(depose, compte)
    client.force_login(compte)
    page = client.get(url("accompagnement", depose))
    assert page.status_code == 200
    assert "les commentaires sont fermés" in texte(page)
    assert client.post(url("accompagnement", depose), {"texte": "Tardif"}).status_code == 409
    assert not CommentaireMentor.objects.exists()


def test_mentor_resend_waits_ten_minutes(client, acteurs_jeu, django_capture_on_commit_callbacks):
    brouillon = acteurs_jeu.brouillon
    client.force_login(acteurs_jeu.porteur)
    client.post(url("accompagnement", brouillon), donnees_mentor())
    ligne = Mentor.objects.get()
    cible = url("mentor_renvoyer", brouillon, pk=ligne.pk)
    with django_capture_on_commit_callbacks(execute=True):
        trop_tot = client.post(cible, follow=True)
    assert "vient d'être envoyée" in texte(trop_tot)
    assert mail.outbox == []
    Mentor.objects.filter(pk=ligne.pk).update(
        invite_le=timezone.now() - datetime.timedelta(minutes=11)
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cible)
    assert [c.to for c in mail.outbox] == [["sami.roques@pij-cahors.fr"]]


def test_overview_shows_the_team_box_to_the_team_and_the_mentor(client, acteurs_jeu, mentor):
    brouillon = acteurs_jeu.brouillon
    vue = reverse("jeunesse:candidature", kwargs={"reference": brouillon.reference})
    client.force_login(acteurs_jeu.porteur)
    page = texte(client.get(vue))
    assert "Gérer l'équipe" in page
    assert url("accompagnement", brouillon) in page
    assert "disponibles une fois le dossier déposé" in page
    client.force_login(mentor)
    page = texte(client.get(vue))
    assert "Commenter ce projet" in page
    assert url("equipe", brouillon) not in page
    assert url("messages", brouillon) not in page
