"""The states a partner reads in their space: draft, published, expired, filled."""

import datetime

import pytest
from django.utils import timezone

from opportunites.services import partenaires as services


@pytest.mark.django_db
def test_states_and_counts(acteurs, fabrique_opp):
    hier = timezone.localdate() - datetime.timedelta(days=1)
    fabrique_opp.offre(employeur=acteurs.employeur_1, publier=False, live=False, title="Brouillon")
    fabrique_opp.offre(employeur=acteurs.employeur_1, title="En ligne")
    fabrique_opp.offre(
        employeur=acteurs.employeur_1,
        title="Expirée",
        date_publication=hier - datetime.timedelta(days=30),
        date_expiration=hier,
    )
    fabrique_opp.offre(employeur=acteurs.employeur_1, title="Pourvue", pourvue_le=hier)
    fabrique_opp.offre(employeur=acteurs.employeur_2, title="Autre employeur")
    etats = {p.title: services.etat(p) for p in services.offres_de(acteurs.partenaire_a)}
    assert {titre: e.code for titre, e in etats.items()} == {
        "Brouillon": "brouillon",
        "En ligne": "publiee",
        "Expirée": "expiree",
        "Pourvue": "pourvue",
    }
    assert all(e.modifiable for e in etats.values())
    comptes = services.compter([(None, e) for e in etats.values()])
    assert comptes == {"total": 4, "brouillon": 1, "publiee": 1, "expiree": 1, "pourvue": 1}


@pytest.mark.django_db
def test_wagtail_submitted_email_kept_for_other_workflows(acteurs, fabrique_opp):
    """``signals.py`` skips Wagtail's group email for the opportunities' moderation only."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    from lot_portal.courriels.models import Courriel

    groupe = Group.objects.create(name="Autre relecture")
    acteurs.simple.groups.add(groupe)
    tache = GroupApprovalTask.objects.create(name="Autre tâche")
    tache.groups.set([groupe])
    workflow = Workflow.objects.create(name="Autre workflow")
    WorkflowTask.objects.create(workflow=workflow, task=tache, sort_order=0)
    page = fabrique_opp.offre(employeur=acteurs.employeur_1, publier=False, live=False)
    page.save_revision(user=acteurs.superutilisateur)
    workflow.start(page, acteurs.superutilisateur)
    assert [c for c in Courriel.objects.all() if acteurs.simple.email in c.destinataires], (
        "Wagtail's own notification of another workflow is still sent"
    )
    # Not ours: no partner email for a workflow that is not the opportunities' moderation.
    assert not Courriel.objects.filter(sujet__startswith="À modérer").exists()
