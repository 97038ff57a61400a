"""Past, closed, cancelled or late: the event refuses registrations, even by POST."""

from datetime import timedelta
from html import unescape

import pytest
from django.core import mail
from django.utils import timezone

pytestmark = pytest.mark.django_db

CAS = [
    ({"debut": timezone.now() - timedelta(days=3)}, "Cet événement a déjà eu lieu"),
    ({"inscriptions_ouvertes": False}, "Les inscriptions en ligne ne sont pas ouvertes."),
    ({"annule": True}, "Cet événement est annulé"),
    (
        {"date_limite_inscription": timezone.now() - timedelta(hours=1)},
        "La date limite d'inscription est dépassée",
    ),
]


@pytest.mark.parametrize(("champs", "message"), CAS, ids=["passe", "fermees", "annule", "limite"])
def test_closed_event_refuses_get_and_post(client, creer_evenement, formulaire, champs, message):
    evenement = creer_evenement(**champs)
    url = evenement.url + "inscription/"
    formulaire_get = client.get(url)
    assert formulaire_get.status_code == 200
    assert message in unescape(formulaire_get.content.decode())
    assert "csrfmiddlewaretoken" not in unescape(formulaire_get.content.decode())

    envoi = client.post(url, formulaire())
    assert envoi.status_code == 403
    assert message in unescape(envoi.content.decode())
    assert evenement.inscriptions.count() == 0
    assert mail.outbox == []


def test_past_event_page_stays_readable(client, creer_evenement):
    evenement = creer_evenement(debut=timezone.now() - timedelta(days=30), capacite=10)
    reponse = client.get(evenement.url)
    assert reponse.status_code == 200
    html = unescape(reponse.content.decode())
    assert evenement.title in html
    assert "Cet événement a déjà eu lieu : les inscriptions sont closes." in html
    assert "M'inscrire" not in html


def test_deadline_is_shown_while_open(client, creer_evenement):
    limite = timezone.now() + timedelta(days=2)
    evenement = creer_evenement(date_limite_inscription=limite)
    assert "jusqu'au " in unescape(client.get(evenement.url).content.decode())


def test_other_methods_are_refused_without_error(client, creer_evenement):
    evenement = creer_evenement()
    assert client.put(evenement.url + "inscription/").status_code == 405
