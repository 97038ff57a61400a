"""Models of the ambassador network."""

from .ambassadeur import Ambassadeur, code_parrainage_nouveau  # noqa: F401
from .annonces import (  # noqa: F401
    Annonce,
    EnvoiAnnonce,
    EtatAnnonce,
    EvenementReseau,
    ReponseChoix,
    ReponseEvenement,
    SegmentAnnonce,
)
from .choix import (  # noqa: F401
    ChampPublic,
    Offre,
    Origine,
    Secteur,
    StatutAmbassadeur,
)
from .hospitalite import (  # noqa: F401
    MiseEnRelationHospitalite,
    NotificationRelecture,
    StatutMiseEnRelation,
)
from .parrainage import ControleParrainage, OffreHospitalite, Parrainage, TypeHospitalite  # noqa: F401
from .questions import MessageQuestion, Question, Signalement, StatutQuestion  # noqa: F401
