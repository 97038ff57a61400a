"""End to end: a welcome referent of one area sees the dashboard with that area's figures
only (accueil's ``pilotage_acces`` and ``pilotage_perimetre`` hooks at work)."""

import pytest
import time_machine
from accueil_fabrique import UtilisateurFactory, jeu_de_donnees
from django.urls import NoReverseMatch, reverse

from accueil.services.reseau import referent_droits_accorder

pytestmark = pytest.mark.django_db


@pytest.fixture
def url():
    try:
        return reverse("pilotage_tableau_de_bord")
    except NoReverseMatch:  # pragma: no cover - the dashboard is another part's
        pytest.skip("Tableau de bord du pilotage absent.")


@pytest.fixture
def donnees():
    with time_machine.travel("2026-04-15 09:00 +0200", tick=False):
        yield jeu_de_donnees()


def _page(client, url, utilisateur):
    client.force_login(utilisateur)
    with time_machine.travel("2026-04-15 09:00 +0200", tick=False):
        return client.get(url)


def test_referent_de_secteur_ne_voit_que_son_secteur(client, url, donnees):
    referent_droits_accorder(referent=donnees.r_a)
    reponse = _page(client, url, donnees.r_a.utilisateur)
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "Nouveaux arrivants" in contenu
    assert "Réseau d&#x27;accueil" in contenu or "Réseau d'accueil" in contenu
    assert "Anne Alpha (CC Alpha)" in contenu
    assert "Bruno Beta" not in contenu
    assert ">Zone non précisée<" not in contenu  # P6 (no area): not Alpha's (a row label)


def test_referent_departemental_voit_tout(client, url, donnees):
    referent_droits_accorder(referent=donnees.r_d)
    contenu = _page(client, url, donnees.r_d.utilisateur).content.decode()
    assert "Anne Alpha (CC Alpha)" in contenu
    assert "Bruno Beta (CC Beta)" in contenu
    assert ">Zone non précisée<" in contenu


def test_referent_inactif_refuse(client, url, donnees):
    referent_droits_accorder(referent=donnees.r_a)
    donnees.r_a.actif = False
    donnees.r_a.save(update_fields=["actif"])
    reponse = _page(client, url, donnees.r_a.utilisateur)
    assert reponse.status_code in (302, 403)


def test_personnel_sans_role_refuse(client, url, donnees):
    utilisateur = UtilisateurFactory(is_staff=True)
    reponse = _page(client, url, utilisateur)
    assert reponse.status_code in (302, 403)
