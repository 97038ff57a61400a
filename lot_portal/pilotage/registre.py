"""The steering committee's figures: the contract between the dashboard and the apps.

The core knows no feature app. Each app that has figures registers, in its
``wagtail_hooks.py``, a function for the Wagtail hook ``pilotage_sections`` that returns a
``Section``; the dashboard (admin), the home panel and the open-data page call
``Section.calculer(filtres)`` and render what it returns: ``Tableau`` objects (one table, and
optionally the chart of that table). Every figure is an aggregate query: a section computes
in a bounded number of queries whatever the volume.

The area a user may see comes from the hook ``pilotage_perimetre`` (registered by accueil: a
welcome referent of a communauté de communes sees that area only): ``perimetre(user)``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from wagtail import hooks

GRANULARITES = {"semaine": "Par semaine", "mois": "Par mois"}


@dataclass(frozen=True)
class Filtres:
    """What the figures are computed over.

    ``debut`` and ``fin`` are included days (Europe/Paris). ``communautes`` is None for the
    whole département, else the ids of the communautés de communes to keep (an empty tuple
    keeps nothing). ``granularite`` is « semaine » or « mois » for the time series.
    """

    debut: date
    fin: date
    communautes: tuple[int, ...] | None = None
    granularite: str = "mois"

    @property
    def intervalle(self) -> tuple[datetime, datetime]:
        """[debut 00:00, fin + 1 day 00:00) as aware datetimes in Europe/Paris."""
        zone = ZoneInfo(settings.TIME_ZONE)
        return (
            datetime.combine(self.debut, time.min, tzinfo=zone),
            datetime.combine(self.fin + timedelta(days=1), time.min, tzinfo=zone),
        )

    @property
    def departement_entier(self) -> bool:
        return self.communautes is None


@dataclass
class Tableau:
    """One table of figures; the first column is the row label.

    ``graphique``: how to chart it — « barres » (horizontal bars of the first numeric column),
    « courbe » (a time series: the label is a period), « entonnoir » (a funnel, rows in
    order) — or None for a table only. ``public``: may be published on the open-data page
    (aggregated and anonymous); ``colonnes_effectifs``: indexes of the columns that count
    people, where the open data hides any value below ``PILOTAGE_SEUIL_PUBLIC``.
    """

    slug: str
    titre: str
    colonnes: list[str]
    lignes: list[list]
    graphique: str | None = None
    note: str = ""
    public: bool = False
    colonnes_effectifs: tuple[int, ...] = ()


@dataclass
class ChiffreCle:
    """A headline number for the admin home panel and the top of a section."""

    libelle: str
    valeur: int | float | str
    detail: str = ""


@dataclass
class Section:
    """A group of figures (« Nouveaux arrivants », « Opportunités »…).

    ``calculer(filtres) -> list[Tableau]``; ``chiffres_cles(filtres) -> list[ChiffreCle]``.
    ``par_territoire``: whether ``calculer`` honours ``filtres.communautes``; a section that
    cannot is not shown to users restricted to an area.
    """

    slug: str
    titre: str
    ordre: int
    calculer: Callable[[Filtres], list[Tableau]]
    chiffres_cles: Callable[[Filtres], list[ChiffreCle]] = field(default=lambda filtres: [])
    par_territoire: bool = True


def sections() -> list[Section]:
    """Every registered section, in order."""
    return sorted(
        (fonction() for fonction in hooks.get_hooks("pilotage_sections")), key=lambda s: s.ordre
    )


def perimetre(utilisateur) -> tuple[int, ...] | None:
    """The communautés ``utilisateur`` may see (None: the whole département).

    Superusers see everything; otherwise the first ``pilotage_perimetre`` hook that returns
    something other than None decides."""
    if utilisateur.is_superuser:
        return None
    for fonction in hooks.get_hooks("pilotage_perimetre"):
        resultat = fonction(utilisateur)
        if resultat is not None:
            return tuple(resultat)
    return None
