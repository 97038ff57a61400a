"""Unsubscribing from the follow-ups: page, button, one-click (RFC 8058), bad links."""

import pytest
from django.test import Client

from accueil.models import ModeleRelance, Relance
from accueil.notifications import jeton_desinscription
from accueil.services import relances as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def parcours(fabrique):
    fabrique.modele_relance(code="j7", declencheur=ModeleRelance.Declencheur.INSCRIPTION)
    parcours = fabrique.parcours(prenom="Léa")
    services.relances_planifier(parcours=parcours)
    return parcours


def _url(parcours):
    return f"/accueil/desinscription/{jeton_desinscription(parcours)}/"


def test_get_asks_for_confirmation_and_changes_nothing(client, parcours):
    reponse = client.get(_url(parcours))
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert "Ne plus recevoir ces courriels" in html
    assert '<form class="formulaire" method="post">' in html
    parcours.refresh_from_db()
    assert parcours.relances_refusees is False
    assert Relance.objects.get().statut == Relance.Statut.PREVUE


def test_post_from_the_page_unsubscribes_and_cancels_pending_follow_ups(parcours):
    client = Client(enforce_csrf_checks=True)
    page = client.get(_url(parcours))
    jeton_csrf = page.context["csrf_token"]
    reponse = client.post(_url(parcours), {"csrfmiddlewaretoken": str(jeton_csrf)})
    assert reponse.status_code == 200
    assert "Désinscription confirmée" in reponse.content.decode()
    parcours.refresh_from_db()
    assert parcours.relances_refusees is True
    relance = Relance.objects.get()
    assert relance.statut == Relance.Statut.ANNULEE
    assert relance.motif_annulation == services.MOTIF_DESINSCRIPTION


def test_one_click_post_from_a_mail_client_without_csrf_token(parcours):
    client = Client(enforce_csrf_checks=True)
    reponse = client.post(
        _url(parcours),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert reponse.status_code == 200
    parcours.refresh_from_db()
    assert parcours.relances_refusees is True
    # Twice is harmless.
    assert (
        client.post(
            _url(parcours),
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        ).status_code
        == 200
    )
    assert "déjà désinscrit" in client.get(_url(parcours)).content.decode()


def test_no_follow_up_is_planned_after_unsubscribing(client, parcours):
    client.post(_url(parcours))
    parcours.refresh_from_db()
    services.relances_planifier(parcours=parcours)
    assert not Relance.objects.filter(statut=Relance.Statut.PREVUE).exists()


@pytest.mark.parametrize("jeton", ["nimporte-quoi", "a" * 300, "e30:1abc:xyz", "%00%ff"])
def test_a_tampered_token_is_a_french_400(client, parcours, jeton):
    reponse = client.get(f"/accueil/desinscription/{jeton}/")
    assert reponse.status_code == 400
    assert "Lien de désinscription invalide" in reponse.content.decode()
    assert client.post(f"/accueil/desinscription/{jeton}/").status_code == 400
    parcours.refresh_from_db()
    assert parcours.relances_refusees is False


def test_a_token_of_a_deleted_file_is_a_french_404(client, parcours):
    url = _url(parcours)
    parcours.delete()
    reponse = client.post(url)
    assert reponse.status_code == 404
    assert "Lien de désinscription expiré" in reponse.content.decode()


def test_a_token_of_one_file_only_touches_that_file(client, parcours, fabrique):
    autre = fabrique.parcours()
    services.relances_planifier(parcours=autre)
    client.post(_url(parcours))
    autre.refresh_from_db()
    assert autre.relances_refusees is False
    assert Relance.objects.get(parcours=autre).statut == Relance.Statut.PREVUE
