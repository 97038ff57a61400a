"""Supporting an idea: one vote per account (database constraint, race-safe), toggle,
no support for one's own or a hidden idea, POST only, safe redirects, JSON for the script."""

from unittest import mock

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from jeunesse.models import Idee, Vote
from jeunesse.models.choix import STATUTS_IDEE_VISIBLES, StatutIdee
from jeunesse.services import idees as services

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def monde(fabrique_jeu):
    class Monde:
        pass

    m = Monde()
    m.auteur = fabrique_jeu.compte("autrice@exemple.fr")
    m.jeune = fabrique_jeu.compte("soutien@exemple.fr")
    m.idee = Idee.objects.create(
        auteur=m.auteur,
        titre="Un festival des idées",
        description="Un week-end pour inventer la marque ensemble à Cahors.",
        categorie="evenement",
        statut=StatutIdee.PUBLIEE,
    )
    m.url = reverse("jeunesse:idee_soutenir", args=[m.idee.pk])
    return m


def test_the_vote_is_unique_per_account_in_the_database(monde):
    Vote.objects.create(idee=monde.idee, utilisateur=monde.jeune)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(idee=monde.idee, utilisateur=monde.jeune)


def test_support_then_withdraw(client, monde):
    client.force_login(monde.jeune)
    reponse = client.post(monde.url)
    assert reponse.status_code == 302
    assert reponse["Location"] == monde.idee.get_absolute_url()
    assert Vote.objects.filter(idee=monde.idee, utilisateur=monde.jeune).count() == 1
    page = client.get(monde.idee.get_absolute_url())
    assert "Vous soutenez l&#x27;idée" in page.content.decode()
    assert 'aria-pressed="true"' in page.content.decode()
    assert "1 soutien" in page.content.decode()
    client.post(monde.url)
    assert not Vote.objects.filter(idee=monde.idee).exists()


def test_an_explicit_choice_is_idempotent(client, monde):
    """The page's button says what it wants: a double submission never undoes it."""
    client.force_login(monde.jeune)
    client.post(monde.url, {"soutien": "1"})
    client.post(monde.url, {"soutien": "1"})
    assert Vote.objects.filter(idee=monde.idee).count() == 1
    client.post(monde.url, {"soutien": "0"})
    client.post(monde.url, {"soutien": "0"})
    assert Vote.objects.filter(idee=monde.idee).count() == 0


def test_many_accounts_one_vote_each(client, monde, fabrique_jeu):
    for _ in range(3):
        client.force_login(fabrique_jeu.compte())
        client.post(monde.url, {"soutien": "1"})
    client.force_login(monde.jeune)
    reponse = client.post(monde.url, {"soutien": "1"}, **JSON)
    assert reponse.json()["nombre"] == 4


def test_a_concurrent_duplicate_is_absorbed(monde):
    """Another request inserted the vote between the check and the insert: the unique
    constraint refuses the second row and the service reports « supported »."""
    Vote.objects.create(idee=monde.idee, utilisateur=monde.jeune)  # the other request
    # This request checked before the other one inserted: it saw no vote.
    with mock.patch("django.db.models.query.QuerySet.exists", return_value=False):
        soutenue, nombre = services.soutien_basculer(idee=monde.idee, utilisateur=monde.jeune)
    assert (soutenue, nombre) == (True, 1)
    # Same with an explicit choice (the page's button).
    assert services.soutien_basculer(idee=monde.idee, utilisateur=monde.jeune, soutenir=True) == (
        True,
        1,
    )
    assert Vote.objects.filter(idee=monde.idee, utilisateur=monde.jeune).count() == 1


def test_the_author_cannot_support_their_idea(client, monde):
    client.force_login(monde.auteur)
    reponse = client.post(monde.url, follow=True)
    assert "Vous ne pouvez pas soutenir votre propre idée." in reponse.content.decode()
    assert not Vote.objects.exists()
    reponse = client.post(monde.url, **JSON)
    assert reponse.status_code == 403
    assert reponse.json() == {"erreur": "Vous ne pouvez pas soutenir votre propre idée."}
    with pytest.raises(services.PropreIdee):
        services.soutien_basculer(idee=monde.idee, utilisateur=monde.auteur)


@pytest.mark.parametrize("statut", [s for s in StatutIdee if s not in STATUTS_IDEE_VISIBLES])
def test_a_hidden_idea_is_404(client, monde, statut):
    Idee.objects.filter(pk=monde.idee.pk).update(statut=statut)
    for compte in (monde.jeune, monde.auteur):
        client.force_login(compte)
        assert client.post(monde.url).status_code == 404
        assert client.post(monde.url, **JSON).status_code == 404
    assert not Vote.objects.exists()
    monde.idee.refresh_from_db()
    with pytest.raises(services.IdeeNonVisible):
        services.soutien_basculer(idee=monde.idee, utilisateur=monde.jeune)


def test_an_unknown_idea_is_404(client, monde):
    client.force_login(monde.jeune)
    assert client.post(reverse("jeunesse:idee_soutenir", args=[999999])).status_code == 404


def test_anonymous_goes_to_login_then_back_to_the_idea(client, monde):
    reponse = client.post(monde.url)
    assert reponse.status_code == 302
    assert reponse["Location"] == (
        f"{reverse('account_login')}?next=/jeunesse/idees/{monde.idee.pk}/"
    )
    assert not Vote.objects.exists()


def test_an_unverified_account_must_confirm_its_address(client, monde, fabrique_jeu):
    client.force_login(fabrique_jeu.compte("pas.verifie@exemple.fr", email_verifie=False))
    reponse = client.post(monde.url)
    assert reponse["Location"] == reverse("account_email")
    assert not Vote.objects.exists()


@pytest.mark.parametrize("methode", ["get", "put", "delete"])
def test_only_post_is_allowed(client, monde, methode):
    client.force_login(monde.jeune)
    assert getattr(client, methode)(monde.url).status_code == 405
    client.logout()
    assert getattr(client, methode)(monde.url).status_code == 405
    assert not Vote.objects.exists()


@pytest.mark.parametrize(
    ("suivant", "attendu"),
    [
        ("/jeunesse/idees/?tri=soutiens&page=2", "/jeunesse/idees/?tri=soutiens&page=2"),
        ("https://pirate.example/", None),
        ("//pirate.example/", None),
        ("javascript:alert(1)", None),
        ("", None),
    ],
)
def test_the_return_address_is_checked(client, monde, suivant, attendu):
    client.force_login(monde.jeune)
    reponse = client.post(monde.url, {"next": suivant})
    assert reponse.status_code == 302
    assert reponse["Location"] == (attendu or monde.idee.get_absolute_url())


def test_json_for_the_script(client, monde):
    client.force_login(monde.jeune)
    reponse = client.post(monde.url, {"soutien": "1"}, **JSON)
    assert reponse.status_code == 200
    assert reponse.json() == {
        "soutenue": True,
        "nombre": 1,
        "message": "Vous soutenez l'idée « Un festival des idées ».",
    }
    reponse = client.post(monde.url, {"soutien": "0"}, **JSON)
    assert reponse.json()["soutenue"] is False
    assert reponse.json()["nombre"] == 0


@pytest.mark.parametrize("ecran", ["detail", "liste"])
def test_the_rendered_button_carries_the_csrf_token(monde, ecran):
    """A browser enforces CSRF: the form of the page must carry the token."""
    import re

    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(monde.jeune)
    assert client.post(monde.url).status_code == 403  # no token
    adresse = monde.idee.get_absolute_url() if ecran == "detail" else reverse("jeunesse:idees")
    contenu = client.get(adresse).content.decode()
    formulaire = re.search(rf'<form[^>]*action="{monde.url}".*?</form>', contenu, re.S).group(0)
    jeton = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', formulaire).group(1)
    reponse = client.post(monde.url, {"csrfmiddlewaretoken": jeton, "soutien": "1"})
    assert reponse.status_code == 302
    assert Vote.objects.filter(idee=monde.idee, utilisateur=monde.jeune).exists()


def test_the_detail_page_for_each_reader(client, monde, fabrique_jeu):
    Idee.objects.filter(pk=monde.idee.pk).update(
        statut=StatutIdee.RETENUE, reponse="Nous la retenons pour 2027."
    )
    url = monde.idee.get_absolute_url()
    contenu = client.get(url).content.decode()
    assert "La réponse du Département" in contenu and "Nous la retenons pour 2027." in contenu
    assert "Connectez-vous pour soutenir" in contenu
    client.force_login(monde.auteur)
    contenu = client.get(url).content.decode()
    assert "C'est votre idée" in contenu and "aria-pressed" not in contenu
    client.force_login(monde.jeune)
    contenu = client.get(url).content.decode()
    assert 'aria-pressed="false"' in contenu
    assert f'action="{monde.url}"' in contenu
