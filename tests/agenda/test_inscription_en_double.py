"""The same email registers once per event; a double submit makes one registration."""

import pytest
from django.db import IntegrityError, transaction

from lot_portal.agenda import services
from lot_portal.agenda.models import Inscription

pytestmark = pytest.mark.django_db


def test_same_email_twice_gives_a_friendly_message(client, creer_evenement, formulaire):
    evenement = creer_evenement()
    url = evenement.url + "inscription/"
    premiere = client.post(url, formulaire())
    assert premiere.status_code == 302
    seconde = client.post(url, formulaire(email="CLAIRE.martin@exemple.fr", prenom="Autre"))
    assert seconde.status_code == 200
    html = seconde.content.decode()
    assert "Cette adresse est déjà inscrite à cet événement." in html
    assert 'value="Autre"' in html
    assert evenement.inscriptions.count() == 1


def test_double_submit_creates_one_registration(client, creer_evenement, formulaire):
    evenement = creer_evenement(capacite=10)
    for _ in range(2):
        client.post(evenement.url + "inscription/", formulaire(nombre_personnes="2"))
    assert evenement.inscriptions.count() == 1
    evenement.refresh_from_db()
    assert evenement.places_restantes == 8


def test_the_database_refuses_a_duplicate(creer_evenement, inscrire):
    evenement = creer_evenement()
    inscrire(evenement, "double@exemple.fr")
    with pytest.raises(IntegrityError), transaction.atomic():
        inscrire(evenement, "double@exemple.fr")


def test_after_cancelling_one_may_register_again(creer_evenement):
    evenement = creer_evenement()
    premiere = services.inscription_creer(
        evenement=evenement, prenom="A", nom="B", email="x@exemple.fr", nombre_personnes=1
    )
    services.inscription_annuler(inscription=premiere)
    seconde = services.inscription_creer(
        evenement=evenement, prenom="A", nom="B", email="x@exemple.fr", nombre_personnes=1
    )
    assert seconde.statut == Inscription.Statut.INSCRITE
    assert evenement.inscriptions.count() == 2


def test_same_email_on_two_events_is_fine(creer_evenement, inscrire):
    inscrire(creer_evenement(), "x@exemple.fr")
    inscrire(creer_evenement(), "x@exemple.fr")
    assert Inscription.objects.filter(email="x@exemple.fr").count() == 2
