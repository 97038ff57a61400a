"""The cms app's models: the site's pages and settings, and the stories."""

from .histoires import HistoireIndexPage, HistoirePage, HistoireProfil, Thematique
from .pages import HomePage, PageSimple, ParametresSite

__all__ = [
    "HistoireIndexPage",
    "HistoirePage",
    "HistoireProfil",
    "Thematique",
    "HomePage",
    "PageSimple",
    "ParametresSite",
]
