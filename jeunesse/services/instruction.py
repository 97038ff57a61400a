"""The instruction of applications by the staff (Wagtail admin, area « instruction »).

A view validates its form, then calls one of these functions. State changes always go
through ``services.etats.transition_appliquer``.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Prefetch

from ..models import (
    AppelAProjets,
    Candidature,
    DemandeComplement,
    Message,
    PieceJointe,
    PointComplement,
    ReponseQuestion,
    Transition,
)
from ..models.choix import Statut
from .champs import champs_de_l_appel
from .eligibilite import age_a
from .etats import INSTRUCTION, transition_appliquer, transitions_possibles

# Decisions are taken from the ranking of the call (area « jury »), not from the file page.
DECISIONS = (Statut.RETENU, Statut.NON_RETENU)

LIBELLES_ACTIONS = {
    Statut.EN_INSTRUCTION: "Prendre en instruction",
    Statut.SANS_SUITE: "Classer sans suite",
    Statut.COMPLEMENT_DEMANDE: "Demander un complément",
}


@dataclass(frozen=True)
class Point:
    """One field to fix in a request for a complement."""

    champ: str
    motif: str
    precision: str = ""


def dossier_charger(pk: int) -> Candidature:
    """A submitted application with everything its file page shows, in a fixed number of
    queries whatever the number of members, lines, answers, attachments or messages.
    Drafts are private to their team: ``Candidature.DoesNotExist`` for them."""
    return (
        Candidature.objects.deposees()
        .select_related("appel", "porteur", "commune")
        .prefetch_related(
            "membres",
            "lignes_budget",
            "mentors",
            Prefetch(
                "reponses",
                queryset=ReponseQuestion.objects.select_related("question", "piece").order_by(
                    "question__sort_order", "question_id"
                ),
            ),
            Prefetch(
                "pieces",
                queryset=PieceJointe.objects.select_related("document", "question"),
            ),
            Prefetch("transitions", queryset=Transition.objects.select_related("auteur")),
            Prefetch("messages", queryset=Message.objects.select_related("auteur")),
            Prefetch(
                "demandes_complement",
                queryset=DemandeComplement.objects.select_related("auteur").prefetch_related(
                    "points"
                ),
            ),
        )
        .get(pk=pk)
    )


def equipe_avec_ages(candidature: Candidature) -> list[dict]:
    """The team, each member with their age at the call's closing date (Europe/Paris)."""
    jour = candidature.appel.date_cloture_locale
    return [
        {
            "membre": membre,
            "age": age_a(membre.date_naissance, jour) if membre.date_naissance else None,
        }
        for membre in candidature.membres.all()
    ]


def actions_possibles(candidature: Candidature) -> list[str]:
    """The states an instructor may move the application to from its file page."""
    return [
        vers
        for vers in transitions_possibles(candidature.statut, INSTRUCTION)
        if vers not in DECISIONS
    ]


def complement_demander(
    candidature: Candidature, *, auteur, message: str, points: list[Point]
) -> DemandeComplement:
    """Record what must be fixed, field by field, and send the application back to its
    team (the state machine emails them, listing the points). All or nothing: a refused
    transition (``TransitionRefusee``) leaves no request behind."""
    if not points:
        raise ValueError("Une demande de complément porte sur au moins un point.")
    libelles = dict(champs_de_l_appel(candidature.appel))
    with transaction.atomic():
        demande = DemandeComplement.objects.create(
            candidature=candidature, auteur=auteur, message=message.strip()
        )
        PointComplement.objects.bulk_create(
            PointComplement(
                demande=demande,
                champ=point.champ,
                libelle_champ=libelles.get(point.champ, point.champ)[:250],
                motif=point.motif,
                precision=point.precision.strip(),
            )
            for point in points
        )
        transition_appliquer(
            candidature,
            Statut.COMPLEMENT_DEMANDE,
            auteur=auteur,
            role=INSTRUCTION,
            commentaire=message.strip(),
        )
    return demande


def etat_changer(candidature: Candidature, *, vers: str, auteur, commentaire: str = ""):
    """Take the application in (« en instruction ») or close it (« sans suite ») from the
    file page. Decisions and complements have their own paths."""
    if vers not in (Statut.EN_INSTRUCTION, Statut.SANS_SUITE):
        from .etats import TransitionRefusee

        raise TransitionRefusee("Ce changement d'état ne se fait pas depuis le dossier.")
    return transition_appliquer(
        candidature, vers, auteur=auteur, role=INSTRUCTION, commentaire=commentaire.strip()
    )


def comptes_par_statut(appel: AppelAProjets) -> list[dict]:
    """Submitted applications of the call by state, in the order of the states (one query)."""
    comptes = dict(
        Candidature.objects.filter(appel=appel)
        .deposees()
        .values_list("statut")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [
        {"statut": statut, "libelle": libelle, "nombre": comptes.get(statut, 0)}
        for statut, libelle in Statut.choices
        if statut != Statut.BROUILLON
    ]
