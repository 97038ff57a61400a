"""The schedule of the follow-ups: dates, moves, no duplicates, cancellations."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from accueil.models import ModeleRelance, Relance
from accueil.models.choix import StatutParcours
from accueil.services import relances as services

pytestmark = pytest.mark.django_db

D = ModeleRelance.Declencheur


@pytest.fixture
def modeles(fabrique):
    return {
        "j7": fabrique.modele_relance(code="j7", declencheur=D.INSCRIPTION, delai_jours=7),
        "j30": fabrique.modele_relance(code="j30", declencheur=D.INSCRIPTION, delai_jours=30),
        "avant": fabrique.modele_relance(
            code="avant", declencheur=D.DATE_INSTALLATION, delai_jours=-30
        ),
        "m6": fabrique.modele_relance(
            code="m6", declencheur=D.INSTALLATION, delai_jours=180, avec_questionnaire=True
        ),
    }


def _a_10h(jour):
    return timezone.make_aware(datetime.combine(jour, time(10, 0)))


def _relances(parcours):
    return {r.modele.code: r for r in Relance.objects.filter(parcours=parcours)}


def test_follow_ups_after_registration_and_before_the_move_date(fabrique, modeles):
    demenagement = timezone.localdate() + timedelta(days=100)
    parcours = fabrique.parcours(date_installation=demenagement)
    services.relances_planifier(parcours=parcours)
    relances = _relances(parcours)
    assert set(relances) == {"j7", "j30", "avant"}  # no check-in before settling
    assert relances["j7"].due_le == parcours.cree_le + timedelta(days=7)
    assert relances["j30"].due_le == parcours.cree_le + timedelta(days=30)
    assert relances["avant"].due_le == _a_10h(demenagement - timedelta(days=30))
    assert {r.statut for r in relances.values()} == {Relance.Statut.PREVUE}


def test_no_move_date_no_follow_up_about_it(fabrique, modeles):
    parcours = fabrique.parcours(date_installation=None)
    services.relances_planifier(parcours=parcours)
    assert set(_relances(parcours)) == {"j7", "j30"}


def test_planning_twice_creates_no_duplicate(fabrique, modeles):
    parcours = fabrique.parcours(date_installation=timezone.localdate() + timedelta(days=90))
    services.relances_planifier(parcours=parcours)
    services.relances_planifier(parcours=parcours)
    assert Relance.objects.filter(parcours=parcours).count() == 3


def test_a_changed_move_date_moves_the_follow_up(fabrique, modeles):
    parcours = fabrique.parcours(date_installation=timezone.localdate() + timedelta(days=90))
    services.relances_planifier(parcours=parcours)
    nouvelle = timezone.localdate() + timedelta(days=200)
    parcours.date_installation = nouvelle
    parcours.save()
    services.relances_planifier(parcours=parcours)
    avant = _relances(parcours)["avant"]
    assert avant.statut == Relance.Statut.PREVUE
    assert avant.due_le == _a_10h(nouvelle - timedelta(days=30))


def test_a_move_date_too_close_is_never_planned_in_the_past(fabrique, modeles):
    parcours = fabrique.parcours(date_installation=timezone.localdate() + timedelta(days=10))
    services.relances_planifier(parcours=parcours)
    assert "avant" not in _relances(parcours)


def test_a_move_date_brought_forward_cancels_then_postponed_revives(fabrique, modeles):
    parcours = fabrique.parcours(date_installation=timezone.localdate() + timedelta(days=90))
    services.relances_planifier(parcours=parcours)
    parcours.date_installation = timezone.localdate() + timedelta(days=5)
    services.relances_planifier(parcours=parcours)
    avant = _relances(parcours)["avant"]
    assert avant.statut == Relance.Statut.ANNULEE
    assert avant.motif_annulation == services.MOTIF_DATE
    parcours.date_installation = timezone.localdate() + timedelta(days=120)
    services.relances_planifier(parcours=parcours)
    avant.refresh_from_db()
    assert avant.statut == Relance.Statut.PREVUE
    assert avant.due_le == _a_10h(parcours.date_installation - timedelta(days=30))


def test_a_sent_follow_up_is_never_planned_again(fabrique, modeles):
    parcours = fabrique.parcours(date_installation=timezone.localdate() + timedelta(days=90))
    services.relances_planifier(parcours=parcours)
    j7 = _relances(parcours)["j7"]
    Relance.objects.filter(pk=j7.pk).update(statut=Relance.Statut.ENVOYEE)
    modeles["j7"].delai_jours = 9
    modeles["j7"].save()
    services.relances_planifier(parcours=parcours)
    j7.refresh_from_db()
    assert j7.statut == Relance.Statut.ENVOYEE
    assert j7.due_le == parcours.cree_le + timedelta(days=7)


def test_inactive_models_and_the_welcome_are_not_planned(fabrique, modeles):
    modeles["j30"].actif = False
    modeles["j30"].save()
    services.modele_bienvenue()
    parcours = fabrique.parcours()
    services.relances_planifier(parcours=parcours)
    assert set(_relances(parcours)) == {"j7"}


def test_nothing_for_a_file_that_refused_follow_ups(fabrique, modeles):
    parcours = fabrique.parcours(relances_refusees=True)
    services.relances_planifier(parcours=parcours)
    assert not Relance.objects.exists()


def test_settling_cancels_pending_follow_ups_and_plans_the_check_ins(fabrique, modeles):
    parcours = fabrique.parcours(date_installation=timezone.localdate() + timedelta(days=90))
    services.relances_planifier(parcours=parcours)
    parcours.statut = StatutParcours.INSTALLE
    parcours.installe_le = timezone.localdate() - timedelta(days=3)
    parcours.save()
    services.statut_a_change(parcours=parcours)
    relances = _relances(parcours)
    for code in ("j7", "j30", "avant"):
        assert relances[code].statut == Relance.Statut.ANNULEE
        assert relances[code].motif_annulation == services.MOTIF_INSTALLE
    assert relances["m6"].statut == Relance.Statut.PREVUE
    assert relances["m6"].due_le == _a_10h(parcours.installe_le + timedelta(days=180))


def test_check_ins_planned_for_a_settled_file_that_refused_nothing_else(fabrique, modeles):
    """A file closed as « installé » still gets its check-ins, not the other follow-ups."""
    parcours = fabrique.parcours(statut=StatutParcours.INSTALLE, installe_le=timezone.localdate())
    services.relances_planifier(parcours=parcours)
    assert set(_relances(parcours)) == {"m6"}


def test_sans_suite_cancels_everything_pending(fabrique, modeles):
    parcours = fabrique.parcours(date_installation=timezone.localdate() + timedelta(days=90))
    services.relances_planifier(parcours=parcours)
    parcours.statut = StatutParcours.SANS_SUITE
    parcours.save()
    services.statut_a_change(parcours=parcours)
    relances = Relance.objects.filter(parcours=parcours)
    assert {r.statut for r in relances} == {Relance.Statut.ANNULEE}
    assert {r.motif_annulation for r in relances} == {services.MOTIF_SANS_SUITE}


def test_status_changed_through_the_pipeline_service(fabrique, modeles):
    """``reseau.statut_changer`` (the caseload) calls ``statut_a_change``."""
    from accueil.services import reseau

    parcours = fabrique.parcours()
    services.relances_planifier(parcours=parcours)
    reseau.statut_changer(parcours=parcours, statut=StatutParcours.INSTALLE)
    relances = _relances(parcours)
    assert relances["j7"].statut == Relance.Statut.ANNULEE
    assert relances["m6"].statut == Relance.Statut.PREVUE


def test_a_status_set_back_replans_and_cancels_the_check_ins(fabrique, modeles):
    parcours = fabrique.parcours(statut=StatutParcours.INSTALLE, installe_le=timezone.localdate())
    services.relances_planifier(parcours=parcours)
    parcours.statut = StatutParcours.EN_ECHANGE
    services.statut_a_change(parcours=parcours)
    relances = _relances(parcours)
    assert relances["m6"].statut == Relance.Statut.ANNULEE
    assert relances["j7"].statut == Relance.Statut.PREVUE


def test_relances_annuler_returns_how_many(fabrique, modeles):
    parcours = fabrique.parcours()
    services.relances_planifier(parcours=parcours)
    assert services.relances_annuler(parcours=parcours, motif="Test") == 2
    assert services.relances_annuler(parcours=parcours, motif="Test") == 0
