import smtplib
import time

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.db import transaction

from lot_portal.courriels import services
from lot_portal.courriels.models import Courriel


def _envoyer(sujet="Bienvenue dans le Lot"):
    send_mail(sujet, "Bonjour !", None, ["arrivant@exemple.fr"])


@pytest.mark.django_db(transaction=True)
def test_email_is_recorded_then_delivered_after_commit():
    with transaction.atomic():
        _envoyer()
        assert Courriel.objects.get().statut == Courriel.Statut.EN_ATTENTE
        assert mail.outbox == []
    courriel = Courriel.objects.get()
    assert courriel.statut == Courriel.Statut.ENVOYE
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Bienvenue dans le Lot"


@pytest.mark.django_db(transaction=True)
def test_exception_after_the_email_is_requested_leaves_no_row_and_no_email():
    with pytest.raises(RuntimeError), transaction.atomic():
        _envoyer()
        raise RuntimeError("boom")
    assert Courriel.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_sending_twice_delivers_once():
    _envoyer()
    courriel = Courriel.objects.get()
    assert services.courriel_envoyer(courriel_id=courriel.pk) == "ignore"
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_broker_down_at_commit_does_not_fail_the_caller(monkeypatch):
    from lot_portal.courriels import tasks

    def broker_en_panne(*args, **kwargs):
        raise ConnectionError("Redis est arrêté")

    monkeypatch.setattr(tasks.envoyer_courriel_task, "apply_async", broker_en_panne)
    _envoyer()
    assert Courriel.objects.get().statut == Courriel.Statut.EN_ATTENTE
    monkeypatch.undo()
    assert services.courriels_relancer() == 1
    assert Courriel.objects.get().statut == Courriel.Statut.ENVOYE
    assert len(mail.outbox) == 1


class _SMTPQuiRepond:
    """A delivery backend that answers with the given SMTP codes in turn."""

    codes: list[int] = []

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        code = _SMTPQuiRepond.codes.pop(0)
        if code >= 400:
            raise smtplib.SMTPResponseException(code, b"refus")
        mail.outbox.extend(messages)
        return len(messages)

    def open(self):
        return True

    def close(self):
        pass


@pytest.fixture
def smtp(settings):
    settings.COURRIELS_DELIVERY_BACKEND = f"{__name__}._SMTPQuiRepond"
    return _SMTPQuiRepond


@pytest.mark.django_db(transaction=True)
def test_temporary_smtp_error_is_retried_with_backoff(smtp):
    smtp.codes = [451, 250]
    _envoyer()
    courriel = Courriel.objects.get()
    assert courriel.statut == Courriel.Statut.EN_ATTENTE
    assert courriel.tentatives == 1
    assert "451" in courriel.derniere_erreur
    assert courriel.prochain_essai > courriel.cree_le
    # Not due yet: the sweep leaves it alone.
    assert services.courriels_relancer() == 0
    Courriel.objects.update(prochain_essai=courriel.cree_le)
    assert services.courriels_relancer() == 1
    courriel.refresh_from_db()
    assert courriel.statut == Courriel.Statut.ENVOYE
    assert courriel.tentatives == 2
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_permanent_smtp_error_marks_the_email_failed(smtp):
    smtp.codes = [550]
    _envoyer()
    courriel = Courriel.objects.get()
    assert courriel.statut == Courriel.Statut.ECHEC
    assert services.courriels_relancer() == 0
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_stale_claim_of_a_killed_worker_is_released_by_the_sweep():
    from datetime import timedelta

    from django.utils import timezone

    courriel = Courriel.objects.create(
        expediteur="a@lot.fr",
        destinataires=["b@exemple.fr"],
        sujet="s",
        corps_texte="t",
        statut=Courriel.Statut.EN_COURS,
        verrouille_le=timezone.now() - timedelta(hours=1),
    )
    assert services.courriels_relancer() == 1
    courriel.refresh_from_db()
    assert courriel.statut == Courriel.Statut.ENVOYE


@pytest.mark.celery_reel
def test_a_real_worker_delivers_through_the_broker(celery_worker_reel):
    _envoyer("Par le vrai broker")
    limite = time.monotonic() + 30
    while time.monotonic() < limite:
        if Courriel.objects.filter(statut=Courriel.Statut.ENVOYE).exists():
            break
        time.sleep(0.2)
    assert Courriel.objects.get().statut == Courriel.Statut.ENVOYE
    assert [m.subject for m in mail.outbox] == ["Par le vrai broker"]


@pytest.mark.django_db(transaction=True)
def test_circuit_breaker_leaves_emails_to_the_sweep_after_a_broker_error(settings, monkeypatch):
    from lot_portal.courriels import tasks

    settings.COURRIELS_BROKER_PAUSE = 600
    services.disjoncteur.retablir()
    essais = []

    def broker_en_panne(*args, **kwargs):
        essais.append(args)
        raise ConnectionError("Redis est arrêté")

    monkeypatch.setattr(tasks.envoyer_courriel_task, "apply_async", broker_en_panne)
    for n in range(5):
        _envoyer(f"Courriel {n}")
    assert len(essais) == 1  # the other four did not even try the broker
    assert set(Courriel.objects.values_list("statut", flat=True)) == {Courriel.Statut.EN_ATTENTE}
    monkeypatch.undo()
    # The sweep tries the broker again at once (it runs: the broker is back).
    assert services.courriels_relancer() == 5
    assert len(mail.outbox) == 5
    assert services.disjoncteur.ouvert()


def test_circuit_breaker_is_off_when_the_pause_is_zero(settings):
    settings.COURRIELS_BROKER_PAUSE = 0
    services.disjoncteur.couper()
    assert services.disjoncteur.ouvert()
