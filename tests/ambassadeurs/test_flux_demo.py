"""The network's demo life (``ambassadeurs/demo_flux.py``) through ``seed_demo``: stories in
every state, questions with answers, announcements, events with RSVPs, referrals,
hospitality offers with a match; twice = no duplicates, nobody emailed."""

import os

import pytest
from django.core.management import call_command
from wagtail.models import WorkflowState

from ambassadeurs.models import (
    Annonce,
    EnvoiAnnonce,
    EvenementReseau,
    MessageQuestion,
    MiseEnRelationHospitalite,
    OffreHospitalite,
    Parrainage,
    Question,
    ReponseEvenement,
)
from ambassadeurs.services.histoires import histoire_etat
from lot_portal.cms.models import HistoirePage
from lot_portal.courriels.models import Courriel


def _compter():
    return {
        "histoires": HistoirePage.objects.filter(auteur__email__startswith="ambassadeur.").count(),
        "questions": Question.objects.count(),
        "messages": MessageQuestion.objects.count(),
        "annonces": Annonce.objects.count(),
        "envois": EnvoiAnnonce.objects.count(),
        "evenements": EvenementReseau.objects.count(),
        "reponses": ReponseEvenement.objects.count(),
        "parrainages": Parrainage.objects.count(),
        "offres": OffreHospitalite.objects.count(),
        "mises": MiseEnRelationHospitalite.objects.count(),
        "workflows": WorkflowState.objects.count(),
    }


@pytest.mark.django_db
def test_demo_flux_content_and_idempotent(site_demo_complet, settings, tmp_path):
    pages = HistoirePage.objects.filter(auteur__email__startswith="ambassadeur.")
    etats = {histoire_etat(page).code for page in pages}
    assert {"publiee", "en_relecture", "a_revoir", "brouillon"} <= etats
    a_revoir = next(p for p in pages if histoire_etat(p).code == "a_revoir")
    assert "maison de santé" in histoire_etat(a_revoir).commentaire

    questions = Question.objects.filter(demandeur__email__startswith="arrivant.")
    assert questions.count() >= 3
    assert MessageQuestion.objects.filter(
        question__in=questions, auteur__email__startswith="ambassadeur."
    ).exists()
    assert questions.filter(statut="fermee").exists()
    assert Annonce.objects.filter(etat="envoyee").count() >= 2
    assert EvenementReseau.objects.count() == 2
    assert ReponseEvenement.objects.exists()
    assert Parrainage.objects.exists()
    assert OffreHospitalite.objects.count() == 2
    assert MiseEnRelationHospitalite.objects.count() == 1
    assert not Courriel.objects.filter(destinataires__icontains="ambassadeur.").exists()

    avant = _compter()
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert _compter() == avant
