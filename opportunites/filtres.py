"""The filters of the job listing: the contract shared by the listing, its RSS and the alerts.

``parametres`` is what a visitor put in the listing's query string: a ``QueryDict`` (a GET)
or a plain dict of lists or strings (what ``Alerte.filtres`` stores, see ``filtres_nettoyes``).

- ``FiltresOffresForm(parametres)``: the filters as a form. Invalid values are dropped before
  the form sees them, so it is always valid and keeps every valid choice of the visitor.
- ``offres_filtrees(parametres)``: the live, public, current offers matching the filters,
  newest first (or nearest first with ``tri=proche`` and a commune).
- ``filtres_libelle(parametres)``: a short French summary
  (« CDI · Santé et social · Grand-Figeac »).
- ``filtres_nettoyes(parametres)``: the valid filters only, as a JSON-able dict of lists and
  strings, which ``offres_filtrees`` reads back the same way.

Nothing here raises on nonsense input: unknown codes, letters for numbers, overlong strings,
null bytes are ignored.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django import forms
from django.db.models import Exists, F, FloatField, OuterRef, Q, QuerySet
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt, Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from lot_portal.recherche.selectors import requete_analyser
from lot_portal.territoire.models import CommunauteDeCommunes, Commune

from .models import Contrat, OffreEmploiPage, Secteur, Teletravail, TempsTravail

RAYONS = (10, 20, 30, 50)
RAYON_TERRE_KM = 6371.0
KM_PAR_DEGRE = 111.2
LONGUEUR_MAX_VALEUR = 200
VALEURS_MAX = 20  # per multiple filter: more is nonsense (13 sectors at most)
VRAI = frozenset({"1", "on", "true", "oui", "True"})


# Multiple filters on a field of the offer: (parameter, field).
CHAMPS = (
    ("secteur", "secteur"),
    ("contrat", "contrat"),
    ("temps", "temps_travail"),
    ("teletravail", "teletravail"),
)


class Tri:
    RECENT = "recent"
    PROCHE = "proche"
    CHOICES = [(RECENT, "Les plus récentes"), (PROCHE, "Les plus proches")]


# --- Reading raw parameters ------------------------------------------------------------------


def _liste(parametres, nom: str) -> list[str]:
    """Every string value of ``nom``, whatever the container (QueryDict, dict of lists/str)."""
    if parametres is None:
        return []
    if hasattr(parametres, "getlist"):
        valeurs = parametres.getlist(nom)
    else:
        valeurs = parametres.get(nom, [])
        if not isinstance(valeurs, list | tuple):
            valeurs = [valeurs]
    resultat = []
    for valeur in valeurs[: VALEURS_MAX * 2]:
        if isinstance(valeur, bool):
            valeur = "1" if valeur else ""
        elif isinstance(valeur, int | float):
            valeur = str(valeur)
        if not isinstance(valeur, str) or len(valeur) > LONGUEUR_MAX_VALEUR:
            continue
        valeur = valeur.replace("\x00", "").strip()
        if valeur:
            resultat.append(valeur)
    return resultat


def _unique(parametres, nom: str) -> str:
    valeurs = _liste(parametres, nom)
    return valeurs[-1] if valeurs else ""


def _choix(parametres, nom: str, valides) -> list[str]:
    """The valid values of a multiple filter, without duplicates, in the visitor's order."""
    valides = set(valides)
    return list(dict.fromkeys(v for v in _liste(parametres, nom) if v in valides))[:VALEURS_MAX]


@dataclass
class Filtres:
    """The valid filters of one request (territory and commune resolved from the database)."""

    q: str = ""
    secteur: list[str] = field(default_factory=list)
    contrat: list[str] = field(default_factory=list)
    temps: list[str] = field(default_factory=list)
    teletravail: list[str] = field(default_factory=list)
    territoire: list[CommunauteDeCommunes] = field(default_factory=list)
    commune: Commune | None = None
    rayon: int | None = None
    profil_recherche: bool = False
    tri: str = Tri.RECENT

    @property
    def actifs(self) -> bool:
        """Whether anything narrows the listing (the sort does not)."""
        return bool(
            self.q
            or self.secteur
            or self.contrat
            or self.temps
            or self.teletravail
            or self.territoire
            or (self.commune and self.rayon)
            or self.profil_recherche
        )

    def en_dict(self) -> dict:
        """The JSON-able dict of lists and strings (``filtres_nettoyes``)."""
        resultat: dict = {}
        if self.q:
            resultat["q"] = self.q
        for nom in ("secteur", "contrat", "temps", "teletravail"):
            if getattr(self, nom):
                resultat[nom] = list(getattr(self, nom))
        if self.territoire:
            resultat["territoire"] = [c.siren for c in self.territoire]
        if self.commune:
            resultat["commune"] = self.commune.insee
            if self.rayon:
                resultat["rayon"] = str(self.rayon)
            if self.tri == Tri.PROCHE:
                resultat["tri"] = Tri.PROCHE
        if self.profil_recherche:
            resultat["profil_recherche"] = "1"
        return resultat


def filtres_lire(parametres, *, communautes=None, commune=None) -> Filtres:
    """Parse ``parametres`` into ``Filtres``; at most two queries (territories, commune).

    ``communautes`` (every ``CommunauteDeCommunes``) and ``commune`` may be given when the
    caller already has them, to save the queries.
    """
    filtres = Filtres()
    q = " ".join(_unique(parametres, "q").split())[:100]
    filtres.q = q if requete_analyser(q).mots else ""
    filtres.secteur = _choix(parametres, "secteur", Secteur.values)
    filtres.contrat = _choix(parametres, "contrat", Contrat.values)
    filtres.temps = _choix(parametres, "temps", TempsTravail.values)
    filtres.teletravail = _choix(parametres, "teletravail", Teletravail.values)
    sirens = [s for s in _liste(parametres, "territoire") if s.isascii() and s.isdigit()]
    if sirens:
        if communautes is None:
            communautes = CommunauteDeCommunes.objects.filter(siren__in=sirens[:VALEURS_MAX])
        par_siren = {c.siren: c for c in communautes}
        filtres.territoire = [par_siren[s] for s in dict.fromkeys(sirens) if s in par_siren]
    insee = _unique(parametres, "commune")
    if commune is not None and commune.insee == insee:
        filtres.commune = commune
    elif len(insee) == 5 and insee.isascii() and insee.isalnum():
        filtres.commune = Commune.objects.filter(insee=insee.upper()).first()
    rayon = _unique(parametres, "rayon")
    if filtres.commune and rayon in {str(r) for r in RAYONS}:
        filtres.rayon = int(rayon)
    filtres.profil_recherche = _unique(parametres, "profil_recherche") in VRAI
    if filtres.commune and _unique(parametres, "tri") == Tri.PROCHE:
        filtres.tri = Tri.PROCHE
    return filtres


# --- The form ----------------------------------------------------------------------------------


class FiltresOffresForm(forms.Form):
    """The job listing's filters (GET). Invalid values are dropped, never reported.

    ``FiltresOffresForm(parametres)`` is bound to the valid values only, so ``is_valid()`` holds
    and the widgets show back what the visitor chose. ``form.filtres`` is the parsed
    ``Filtres``.
    """

    q = forms.CharField(
        label="Mots-clés",
        required=False,
        max_length=100,
        help_text="Un métier, une compétence, un employeur…",
    )
    secteur = forms.MultipleChoiceField(
        label="Secteur",
        required=False,
        choices=Secteur.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    contrat = forms.MultipleChoiceField(
        label="Contrat",
        required=False,
        choices=Contrat.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    temps = forms.MultipleChoiceField(
        label="Temps de travail",
        required=False,
        choices=TempsTravail.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    teletravail = forms.MultipleChoiceField(
        label="Télétravail",
        required=False,
        choices=Teletravail.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    territoire = forms.MultipleChoiceField(
        label="Communauté de communes",
        required=False,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
    )
    commune = forms.ChoiceField(
        label="Autour de la commune",
        required=False,
        choices=[],
        help_text="Pour chercher à une distance donnée ou trier par proximité.",
    )
    rayon = forms.TypedChoiceField(
        label="Dans un rayon de",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Toute distance"), *((str(r), f"{r} km") for r in RAYONS)],
    )
    profil_recherche = forms.BooleanField(
        label="Seulement les profils recherchés",
        required=False,
        help_text="Les métiers rares dans le Lot : santé, ingénierie, numérique…",
    )
    tri = forms.ChoiceField(
        label="Trier par",
        required=False,
        choices=Tri.CHOICES,
        help_text="« Les plus proches » demande une commune.",
    )

    def __init__(self, data=None, *args, communautes=None, communes=None, **kwargs):
        """``communautes`` and ``communes`` (iterables of models) save their queries."""
        if communautes is None:
            communautes = CommunauteDeCommunes.objects.only("pk", "siren", "nom")
        communautes = list(communautes)
        if communes is None:
            communes = Commune.objects.only("pk", "insee", "nom").order_by("nom", "insee")
        communes = list(communes)
        self.filtres = filtres_lire(
            data, communautes=communautes, commune=self._commune(data, communes)
        )
        if data is not None:
            data = self.filtres.en_dict()
            if self.filtres.tri == Tri.RECENT:
                data.pop("tri", None)
        super().__init__(data, *args, **kwargs)
        self.fields["territoire"].choices = [(c.siren, c.nom) for c in communautes]
        self.fields["commune"].choices = [("", "Toutes les communes")] + [
            (c.insee, c.nom) for c in communes
        ]

    @staticmethod
    def _commune(data, communes):
        insee = _unique(data, "commune")
        return next((c for c in communes if c.insee == insee), None) if insee else None


# --- Queries -----------------------------------------------------------------------------------


def offres_courantes() -> QuerySet:
    """Live, public offers that are published, not expired and not filled (no order)."""
    aujourd_hui = timezone.localdate()
    restriction = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
    )
    return (
        OffreEmploiPage.objects.live()
        .filter(~Exists(restriction))
        .filter(date_publication__lte=aujourd_hui)
        .filter(Q(date_expiration__isnull=True) | Q(date_expiration__gte=aujourd_hui))
        .filter(Q(pourvue_le__isnull=True) | Q(pourvue_le__gt=aujourd_hui))
    )


def distance_km(latitude, longitude):
    """A Haversine expression: kilometres between ``commune`` and the point (SQLite and PG)."""
    lat = Radians(Cast("commune__latitude", FloatField()))
    lon = Radians(Cast("commune__longitude", FloatField()))
    lat0 = math.radians(float(latitude))
    lon0 = math.radians(float(longitude))
    a = Power(Sin((lat - lat0) / 2), 2) + math.cos(lat0) * Cos(lat) * Power(
        Sin((lon - lon0) / 2), 2
    )
    return 2 * RAYON_TERRE_KM * ASin(Sqrt(a))


def boite(commune: Commune, rayon: int) -> Q:
    """The bounding box of ``rayon`` km around ``commune`` (an indexable prefilter)."""
    dlat = rayon / KM_PAR_DEGRE
    dlon = rayon / (KM_PAR_DEGRE * max(math.cos(math.radians(float(commune.latitude))), 0.01))
    lat, lon = float(commune.latitude), float(commune.longitude)
    return Q(
        commune__latitude__gte=Decimal(f"{lat - dlat:.5f}"),
        commune__latitude__lte=Decimal(f"{lat + dlat:.5f}"),
        commune__longitude__gte=Decimal(f"{lon - dlon:.5f}"),
        commune__longitude__lte=Decimal(f"{lon + dlon:.5f}"),
    )


def _texte(q: str) -> Q:
    """Every word of ``q`` in the title, employer, commune, description or profile."""
    critere = Q()
    for mot in requete_analyser(q).mots[:8]:
        critere &= (
            Q(title__icontains=mot)
            | Q(employeur__nom__icontains=mot)
            | Q(commune__nom__icontains=mot)
            | Q(description__icontains=mot)
            | Q(profil__icontains=mot)
        )
    return critere


def offres_annoter(offres: QuerySet, filtres: Filtres) -> QuerySet:
    """With a commune, ``distance`` (km) annotated on every offer (None without a commune)."""
    if filtres.commune is None:
        return offres
    return offres.annotate(
        distance=distance_km(filtres.commune.latitude, filtres.commune.longitude)
    )


def criteres(filtres: Filtres) -> dict[str, Q]:
    """One ``Q`` per active filter, by name. "rayon" needs ``offres_annoter`` first."""
    resultat = {}
    if filtres.q:
        resultat["q"] = _texte(filtres.q)
    for nom, champ in CHAMPS:
        valeurs = getattr(filtres, nom)
        if valeurs:
            resultat[nom] = Q(**{f"{champ}__in": valeurs})
    if filtres.territoire:
        resultat["territoire"] = Q(commune__communaute__in=[c.pk for c in filtres.territoire])
    if filtres.profil_recherche:
        resultat["profil_recherche"] = Q(profil_recherche=True)
    if filtres.commune is not None and filtres.rayon:
        resultat["rayon"] = boite(filtres.commune, filtres.rayon) & Q(distance__lte=filtres.rayon)
    return resultat


def offres_filtrer(offres: QuerySet, filtres: Filtres, *, sauf: str = "") -> QuerySet:
    """``offres`` narrowed by ``filtres``, except the filter named ``sauf`` (for the counts).

    With a commune, every offer gets a ``distance`` annotation (km).
    """
    offres = offres_annoter(offres, filtres)
    for nom, critere in criteres(filtres).items():
        if nom != sauf:
            offres = offres.filter(critere)
    return offres


def offres_ordonner(offres: QuerySet, filtres: Filtres) -> QuerySet:
    if filtres.tri == Tri.PROCHE and filtres.commune is not None:
        return offres.order_by(
            F("distance").asc(nulls_last=True), "-date_publication", "-first_published_at", "-pk"
        )
    return offres.order_by("-date_publication", "-first_published_at", "-pk")


def offres_filtrees(parametres, *, filtres: Filtres | None = None) -> QuerySet:
    """Live, public, current offers matching ``parametres``, newest first.

    ``tri=proche`` with a commune orders them nearest first (``distance`` annotated in km).
    """
    if filtres is None:
        filtres = filtres_lire(parametres)
    return offres_ordonner(offres_filtrer(offres_courantes(), filtres), filtres)


# --- Summaries ----------------------------------------------------------------------------------


def filtres_nettoyes(parametres) -> dict:
    """The valid filters only: a JSON-able dict of lists and strings (what an alert saves)."""
    if isinstance(parametres, Filtres):
        return parametres.en_dict()
    return filtres_lire(parametres).en_dict()


def filtres_querystring(parametres) -> str:
    """The valid filters as a query string (no leading "?"), e.g. for a link to the listing."""
    return urlencode(filtres_nettoyes(parametres), doseq=True)


def filtres_libelle(parametres) -> str:
    """A short French summary of the filters: « CDI · Santé et social · Grand-Figeac »."""
    filtres = parametres if isinstance(parametres, Filtres) else filtres_lire(parametres)
    parties = []
    if filtres.q:
        parties.append(f"« {filtres.q} »")
    for valeurs, choix in (
        (filtres.contrat, Contrat),
        (filtres.secteur, Secteur),
        (filtres.temps, TempsTravail),
        (filtres.teletravail, Teletravail),
    ):
        libelles = dict(choix.choices)
        if valeurs:
            parties.append(", ".join(str(libelles[v]) for v in valeurs))
    if filtres.territoire:
        parties.append(", ".join(c.nom for c in filtres.territoire))
    if filtres.commune is not None and filtres.rayon:
        parties.append(f"à {filtres.rayon} km de {filtres.commune.nom}")
    elif filtres.commune is not None and filtres.tri == Tri.PROCHE:
        parties.append(f"près de {filtres.commune.nom}")
    if filtres.profil_recherche:
        parties.append("profils recherchés")
    return " · ".join(parties) if parties else "Toutes les offres"
