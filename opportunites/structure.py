"""The opportunities' page tree, partner group and moderation workflow (idempotent).

``structure_creer(accueil)`` is called by the demo seeder and by the tests: it creates what is
missing and returns what exists. The pages are published; the « Partenaires emploi » group holds
the partner accounts; the « Modération des offres » workflow (one ``GroupApprovalTask`` for the
« Modération emploi » group) is set on the offers and takeovers listings, so every offer or
takeover submitted by a partner waits for a moderator.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import CreationIndexPage, OffresIndexPage, OpportunitesPage, ReprisesIndexPage

GROUPE_PARTENAIRES = "Partenaires emploi"
GROUPE_MODERATION = "Modération emploi"
WORKFLOW_MODERATION = "Modération des offres"
TACHE_MODERATION = "Modération des offres et des reprises"


@dataclass(frozen=True)
class Structure:
    hub: OpportunitesPage
    offres: OffresIndexPage
    reprises: ReprisesIndexPage
    creation: CreationIndexPage
    partenaires: Group
    moderation: Group
    workflow: Workflow


def _enfant(parent, modele, **champs):
    page = modele.objects.child_of(parent).first()
    if page is not None:
        return page
    page = modele(**champs)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return modele.objects.get(pk=page.pk)


@transaction.atomic
def structure_creer(accueil) -> Structure:
    hub = _enfant(
        accueil,
        OpportunitesPage,
        title="Opportunités",
        slug="opportunites",
        show_in_menus=True,
        seo_title="Emplois, entreprises à reprendre et création d'entreprise dans le Lot",
        search_description=(
            "Offres d'emploi, entreprises à reprendre et accompagnement à la création "
            "d'entreprise dans le Lot."
        ),
        introduction=(
            "Les entreprises du Lot recrutent, des entreprises saines cherchent un repreneur, "
            "et tout un réseau accompagne celles et ceux qui créent leur activité."
        ),
    )
    offres = _enfant(
        hub,
        OffresIndexPage,
        title="Offres d'emploi",
        slug="emplois",
        introduction="Les offres d'emploi des entreprises et des employeurs publics du Lot.",
    )
    reprises = _enfant(
        hub,
        ReprisesIndexPage,
        title="Entreprises à reprendre",
        slug="reprises",
        introduction=(
            "Commerces, entreprises artisanales, exploitations : le cédant reste anonyme, "
            "l'organisme qui l'accompagne répond à vos questions."
        ),
    )
    creation = _enfant(
        hub,
        CreationIndexPage,
        title="Créer son entreprise",
        slug="creer",
        introduction=(
            "Incubateurs, espaces de coworking, aides et concours : ce que le Lot offre à "
            "celles et ceux qui créent leur activité."
        ),
    )

    partenaires, _ = Group.objects.get_or_create(name=GROUPE_PARTENAIRES)
    moderation, _ = Group.objects.get_or_create(name=GROUPE_MODERATION)
    moderation.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    # The employers snippet and the takeover contacts (the admin copy of each message).
    moderation.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="opportunites",
            codename__in=[
                "view_contactreprise",
                "change_contactreprise",
                "delete_contactreprise",
                "view_employeur",
                "add_employeur",
                "change_employeur",
            ],
        )
    )
    for codename in ("add_page", "change_page", "publish_page"):
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=moderation, page=hub, permission=permission)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_MODERATION)
    tache = GroupApprovalTask.objects.filter(name=TACHE_MODERATION).first()
    if tache is None:
        tache = GroupApprovalTask.objects.create(name=TACHE_MODERATION)
        tache.groups.set([moderation])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=tache, defaults={"sort_order": 0})
    for index in (offres, reprises):
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return Structure(
        hub=hub,
        offres=offres,
        reprises=reprises,
        creation=creation,
        partenaires=partenaires,
        moderation=moderation,
        workflow=workflow,
    )
