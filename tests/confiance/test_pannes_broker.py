"""The broker (Redis) stopped, a worker killed: every email still arrives.

Both tests use a private ``redis-server`` (``_pannes.RedisPrive``) that they stop and
restart on the same port, so they run the same way in both suites (SQLite without a
broker, PostgreSQL with Redis) and never disturb the shared Redis.

« Exactly once » and « at least once », here:

- the outbox row is written in the registration's transaction, and the claim of a row is a
  conditional UPDATE, so a row is never lost and two workers never both send it: when
  nothing crashes mid-send, each email is delivered exactly once, whatever the broker did
  (down, back, the same task queued twice by the sweep);
- a worker killed after handing a message to the SMTP server but before marking the row
  sent cannot know whether it was delivered: the sweep frees the claim after
  ``DELAI_BLOCAGE`` and sends it again. Delivery is then « at least once »: that one
  in-flight email may arrive twice, every other one exactly once, and none is missing.
"""

import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from _pannes import (  # noqa: F401
    GestionnaireSMTP,
    attendre,
    celery_vers,
    redis_prive,
    serveur_smtp,
)
from django.core import mail
from django.core.mail import send_mail
from django.db import connection
from django.utils import timezone
from fabriques import CommunauteFactory, UtilisateurFactory

from accueil.models import BrouillonInscription, ParcoursAccueil, Referent
from accueil.services import inscription
from lot_portal.celery import app as celery_app
from lot_portal.courriels import services
from lot_portal.courriels import tasks as courriels_tasks
from lot_portal.courriels.models import Courriel

RACINE = Path(__file__).resolve().parents[2]
INSCRIPTIONS = 100


def _brouillon(utilisateur, communaute):
    return BrouillonInscription.objects.create(
        utilisateur=utilisateur,
        donnees={
            "qui": {"profil": "secondes_vies", "lieu_actuel": "Lyon", "connu_par": "vacances"},
            "foyer": {"adultes": 2, "enfants": []},
            "projet": {"metier_recherche": "Infirmière", "projet_entreprise": "aucun"},
            "ou-et-quand": {
                "communautes": [communaute.pk],
                "communes": [],
                "date_installation": (timezone.localdate() + timedelta(days=120)).isoformat(),
                "horizon": "moins_6_mois",
                "besoin_logement": "location",
            },
            "consentements": {"prenom": "Léa", "nom": "Martin"},
        },
    )


def _envois_par_courriel():
    """(recipients, subject, body) → how many times it was delivered (locmem outbox)."""
    return Counter((tuple(m.to), m.subject, m.body) for m in mail.outbox)


@pytest.mark.django_db(transaction=True)
def test_registrations_while_redis_is_stopped_then_each_email_once(
    redis_prive,  # noqa: F811
    settings,
    monkeypatch,
):
    settings.COURRIELS_BROKER_PAUSE = 600  # the circuit breaker, as in production
    services.disjoncteur.retablir()
    referent = Referent.objects.create(
        utilisateur=UtilisateurFactory(email="referente@lot.fr", is_staff=True),
        communaute=CommunauteFactory(),
    )
    essais_broker = []
    apply_async = courriels_tasks.envoyer_courriel_task.apply_async

    def espion(*args, **kwargs):
        essais_broker.append(args)
        return apply_async(*args, **kwargs)

    monkeypatch.setattr(courriels_tasks.envoyer_courriel_task, "apply_async", espion)

    with celery_vers(redis_prive.url):
        redis_prive.arreter()
        for n in range(INSCRIPTIONS):
            utilisateur = UtilisateurFactory(email=f"arrivant{n}@exemple.fr")
            inscription.parcours_creer(
                brouillon=_brouillon(utilisateur, referent.communaute), utilisateur=utilisateur
            )
        # Every registration succeeded, its emails wait in the outbox.
        assert ParcoursAccueil.objects.count() == INSCRIPTIONS
        total = Courriel.objects.count()
        assert total >= INSCRIPTIONS  # at least the welcome of each
        assert set(Courriel.objects.values_list("statut", flat=True)) == {
            Courriel.Statut.EN_ATTENTE
        }
        # Nobody waited on the dead broker: one attempt failed, the breaker did the rest.
        assert len(essais_broker) == 1
        assert mail.outbox == []

        # Redis is back; a worker runs; the periodic sweep hands every email over.
        redis_prive.demarrer()
        from celery.contrib.testing.worker import start_worker

        with start_worker(celery_app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
            assert services.courriels_relancer() == total
            # Only the worker touches the database from here on (SQLite's shared
            # in-memory test database would lock its tables): wait on the delivered mail.
            assert attendre(lambda: len(mail.outbox) >= total, delai=50)
        # The worker stopped after its current task (warm shutdown): every row is sent,
        # and a later sweep finds nothing more to send.
        assert Courriel.objects.filter(statut=Courriel.Statut.ENVOYE).count() == total
        assert services.courriels_relancer() == 0

    envois = _envois_par_courriel()
    assert len(mail.outbox) == total
    attendus = Counter(
        (tuple(c.destinataires), c.sujet, c.corps_texte) for c in Courriel.objects.all()
    )
    assert envois == attendus  # each outbox row delivered once, nothing else
    for n in range(INSCRIPTIONS):
        assert sum(1 for to, *_ in envois if to == (f"arrivant{n}@exemple.fr",)) == 1


def _database_url() -> str:
    reglages = connection.settings_dict
    return "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(
        **{cle: reglages.get(cle) or "" for cle in ("USER", "PASSWORD", "HOST", "PORT")},
        NAME=reglages["NAME"],
    )


def _worker(redis_url: str, smtp_port: int) -> subprocess.Popen:
    env = {
        **{cle: val for cle, val in os.environ.items() if not cle.startswith("CELERY_BROKER")},
        "CELERY_BROKER_URL": redis_url,  # Celery reads it before its settings
        "DJANGO_SETTINGS_MODULE": "_pannes_reglages",
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), str(RACINE)]),
        "DATABASE_URL": _database_url(),
        "PANNES_BROKER_URL": redis_url,
        "PANNES_SMTP_PORT": str(smtp_port),
    }
    return subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lot_portal",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=RACINE,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _arreter(processus):
    if processus is not None and processus.poll() is None:
        processus.kill()
        processus.wait(timeout=10)


@pytest.mark.django_db(transaction=True)
def test_worker_killed_while_sending_every_email_arrives(redis_prive):  # noqa: F811
    """A real worker subprocess, SIGKILLed while an SMTP conversation is in progress."""
    if connection.vendor != "postgresql":
        # The worker subprocess must reach the test database: pytest-django's SQLite
        # test database lives in this process's memory. The PostgreSQL suite runs it.
        pytest.skip("Un worker dans un autre processus a besoin de la base PostgreSQL de test.")
    emails = 20
    gestionnaire = GestionnaireSMTP(pause=0.5)  # slow SMTP: emails are in flight
    worker = None
    with serveur_smtp(gestionnaire) as port, celery_vers(redis_prive.url):
        try:
            for n in range(emails):
                send_mail(f"Courriel {n}", "Bonjour", "portail@lot.fr", [f"p{n}@exemple.fr"])
            assert Courriel.objects.filter(statut=Courriel.Statut.EN_ATTENTE).count() == emails

            worker = _worker(redis_prive.url, port)
            assert attendre(lambda: gestionnaire.essais >= 3, delai=50)
            worker.send_signal(signal.SIGKILL)  # mid-conversation: the 3rd is in flight
            worker.wait(timeout=10)
            bloques = set(
                Courriel.objects.filter(statut=Courriel.Statut.EN_COURS).values_list(
                    "pk", flat=True
                )
            )
            assert len(bloques) == 1  # the one in flight, claimed by the dead worker

            worker = _worker(redis_prive.url, port)
            # Every queued task is delivered; the killed one stays claimed (en cours).
            assert attendre(
                lambda: (
                    Courriel.objects.filter(statut=Courriel.Statut.ENVOYE).count() == emails - 1
                ),
                delai=50,
            )
            assert (
                set(
                    Courriel.objects.exclude(statut=Courriel.Statut.ENVOYE).values_list(
                        "pk", flat=True
                    )
                )
                == bloques
            )
            # The sweep, once the claim is older than DELAI_BLOCAGE, sends it again.
            with time_machine.travel(
                timezone.now() + services.DELAI_BLOCAGE + timedelta(minutes=1), tick=True
            ):
                services.courriels_relancer()
            assert attendre(
                lambda: Courriel.objects.filter(statut=Courriel.Statut.ENVOYE).count() == emails,
                delai=50,
            )
        finally:
            _arreter(worker)
        assert attendre(lambda: len(gestionnaire.recus) >= emails, delai=10)

    recus = Counter(gestionnaire.sujets())
    assert set(recus) == {f"Courriel {n}" for n in range(emails)}  # none missing
    doublons = [sujet for sujet, fois in recus.items() if fois > 1]
    assert len(doublons) <= 1  # at most the one in flight at the kill (at least once)
    assert all(recus[sujet] == 2 for sujet in doublons)
