"""The reminder 48 hours before closing: only unsubmitted drafts of open calls, once."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.utils import timezone

from jeunesse.models import MembreEquipe
from jeunesse.models.choix import LienLot, Statut
from jeunesse.services.rappels import rappels_cloture_envoyer
from jeunesse.tasks import rappels_cloture_envoyer as tache

PARIS = ZoneInfo("Europe/Paris")
CLOTURE = datetime.datetime(2027, 3, 15, 23, 59, tzinfo=PARIS)


def envoyer(capture):
    with capture(execute=True):
        return rappels_cloture_envoyer()


@pytest.fixture
def appel(fabrique_jeu):
    with time_machine.travel(CLOTURE - datetime.timedelta(days=30), tick=False):
        return fabrique_jeu.appel(ouverture=CLOTURE - datetime.timedelta(days=40), cloture=CLOTURE)


@pytest.fixture
def brouillon(fabrique_jeu, appel):
    porteur = fabrique_jeu.compte("lea@exemple.fr", first_name="Léa", last_name="Delmas")
    with time_machine.travel(CLOTURE - datetime.timedelta(days=20), tick=False):
        return fabrique_jeu.candidature(appel, porteur)


def test_sent_once_within_48_hours_of_closing(brouillon, django_capture_on_commit_callbacks):
    with time_machine.travel(CLOTURE - datetime.timedelta(hours=49), tick=False):
        assert envoyer(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []

    moment = CLOTURE - datetime.timedelta(hours=47, minutes=30)
    with time_machine.travel(moment, tick=False):
        assert envoyer(django_capture_on_commit_callbacks) == 1
        brouillon.refresh_from_db()
        assert brouillon.rappel_cloture_envoye_le == moment
        assert [c.to for c in mail.outbox] == [["lea@exemple.fr"]]

    # The next hourly runs send nothing more.
    for heures in (46, 10, 1):
        with time_machine.travel(CLOTURE - datetime.timedelta(hours=heures), tick=False):
            assert envoyer(django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 1


def test_email_tells_the_deadline_in_paris_time_to_the_whole_team(
    fabrique_jeu, brouillon, django_capture_on_commit_callbacks
):
    compte = fabrique_jeu.compte("max@exemple.fr")
    MembreEquipe.objects.create(
        candidature=brouillon,
        utilisateur=compte,
        prenom="Max",
        nom="Vidal",
        email=compte.email,
        lien_lot=LienLot.HABITE,
        accepte_le=timezone.now(),
    )
    MembreEquipe.objects.create(
        candidature=brouillon, prenom="Lou", nom="Bru", email="lou@exemple.fr"
    )
    with time_machine.travel(CLOTURE - datetime.timedelta(hours=30), tick=False):
        envoyer(django_capture_on_commit_callbacks)
    assert sorted(c.to[0] for c in mail.outbox) == ["lea@exemple.fr", "max@exemple.fr"]
    courriel = mail.outbox[0]
    assert courriel.subject == f"Votre dossier « {brouillon.titre} » n'est pas encore déposé"
    assert "lundi 15 mars 2027 à 23:59" in courriel.body
    assert "dans 30 heures environ" in courriel.body
    assert f"/jeunesse/candidatures/{brouillon.reference}/" in courriel.body
    assert "encore <strong>un brouillon</strong>" in courriel.alternatives[0][0]


def test_draft_created_10_hours_before_closing_gets_it_once(
    fabrique_jeu, appel, django_capture_on_commit_callbacks
):
    with time_machine.travel(CLOTURE - datetime.timedelta(hours=10), tick=False):
        tardif = fabrique_jeu.candidature(appel, fabrique_jeu.compte("tardif@exemple.fr"))
    with time_machine.travel(CLOTURE - datetime.timedelta(hours=9, minutes=55), tick=False):
        assert envoyer(django_capture_on_commit_callbacks) == 1
    with time_machine.travel(CLOTURE - datetime.timedelta(hours=8, minutes=55), tick=False):
        assert envoyer(django_capture_on_commit_callbacks) == 0
    tardif.refresh_from_db()
    assert tardif.rappel_cloture_envoye_le is not None
    assert [c.to for c in mail.outbox] == [["tardif@exemple.fr"]]


def test_never_for_submitted_applications(fabrique_jeu, appel, django_capture_on_commit_callbacks):
    with time_machine.travel(CLOTURE - datetime.timedelta(days=5), tick=False):
        statuts = (Statut.DEPOSE, Statut.EN_INSTRUCTION, Statut.COMPLEMENT_DEMANDE)
        dossiers = [fabrique_jeu.candidature(appel, statut=statut) for statut in statuts]
    mail.outbox.clear()
    with time_machine.travel(CLOTURE - datetime.timedelta(hours=24), tick=False):
        assert envoyer(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []
    for dossier in dossiers:
        dossier.refresh_from_db()
        assert dossier.rappel_cloture_envoye_le is None


def test_never_for_closed_or_unpublished_calls(
    fabrique_jeu, brouillon, appel, django_capture_on_commit_callbacks
):
    # Closed: the deadline passed without the reminder having run.
    with time_machine.travel(CLOTURE + datetime.timedelta(minutes=1), tick=False):
        assert envoyer(django_capture_on_commit_callbacks) == 0
    # Unpublished call, closing tomorrow.
    with time_machine.travel(CLOTURE - datetime.timedelta(days=20), tick=False):
        cache = fabrique_jeu.appel(
            publie=False,
            ouverture=CLOTURE - datetime.timedelta(days=30),
            cloture=CLOTURE + datetime.timedelta(days=3),
        )
        fabrique_jeu.candidature(cache)
    with time_machine.travel(CLOTURE + datetime.timedelta(days=2), tick=False):
        assert envoyer(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_the_celery_task_and_its_hourly_schedule(brouillon, django_capture_on_commit_callbacks):
    with time_machine.travel(CLOTURE - datetime.timedelta(hours=5), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert tache.apply().get() == 1
        with django_capture_on_commit_callbacks(execute=True):
            assert tache.apply().get() == 0
    assert len(mail.outbox) == 1
    entree = settings.CELERY_BEAT_SCHEDULE["jeunesse-rappels-cloture"]
    assert entree["task"] == "jeunesse.tasks.rappels_cloture_envoyer"
    assert entree["schedule"].hour == set(range(24))
