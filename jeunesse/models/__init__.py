from .appels import (
    AppelAProjets,
    CritereEvaluation,
    DocumentRequis,
    MembreJury,
    QuestionComplementaire,
)
from .candidatures import (
    Candidature,
    CommentaireMentor,
    DemandeComplement,
    LigneBudget,
    MembreEquipe,
    Mentor,
    Message,
    PieceJointe,
    PointComplement,
    ReponseQuestion,
    Transition,
)
from .choix import Statut
from .idees import Idee, Vote
from .jury import Affectation, Note
from .suivi import ActionSoutien, EntreeJournal, RapportProjet, Versement

__all__ = [
    "ActionSoutien",
    "Affectation",
    "AppelAProjets",
    "Candidature",
    "CommentaireMentor",
    "CritereEvaluation",
    "DemandeComplement",
    "DocumentRequis",
    "EntreeJournal",
    "Idee",
    "LigneBudget",
    "MembreEquipe",
    "MembreJury",
    "Mentor",
    "Message",
    "Note",
    "PieceJointe",
    "PointComplement",
    "QuestionComplementaire",
    "RapportProjet",
    "ReponseQuestion",
    "Statut",
    "Transition",
    "Versement",
    "Vote",
]
