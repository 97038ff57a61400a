"""Reused queries on stories: the filtered index, related stories, the latest ones.

Every function here runs a fixed number of queries, whatever the number of
stories: counts are aggregates, and the cards' images, renditions, communes
and profiles are fetched in bulk.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, When
from django.db.models.functions import Substr
from wagtail.models import Page, PageViewRestriction

from lot_portal.territoire.models import CommunauteDeCommunes

from .blocks import Profil
from .models import HistoireIndexPage, HistoirePage, HistoireProfil, Thematique

LONGUEUR_MAX_PARAMETRE = 80


@dataclass(frozen=True)
class Option:
    """One choice of a filter, with the number of stories it would show."""

    valeur: str
    libelle: str
    nombre: int
    choisie: bool


@dataclass
class HistoiresFiltrees:
    histoires: QuerySet
    profil: str
    thematique: Thematique | None
    communaute: CommunauteDeCommunes | None
    options_profils: list[Option]
    options_thematiques: list[Option]
    options_communautes: list[Option]

    @property
    def actifs(self) -> bool:
        return bool(self.profil or self.thematique or self.communaute)


def histoires_publiees(*, index: HistoireIndexPage | None = None) -> QuerySet:
    """Live, public stories (under ``index`` when given), the latest first."""
    histoires = HistoirePage.objects.live().public()
    if index is not None:
        histoires = histoires.child_of(index)
    return histoires.order_by("-first_published_at", "-pk")


def histoires_pour_cartes(histoires: QuerySet) -> QuerySet:
    """``histoires`` with everything a story card shows, fetched in bulk."""
    return histoires.select_related("image", "commune__communaute").prefetch_related(
        "image__renditions", "profils_cibles"
    )


def histoires_recentes(*, limite: int = 3) -> list[HistoirePage]:
    """The latest live stories for the home page: one query, plus one for renditions.

    The privacy check is a subquery (no profile is shown on these cards), which
    keeps the home page within its query budget; ``.public()`` costs a query.
    """
    restriction = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
    )
    histoires = (
        HistoirePage.objects.live()
        .filter(~Exists(restriction))
        .select_related("image", "commune")
        .prefetch_related("image__renditions")
        .order_by("-first_published_at", "-pk")
    )
    return list(histoires[:limite])


def histoires_liees(*, histoire: HistoirePage, limite: int = 3) -> list[HistoirePage]:
    """Up to ``limite`` other stories for the same profiles or in the same commune.

    Stories of the same commune come first, then the most recent.
    """
    profils = [ligne.profil for ligne in histoire.profils_cibles.all()]
    critere = Q(profils_cibles__profil__in=profils)
    if histoire.commune_id:
        critere |= Q(commune_id=histoire.commune_id)
    proches = HistoirePage.objects.filter(critere).values("pk")
    histoires = (
        histoires_publiees()
        .exclude(pk=histoire.pk)
        .filter(pk__in=proches)
        .annotate(
            meme_commune=Case(
                When(commune_id=histoire.commune_id, then=1),
                default=0,
                output_field=IntegerField(),
            )
        )
        .order_by("-meme_commune", "-first_published_at", "-pk")
    )
    return list(histoires_pour_cartes(histoires)[:limite])


def _parametre(parametres, nom: str) -> str:
    valeur = parametres.get(nom, "")
    if not isinstance(valeur, str) or len(valeur) > LONGUEUR_MAX_PARAMETRE:
        return ""
    return valeur.strip()


def histoires_filtrer(*, index: HistoireIndexPage, parametres) -> HistoiresFiltrees:
    """The stories of ``index`` matching the GET ``parametres``, with each option's count.

    Filters: ``profil`` (a ``Profil`` value), ``thematique`` (a theme's slug) and
    ``communaute`` (a communauté de communes' SIREN). Unknown values are ignored.
    Each option counts the stories it would show with the other filters kept.
    """
    base = histoires_publiees(index=index)
    thematiques = list(Thematique.objects.all())
    communautes = list(CommunauteDeCommunes.objects.only("pk", "siren", "nom"))

    profil = _parametre(parametres, "profil")
    if profil not in Profil.values:
        profil = ""
    slug = _parametre(parametres, "thematique")
    thematique = next((t for t in thematiques if t.slug == slug), None) if slug else None
    siren = _parametre(parametres, "communaute")
    communaute = next((c for c in communautes if c.siren == siren), None) if siren else None

    def filtrer(histoires, sauf=""):
        if profil and sauf != "profil":
            histoires = histoires.filter(profils_cibles__profil=profil)
        if thematique and sauf != "thematique":
            histoires = histoires.filter(thematiques=thematique)
        if communaute and sauf != "communaute":
            histoires = histoires.filter(commune__communaute=communaute)
        return histoires

    par_profil = dict(
        HistoireProfil.objects.filter(page__in=filtrer(base, "profil").values("pk"))
        .values_list("profil")
        .annotate(nombre=Count("pk"))
        .order_by()
    )
    par_thematique = dict(
        HistoirePage.thematiques.through.objects.filter(
            histoirepage__in=filtrer(base, "thematique").values("pk")
        )
        .values_list("thematique_id")
        .annotate(nombre=Count("pk"))
        .order_by()
    )
    par_communaute = dict(
        filtrer(base, "communaute")
        .values_list("commune__communaute_id")
        .annotate(nombre=Count("pk"))
        .order_by()
    )
    return HistoiresFiltrees(
        histoires=filtrer(base),
        profil=profil,
        thematique=thematique,
        communaute=communaute,
        options_profils=[
            Option(valeur, libelle, par_profil.get(valeur, 0), valeur == profil)
            for valeur, libelle in Profil.choices
        ],
        options_thematiques=[
            Option(t.slug, t.nom, par_thematique.get(t.pk, 0), t == thematique)
            for t in thematiques
            if par_thematique.get(t.pk) or t == thematique
        ],
        options_communautes=[
            Option(c.siren, c.nom, par_communaute.get(c.pk, 0), c == communaute)
            for c in communautes
            if par_communaute.get(c.pk) or c == communaute
        ],
    )
