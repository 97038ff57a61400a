"""Fake sections, users and hook isolation for the pilotage framework's tests.

The fake sections make no query: whatever the framework adds is its own. ``hooks_isoles``
empties the pilotage hooks registered by the apps (their real sections query the database)
for the duration of a test; tests then register fakes with ``hooks.register_temporarily``.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from fabriques import CommunauteFactory, UtilisateurFactory
from wagtail import hooks

from lot_portal.pilotage.registre import ChiffreCle, Section, Tableau

NOMS_HOOKS = ("pilotage_sections", "pilotage_perimetre", "pilotage_acces")


def isoler_hooks(monkeypatch):
    hooks.search_for_hooks()
    for nom in NOMS_HOOKS:
        monkeypatch.setitem(hooks._hooks, nom, [])


def tableau_barres(slug="par-profil", public=True):
    return Tableau(
        slug=slug,
        titre="Inscriptions par profil",
        colonnes=["Profil", "Inscriptions", "Part (%)"],
        lignes=[["Famille", 1234, 61.7], ["Télétravailleur", 3, 0.15], ["=Formule", 763, 38.15]],
        graphique="barres",
        note="Une inscription par dossier.",
        public=public,
        colonnes_effectifs=(1,),
    )


def tableau_courbe(slug="par-mois"):
    return Tableau(
        slug=slug,
        titre="Inscriptions par mois",
        colonnes=["Mois", "Inscriptions"],
        lignes=[["janv. 2026", 10], ["févr. 2026", 25], ["mars 2026", 0]],
        graphique="courbe",
    )


def tableau_entonnoir(slug="parcours"):
    return Tableau(
        slug=slug,
        titre="Du premier contact à l'installation",
        colonnes=["Étape", "Dossiers", "Délai médian (jours)"],
        lignes=[["Inscrits", 200, None], ["Accompagnés", 50, 12.5], ["Installés", 10, 40.0]],
        graphique="entonnoir",
    )


def tableau_simple(slug="montants"):
    return Tableau(
        slug=slug,
        titre="Montants accordés",
        colonnes=["Appel", "Montant (€)", "Commentaire"],
        lignes=[["Appel 2026", Decimal("1500.50"), "+33 6 00 00 00 00"], ["@appel", 2, "-"]],
        graphique=None,
    )


@dataclass
class SectionFactice:
    """A section whose figures are given; remembers the Filtres it was asked for."""

    slug: str = "arrivants"
    titre: str = "Nouveaux arrivants"
    ordre: int = 10
    tableaux: list = field(default_factory=lambda: [tableau_barres(), tableau_courbe()])
    chiffres: list = field(
        default_factory=lambda: [ChiffreCle("Inscriptions", 12345, "sur la période")]
    )
    par_territoire: bool = True
    appels: list = field(default_factory=list)

    def calculer(self, filtres):
        self.appels.append(filtres)
        return list(self.tableaux)

    def chiffres_cles(self, filtres):
        self.appels.append(filtres)
        return list(self.chiffres)

    def hook(self):
        return Section(
            slug=self.slug,
            titre=self.titre,
            ordre=self.ordre,
            calculer=self.calculer,
            chiffres_cles=self.chiffres_cles,
            par_territoire=self.par_territoire,
        )

    def enregistrer(self):
        return hooks.register_temporarily("pilotage_sections", self.hook)


def groupe_admin():
    """A group that only opens the Wagtail admin (like the editors')."""
    groupe, _ = Group.objects.get_or_create(name="Accès admin (tests)")
    groupe.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return groupe


def utilisateur(role: str):
    """anonyme (None), simple, equipe (staff with admin access), pilotage, superuser,
    referent (staff with admin access: the tests register the hooks that make them one)."""
    if role == "anonyme":
        return None
    if role == "simple":
        return UtilisateurFactory()
    if role == "superuser":
        return UtilisateurFactory(is_staff=True, is_superuser=True)
    compte = UtilisateurFactory(is_staff=True)
    compte.groups.add(groupe_admin())
    if role == "pilotage":
        compte.groups.add(Group.objects.get(name="Pilotage"))
    return compte


def communautes(nombre=3):
    return [
        CommunauteFactory(nom=nom)
        for nom in ("Causses et Vallée de la Dordogne", "Grand Cahors", "Cauvaldor Sud", "Figeac")[
            :nombre
        ]
    ]
