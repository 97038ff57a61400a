"""Permission matrix of the « equipe » URLs: every actor against every URL, GET and POST.

The application is in « complément demandé »: editable AND submitted, so every feature is
open to those allowed; whoever else gets a 404 (anonymous: the login page)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import Affectation, CommentaireMentor, MembreEquipe, Mentor, Message
from jeunesse.models.choix import LienLot, Statut, TypeMentor

ACTEURS = (
    "anonyme",
    "porteur",
    "membre",
    "autre",
    "mentor",
    "jure",
    "jure_sans_affectation",
    "jure_en_conflit",
    "instructeur",
    "staff_sans_droit",
)
LOGIN = "login"


class Monde:
    pass


@pytest.fixture
def monde(fabrique_jeu, acteurs_jeu):
    m = Monde()
    m.dossier = fabrique_jeu.candidature(
        acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.COMPLEMENT_DEMANDE
    )
    m.comptes = {
        "anonyme": None,
        "porteur": acteurs_jeu.porteur,
        "membre": fabrique_jeu.compte("max@exemple.fr"),
        "autre": acteurs_jeu.autre,
        "mentor": fabrique_jeu.compte("sami@pij.fr"),
        "jure": acteurs_jeu.jure,
        "jure_sans_affectation": fabrique_jeu.jure(acteurs_jeu.appel),
        "jure_en_conflit": fabrique_jeu.jure(acteurs_jeu.appel),
        "instructeur": acteurs_jeu.instructeur,
        "staff_sans_droit": acteurs_jeu.staff_sans_droit,
    }
    Affectation.objects.create(candidature=m.dossier, jure=acteurs_jeu.jure)
    Affectation.objects.create(
        candidature=m.dossier, jure=m.comptes["jure_en_conflit"], conflit=True
    )
    m.membre = MembreEquipe.objects.create(
        candidature=m.dossier,
        utilisateur=m.comptes["membre"],
        prenom="Max",
        nom="Vidal",
        email="max@exemple.fr",
        date_naissance=datetime.date(2005, 1, 1),
        lien_lot=LienLot.HABITE,
        invite_le=timezone.now(),
        accepte_le=timezone.now(),
    )
    m.invite = MembreEquipe.objects.create(
        candidature=m.dossier,
        prenom="Lou",
        nom="Bru",
        email="lou@exemple.fr",
        invite_le=timezone.now() - datetime.timedelta(hours=1),
    )
    m.mentor = Mentor.objects.create(
        candidature=m.dossier,
        utilisateur=m.comptes["mentor"],
        email="sami@pij.fr",
        nom="Sami",
        type_mentor=TypeMentor.PIJ,
        accepte_le=timezone.now(),
    )
    m.mentor_invite = Mentor.objects.create(
        candidature=m.dossier, email="noe@ml.fr", nom="Noé", type_mentor=TypeMentor.AUTRE
    )
    Mentor.objects.filter(pk=m.mentor_invite.pk).update(
        invite_le=timezone.now() - datetime.timedelta(hours=1)
    )
    return m


def url(nom, monde, **kwargs):
    return reverse(f"jeunesse:{nom}", kwargs={"reference": monde.dossier.reference, **kwargs})


def verifier(client, monde, methode, adresse, attendus, donnees=None, ordre=ACTEURS):
    """Request ``adresse`` as each actor; ``attendus`` maps an actor to its status (404 for
    the others, the login page for anonymous). Allowed actors go last (writes)."""
    ecarts = []
    for acteur in sorted(ordre, key=lambda a: a in attendus):
        compte = monde.comptes[acteur]
        client.logout()
        if compte is not None:
            # The fixtures re-save some accounts (password hash): log in the stored one.
            compte.refresh_from_db()
            client.force_login(compte)
        reponse = getattr(client, methode)(adresse, donnees or {})
        attendu = attendus.get(acteur, LOGIN if compte is None else 404)
        if attendu == LOGIN:
            ok = reponse.status_code == 302 and reponse.url.startswith(reverse("account_login"))
        else:
            ok = reponse.status_code == attendu
        if not ok:
            ecarts.append((acteur, methode, reponse.status_code, attendu))
    assert ecarts == []


def test_equipe(client, monde):
    verifier(client, monde, "get", url("equipe", monde), {"porteur": 200, "membre": 200})
    donnees = {"prenom": "A", "nom": "B", "email": "ab@exemple.fr", "role": "Son"}
    verifier(client, monde, "post", url("equipe", monde), {"porteur": 302}, donnees)
    assert MembreEquipe.objects.filter(candidature=monde.dossier).count() == 4


def test_membre_renvoyer(client, monde):
    adresse = url("membre_renvoyer", monde, pk=monde.invite.pk)
    tous_405 = dict.fromkeys(ACTEURS, 405)
    verifier(client, monde, "get", adresse, tous_405)
    verifier(client, monde, "post", adresse, {"porteur": 302})


def test_membre_retirer(client, monde):
    adresse = url("membre_retirer", monde, pk=monde.invite.pk)
    verifier(client, monde, "get", adresse, {"porteur": 200})
    verifier(client, monde, "post", adresse, {"porteur": 302})
    assert not MembreEquipe.objects.filter(pk=monde.invite.pk).exists()


def test_mes_informations(client, monde):
    adresse = url("equipe_mes_informations", monde)
    verifier(client, monde, "get", adresse, {"membre": 200})
    donnees = {"date_naissance": "2005-01-01", "lien_lot": LienLot.NE, "role": "Son"}
    verifier(client, monde, "post", adresse, {"membre": 302}, donnees)
    monde.membre.refresh_from_db()
    assert monde.membre.lien_lot == LienLot.NE


def test_equipe_quitter(client, monde):
    adresse = url("equipe_quitter", monde)
    verifier(client, monde, "get", adresse, {"membre": 200})
    verifier(client, monde, "post", adresse, {"membre": 302})
    assert not MembreEquipe.objects.filter(pk=monde.membre.pk).exists()


def test_accompagnement(client, monde):
    adresse = url("accompagnement", monde)
    verifier(client, monde, "get", adresse, {"porteur": 200, "membre": 200, "mentor": 200})
    verifier(
        client,
        monde,
        "post",
        adresse,
        {"porteur": 302},
        {"nom": "C", "email": "c@pij.fr", "type_mentor": TypeMentor.PIJ},
        ordre=[a for a in ACTEURS if a not in ("membre", "mentor")],
    )
    # The leader's invitation went through; make room under the maximum of 3.
    assert Mentor.objects.filter(email="c@pij.fr").delete()[0] == 1
    verifier(
        client,
        monde,
        "post",
        adresse,
        {"membre": 302},
        {"nom": "D", "email": "d@pij.fr", "type_mentor": TypeMentor.PIJ},
        ordre=["membre"],
    )
    verifier(client, monde, "post", adresse, {"mentor": 302}, {"texte": "Bien"}, ["mentor"])
    assert Mentor.objects.filter(candidature=monde.dossier).count() == 3
    assert CommentaireMentor.objects.get().auteur == monde.comptes["mentor"]


def test_mentor_renvoyer(client, monde):
    adresse = url("mentor_renvoyer", monde, pk=monde.mentor_invite.pk)
    verifier(client, monde, "get", adresse, dict.fromkeys(ACTEURS, 405))
    verifier(client, monde, "post", adresse, {"porteur": 302, "membre": 302})


def test_mentor_retirer(client, monde):
    adresse = url("mentor_retirer", monde, pk=monde.mentor_invite.pk)
    verifier(client, monde, "get", adresse, {"porteur": 200, "membre": 200})
    # The leader could revoke too (same rule as the member): left out so the member's
    # request finds the row.
    sauf_porteur = [a for a in ACTEURS if a != "porteur"]
    verifier(client, monde, "post", adresse, {"membre": 302}, ordre=sauf_porteur)
    assert not Mentor.objects.filter(pk=monde.mentor_invite.pk).exists()


def test_messages(client, monde):
    adresse = url("messages", monde)
    verifier(client, monde, "get", adresse, {"porteur": 200, "membre": 200})
    verifier(client, monde, "post", adresse, {"porteur": 302, "membre": 302}, {"texte": "Bonjour"})
    assert Message.objects.filter(candidature=monde.dossier).count() == 2


def test_invitation_membre(client, monde):
    adresse = reverse("jeunesse:invitation", kwargs={"jeton": monde.invite.jeton_invitation})
    autres = {a: 403 for a in ACTEURS if a != "anonyme"}
    verifier(client, monde, "get", adresse, autres)
    verifier(client, monde, "post", adresse, autres, {"lien_lot": LienLot.HABITE})
    monde.invite.refresh_from_db()
    assert monde.invite.accepte_le is None


def test_invitation_mentor(client, monde):
    adresse = reverse(
        "jeunesse:invitation_mentor", kwargs={"jeton": monde.mentor_invite.jeton_invitation}
    )
    autres = {a: 403 for a in ACTEURS if a != "anonyme"}
    verifier(client, monde, "get", adresse, autres)
    verifier(client, monde, "post", adresse, autres)
    monde.mentor_invite.refresh_from_db()
    assert monde.mentor_invite.accepte_le is None


def test_mes_accompagnements(client, monde):
    adresse = reverse("jeunesse:mes_accompagnements")
    connectes = {a: 200 for a in ACTEURS if a != "anonyme"}
    verifier(client, monde, "get", adresse, connectes)
    verifier(client, monde, "post", adresse, dict.fromkeys(ACTEURS, 405))
    for acteur in connectes:
        monde.comptes[acteur].refresh_from_db()
        client.force_login(monde.comptes[acteur])
        page = client.get(adresse).content.decode()
        assert (monde.dossier.titre in page) is (acteur == "mentor"), acteur


def test_unknown_reference_is_404_for_the_team_too(client, monde):
    client.force_login(monde.comptes["porteur"])
    for nom in ("equipe", "accompagnement", "messages"):
        adresse = reverse(f"jeunesse:{nom}", kwargs={"reference": "AAP-INCONNU"})
        assert client.get(adresse).status_code == 404
    # A member of another application cannot reach this one's members by pk.
    client.force_login(monde.comptes["autre"])
    autre = MembreEquipe.objects.get(est_porteur=True, utilisateur=monde.comptes["autre"])
    adresse = reverse(
        "jeunesse:membre_retirer",
        kwargs={"reference": autre.candidature.reference, "pk": monde.invite.pk},
    )
    assert client.post(adresse).status_code == 404
    assert MembreEquipe.objects.filter(pk=monde.invite.pk).exists()
