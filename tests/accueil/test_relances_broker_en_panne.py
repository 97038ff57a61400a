"""Redis down when a newcomer registers: everything is recorded, then sent once it is back.

With ``CELERY_BROKER_URL`` set (CI: Redis), the broker is made unreachable for real (the
app's connections point at a closed port) and a real worker delivers once it is back;
without it, tasks are eager and the dispatch fails the way kombu does.
"""

import contextlib
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from kombu.exceptions import OperationalError

from accueil.models import BrouillonInscription, ModeleRelance, ParcoursAccueil, Relance
from accueil.services import inscription
from accueil.services import relances as services
from lot_portal.celery import app as celery_app
from lot_portal.courriels import tasks as courriels_tasks
from lot_portal.courriels.models import Courriel
from lot_portal.courriels.services import courriels_relancer

BROKER_INJOIGNABLE = "redis://127.0.0.1:1/0"


def _oublier_connexions():
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@contextlib.contextmanager
def broker_arrete(monkeypatch):
    """Within the block, the broker does not answer."""
    if settings.REAL_BROKER:
        # The worker keeps its consuming connection; producers get the dead address.
        # (and give up at once instead of kombu's reconnection back-off).
        ancien = celery_app.conf.broker_write_url
        options = celery_app.conf.broker_transport_options
        celery_app.conf.broker_write_url = BROKER_INJOIGNABLE
        celery_app.conf.broker_transport_options = {
            **options,
            "max_retries": 0,
            "interval_start": 0,
        }
        _oublier_connexions()
        try:
            yield
        finally:
            celery_app.conf.broker_write_url = ancien
            celery_app.conf.broker_transport_options = options
            _oublier_connexions()
    else:

        def injoignable(*args, **kwargs):
            raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

        with monkeypatch.context() as m:
            m.setattr(courriels_tasks.envoyer_courriel_task, "apply_async", injoignable)
            yield


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


def _attendre_envoi(n: int) -> None:
    limite = time.monotonic() + 30
    while time.monotonic() < limite:
        if Courriel.objects.filter(statut=Courriel.Statut.ENVOYE).count() >= n:
            return
        time.sleep(0.2)


@pytest.mark.celery_reel
def test_registration_and_follow_ups_survive_the_broker_down(
    celery_worker_reel, fabrique, monkeypatch
):
    fabrique.modele_relance(
        code="j7",
        declencheur=ModeleRelance.Declencheur.INSCRIPTION,
        delai_jours=7,
        sujet="Une semaine déjà, {prenom}",
    )
    fabrique.modele_relance(
        code="avant",
        declencheur=ModeleRelance.Declencheur.DATE_INSTALLATION,
        delai_jours=-30,
        sujet="Plus qu'un mois, {prenom}",
    )
    referent = fabrique.referent(
        utilisateur=fabrique.utilisateur(email="referente@lot.fr", is_staff=True)
    )
    lea = fabrique.utilisateur(email="lea@exemple.fr", first_name="Léa")

    with broker_arrete(monkeypatch):
        parcours = inscription.parcours_creer(
            brouillon=_brouillon(lea, referent.communaute), utilisateur=lea
        )
        # Registration succeeded; its emails wait in the outbox.
        assert ParcoursAccueil.objects.filter(pk=parcours.pk).exists()
        a_la_inscription = Courriel.objects.count()
        assert a_la_inscription >= 1  # the welcome (and the referent's notice)
        assert set(Courriel.objects.values_list("statut", flat=True)) == {
            Courriel.Statut.EN_ATTENTE
        }
        assert Relance.objects.filter(statut=Relance.Statut.PREVUE).count() == 2
        # A week later, Redis still down: the due follow-ups are written all the same.
        Relance.objects.filter(statut=Relance.Statut.PREVUE).update(
            due_le=timezone.now() - timedelta(minutes=1)
        )
        assert services.relances_envoyer_dues() == 2
        assert courriels_relancer() == a_la_inscription + 2  # dispatch fails again
        assert mail.outbox == []

    total = Courriel.objects.count()
    assert total == a_la_inscription + 2
    # Redis is back: the periodic sweep hands every email over, each goes out once.
    assert courriels_relancer() == total
    if settings.REAL_BROKER:
        _attendre_envoi(total)
    assert set(Courriel.objects.values_list("statut", flat=True)) == {Courriel.Statut.ENVOYE}
    assert len(mail.outbox) == total
    sujets = [m.subject for m in mail.outbox]
    assert len(set(zip(sujets, [tuple(m.to) for m in mail.outbox], strict=True))) == total
    assert sum(1 for m in mail.outbox if m.to == ["lea@exemple.fr"]) == 3  # welcome + 2

    # Another sweep, another run of the follow-ups: nothing more.
    assert courriels_relancer() == 0
    assert services.relances_envoyer_dues() == 0
    if settings.REAL_BROKER:
        time.sleep(1)
    assert len(mail.outbox) == total
