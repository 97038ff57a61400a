"""Models of the ambassador network."""

from .ambassadeur import Ambassadeur, code_parrainage_nouveau  # noqa: F401
from .choix import (  # noqa: F401
    ChampPublic,
    Offre,
    Origine,
    Secteur,
    StatutAmbassadeur,
)
