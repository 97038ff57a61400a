"""Capacity is counted in people; beyond it, registrations wait in line."""

import pytest
from django.core import mail

from lot_portal.agenda import services
from lot_portal.agenda.models import Inscription

pytestmark = pytest.mark.django_db


def _inscrire(evenement, email, personnes=1):
    return services.inscription_creer(
        evenement=evenement, prenom="Léa", nom="Fabre", email=email, nombre_personnes=personnes
    )


def test_capacity_counts_people_not_registrations(creer_evenement):
    evenement = creer_evenement(capacite=5)
    assert _inscrire(evenement, "a@exemple.fr", 3).statut == Inscription.Statut.INSCRITE
    assert _inscrire(evenement, "b@exemple.fr", 2).statut == Inscription.Statut.INSCRITE
    assert _inscrire(evenement, "c@exemple.fr", 1).statut == Inscription.Statut.ATTENTE
    evenement.refresh_from_db()
    assert evenement.places_restantes == 0
    assert evenement.complet


def test_a_group_too_big_for_the_seats_left_waits(creer_evenement):
    evenement = creer_evenement(capacite=4)
    _inscrire(evenement, "a@exemple.fr", 3)
    assert _inscrire(evenement, "b@exemple.fr", 2).statut == Inscription.Statut.ATTENTE
    # A smaller group still fits in the seat left.
    assert _inscrire(evenement, "c@exemple.fr", 1).statut == Inscription.Statut.INSCRITE


def test_unlimited_capacity_never_waits(creer_evenement):
    evenement = creer_evenement(capacite=None)
    for numero in range(12):
        inscription = _inscrire(evenement, f"p{numero}@exemple.fr", 10)
        assert inscription.statut == Inscription.Statut.INSCRITE


def test_waiting_list_confirmation_gives_the_position(
    client, creer_evenement, formulaire, django_capture_on_commit_callbacks
):
    evenement = creer_evenement(capacite=2)
    _inscrire(evenement, "a@exemple.fr", 2)
    _inscrire(evenement, "b@exemple.fr", 1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(evenement.url + "inscription/", formulaire(), follow=True)
    html = reponse.content.decode()
    assert "Vous êtes sur liste d'attente" in html
    assert "en position 2" in html
    assert mail.outbox[-1].subject == f"Liste d'attente : {evenement.title}"
    assert "en position 2" in mail.outbox[-1].body


def test_full_event_shows_it_and_the_list_page_too(client, creer_evenement):
    evenement = creer_evenement(capacite=1)
    _inscrire(evenement, "a@exemple.fr", 1)
    page = client.get(evenement.url).content.decode()
    assert "Complet : liste d'attente ouverte" in page
    assert "M'inscrire sur la liste d'attente" in page
    liste = client.get("/agenda/").content.decode()
    assert "Complet" in liste


def test_registration_locks_the_event_row(creer_evenement, django_assert_max_num_queries):
    """The capacity check and the insert run after ``SELECT … FOR UPDATE`` on the event."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    evenement = creer_evenement(capacite=3)
    with CaptureQueriesContext(connection) as requetes:
        _inscrire(evenement, "a@exemple.fr", 1)
    sql = [q["sql"] for q in requetes.captured_queries]
    verrou = next(i for i, q in enumerate(sql) if "agenda_evenementpage" in q)
    insertion = next(
        i for i, q in enumerate(sql) if q.startswith('INSERT INTO "agenda_inscription')
    )
    assert verrou < insertion
    if connection.features.has_select_for_update:
        assert "FOR UPDATE" in sql[verrou]
