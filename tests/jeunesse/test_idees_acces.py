"""Who may do what in the ideas box, GET and POST, for each role against each idea.

Roles: anonymous, the author, another young person, a juror, staff outside the group, an
instructor. Ideas of the author: published, pending, refused. Refused: 404 (or the login
page for anonymous visitors on personal pages); nothing is ever changed by a refused call.
"""

import pytest
from django.urls import reverse

from jeunesse.models import Idee, Vote
from jeunesse.models.choix import StatutIdee

ROLES = ["anonyme", "auteur", "autre", "jure", "staff_sans_droit", "instructeur"]
CONNEXION = reverse("account_login")


@pytest.fixture
def monde(acteurs_jeu):
    a = acteurs_jeu
    # fabrique_jeu.amener() re-runs the instructor factory, which resets the password: the
    # in-memory object would give force_login a stale session hash (silently anonymous).
    for role in ROLES[1:]:
        if hasattr(a, role):
            getattr(a, role).refresh_from_db()
    a.auteur = a.porteur
    a.idees = {
        statut: Idee.objects.create(
            auteur=a.auteur,
            titre=f"Idée {statut}",
            description="Une idée pour faire connaître le Lot aux jeunes.",
            categorie="autre",
            statut=statut,
        )
        for statut in (StatutIdee.PUBLIEE, StatutIdee.EN_ATTENTE, StatutIdee.REFUSEE)
    }
    return a


def connecter(client, monde, role):
    if role != "anonyme":
        client.force_login(getattr(monde, role))


def etat(monde):
    return sorted(Idee.objects.values_list("pk", "statut", "reponse", "repondu_le")), sorted(
        Vote.objects.values_list("idee_id", "utilisateur_id")
    )


@pytest.mark.parametrize("role", ROLES)
def test_the_list_is_public_and_shows_only_the_published_idea(client, monde, role):
    connecter(client, monde, role)
    reponse = client.get(reverse("jeunesse:idees"))
    assert reponse.status_code == 200
    assert [i.titre for i in reponse.context["idees"]] == ["Idée publiee"]
    assert client.post(reverse("jeunesse:idees")).status_code == 405


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("statut", ["publiee", "en_attente", "refusee"])
def test_detail(client, monde, role, statut):
    connecter(client, monde, role)
    url = reverse("jeunesse:idee", args=[monde.idees[statut].pk])
    attendu = 200 if statut == "publiee" or role == "auteur" else 404
    reponse = client.get(url)
    assert reponse.status_code == attendu
    if attendu == 200 and statut != "publiee":
        assert "no-store" in reponse["Cache-Control"]
    assert client.post(url).status_code == 405


@pytest.mark.parametrize("role", ROLES)
def test_propose(client, monde, role):
    connecter(client, monde, role)
    url = reverse("jeunesse:idee_proposer")
    avant = Idee.objects.count()
    reponse = client.get(url)
    donnees = {"titre": "Un rallye", "categorie": "evenement", "description": "x" * 40}
    envoi = client.post(url, donnees)
    if role == "anonyme":
        assert reponse.status_code == 302 and reponse["Location"].startswith(CONNEXION)
        assert envoi.status_code == 302 and envoi["Location"].startswith(CONNEXION)
        assert Idee.objects.count() == avant
    else:
        assert reponse.status_code == 200
        assert envoi.status_code == 302
        nouvelle = Idee.objects.latest("pk")
        assert nouvelle.auteur == getattr(monde, role)
        assert nouvelle.statut == StatutIdee.EN_ATTENTE


@pytest.mark.parametrize("role", ROLES)
def test_my_ideas(client, monde, role):
    connecter(client, monde, role)
    url = reverse("jeunesse:mes_idees")
    reponse = client.get(url)
    assert client.post(url).status_code == 405
    if role == "anonyme":
        assert reponse.status_code == 302 and reponse["Location"].startswith(CONNEXION)
        return
    assert reponse.status_code == 200
    titres = {i.titre for i in reponse.context["idees"]}
    if role == "auteur":
        assert titres == {"Idée publiee", "Idée en_attente", "Idée refusee"}
    else:
        assert titres == set()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("statut", ["publiee", "en_attente", "refusee"])
def test_support(client, monde, role, statut):
    connecter(client, monde, role)
    objet = monde.idees[statut]
    url = reverse("jeunesse:idee_soutenir", args=[objet.pk])
    assert client.get(url).status_code == 405
    reponse = client.post(url)
    if role == "anonyme":
        assert reponse.status_code == 302 and reponse["Location"].startswith(CONNEXION)
        assert not Vote.objects.exists()
    elif statut != "publiee":
        assert reponse.status_code == 404
        assert not Vote.objects.exists()
    elif role == "auteur":
        assert reponse.status_code == 302
        assert not Vote.objects.exists()
    else:
        assert reponse.status_code == 302
        assert list(Vote.objects.values_list("idee_id", "utilisateur_id")) == [
            (objet.pk, getattr(monde, role).pk)
        ]


ADMIN = ["index", "edit", "publier", "refuser", "delete"]


@pytest.mark.parametrize("role", [r for r in ROLES if r != "instructeur"])
@pytest.mark.parametrize("vue", ADMIN)
def test_the_admin_is_refused_outside_the_group(client, monde, role, vue):
    connecter(client, monde, role)
    objet = monde.idees["en_attente"]
    url = reverse(f"jeunesse_idees:{vue}", args=[] if vue == "index" else [objet.pk])
    avant = etat(monde)
    assert client.get(url).status_code in (302, 403)
    reponse = client.post(url, {"statut": "publiee", "reponse": "Publiée par un intrus"})
    assert reponse.status_code in (302, 403)
    if reponse.status_code == 302:
        assert reponse["Location"].startswith((CONNEXION, "/admin/"))
    assert etat(monde) == avant
    assert Idee.objects.filter(pk=objet.pk).exists()


@pytest.mark.parametrize("vue", ADMIN)
@pytest.mark.parametrize("statut", ["publiee", "en_attente", "refusee"])
def test_the_instructor_reaches_every_admin_page(client, monde, vue, statut):
    client.force_login(monde.instructeur)
    objet = monde.idees[statut]
    url = reverse(f"jeunesse_idees:{vue}", args=[] if vue == "index" else [objet.pk])
    reponse = client.get(url)
    if vue in ("publier", "refuser") and statut != "en_attente":
        # Already moderated: back to the edit page with a warning.
        assert reponse.status_code == 302
        assert reponse["Location"] == reverse("jeunesse_idees:edit", args=[objet.pk])
    else:
        assert reponse.status_code == 200
