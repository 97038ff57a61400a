"""Certificates of participation: each member their own, the leader any member's; never a draft."""

import pytest
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import MembreEquipe
from jeunesse.models.choix import Statut


@pytest.fixture
def equipe(fabrique_jeu, acteurs_jeu):
    candidature = fabrique_jeu.candidature(
        acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.RETENU
    )
    membre = fabrique_jeu.compte("membre@exemple.fr")
    fiche_membre = MembreEquipe.objects.create(
        candidature=candidature,
        utilisateur=membre,
        prenom="Noé",
        nom="Vidal",
        email=membre.email,
        role="Chargé de communication",
        accepte_le=timezone.now(),
    )
    invite = fabrique_jeu.compte("invite@exemple.fr")
    fiche_invite = MembreEquipe.objects.create(
        candidature=candidature,
        utilisateur=invite,
        prenom="Inès",
        nom="Pasquier",
        email=invite.email,
    )
    return candidature, membre, fiche_membre, invite, fiche_invite


def _url(candidature):
    return reverse("jeunesse:attestation", kwargs={"reference": candidature.reference})


def test_leader_sees_own_certificate(client, acteurs_jeu, equipe):
    candidature = equipe[0]
    client.force_login(acteurs_jeu.porteur)
    reponse = client.get(_url(candidature))
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "Attestation de participation" in contenu
    assert "Léa Delmas" in contenu
    assert "lauréat" in contenu
    assert candidature.reference in contenu
    assert candidature.appel.titre in contenu
    assert "Imprimer ou enregistrer en PDF" in contenu
    assert "Vérification" in contenu
    assert contenu.count("<h1") == 1


def test_member_sees_only_own_name(client, equipe):
    candidature, membre, fiche_membre, _, _ = equipe
    client.force_login(membre)
    contenu = client.get(_url(candidature)).content.decode()
    assert "Noé Vidal" in contenu and "Chargé de communication" in contenu
    assert "Léa Delmas" not in contenu
    # Asking for someone else's certificate shows one's own.
    contenu = client.get(_url(candidature), {"membre": fiche_membre.pk - 1}).content.decode()
    assert "Noé Vidal" in contenu and "Léa Delmas" not in contenu


def test_leader_may_choose_a_joined_member(client, acteurs_jeu, equipe):
    candidature, _, fiche_membre, _, fiche_invite = equipe
    client.force_login(acteurs_jeu.porteur)
    contenu = client.get(_url(candidature), {"membre": fiche_membre.pk}).content.decode()
    assert "Noé Vidal" in contenu
    assert client.get(_url(candidature), {"membre": fiche_invite.pk}).status_code == 404
    assert client.get(_url(candidature), {"membre": "abc"}).status_code == 404


def test_member_who_did_not_join_gets_404(client, equipe):
    candidature, _, _, invite, _ = equipe
    client.force_login(invite)
    assert client.get(_url(candidature)).status_code == 404


def test_draft_has_no_certificate(client, acteurs_jeu):
    client.force_login(acteurs_jeu.porteur)
    assert client.get(_url(acteurs_jeu.brouillon)).status_code == 404


@pytest.mark.parametrize("statut", [Statut.DEPOSE, Statut.NON_RETENU])
def test_submitted_application_has_certificate_without_laureate(
    client, fabrique_jeu, acteurs_jeu, statut
):
    candidature = fabrique_jeu.candidature(acteurs_jeu.appel, acteurs_jeu.porteur, statut=statut)
    client.force_login(acteurs_jeu.porteur)
    reponse = client.get(_url(candidature))
    assert reponse.status_code == 200
    assert "lauréat" not in reponse.content.decode()


def test_other_applicant_and_anonymous(client, acteurs_jeu, equipe):
    candidature = equipe[0]
    client.force_login(acteurs_jeu.autre)
    assert client.get(_url(candidature)).status_code == 404
    client.logout()
    reponse = client.get(_url(candidature))
    assert reponse.status_code == 302 and "login" in reponse["Location"]
