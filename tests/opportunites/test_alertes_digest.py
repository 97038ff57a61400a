"""The digest of a job alert: content, once per offer, daily vs weekly, never expired offers."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lot_portal.courriels.models import Courriel
from opportunites.models import Alerte, AlerteEnvoi, Contrat, FrequenceAlerte, Secteur
from opportunites.services import alertes as services
from opportunites.tasks import alertes_envoyer_task

pytestmark = pytest.mark.django_db

LUNDI = datetime.datetime(2026, 3, 2, 6, 0, tzinfo=datetime.UTC)  # 07:00 in Paris


def _alerte(parametres=None, *, frequence=FrequenceAlerte.QUOTIDIENNE, email="lea@exemple.fr"):
    alerte, _ = services.alerte_demander(
        email=email, parametres=parametres or {"contrat": ["cdi"]}, frequence=frequence
    )
    services.alerte_confirmer(alerte=alerte)
    alerte.refresh_from_db()
    return alerte


def _digests():
    return list(Courriel.objects.filter(sujet__contains="nouvelle").order_by("pk"))


def test_one_email_lists_the_new_matching_offers_only(fabrique_opp):
    avant = fabrique_opp.offre(title="Offre d'avant l'alerte")
    alerte = _alerte({"contrat": ["cdi"], "secteur": ["sante"]})
    employeur = fabrique_opp.employeur(nom="Centre hospitalier de Figeac")
    infirmier = fabrique_opp.offre(
        title="Infirmier de nuit", employeur=employeur, secteur=Secteur.SANTE
    )
    aide = fabrique_opp.offre(title="Aide-soignant", secteur=Secteur.SANTE)
    fabrique_opp.offre(title="Infirmier en CDD", contrat=Contrat.CDD, secteur=Secteur.SANTE)
    fabrique_opp.offre(title="Soudeur", secteur=Secteur.INGENIERIE)
    fabrique_opp.offre(
        title="Infirmier expiré",
        secteur=Secteur.SANTE,
        date_publication=timezone.localdate() - datetime.timedelta(days=10),
        date_expiration=timezone.localdate() - datetime.timedelta(days=1),
    )
    fabrique_opp.offre(
        title="Infirmier pas publié", secteur=Secteur.SANTE, publier=False, live=False
    )

    assert alertes_envoyer_task() == 1
    (courriel,) = _digests()
    assert courriel.destinataires == ["lea@exemple.fr"]
    assert courriel.sujet == "2 nouvelles offres d'emploi : CDI · Santé et social"
    texte = courriel.corps_texte
    assert "Infirmier de nuit" in texte and "Aide-soignant" in texte
    assert "Centre hospitalier de Figeac" in texte
    assert infirmier.commune.nom in texte
    assert "CDI" in texte
    assert services._url_offre(infirmier) in texte
    assert services._url_offre(infirmier) in courriel.corps_html
    for absente in ("CDD", "Soudeur", "expiré", "pas publié", avant.title):
        assert absente not in texte
    assert set(AlerteEnvoi.objects.values_list("offre_id", flat=True)) == {infirmier.pk, aide.pk}
    alerte.refresh_from_db()
    assert alerte.dernier_envoi is not None


def test_the_digest_carries_the_one_click_unsubscribe_headers(fabrique_opp):
    alerte = _alerte()
    fabrique_opp.offre()
    alertes_envoyer_task()
    (courriel,) = _digests()
    entete = courriel.en_tetes["List-Unsubscribe"]
    assert entete.startswith("<http") and entete.endswith("/>")
    url = entete[1:-1]
    jeton = url.rstrip("/").rsplit("/", 1)[1]
    assert "/opportunites/alertes/desinscription/" in url
    assert services.alerte_du_jeton(jeton, services.SEL_DESINSCRIRE).alerte == alerte
    assert courriel.en_tetes["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in courriel.corps_texte and url in courriel.corps_html
    assert "/opportunites/alertes/gerer/" in courriel.corps_texte


def test_the_delivered_message_has_the_headers(
    fabrique_opp, mailoutbox, django_capture_on_commit_callbacks
):
    _alerte()
    fabrique_opp.offre(title="Mécanicien poids lourds")
    with django_capture_on_commit_callbacks(execute=True):
        alertes_envoyer_task()
    (message,) = [m for m in mailoutbox if "nouvelle" in m.subject]
    assert "Mécanicien poids lourds" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_twice_is_once_and_nothing_new_sends_nothing(fabrique_opp):
    alerte = _alerte()
    fabrique_opp.offre()
    alertes_envoyer_task()
    alertes_envoyer_task()
    assert services.alerte_digest_envoyer(alerte_id=alerte.pk) == 0
    assert len(_digests()) == 1
    assert AlerteEnvoi.objects.count() == 1


def test_no_email_when_nothing_matches(fabrique_opp):
    alerte = _alerte({"contrat": ["stage"]})
    fabrique_opp.offre()
    assert services.alerte_digest_envoyer(alerte_id=alerte.pk) == 0
    assert _digests() == []
    alerte.refresh_from_db()
    assert alerte.dernier_envoi is None


def test_a_concurrent_run_that_sent_first_rolls_the_second_back(fabrique_opp, monkeypatch):
    """Where row locks are unavailable, the unique constraint stops the second sender."""
    alerte = _alerte()
    offre = fabrique_opp.offre()
    originale = services.offres_nouvelles

    def course(alerte_):
        offres = list(originale(alerte_))  # read before the other run commits…
        AlerteEnvoi.objects.create(alerte=alerte_, offre=offre)  # …which sends it
        return offres

    monkeypatch.setattr(services, "offres_nouvelles", course)
    assert services.alerte_digest_envoyer(alerte_id=alerte.pk) == 0
    assert _digests() == []
    alerte.refresh_from_db()
    assert alerte.dernier_envoi is None


def test_pending_paused_and_unsubscribed_alerts_get_nothing(fabrique_opp):
    en_attente, _ = services.alerte_demander(
        email="attente@exemple.fr", parametres={}, frequence=FrequenceAlerte.QUOTIDIENNE
    )
    en_pause = _alerte(email="pause@exemple.fr")
    services.alerte_suspendre(alerte=en_pause)
    partie = _alerte(email="partie@exemple.fr")
    services.alerte_desinscrire(alerte=partie)
    active = _alerte(email="active@exemple.fr")
    fabrique_opp.offre()
    assert services.alertes_dues() == [active.pk]
    for alerte in (en_attente, en_pause, partie):
        assert services.alerte_digest_envoyer(alerte_id=alerte.pk) == 0
    alertes_envoyer_task()
    assert [c.destinataires for c in _digests()] == [["active@exemple.fr"]]


def test_offers_published_during_a_pause_are_not_sent_after_it(fabrique_opp):
    alerte = _alerte()
    services.alerte_suspendre(alerte=alerte)
    fabrique_opp.offre(title="Pendant la pause")
    services.alerte_reprendre(alerte=alerte)
    fabrique_opp.offre(title="Après la pause")
    alertes_envoyer_task()
    (courriel,) = _digests()
    assert "Après la pause" in courriel.corps_texte
    assert "Pendant la pause" not in courriel.corps_texte


def test_an_offer_published_ahead_of_its_date_comes_when_it_enters_the_listing(fabrique_opp):
    with time_machine.travel(LUNDI, tick=False) as voyage:
        alerte = _alerte()
        demain = timezone.localdate() + datetime.timedelta(days=1)
        fabrique_opp.offre(title="Dès demain", date_publication=demain)
        alertes_envoyer_task()
        assert _digests() == []
        voyage.shift(datetime.timedelta(days=1))
        alertes_envoyer_task()
    (courriel,) = _digests()
    assert "Dès demain" in courriel.corps_texte
    assert AlerteEnvoi.objects.filter(alerte=alerte).count() == 1


def test_daily_alert_at_most_one_email_a_day(fabrique_opp):
    with time_machine.travel(LUNDI, tick=False) as voyage:
        _alerte(frequence=FrequenceAlerte.QUOTIDIENNE)
        voyage.shift(datetime.timedelta(minutes=5))
        fabrique_opp.offre(title="Première offre")
        voyage.shift(datetime.timedelta(minutes=5))
        alertes_envoyer_task()
        assert len(_digests()) == 1
        voyage.shift(datetime.timedelta(hours=3))
        fabrique_opp.offre(title="Deuxième offre")
        alertes_envoyer_task()
        assert len(_digests()) == 1  # not a day yet
        voyage.move_to(LUNDI + datetime.timedelta(days=1))
        alertes_envoyer_task()
    premier, second = _digests()
    assert "Première offre" in premier.corps_texte
    assert "Deuxième offre" in second.corps_texte and "Première offre" not in second.corps_texte


def test_weekly_alert_waits_a_week(fabrique_opp):
    with time_machine.travel(LUNDI, tick=False) as voyage:
        _alerte(frequence=FrequenceAlerte.HEBDOMADAIRE)
        voyage.shift(datetime.timedelta(minutes=5))
        fabrique_opp.offre(title="Offre du lundi")
        voyage.shift(datetime.timedelta(minutes=5))
        alertes_envoyer_task()
        assert len(_digests()) == 1
        fabrique_opp.offre(title="Offre du mardi")
        for jour in range(1, 7):
            voyage.move_to(LUNDI + datetime.timedelta(days=jour))
            alertes_envoyer_task()
            assert len(_digests()) == 1, jour
        voyage.move_to(LUNDI + datetime.timedelta(days=7))
        alertes_envoyer_task()
    assert len(_digests()) == 2
    assert "Offre du mardi" in _digests()[1].corps_texte
    assert _digests()[1].destinataires == ["lea@exemple.fr"]


def test_a_long_digest_is_capped_and_links_to_the_listing(fabrique_opp, monkeypatch):
    monkeypatch.setattr(services, "OFFRES_PAR_COURRIEL", 3)
    _alerte()
    for _ in range(5):
        fabrique_opp.offre()
    alertes_envoyer_task()
    (courriel,) = _digests()
    assert courriel.sujet.startswith("3 nouvelles offres")
    assert "D'autres offres correspondent" in courriel.corps_texte
    assert "/opportunites/emplois/?contrat=cdi" in courriel.corps_texte
    assert AlerteEnvoi.objects.count() == 3


def test_a_digest_costs_the_same_queries_for_few_or_many_offers(fabrique_opp):
    petite = _alerte({"contrat": ["cdi"]}, email="petite@exemple.fr")
    grande = _alerte({"contrat": ["cdd"]}, email="grande@exemple.fr")
    for _ in range(2):
        fabrique_opp.offre(contrat=Contrat.CDI)
    for _ in range(20):
        fabrique_opp.offre(contrat=Contrat.CDD)
    with CaptureQueriesContext(connection) as peu:
        assert services.alerte_digest_envoyer(alerte_id=petite.pk) == 2
    with CaptureQueriesContext(connection) as beaucoup:
        assert services.alerte_digest_envoyer(alerte_id=grande.pk) == 20
    assert len(beaucoup) <= len(peu) <= 15, [q["sql"] for q in beaucoup.captured_queries]


def test_the_daily_task_purges_stale_alerts(fabrique_opp):
    with time_machine.travel(LUNDI, tick=False) as voyage:
        services.alerte_demander(
            email="oubli@exemple.fr", parametres={}, frequence=FrequenceAlerte.QUOTIDIENNE
        )
        partie = _alerte(email="partie@exemple.fr")
        services.alerte_desinscrire(alerte=partie)
        gardee = _alerte(email="gardee@exemple.fr")
        voyage.shift(datetime.timedelta(days=8))
        alertes_envoyer_task()
        assert set(Alerte.objects.values_list("email", flat=True)) == {
            "partie@exemple.fr",
            "gardee@exemple.fr",
        }
        voyage.shift(datetime.timedelta(days=30))
        alertes_envoyer_task()
    assert list(Alerte.objects.values_list("pk", flat=True)) == [gardee.pk]
