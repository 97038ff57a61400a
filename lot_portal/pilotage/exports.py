"""CSV and XLSX exports of one table of the dashboard.

The CSV is made for a French spreadsheet: UTF-8 with a BOM, « ; » between the columns and a
decimal comma. The XLSX keeps real numbers; a second sheet says what the table is. In both,
a text cell starting with « = + - @ » (or a tab or carriage return) gets a leading « ' » so
that no spreadsheet runs it as a formula.
"""

import csv
import io
import re
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from .formatage import est_nombre
from .registre import Filtres, Section, Tableau

DEBUTS_DANGEREUX = ("=", "+", "-", "@", "\t", "\r")


def neutraliser(valeur):
    """Text that a spreadsheet could read as a formula, made inert; numbers untouched."""
    if valeur is None or est_nombre(valeur):
        return valeur
    texte = str(valeur)
    return "'" + texte if texte.startswith(DEBUTS_DANGEREUX) else texte


def _nombre_csv(valeur):
    if isinstance(valeur, float):
        return f"{valeur:.4f}".rstrip("0").rstrip(".").replace(".", ",")
    if isinstance(valeur, Decimal):
        return str(valeur).replace(".", ",")
    return valeur


def nom_fichier(section: Section, tableau: Tableau, filtres: Filtres, extension: str) -> str:
    return (
        f"pilotage-{section.slug}-{tableau.slug}-"
        f"{filtres.debut.isoformat()}_{filtres.fin.isoformat()}.{extension}"
    )


def csv_tableau(tableau: Tableau) -> bytes:
    sortie = io.StringIO()
    ecrivain = csv.writer(sortie, delimiter=";", lineterminator="\r\n")
    ecrivain.writerow([neutraliser(colonne) for colonne in tableau.colonnes])
    for ligne in tableau.lignes:
        ecrivain.writerow(["" if v is None else _nombre_csv(neutraliser(v)) for v in ligne])
    return ("\ufeff" + sortie.getvalue()).encode("utf-8")


def _cellule_xlsx(valeur):
    valeur = neutraliser(valeur)
    return ILLEGAL_CHARACTERS_RE.sub("", valeur) if isinstance(valeur, str) else valeur


def _titre_feuille(titre: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", " ", titre).strip()[:31] or "Tableau"


def xlsx_tableau(
    section: Section, tableau: Tableau, filtres: Filtres, periode: str, territoire: str
) -> bytes:
    classeur = Workbook()
    feuille = classeur.active
    feuille.title = _titre_feuille(tableau.titre)
    feuille.append([_cellule_xlsx(colonne) for colonne in tableau.colonnes])
    for cellule in feuille[1]:
        cellule.font = Font(bold=True)
    for ligne in tableau.lignes:
        feuille.append([_cellule_xlsx(v) for v in ligne])
    for lettre, largeur in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (36,) + (18,) * 25, strict=False):
        feuille.column_dimensions[lettre].width = largeur
    feuille.freeze_panes = "A2"

    infos = classeur.create_sheet("Informations")
    for libelle, valeur in (
        ("Section", section.titre),
        ("Tableau", tableau.titre),
        ("Période", periode),
        ("Territoire", territoire),
        ("Note", tableau.note),
        ("Exporté le", timezone.localtime().strftime("%d/%m/%Y %H:%M")),
    ):
        infos.append([libelle, _cellule_xlsx(valeur)])
    infos.column_dimensions["A"].width = 14
    infos.column_dimensions["B"].width = 80
    sortie = io.BytesIO()
    classeur.save(sortie)
    return sortie.getvalue()
