"""Models of the opportunities: pages (jobs, takeovers, creation), employers, alerts, contacts."""

from .alertes import Alerte, AlerteEnvoi
from .choix import (
    Contrat,
    FrequenceAlerte,
    Organisme,
    PeriodeSalaire,
    Secteur,
    Teletravail,
    TempsTravail,
    TrancheCA,
    TrancheEffectif,
    TranchePrix,
    TypeAccompagnement,
)
from .contacts import ContactReprise
from .employeurs import Employeur
from .pages import (
    CreationIndexPage,
    CreationPage,
    OffreEmploiPage,
    OffresIndexPage,
    OpportunitesPage,
    ReprisePage,
    ReprisePhoto,
    ReprisesIndexPage,
)

__all__ = [
    "Alerte",
    "AlerteEnvoi",
    "ContactReprise",
    "Contrat",
    "CreationIndexPage",
    "CreationPage",
    "Employeur",
    "FrequenceAlerte",
    "OffreEmploiPage",
    "OffresIndexPage",
    "OpportunitesPage",
    "Organisme",
    "PeriodeSalaire",
    "ReprisePage",
    "ReprisePhoto",
    "ReprisesIndexPage",
    "Secteur",
    "TempsTravail",
    "Teletravail",
    "TrancheCA",
    "TrancheEffectif",
    "TranchePrix",
    "TypeAccompagnement",
]
