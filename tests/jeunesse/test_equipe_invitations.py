"""Team members: the leader invites, re-sends, removes; the invited person joins, corrects,
leaves. Emails, bad input and the rules (only the leader, at most 8, editable only)."""

import datetime
import html
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import Candidature, MembreEquipe
from jeunesse.models.choix import LienLot, Statut
from jeunesse.services import equipe as services


def texte(reponse):
    return html.unescape(reponse.content.decode())


def url_equipe(candidature):
    return reverse("jeunesse:equipe", kwargs={"reference": candidature.reference})


def donnees_invitation(**champs):
    valeurs = {
        "prenom": "Zoé",
        "nom": "Lacombe",
        "email": "zoe.lacombe@exemple.fr",
        "role": "Communication",
    }
    valeurs.update(champs)
    return valeurs


def inviter(client, candidature, capture, **champs):
    with capture(execute=True):
        return client.post(url_equipe(candidature), donnees_invitation(**champs))


def membre_invite(candidature, email="zoe.lacombe@exemple.fr", **champs):
    valeurs = {"prenom": "Zoé", "nom": "Lacombe", "role": "Communication"}
    valeurs.update(champs)
    return MembreEquipe.objects.create(
        candidature=candidature, email=email, invite_le=timezone.now(), **valeurs
    )


def membre_rejoint(candidature, compte, **champs):
    valeurs = {
        "date_naissance": datetime.date(2005, 3, 1),
        "lien_lot": LienLot.ETUDIE,
        "accepte_le": timezone.now(),
        "utilisateur": compte,
    }
    valeurs.update(champs)
    return membre_invite(candidature, email=compte.email, **valeurs)


def adhesion(**champs):
    valeurs = {"date_naissance": "2006-04-02", "lien_lot": LienLot.HABITE, "role": "Trésorerie"}
    valeurs.update(champs)
    return valeurs


# --- Inviting ----------------------------------------------------------------------------------


def test_leader_invites_a_member_who_gets_the_link_by_email(
    client, acteurs_jeu, django_capture_on_commit_callbacks
):
    brouillon = acteurs_jeu.brouillon
    client.force_login(acteurs_jeu.porteur)
    reponse = inviter(client, brouillon, django_capture_on_commit_callbacks, email="Zoe@Exemple.fr")

    assert reponse.status_code == 302
    assert reponse.url == url_equipe(brouillon)
    membre = MembreEquipe.objects.get(candidature=brouillon, est_porteur=False)
    assert (membre.prenom, membre.nom, membre.role) == ("Zoé", "Lacombe", "Communication")
    assert membre.email == "zoe@exemple.fr"
    assert membre.invite_le is not None and membre.accepte_le is None
    brouillon.refresh_from_db()
    assert brouillon.en_equipe is True

    assert len(mail.outbox) == 1
    courriel = mail.outbox[0]
    assert courriel.to == ["zoe@exemple.fr"]
    assert "Léa Delmas vous invite dans le projet" in courriel.subject
    lien = f"/jeunesse/invitation/{membre.jeton_invitation}/"
    assert lien in courriel.body
    assert "Communication" in courriel.body
    assert lien in courriel.alternatives[0][0]

    page = client.get(url_equipe(brouillon))
    assert "Invitation en attente" in texte(page)


def test_team_page_lists_members_with_their_state(client, fabrique_jeu, acteurs_jeu):
    brouillon = acteurs_jeu.brouillon
    membre_rejoint(brouillon, fabrique_jeu.compte("max@exemple.fr"), prenom="Max", nom="Vidal")
    membre_invite(brouillon, "lou@exemple.fr", prenom="Lou", nom="Bru")
    client.force_login(acteurs_jeu.porteur)
    page = texte(client.get(url_equipe(brouillon)))
    assert "Max Vidal" in page and "A rejoint le projet" in page
    assert "Lou Bru" in page and "Invitation en attente" in page
    assert "lou@exemple.fr" in page  # the leader sees where the invitation went
    assert "<caption>" in page


@pytest.mark.parametrize(
    ("champs", "champ_id", "message"),
    [
        ({"email": "pas-une-adresse"}, "id_email", "adresse électronique n'est pas valide"),
        ({"email": "porteur@exemple.fr"}, "id_email", "C'est votre propre adresse"),
        ({"email": "PORTEUR@exemple.fr"}, "id_email", "C'est votre propre adresse"),
        ({"prenom": ""}, "id_prenom", "Indiquez le prénom."),
        ({"role": "x" * 101}, "id_role", "100 caractères au plus"),
    ],
)
def test_bad_invitation_is_refused_next_to_the_field_and_input_kept(
    client, acteurs_jeu, django_capture_on_commit_callbacks, champs, champ_id, message
):
    client.force_login(acteurs_jeu.porteur)
    reponse = inviter(client, acteurs_jeu.brouillon, django_capture_on_commit_callbacks, **champs)
    assert reponse.status_code == 200
    page = texte(reponse)
    assert message in page
    assert f"{champ_id}_erreur" in page and 'aria-invalid="true"' in page
    assert 'value="Lacombe"' in page  # what was typed is kept
    assert not MembreEquipe.objects.filter(est_porteur=False).exists()
    assert mail.outbox == []


def test_same_email_twice_is_refused(client, acteurs_jeu, django_capture_on_commit_callbacks):
    client.force_login(acteurs_jeu.porteur)
    inviter(client, acteurs_jeu.brouillon, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    reponse = inviter(
        client,
        acteurs_jeu.brouillon,
        django_capture_on_commit_callbacks,
        email="ZOE.lacombe@exemple.fr",
    )
    assert reponse.status_code == 200
    assert "Cette personne est déjà invitée dans l'équipe." in texte(reponse)
    assert MembreEquipe.objects.filter(est_porteur=False).count() == 1
    assert mail.outbox == []


def test_at_most_eight_members(client, acteurs_jeu, django_capture_on_commit_callbacks):
    brouillon = acteurs_jeu.brouillon
    for n in range(services.MEMBRES_MAX):
        membre_invite(brouillon, f"membre{n}@exemple.fr")
    client.force_login(acteurs_jeu.porteur)
    page = texte(client.get(url_equipe(brouillon)))
    assert "Votre équipe est complète" in page
    reponse = inviter(client, brouillon, django_capture_on_commit_callbacks)
    assert reponse.status_code == 409
    assert "L'équipe compte déjà 8 membres en plus de vous" in texte(reponse)
    assert MembreEquipe.objects.filter(est_porteur=False).count() == services.MEMBRES_MAX
    assert mail.outbox == []


def test_only_the_leader_invites(
    client, fabrique_jeu, acteurs_jeu, django_capture_on_commit_callbacks
):
    brouillon = acteurs_jeu.brouillon
    compte = fabrique_jeu.compte("max@exemple.fr")
    membre_rejoint(brouillon, compte)
    client.force_login(compte)
    page = client.get(url_equipe(brouillon))
    assert page.status_code == 200
    assert "Seul·e le porteur ou la porteuse du projet peut inviter" in texte(page)
    assert 'name="email"' not in texte(page)
    reponse = inviter(client, brouillon, django_capture_on_commit_callbacks)
    assert reponse.status_code == 404
    assert MembreEquipe.objects.filter(candidature=brouillon).count() == 2
    assert mail.outbox == []


def test_no_invitation_once_submitted(
    client, fabrique_jeu, acteurs_jeu, django_capture_on_commit_callbacks
):
    depose = fabrique_jeu.candidature(acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.DEPOSE)
    client.force_login(acteurs_jeu.porteur)
    assert "ne peut plus être modifiée" in texte(client.get(url_equipe(depose)))
    mail.outbox.clear()
    reponse = inviter(client, depose, django_capture_on_commit_callbacks)
    assert reponse.status_code == 409
    assert not MembreEquipe.objects.filter(candidature=depose, est_porteur=False).exists()
    assert mail.outbox == []


def test_invitation_allowed_again_when_a_complement_is_requested(
    client, fabrique_jeu, acteurs_jeu, django_capture_on_commit_callbacks
):
    dossier = fabrique_jeu.candidature(
        acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.COMPLEMENT_DEMANDE
    )
    client.force_login(acteurs_jeu.porteur)
    mail.outbox.clear()
    assert inviter(client, dossier, django_capture_on_commit_callbacks).status_code == 302
    assert len(mail.outbox) == 1


# --- Re-sending and removing -------------------------------------------------------------------


def test_resend_at_most_every_ten_minutes(client, acteurs_jeu, django_capture_on_commit_callbacks):
    brouillon = acteurs_jeu.brouillon
    client.force_login(acteurs_jeu.porteur)
    url = None
    with time_machine.travel(timezone.now(), tick=False) as voyage:
        inviter(client, brouillon, django_capture_on_commit_callbacks)
        membre = MembreEquipe.objects.get(est_porteur=False)
        url = reverse(
            "jeunesse:membre_renvoyer", kwargs={"reference": brouillon.reference, "pk": membre.pk}
        )
        voyage.shift(datetime.timedelta(minutes=9))
        with django_capture_on_commit_callbacks(execute=True):
            reponse = client.post(url, follow=True)
        assert "vient d'être envoyée" in texte(reponse)
        assert len(mail.outbox) == 1

        voyage.shift(datetime.timedelta(minutes=2))
        with django_capture_on_commit_callbacks(execute=True):
            reponse = client.post(url, follow=True)
        assert "L'invitation est renvoyée à zoe.lacombe@exemple.fr." in texte(reponse)
        assert len(mail.outbox) == 2
        assert mail.outbox[1].to == ["zoe.lacombe@exemple.fr"]
        membre.refresh_from_db()
        assert membre.invite_le == timezone.now()


def test_resend_refused_for_a_member_who_joined(
    client, fabrique_jeu, acteurs_jeu, django_capture_on_commit_callbacks
):
    brouillon = acteurs_jeu.brouillon
    membre = membre_rejoint(brouillon, fabrique_jeu.compte("max@exemple.fr"))
    MembreEquipe.objects.filter(pk=membre.pk).update(
        invite_le=timezone.now() - datetime.timedelta(days=1)
    )
    client.force_login(acteurs_jeu.porteur)
    url = reverse(
        "jeunesse:membre_renvoyer", kwargs={"reference": brouillon.reference, "pk": membre.pk}
    )
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(url, follow=True)
    assert "a déjà rejoint l'équipe" in texte(reponse)
    assert mail.outbox == []


def test_leader_removes_a_member_after_confirmation(client, fabrique_jeu, acteurs_jeu):
    brouillon = acteurs_jeu.brouillon
    membre = membre_rejoint(brouillon, fabrique_jeu.compte("max@exemple.fr"), prenom="Max")
    Candidature.objects.filter(pk=brouillon.pk).update(en_equipe=True)
    client.force_login(acteurs_jeu.porteur)
    url = reverse(
        "jeunesse:membre_retirer", kwargs={"reference": brouillon.reference, "pk": membre.pk}
    )
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert "Retirer Max Lacombe de l'équipe ?" in texte(confirmation)
    assert MembreEquipe.objects.filter(pk=membre.pk).exists()

    reponse = client.post(url)
    assert reponse.status_code == 302
    assert not MembreEquipe.objects.filter(pk=membre.pk).exists()
    brouillon.refresh_from_db()
    assert brouillon.en_equipe is False


def test_the_leader_row_cannot_be_removed(client, acteurs_jeu):
    brouillon = acteurs_jeu.brouillon
    porteur = MembreEquipe.objects.get(candidature=brouillon, est_porteur=True)
    client.force_login(acteurs_jeu.porteur)
    url = reverse(
        "jeunesse:membre_retirer", kwargs={"reference": brouillon.reference, "pk": porteur.pk}
    )
    assert client.post(url).status_code == 404
    assert MembreEquipe.objects.filter(pk=porteur.pk).exists()


# --- Joining -----------------------------------------------------------------------------------


def test_invited_person_joins_with_the_invited_address(client, fabrique_jeu, acteurs_jeu):
    brouillon = acteurs_jeu.brouillon
    membre = membre_invite(brouillon, "Zoe.Lacombe@Exemple.fr")
    compte = fabrique_jeu.compte("zoe.lacombe@exemple.fr")
    url = reverse("jeunesse:invitation", kwargs={"jeton": membre.jeton_invitation})
    client.force_login(compte)
    page = client.get(url)
    assert page.status_code == 200
    contenu = texte(page)
    assert "Léa Delmas vous invite" in contenu
    assert 'value="Communication"' in contenu  # the role proposed by the leader

    reponse = client.post(url, adhesion())
    assert reponse.status_code == 302
    assert reponse.url == url_equipe(brouillon)
    membre.refresh_from_db()
    assert membre.utilisateur == compte
    assert membre.accepte_le is not None
    assert membre.date_naissance == datetime.date(2006, 4, 2)
    assert membre.lien_lot == LienLot.HABITE
    assert membre.role == "Trésorerie"
    suite = client.get(reponse.url)
    assert suite.status_code == 200
    assert "Bienvenue dans l'équipe" in texte(suite)
    assert "Quitter l'équipe" in texte(suite)


def test_french_date_format_is_accepted(client, fabrique_jeu, acteurs_jeu):
    membre = membre_invite(acteurs_jeu.brouillon)
    client.force_login(fabrique_jeu.compte("zoe.lacombe@exemple.fr"))
    url = reverse("jeunesse:invitation", kwargs={"jeton": membre.jeton_invitation})
    assert client.post(url, adhesion(date_naissance="02/04/2006")).status_code == 302
    membre.refresh_from_db()
    assert membre.date_naissance == datetime.date(2006, 4, 2)


def test_another_account_is_refused_with_a_clear_message(client, fabrique_jeu, acteurs_jeu):
    membre = membre_invite(acteurs_jeu.brouillon)
    url = reverse("jeunesse:invitation", kwargs={"jeton": membre.jeton_invitation})
    client.force_login(acteurs_jeu.autre)
    for reponse in (client.get(url), client.post(url, adhesion())):
        assert reponse.status_code == 403
        assert (
            "Cette invitation a été envoyée à z…@exemple.fr : connectez-vous avec cette adresse."
            in texte(reponse)
        )
    membre.refresh_from_db()
    assert membre.accepte_le is None and membre.utilisateur is None


def test_unverified_invited_address_is_not_enough(client, fabrique_jeu, acteurs_jeu):
    from allauth.account.models import EmailAddress

    membre = membre_invite(acteurs_jeu.brouillon)
    compte = fabrique_jeu.compte("autre.adresse@exemple.fr")
    EmailAddress.objects.create(user=compte, email="zoe.lacombe@exemple.fr", verified=False)
    client.force_login(compte)
    url = reverse("jeunesse:invitation", kwargs={"jeton": membre.jeton_invitation})
    assert client.post(url, adhesion()).status_code == 403
    membre.refresh_from_db()
    assert membre.accepte_le is None


def test_anonymous_is_sent_to_login_with_next(client, acteurs_jeu):
    membre = membre_invite(acteurs_jeu.brouillon)
    url = reverse("jeunesse:invitation", kwargs={"jeton": membre.jeton_invitation})
    reponse = client.get(url)
    assert reponse.status_code == 302
    assert reponse.url.startswith(reverse("account_login"))
    assert f"next={url}".replace("/", "%2F") in reponse.url or f"next={url}" in reponse.url


def test_used_or_unknown_token_gives_a_friendly_404(client, fabrique_jeu, acteurs_jeu):
    compte = fabrique_jeu.compte("max@exemple.fr")
    membre = membre_rejoint(acteurs_jeu.brouillon, compte)
    client.force_login(compte)
    for jeton in (membre.jeton_invitation, "inconnu-" + "x" * 20):
        url = reverse("jeunesse:invitation", kwargs={"jeton": jeton})
        for reponse in (client.get(url), client.post(url, adhesion())):
            assert reponse.status_code == 404
            assert "Invitation introuvable" in texte(reponse)


def test_the_leader_token_is_never_an_invitation(client, acteurs_jeu):
    porteur = MembreEquipe.objects.get(candidature=acteurs_jeu.brouillon, est_porteur=True)
    MembreEquipe.objects.filter(pk=porteur.pk).update(accepte_le=None)
    client.force_login(acteurs_jeu.porteur)
    url = reverse("jeunesse:invitation", kwargs={"jeton": porteur.jeton_invitation})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("champs", "champ_id", "message"),
    [
        ({"date_naissance": "31/02/2006"}, "id_date_naissance", "Cette date n'est pas valide"),
        ({"date_naissance": "2090-01-01"}, "id_date_naissance", "doit être passée"),
        ({"date_naissance": ""}, "id_date_naissance", "Indiquez votre date de naissance."),
        ({"lien_lot": ""}, "id_lien_lot", "Choisissez votre lien avec le Lot."),
        ({"lien_lot": "lune"}, "id_lien_lot", "Choisissez l'une des réponses proposées."),
        ({"role": ""}, "id_role", "Indiquez votre rôle dans le projet."),
    ],
)
def test_bad_joining_input_is_refused_and_kept(
    client, fabrique_jeu, acteurs_jeu, champs, champ_id, message
):
    membre = membre_invite(acteurs_jeu.brouillon)
    client.force_login(fabrique_jeu.compte("zoe.lacombe@exemple.fr"))
    url = reverse("jeunesse:invitation", kwargs={"jeton": membre.jeton_invitation})
    reponse = client.post(url, adhesion(**champs))
    assert reponse.status_code == 200
    page = texte(reponse)
    assert message in page
    assert f"{champ_id}_erreur" in page
    if "role" not in champs:
        assert 'value="Trésorerie"' in page
    membre.refresh_from_db()
    assert membre.accepte_le is None


def test_ineligible_member_is_warned_but_joins(client, fabrique_jeu, acteurs_jeu):
    membre = membre_invite(acteurs_jeu.brouillon)
    client.force_login(fabrique_jeu.compte("zoe.lacombe@exemple.fr"))
    url = reverse("jeunesse:invitation", kwargs={"jeton": membre.jeton_invitation})
    reponse = client.post(
        url, adhesion(date_naissance="1980-01-01", lien_lot=LienLot.AUCUN), follow=True
    )
    page = texte(reponse)
    assert "Attention : L'appel est réservé aux 30 ans au plus" in page
    assert "Il faut un lien avec le Lot" in page
    membre.refresh_from_db()
    assert membre.accepte_le is not None
    # The leader sees the warning next to the member too.
    client.force_login(acteurs_jeu.porteur)
    equipe = texte(client.get(url_equipe(acteurs_jeu.brouillon)))
    assert "réservé aux 30 ans au plus" in equipe


def test_joining_is_closed_once_submitted(client, fabrique_jeu, acteurs_jeu):
    depose = fabrique_jeu.candidature(acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.DEPOSE)
    membre = membre_invite(depose)
    client.force_login(fabrique_jeu.compte("zoe.lacombe@exemple.fr"))
    url = reverse("jeunesse:invitation", kwargs={"jeton": membre.jeton_invitation})
    assert "il n'est plus possible de rejoindre" in texte(client.get(url))
    assert client.post(url, adhesion()).status_code == 409
    membre.refresh_from_db()
    assert membre.accepte_le is None


# --- A joined member: corrects, leaves ---------------------------------------------------------


def test_member_corrects_their_details(client, fabrique_jeu, acteurs_jeu):
    compte = fabrique_jeu.compte("max@exemple.fr")
    membre = membre_rejoint(acteurs_jeu.brouillon, compte)
    client.force_login(compte)
    url = reverse(
        "jeunesse:equipe_mes_informations", kwargs={"reference": acteurs_jeu.brouillon.reference}
    )
    assert 'value="2005-03-01"' in texte(client.get(url))
    assert client.post(url, adhesion(date_naissance="2004-07-14")).status_code == 302
    membre.refresh_from_db()
    assert membre.date_naissance == datetime.date(2004, 7, 14)
    assert membre.role == "Trésorerie"
    erreur = client.post(url, adhesion(date_naissance="demain"))
    assert "Cette date n'est pas valide" in texte(erreur)
    # The leader's own details are in the application's « moi » section, not here.
    client.force_login(acteurs_jeu.porteur)
    assert client.get(url).status_code == 404


def test_member_leaves_the_team_and_the_leader_is_told(
    client, fabrique_jeu, acteurs_jeu, django_capture_on_commit_callbacks
):
    brouillon = acteurs_jeu.brouillon
    compte = fabrique_jeu.compte("max@exemple.fr", first_name="Max", last_name="Vidal")
    membre = membre_rejoint(brouillon, compte, prenom="Max", nom="Vidal")
    Candidature.objects.filter(pk=brouillon.pk).update(en_equipe=True)
    client.force_login(compte)
    url = reverse("jeunesse:equipe_quitter", kwargs={"reference": brouillon.reference})
    assert "Quitter l'équipe du projet" in texte(client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(url)
    assert reponse.status_code == 302
    assert not MembreEquipe.objects.filter(pk=membre.pk).exists()
    brouillon.refresh_from_db()
    assert brouillon.en_equipe is False
    assert [c.to for c in mail.outbox] == [["porteur@exemple.fr"]]
    assert "Max Vidal a quitté l'équipe" in mail.outbox[0].subject
    assert client.get(url_equipe(brouillon)).status_code == 404


def test_member_cannot_leave_a_submitted_application(client, fabrique_jeu, acteurs_jeu):
    depose = fabrique_jeu.candidature(acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.DEPOSE)
    compte = fabrique_jeu.compte("max@exemple.fr")
    membre = membre_rejoint(depose, compte)
    client.force_login(compte)
    url = reverse("jeunesse:equipe_quitter", kwargs={"reference": depose.reference})
    assert client.post(url).status_code == 409
    assert MembreEquipe.objects.filter(pk=membre.pk).exists()


def test_invitation_link_in_the_email_opens_the_joining_form(
    client, fabrique_jeu, acteurs_jeu, django_capture_on_commit_callbacks
):
    client.force_login(acteurs_jeu.porteur)
    inviter(client, acteurs_jeu.brouillon, django_capture_on_commit_callbacks)
    chemin = re.search(r"https?://[^/\s]+(/jeunesse/invitation/[^/\s]+/)", mail.outbox[0].body)
    client.force_login(fabrique_jeu.compte("zoe.lacombe@exemple.fr"))
    assert client.get(chemin.group(1)).status_code == 200
