"""The state machine, exhaustively: every allowed transition works for its role, every other
(from, to, role) is refused and leaves no trace."""

import itertools

import pytest
from django.core import mail

from jeunesse.models import Transition
from jeunesse.models.choix import Statut
from jeunesse.services.etats import (
    CANDIDAT,
    INSTRUCTION,
    TRANSITIONS,
    TransitionRefusee,
    transition_appliquer,
)

TOUS = list(itertools.product(Statut.values, Statut.values, [CANDIDAT, INSTRUCTION]))
PERMISES = [(de, vers, role) for de, vers, role in TOUS if TRANSITIONS.get((de, vers)) == role]
REFUSEES = [(de, vers, role) for de, vers, role in TOUS if TRANSITIONS.get((de, vers)) != role]


def test_la_table_couvre_le_cycle_du_cahier_des_charges():
    assert len(PERMISES) == len(TRANSITIONS) == 10
    assert len(PERMISES) + len(REFUSEES) == 7 * 7 * 2


@pytest.mark.parametrize(("de", "vers", "role"), PERMISES)
def test_transition_permise(fabrique_jeu, django_capture_on_commit_callbacks, de, vers, role):
    instructeur = fabrique_jeu.instructeur()
    candidature = fabrique_jeu.candidature(statut=de, instructeur=instructeur)
    avant = Transition.objects.filter(candidature=candidature).count()
    mail.outbox.clear()
    auteur = candidature.porteur if role == CANDIDAT else instructeur
    with django_capture_on_commit_callbacks(execute=True):
        transition = transition_appliquer(
            candidature, vers, auteur=auteur, role=role, commentaire="ok"
        )
    candidature.refresh_from_db()
    assert candidature.statut == vers
    assert (transition.de, transition.vers, transition.auteur) == (de, vers, auteur)
    assert Transition.objects.filter(candidature=candidature).count() == avant + 1
    # Every change concerns the applicant: one email to the leader.
    assert [m.to for m in mail.outbox] == [[candidature.porteur.email]]


@pytest.mark.parametrize(("de", "vers", "role"), REFUSEES)
def test_transition_refusee(fabrique_jeu, de, vers, role):
    instructeur = fabrique_jeu.instructeur()
    candidature = fabrique_jeu.candidature(statut=de, instructeur=instructeur)
    avant = Transition.objects.filter(candidature=candidature).count()
    auteur = candidature.porteur if role == CANDIDAT else instructeur
    with pytest.raises(TransitionRefusee) as erreur:
        transition_appliquer(candidature, vers, auteur=auteur, role=role)
    assert str(erreur.value)
    candidature.refresh_from_db()
    assert candidature.statut == de
    assert Transition.objects.filter(candidature=candidature).count() == avant


def test_depot_refuse_apres_la_cloture(fabrique_jeu):
    appel = fabrique_jeu.appel(etat="clos")
    candidature = fabrique_jeu.candidature(appel)
    with pytest.raises(TransitionRefusee, match="date limite"):
        transition_appliquer(candidature, Statut.DEPOSE, auteur=candidature.porteur, role=CANDIDAT)
    candidature.refresh_from_db()
    assert candidature.statut == Statut.BROUILLON
    assert candidature.depose_le is None


def test_le_renvoi_apres_complement_est_permis_apres_la_cloture(fabrique_jeu):
    appel = fabrique_jeu.appel(etat="clos")
    candidature = fabrique_jeu.candidature(appel, statut=Statut.COMPLEMENT_DEMANDE)
    transition_appliquer(candidature, Statut.DEPOSE, auteur=candidature.porteur, role=CANDIDAT)
    candidature.refresh_from_db()
    assert candidature.statut == Statut.DEPOSE
