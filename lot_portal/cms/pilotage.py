"""The « Contenus » figures of the steering dashboard (see ``lot_portal.pilotage.registre``).

A story counts when it is online today (live, not behind a view restriction) and was first
published during the period (``first_published_at``). Its area is its commune → communauté de
communes: with an area filter, a story without a commune is left out (``par_territoire=True``).
Target profiles are ``HistoireProfil`` rows (one per profile), counted with a GROUP BY.

``calculer`` runs two aggregate queries and ``chiffres_cles`` one, whatever the number of
stories.
"""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef
from django.db.models.functions import Substr, TruncMonth, TruncWeek
from wagtail.models import Page, PageViewRestriction

from lot_portal.pilotage.registre import ChiffreCle, Filtres, Section, Tableau

from .blocks import Profil
from .models import HistoirePage, HistoireProfil

SLUG = "contenus"
TITRE = "Contenus"
ORDRE = 60

MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

NOTE_PUBLIEES = (
    "Histoires en ligne aujourd'hui (publiées et non protégées), comptées à la date de leur "
    "première publication."
)
NOTE_TERRITOIRE = (
    "Filtre de territoire : seules les histoires dont la commune est dans le territoire choisi "
    "sont comptées."
)


def histoires_publiees(filtres: Filtres):
    """Stories online today, first published during the period, in the area of ``filtres``."""
    debut, fin = filtres.intervalle
    # The privacy check as a subquery (``.public()`` would cost a query of its own).
    restriction = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
    )
    histoires = (
        HistoirePage.objects.live()
        .filter(~Exists(restriction))
        .filter(first_published_at__gte=debut, first_published_at__lt=fin)
    )
    if not filtres.departement_entier:
        histoires = histoires.filter(commune__communaute_id__in=filtres.communautes)
    return histoires


def periodes(filtres: Filtres) -> list[date]:
    """The first day of every month (or Monday of every week) the period touches."""
    if filtres.granularite == "semaine":
        jour = filtres.debut - timedelta(days=filtres.debut.weekday())
        resultat = []
        while jour <= filtres.fin:
            resultat.append(jour)
            jour += timedelta(days=7)
        return resultat
    jour = filtres.debut.replace(day=1)
    resultat = []
    while jour <= filtres.fin:
        resultat.append(jour)
        jour = date(jour.year + 1, 1, 1) if jour.month == 12 else jour.replace(month=jour.month + 1)
    return resultat


def libelle_periode(jour: date, granularite: str) -> str:
    if granularite == "semaine":
        return f"Semaine du {jour:%d/%m/%Y}"
    return f"{MOIS[jour.month - 1]} {jour.year}"


def _note(*phrases: str) -> str:
    return " ".join(p for p in phrases if p)


def tableau_histoires_mois(filtres: Filtres) -> Tableau:
    zone = ZoneInfo(settings.TIME_ZONE)
    semaine = filtres.granularite == "semaine"
    tronquer = TruncWeek if semaine else TruncMonth
    par_periode = {}
    for ligne in (
        histoires_publiees(filtres)
        .annotate(periode=tronquer("first_published_at", tzinfo=zone))
        .values("periode")
        .annotate(nombre=Count("pk"))
        .order_by("periode")
    ):
        jour = ligne["periode"].astimezone(zone).date()
        par_periode[jour] = par_periode.get(jour, 0) + ligne["nombre"]
    return Tableau(
        slug="histoires_mois",
        titre="Histoires publiées par semaine" if semaine else "Histoires publiées par mois",
        colonnes=["Période", "Histoires publiées"],
        lignes=[
            [libelle_periode(jour, filtres.granularite), par_periode.get(jour, 0)]
            for jour in periodes(filtres)
        ],
        graphique="courbe",
        note=" ".join(
            p for p in (NOTE_PUBLIEES, "" if filtres.departement_entier else NOTE_TERRITOIRE) if p
        ),
        public=True,
    )


def tableau_histoires_profil(filtres: Filtres) -> Tableau:
    par_profil = dict(
        HistoireProfil.objects.filter(page__in=histoires_publiees(filtres).values("pk"))
        .values("profil")
        .annotate(nombre=Count("page_id", distinct=True))
        .order_by("profil")
        .values_list("profil", "nombre")
    )
    return Tableau(
        slug="histoires_profil",
        titre="Histoires publiées pendant la période, par profil visé",
        colonnes=["Profil visé", "Histoires publiées"],
        lignes=[[profil.label, par_profil.get(profil.value, 0)] for profil in Profil],
        graphique="barres",
        note=_note(
            NOTE_PUBLIEES,
            "Une histoire peut viser plusieurs profils : elle est comptée pour chacun.",
            "" if filtres.departement_entier else NOTE_TERRITOIRE,
        ),
        public=True,
    )


def calculer(filtres: Filtres) -> list[Tableau]:
    return [tableau_histoires_mois(filtres), tableau_histoires_profil(filtres)]


def chiffres_cles(filtres: Filtres) -> list[ChiffreCle]:
    chiffres = histoires_publiees(filtres).aggregate(
        histoires=Count("pk"), communes=Count("commune", distinct=True)
    )
    territoire = "" if filtres.departement_entier else " (territoire choisi)"
    return [
        ChiffreCle(
            "Histoires publiées",
            chiffres["histoires"] or 0,
            f"Première publication pendant la période, en ligne aujourd'hui{territoire}.",
        ),
        ChiffreCle(
            "Communes racontées",
            chiffres["communes"] or 0,
            f"Communes où se passent les histoires publiées pendant la période{territoire}.",
        ),
    ]


def section() -> Section:
    return Section(
        slug=SLUG,
        titre=TITRE,
        ordre=ORDRE,
        calculer=calculer,
        chiffres_cles=chiffres_cles,
        par_territoire=True,
    )
