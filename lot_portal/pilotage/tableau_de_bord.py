"""What the dashboard, its exports and the home panel show: the sections a user may see,
computed over some ``Filtres`` and dressed for the templates.

Each section's ``calculer`` and ``chiffres_cles`` run once per page; the framework itself adds
a constant number of queries (the user's area and the communautés of the filter).
"""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from .formatage import est_nombre, nombre_fr
from .graphiques import graphique_svg
from .registre import ChiffreCle, Filtres, Section, Tableau, sections


def sections_visibles(perimetre_utilisateur) -> list[Section]:
    """Every registered section, without those that cannot filter by area when the user is
    restricted to one."""
    return [
        section for section in sections() if perimetre_utilisateur is None or section.par_territoire
    ]


def section_visible(perimetre_utilisateur, slug: str) -> Section | None:
    return next((s for s in sections_visibles(perimetre_utilisateur) if s.slug == slug), None)


@dataclass
class Cellule:
    texte: str
    nombre: bool


@dataclass
class TableauAffiche:
    tableau: Tableau
    ident: str
    graphique: SafeString
    lignes: list[list[Cellule]]

    @property
    def id_titre(self) -> str:
        return f"{self.ident}-titre"


@dataclass
class SectionAffichee:
    section: Section
    chiffres: list[ChiffreCle]
    tableaux: list[TableauAffiche] = field(default_factory=list)


def chiffre_fr(chiffre: ChiffreCle) -> str:
    return nombre_fr(chiffre.valeur)


def tableau_affiche(section: Section, tableau: Tableau) -> TableauAffiche:
    ident = f"pilotage-{section.slug}-{tableau.slug}"
    return TableauAffiche(
        tableau=tableau,
        ident=ident,
        graphique=graphique_svg(tableau, f"{ident}-titre"),
        lignes=[[Cellule(nombre_fr(v), est_nombre(v)) for v in ligne] for ligne in tableau.lignes],
    )


def sections_calculees(perimetre_utilisateur, filtres: Filtres) -> list[SectionAffichee]:
    """Every visible section with its headline numbers and its tables."""
    resultat = []
    for section in sections_visibles(perimetre_utilisateur):
        affichee = SectionAffichee(section=section, chiffres=list(section.chiffres_cles(filtres)))
        affichee.tableaux = [tableau_affiche(section, t) for t in section.calculer(filtres)]
        resultat.append(affichee)
    return resultat


def chiffres_cles_visibles(perimetre_utilisateur, filtres: Filtres) -> list[SectionAffichee]:
    """Only the headline numbers of each visible section (the home panel)."""
    return [
        SectionAffichee(section=section, chiffres=list(section.chiffres_cles(filtres)))
        for section in sections_visibles(perimetre_utilisateur)
    ]
