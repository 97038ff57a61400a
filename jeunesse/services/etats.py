"""The state machine of an application: the only code that changes ``Candidature.statut``.

``TRANSITIONS`` maps each allowed (from, to) pair to who may make it: the applicant's team
(« candidat ») or the instructors (« instruction »). Anything else is refused with a French
message. Each change is written as a ``Transition`` row and, in the same transaction, the
emails to the team are written to the outbox (sent by Celery after commit).
"""

from django.db import transaction
from django.utils import timezone

from ..models import Candidature, Transition
from ..models.choix import Statut

CANDIDAT = "candidat"
INSTRUCTION = "instruction"

TRANSITIONS: dict[tuple[str, str], str] = {
    (Statut.BROUILLON, Statut.DEPOSE): CANDIDAT,
    (Statut.DEPOSE, Statut.EN_INSTRUCTION): INSTRUCTION,
    (Statut.DEPOSE, Statut.COMPLEMENT_DEMANDE): INSTRUCTION,
    (Statut.DEPOSE, Statut.SANS_SUITE): INSTRUCTION,
    (Statut.EN_INSTRUCTION, Statut.COMPLEMENT_DEMANDE): INSTRUCTION,
    (Statut.EN_INSTRUCTION, Statut.RETENU): INSTRUCTION,
    (Statut.EN_INSTRUCTION, Statut.NON_RETENU): INSTRUCTION,
    (Statut.EN_INSTRUCTION, Statut.SANS_SUITE): INSTRUCTION,
    (Statut.COMPLEMENT_DEMANDE, Statut.DEPOSE): CANDIDAT,
    (Statut.COMPLEMENT_DEMANDE, Statut.SANS_SUITE): INSTRUCTION,
}

STATUTS_FINAUX = (Statut.RETENU, Statut.NON_RETENU, Statut.SANS_SUITE)

# What the applicant reads on their timeline: where the application stands, what comes next.
PROCHAINE_ETAPE = {
    Statut.BROUILLON: "Complétez votre dossier puis déposez-le avant la clôture de l'appel.",
    Statut.DEPOSE: "Votre dossier est déposé. L'équipe du Département va l'examiner.",
    Statut.EN_INSTRUCTION: "Votre dossier est en cours d'examen, puis il passera devant le jury.",
    Statut.COMPLEMENT_DEMANDE: (
        "Corrigez les points signalés puis déposez de nouveau votre dossier."
    ),
    Statut.RETENU: "Votre projet est retenu : confirmez que vous acceptez l'aide.",
    Statut.NON_RETENU: "Votre projet n'a pas été retenu pour cet appel.",
    Statut.SANS_SUITE: "Ce dossier est classé sans suite.",
}


class TransitionRefusee(Exception):
    """A change of state that is not allowed; ``str(e)`` is a French message for the user."""


def transitions_possibles(statut: str, role: str) -> list[str]:
    """The states ``role`` may move an application to from ``statut``."""
    return [vers for (de, vers), qui in TRANSITIONS.items() if de == statut and qui == role]


def transition_appliquer(
    candidature: Candidature,
    vers: str,
    *,
    auteur,
    role: str,
    commentaire: str = "",
    maintenant=None,
) -> Transition:
    """Move ``candidature`` to ``vers`` on behalf of ``auteur`` acting as ``role``.

    Locks the row, re-reads the state, checks the move is allowed for the role (and, for a
    first submission, that the call is still open: server time, Europe/Paris deadline), then
    records the transition and writes the team's email to the outbox. Raises
    ``TransitionRefusee``. Returns the ``Transition`` row.
    """
    from ..notifications import transition_notifier

    maintenant = maintenant or timezone.now()
    with transaction.atomic():
        courante = (
            Candidature.objects.select_for_update().select_related("appel").get(pk=candidature.pk)
        )
        de = courante.statut
        qui = TRANSITIONS.get((de, vers))
        if qui is None:
            raise TransitionRefusee(
                f"Un dossier « {Statut(de).label.lower()} » ne peut pas passer à "
                f"« {Statut(vers).label.lower()} »."
            )
        if qui != role:
            raise TransitionRefusee("Vous ne pouvez pas effectuer ce changement d'état.")
        premier_depot = de == Statut.BROUILLON and vers == Statut.DEPOSE
        if premier_depot and not courante.appel.est_ouvert(maintenant):
            raise TransitionRefusee(
                "L'appel est clos : la date limite de dépôt est dépassée, "
                "votre brouillon n'a pas été déposé."
            )
        courante.statut = vers
        champs = ["statut", "modifie_le"]
        if vers == Statut.DEPOSE and courante.depose_le is None:
            courante.depose_le = maintenant
            champs.append("depose_le")
        if vers in STATUTS_FINAUX:
            courante.decide_le = maintenant
            champs.append("decide_le")
            if commentaire and vers != Statut.RETENU:
                courante.motif_decision = commentaire
                champs.append("motif_decision")
        courante.save(update_fields=champs)
        transition = Transition.objects.create(
            candidature=courante, de=de, vers=vers, auteur=auteur, commentaire=commentaire
        )
        transition_notifier(transition)
    # Keep the caller's instance in step with the database.
    for champ in ("statut", "depose_le", "decide_le", "motif_decision", "modifie_le"):
        setattr(candidature, champ, getattr(courante, champ))
    return transition
