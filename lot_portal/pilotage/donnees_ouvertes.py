"""The figures published as open data (Licence Ouverte 2.0): public tables only, over the
whole département, for the last 12 full months and for each of the last full years.

Statistical secrecy: any count of people (``Tableau.colonnes_effectifs``) below
``PILOTAGE_SEUIL_PUBLIC`` is replaced by « < N »; the other values of that row (other counts,
percentages, durations derived from it) are replaced by « secret », so that nothing lets the
hidden count be worked out from its row. (Secondary suppression across rows is not done.)

The result is computed once an hour and kept in the cache.
"""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache

from .filtres import aujourd_hui, date_fr, decaler_mois
from .formatage import est_nombre
from .registre import Filtres, sections

LICENCE = "Licence Ouverte / Open Licence version 2.0 (Etalab)"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
SECRET = "secret"
DUREE_CACHE = 3600
COLONNES_CSV = [
    "section",
    "tableau",
    "titre",
    "periode",
    "debut",
    "fin",
    "ligne",
    "colonne",
    "valeur",
]


def source() -> str:
    return f"Département du Lot — portail « Le Lot, terre d'opportunités » ({settings.SITE_URL}/)"


def marque_seuil(seuil: int) -> str:
    return f"< {seuil}"


def periodes_publiees(aujourdhui: date | None = None) -> list[dict]:
    """The last 12 full months, then each of the last full calendar years (most recent
    first): {"cle", "libelle", "debut", "fin"} with dates."""
    aujourdhui = aujourdhui or aujourd_hui()
    debut_mois = aujourdhui.replace(day=1)
    periodes = [
        {
            "cle": "12-derniers-mois",
            "libelle": "12 derniers mois complets",
            "debut": decaler_mois(debut_mois, -12),
            "fin": debut_mois - timedelta(days=1),
        }
    ]
    for recul in range(1, settings.PILOTAGE_ANNEES_PUBLIQUES + 1):
        annee = aujourdhui.year - recul
        periodes.append(
            {
                "cle": str(annee),
                "libelle": f"Année {annee}",
                "debut": date(annee, 1, 1),
                "fin": date(annee, 12, 31),
            }
        )
    return periodes


def _valeur_publique(valeur):
    """Numbers as JSON knows them (Decimal amounts become int or float, floats keep two
    decimals)."""
    if isinstance(valeur, Decimal):
        return int(valeur) if valeur == valeur.to_integral_value() else float(valeur)
    if isinstance(valeur, float):
        return round(valeur, 2)
    return valeur


def ligne_protegee(ligne: list, colonnes_effectifs: tuple[int, ...], seuil: int) -> list:
    """``ligne`` with its small counts hidden (and then the rest of the row)."""
    petites = {
        index
        for index in colonnes_effectifs
        if index < len(ligne) and est_nombre(ligne[index]) and ligne[index] < seuil
    }
    if not petites:
        return [_valeur_publique(v) for v in ligne]
    return [_valeur_publique(ligne[0])] + [
        marque_seuil(seuil) if index in petites else SECRET for index in range(1, len(ligne))
    ]


def _calculer(aujourdhui: date, seuil: int) -> dict:
    periodes = periodes_publiees(aujourdhui)
    tableaux = []
    liste_sections = sections()
    for periode in periodes:
        filtres = Filtres(debut=periode["debut"], fin=periode["fin"], communautes=None)
        description = {
            "cle": periode["cle"],
            "libelle": periode["libelle"],
            "debut": periode["debut"].isoformat(),
            "fin": periode["fin"].isoformat(),
        }
        for section in liste_sections:
            for tableau in section.calculer(filtres):
                if not tableau.public:
                    continue
                tableaux.append(
                    {
                        "section": section.slug,
                        "section_titre": section.titre,
                        "tableau": tableau.slug,
                        "titre": tableau.titre,
                        "periode": description,
                        "colonnes": list(tableau.colonnes),
                        "lignes": [
                            ligne_protegee(list(ligne), tableau.colonnes_effectifs, seuil)
                            for ligne in tableau.lignes
                        ],
                        "note": tableau.note,
                    }
                )
    principale = periodes[0]
    return {
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "source": source(),
        "mise_a_jour": aujourdhui.isoformat(),
        "periode": {
            "libelle": principale["libelle"],
            "debut": principale["debut"].isoformat(),
            "fin": principale["fin"].isoformat(),
        },
        "periodes": [
            {
                "cle": p["cle"],
                "libelle": p["libelle"],
                "debut": p["debut"].isoformat(),
                "fin": p["fin"].isoformat(),
            }
            for p in periodes
        ],
        "seuil": seuil,
        "tableaux": tableaux,
    }


def donnees_publiques() -> dict:
    """Everything published, from the cache when computed within the hour."""
    aujourdhui = aujourd_hui()
    seuil = settings.PILOTAGE_SEUIL_PUBLIC
    cle = (
        f"pilotage:donnees-ouvertes:{aujourdhui.isoformat()}:{seuil}:"
        f"{settings.PILOTAGE_ANNEES_PUBLIQUES}"
    )
    donnees = cache.get(cle)
    if donnees is None:
        donnees = _calculer(aujourdhui, seuil)
        cache.set(cle, donnees, DUREE_CACHE)
    return donnees


def csv_public(donnees: dict) -> bytes:
    """The long format: one row per (table, period, row, column) value. UTF-8 without BOM,
    « , » between fields, « . » as the decimal separator, first line the column names."""
    sortie = io.StringIO()
    ecrivain = csv.writer(sortie, lineterminator="\r\n")
    ecrivain.writerow(COLONNES_CSV)
    for tableau in donnees["tableaux"]:
        periode = tableau["periode"]
        for ligne in tableau["lignes"]:
            for colonne, valeur in zip(tableau["colonnes"][1:], ligne[1:], strict=False):
                ecrivain.writerow(
                    [
                        tableau["section"],
                        tableau["tableau"],
                        tableau["titre"],
                        periode["libelle"],
                        periode["debut"],
                        periode["fin"],
                        ligne[0],
                        colonne,
                        "" if valeur is None else valeur,
                    ]
                )
    return sortie.getvalue().encode("utf-8")


def periode_fr(periode: dict) -> str:
    return (
        f"du {date_fr(date.fromisoformat(periode['debut']))} "
        f"au {date_fr(date.fromisoformat(periode['fin']))}"
    )
