"""Sending the follow-ups: when due, once, personalised, with the unsubscribe headers."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from accueil.models import Bilan, ModeleRelance, Relance
from accueil.models.choix import StatutParcours
from accueil.services import relances as services
from accueil.tasks import relances_envoyer_dues_task
from lot_portal.courriels.models import Courriel

pytestmark = pytest.mark.django_db(transaction=True)

D = ModeleRelance.Declencheur


@pytest.fixture
def j7(fabrique):
    return fabrique.modele_relance(
        code="j7",
        declencheur=D.INSCRIPTION,
        delai_jours=7,
        sujet="{prenom}, une semaine déjà à {secteur}",
        corps="Bonjour {prenom},\n\n{referent} vous attend. {inconnue} {prenom.__class__} {",
    )


@pytest.fixture
def parcours(fabrique):
    referent = fabrique.referent(
        utilisateur=fabrique.utilisateur(
            first_name="Claire", last_name="Delmas", email="claire.delmas@lot.fr", is_staff=True
        )
    )
    return fabrique.parcours(
        prenom="Léa",
        utilisateur=fabrique.utilisateur(email="lea@exemple.fr"),
        referent=referent,
        communaute=referent.communaute,
    )


def _echoir():
    Relance.objects.filter(statut=Relance.Statut.PREVUE).update(
        due_le=timezone.now() - timedelta(minutes=1)
    )


def test_due_follow_up_is_sent_once_personalised_with_unsubscribe_headers(j7, parcours):
    services.relances_planifier(parcours=parcours)
    _echoir()
    assert relances_envoyer_dues_task.delay().get() == 1
    relance = Relance.objects.get()
    assert relance.statut == Relance.Statut.ENVOYEE
    assert relance.courriel.statut == Courriel.Statut.ENVOYE
    (message,) = mail.outbox
    assert message.to == ["lea@exemple.fr"]
    assert message.subject == f"Léa, une semaine déjà à {parcours.communaute.nom}"
    # Unknown or odd placeholders typed by staff are left as typed, never a crash.
    assert "Claire Delmas vous attend. {inconnue} {prenom.__class__} {" in message.body
    assert "claire.delmas@lot.fr" not in message.body
    html = message.alternatives[0][0]
    assert "Claire Delmas vous attend." in html
    url = message.extra_headers["List-Unsubscribe"]
    assert url.startswith("<http") and "/accueil/desinscription/" in url
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Se désinscrire" in html
    # Run again: nothing more.
    assert services.relances_envoyer_dues() == 0
    assert len(mail.outbox) == 1


def test_two_claims_of_the_same_row_send_one_email(j7, parcours):
    services.relances_planifier(parcours=parcours)
    _echoir()
    relance = Relance.objects.get()
    assert services.relance_envoyer(relance_id=relance.pk) == Relance.Statut.ENVOYEE
    assert services.relance_envoyer(relance_id=relance.pk) == "ignore"
    assert Courriel.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_row_claimed_by_another_worker_is_left_alone(j7, parcours):
    services.relances_planifier(parcours=parcours)
    _echoir()
    Relance.objects.update(statut=Relance.Statut.EN_COURS)
    assert services.relances_envoyer_dues() == 0
    assert services.relance_envoyer(relance_id=Relance.objects.get().pk) == "ignore"
    assert Courriel.objects.count() == 0


def test_follow_up_arrives_at_d_plus_7_not_before(j7, fabrique):
    depart = timezone.now().replace(microsecond=0)
    with time_machine.travel(depart, tick=False):
        parcours = fabrique.parcours(utilisateur=fabrique.utilisateur(email="tom@exemple.fr"))
        services.relances_planifier(parcours=parcours)
    with time_machine.travel(depart + timedelta(days=6, hours=23, minutes=59), tick=False):
        assert services.relances_envoyer_dues() == 0
    assert mail.outbox == []
    with time_machine.travel(depart + timedelta(days=7, minutes=1), tick=False):
        assert services.relances_envoyer_dues() == 1
    assert [m.to for m in mail.outbox] == [["tom@exemple.fr"]]


def test_rows_of_unsubscribed_or_closed_files_are_cancelled_not_sent(j7, fabrique):
    desinscrit = fabrique.parcours()
    sans_suite = fabrique.parcours()
    installe = fabrique.parcours()
    for p in (desinscrit, sans_suite, installe):
        services.relances_planifier(parcours=p)
    # The file changed without going through the services (e.g. a bulk edit).
    desinscrit.__class__.objects.filter(pk=desinscrit.pk).update(relances_refusees=True)
    sans_suite.__class__.objects.filter(pk=sans_suite.pk).update(statut=StatutParcours.SANS_SUITE)
    installe.__class__.objects.filter(pk=installe.pk).update(statut=StatutParcours.INSTALLE)
    _echoir()
    assert services.relances_envoyer_dues() == 0
    assert mail.outbox == []
    motifs = dict(Relance.objects.values_list("parcours_id", "motif_annulation"))
    assert motifs == {
        desinscrit.pk: services.MOTIF_DESINSCRIPTION,
        sans_suite.pk: services.MOTIF_SANS_SUITE,
        installe.pk: services.MOTIF_INSTALLE,
    }
    assert set(Relance.objects.values_list("statut", flat=True)) == {Relance.Statut.ANNULEE}


def test_check_in_email_creates_the_questionnaire_and_links_it(fabrique, parcours):
    fabrique.modele_relance(
        code="m6", declencheur=D.INSTALLATION, delai_jours=180, avec_questionnaire=True
    )
    parcours.statut = StatutParcours.INSTALLE
    parcours.installe_le = timezone.localdate()
    parcours.save()
    services.statut_a_change(parcours=parcours)
    _echoir()
    assert services.relances_envoyer_dues() == 1
    bilan = Bilan.objects.get()
    assert bilan.parcours == parcours
    assert bilan.relance == Relance.objects.get()
    (message,) = mail.outbox
    assert f"/accueil/bilan/{bilan.jeton}/" in message.body
    assert f"/accueil/bilan/{bilan.jeton}/" in message.alternatives[0][0]
    assert "List-Unsubscribe" in message.extra_headers


def test_a_failed_delivery_stays_visible(j7, parcours, settings):
    """The outbox retries; a permanent refusal shows on the follow-up and the email."""
    settings.COURRIELS_DELIVERY_BACKEND = f"{__name__}._SMTPRefuse"
    services.relances_planifier(parcours=parcours)
    _echoir()
    services.relances_envoyer_dues()
    relance = Relance.objects.select_related("courriel").get()
    assert relance.statut == Relance.Statut.ENVOYEE  # handed to the outbox, once
    assert relance.courriel.statut == Courriel.Statut.ECHEC
    assert "550" in relance.courriel.derniere_erreur
    from accueil.viewsets.relances import _etat_envoi

    assert _etat_envoi(relance).startswith("Échec")


class _SMTPRefuse:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        import smtplib

        raise smtplib.SMTPResponseException(550, b"Boite inconnue")

    def open(self):
        return True

    def close(self):
        pass


def test_two_workers_at_once_send_one_email(j7, fabrique):
    """Real concurrency (threads, one connection each): one claim wins, the other skips."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers: the concurrent case needs PostgreSQL.")
    parcours = fabrique.parcours()
    services.relances_planifier(parcours=parcours)
    _echoir()
    relance_id = Relance.objects.get().pk
    depart = threading.Barrier(4)
    resultats = []

    def travailleur():
        try:
            depart.wait()
            resultats.append(services.relances_envoyer_dues())
            resultats.append(services.relance_envoyer(relance_id=relance_id))
        finally:
            connections.close_all()

    fils = [threading.Thread(target=travailleur) for _ in range(4)]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join()
    assert sorted(r for r in resultats if isinstance(r, int)) == [0, 0, 0, 1]
    assert Courriel.objects.count() == 1
    assert Relance.objects.get().statut == Relance.Statut.ENVOYEE
