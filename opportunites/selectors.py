"""Reused queries of the opportunities' listings: jobs and takeovers, with counts per option.

Every function here runs a fixed number of queries, whatever the number of offers: the counts
of every option of every filter come from ONE aggregate query (a conditional ``Count`` per
option, each with the other filters kept), the page of cards from one query (plus one for
the takeovers' photos and one for their renditions).
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from lot_portal.territoire.models import CommunauteDeCommunes, Commune

from .filtres import (
    CHAMPS,
    VRAI,
    Filtres,
    FiltresOffresForm,
    _choix,
    _liste,
    _unique,
    criteres,
    filtres_lire,
    offres_annoter,
    offres_courantes,
    offres_filtrer,
    offres_ordonner,
)
from .models import (
    Contrat,
    OffreEmploiPage,
    ReprisePage,
    ReprisePhoto,
    Secteur,
    Teletravail,
    TempsTravail,
    TranchePrix,
)

PAR_PAGE = 20
CARTE_MAX = 1000  # offers on the map at most (the nearest or newest first)


@dataclass(frozen=True)
class Option:
    """One choice of a filter, with the number of items it would show (other filters kept)."""

    valeur: str
    libelle: str
    nombre: int
    choisie: bool


@dataclass(frozen=True)
class Facette:
    nom: str  # the GET parameter
    libelle: str  # the legend
    options: list[Option]

    @property
    def choisies(self) -> int:
        return sum(1 for option in self.options if option.choisie)

    @property
    def visibles(self) -> list[Option]:
        """The options worth showing: those with items, and those chosen."""
        return [option for option in self.options if option.nombre or option.choisie]


def _numero_page(valeur, dernier: int) -> int:
    try:
        numero = int(str(valeur).strip()[:6])
    except (TypeError, ValueError):
        return 1
    return min(max(numero, 1), max(dernier, 1))


def _paginer(objets: QuerySet, total: int, numero):
    paginator = Paginator(objets, PAR_PAGE)
    paginator.count = total  # known from the counts: no COUNT query
    return paginator.page(_numero_page(numero, paginator.num_pages))


def _sauf(tous: dict[str, Q], nom: str) -> Q | None:
    """Every criterion but ``nom`` (None when there is none)."""
    autres = [critere for cle, critere in tous.items() if cle != nom]
    if not autres:
        return None
    resultat = autres[0]
    for critere in autres[1:]:
        resultat &= critere
    return resultat


def _compter(base: QuerySet, tous: dict[str, Q], facettes: dict[str, list[tuple[str, Q]]]):
    """One aggregate query: the total and, per facet option, the items it would show.

    ``facettes`` maps a filter name to its options as (value, Q). Each option is counted with
    every other filter applied. Returns (total, {name: {value: count}}).
    """
    agregats = {"total": Count("pk", filter=_sauf(tous, ""))}
    cles = {}
    for nom, options in facettes.items():
        autres = _sauf(tous, nom)
        for position, (valeur, critere) in enumerate(options):
            cle = f"f_{nom}_{position}"
            cles[cle] = (nom, valeur)
            agregats[cle] = Count("pk", filter=critere if autres is None else autres & critere)
    resultats = base.order_by().aggregate(**agregats)
    comptes: dict[str, dict[str, int]] = {nom: {} for nom in facettes}
    for cle, (nom, valeur) in cles.items():
        comptes[nom][valeur] = resultats[cle] or 0
    return resultats["total"] or 0, comptes


# --- Jobs ----------------------------------------------------------------------------------------


@dataclass
class OffresListe:
    form: FiltresOffresForm
    filtres: Filtres
    offres: QuerySet  # every matching offer, ordered (distance annotated with a commune)
    total: int
    facettes: list[Facette] = field(default_factory=list)
    nombre_profil_recherche: int = 0

    @property
    def actifs(self) -> bool:
        return self.filtres.actifs

    def facette(self, nom: str) -> Facette | None:
        return next((f for f in self.facettes if f.nom == nom), None)


def _communautes():
    return list(CommunauteDeCommunes.objects.only("pk", "siren", "nom").order_by("nom"))


def _communes():
    return list(
        Commune.objects.only("pk", "insee", "nom", "latitude", "longitude").order_by("nom", "insee")
    )


def offres_lister(parametres) -> OffresListe:
    """The job listing for the GET ``parametres``: form, ordered offers, total and counts.

    Four queries: territories, communes, the counts, and (when evaluated) the offers.
    """
    communautes = _communautes()
    form = FiltresOffresForm(parametres, communautes=communautes, communes=_communes())
    filtres = form.filtres
    tous = criteres(filtres)
    # q and the radius have no counts of their own: they narrow every count.
    fixes = [tous.pop(nom) for nom in ("q", "rayon") if nom in tous]
    base = offres_annoter(offres_courantes(), filtres)
    for critere in fixes:
        base = base.filter(critere)

    choix = {
        "secteur": Secteur.choices,
        "contrat": Contrat.choices,
        "temps": TempsTravail.choices,
        "teletravail": Teletravail.choices,
    }
    facettes = {
        nom: [(valeur, Q(**{champ: valeur})) for valeur, _ in choix[nom]] for nom, champ in CHAMPS
    }
    facettes["territoire"] = [(c.siren, Q(commune__communaute_id=c.pk)) for c in communautes]
    facettes["profil_recherche"] = [("1", Q(profil_recherche=True))]
    total, comptes = _compter(base, tous, facettes)

    libelles = {
        "secteur": "Secteur",
        "contrat": "Contrat",
        "temps": "Temps de travail",
        "teletravail": "Télétravail",
    }
    resultat = []
    for nom, _ in CHAMPS:
        choisies = set(getattr(filtres, nom))
        resultat.append(
            Facette(
                nom,
                libelles[nom],
                [
                    Option(valeur, str(libelle), comptes[nom][valeur], valeur in choisies)
                    for valeur, libelle in choix[nom]
                ],
            )
        )
    territoires = {c.pk for c in filtres.territoire}
    resultat.append(
        Facette(
            "territoire",
            "Communauté de communes",
            [
                Option(c.siren, c.nom, comptes["territoire"][c.siren], c.pk in territoires)
                for c in communautes
            ],
        )
    )
    offres = base
    for critere in tous.values():
        offres = offres.filter(critere)
    return OffresListe(
        form=form,
        filtres=filtres,
        offres=offres_ordonner(offres, filtres),
        total=total,
        facettes=resultat,
        nombre_profil_recherche=comptes["profil_recherche"]["1"],
    )


def offres_pour_cartes(offres: QuerySet) -> QuerySet:
    """``offres`` with what a card shows, in the same query."""
    return offres.select_related("employeur", "commune")


def offres_page(liste: OffresListe, numero):
    """The page ``numero`` of the listing (nonsense → page 1, beyond the end → the last)."""
    page = _paginer(offres_pour_cartes(liste.offres), liste.total, numero)
    page.object_list = list(page.object_list)
    return page


def offres_carte(parametres, *, url_index: str) -> dict:
    """The markers of the map: the matching offers grouped by commune (one query).

    ``url_index`` is the listing's URL: offers are its children, so their URL is
    ``url_index + slug + "/"`` without a query per offer.
    """
    filtres = filtres_lire(parametres)
    offres = offres_filtrer(offres_courantes().filter(commune__isnull=False), filtres)
    lignes = offres_ordonner(offres, filtres)
    lignes = lignes.values_list(
        "slug",
        "title",
        "employeur__nom",
        "commune__insee",
        "commune__nom",
        "commune__latitude",
        "commune__longitude",
    )[:CARTE_MAX]
    communes: dict[str, dict] = {}
    for slug, titre, employeur, insee, nom, latitude, longitude in lignes:
        commune = communes.setdefault(
            insee,
            {
                "commune": nom,
                "lat": float(latitude),
                "lon": float(longitude),
                "offres": [],
            },
        )
        commune["offres"].append(
            {"titre": titre, "employeur": employeur or "", "url": f"{url_index}{slug}/"}
        )
    return {"communes": list(communes.values()), "limite": CARTE_MAX}


# --- Takeovers -----------------------------------------------------------------------------------


@dataclass
class FiltresReprises:
    secteur: list[str] = field(default_factory=list)
    territoire: list[CommunauteDeCommunes] = field(default_factory=list)
    prix: list[str] = field(default_factory=list)
    locaux: bool = False
    logement: bool = False

    @property
    def actifs(self) -> bool:
        return bool(self.secteur or self.territoire or self.prix or self.locaux or self.logement)

    def criteres(self) -> dict[str, Q]:
        resultat = {}
        if self.secteur:
            resultat["secteur"] = Q(secteur__in=self.secteur)
        if self.territoire:
            resultat["territoire"] = Q(commune__communaute__in=[c.pk for c in self.territoire])
        if self.prix:
            resultat["prix"] = Q(tranche_prix__in=self.prix)
        if self.locaux:
            resultat["locaux"] = Q(locaux_inclus=True)
        if self.logement:
            resultat["logement"] = Q(logement_inclus=True)
        return resultat


def reprises_courantes() -> QuerySet:
    """Live, public takeovers that are published, not expired and not sold (no order)."""
    aujourd_hui = timezone.localdate()
    restriction = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
    )
    return (
        ReprisePage.objects.live()
        .filter(~Exists(restriction))
        .filter(date_publication__lte=aujourd_hui)
        .filter(Q(date_expiration__isnull=True) | Q(date_expiration__gte=aujourd_hui))
        .filter(Q(cedee_le__isnull=True) | Q(cedee_le__gt=aujourd_hui))
    )


@dataclass
class ReprisesListe:
    filtres: FiltresReprises
    reprises: QuerySet
    total: int
    facettes: list[Facette]
    nombre_locaux: int
    nombre_logement: int

    @property
    def actifs(self) -> bool:
        return self.filtres.actifs


def reprises_lister(parametres) -> ReprisesListe:
    """The takeovers listing for the GET ``parametres``, with counts (two queries + the page)."""
    communautes = _communautes()
    par_siren = {c.siren: c for c in communautes}
    filtres = FiltresReprises(
        secteur=_choix(parametres, "secteur", Secteur.values),
        territoire=[
            par_siren[s] for s in dict.fromkeys(_liste(parametres, "territoire")) if s in par_siren
        ],
        prix=_choix(parametres, "prix", TranchePrix.values),
        locaux=_unique(parametres, "locaux") in VRAI,
        logement=_unique(parametres, "logement") in VRAI,
    )
    tous = filtres.criteres()
    facettes = {
        "secteur": [(v, Q(secteur=v)) for v in Secteur.values],
        "territoire": [(c.siren, Q(commune__communaute_id=c.pk)) for c in communautes],
        "prix": [(v, Q(tranche_prix=v)) for v in TranchePrix.values],
        "locaux": [("1", Q(locaux_inclus=True))],
        "logement": [("1", Q(logement_inclus=True))],
    }
    base = reprises_courantes()
    total, comptes = _compter(base, tous, facettes)
    territoires = {c.pk for c in filtres.territoire}
    resultat = [
        Facette(
            "secteur",
            "Secteur",
            [
                Option(v, str(lib), comptes["secteur"][v], v in filtres.secteur)
                for v, lib in Secteur.choices
            ],
        ),
        Facette(
            "territoire",
            "Communauté de communes",
            [
                Option(c.siren, c.nom, comptes["territoire"][c.siren], c.pk in territoires)
                for c in communautes
            ],
        ),
        Facette(
            "prix",
            "Prix demandé",
            [
                Option(v, str(lib), comptes["prix"][v], v in filtres.prix)
                for v, lib in TranchePrix.choices
            ],
        ),
    ]
    reprises = base
    for critere in tous.values():
        reprises = reprises.filter(critere)
    return ReprisesListe(
        filtres=filtres,
        reprises=reprises.order_by("-date_publication", "-first_published_at", "-pk"),
        total=total,
        facettes=resultat,
        nombre_locaux=comptes["locaux"]["1"],
        nombre_logement=comptes["logement"]["1"],
    )


def reprises_page(liste: ReprisesListe, numero):
    """The page ``numero`` of takeovers, with their commune and first photos in bulk."""
    photos = ReprisePhoto.objects.select_related("image").prefetch_related("image__renditions")
    reprises = liste.reprises.select_related("commune").prefetch_related(
        Prefetch("photos", queryset=photos.order_by("sort_order", "pk"))
    )
    page = _paginer(reprises, liste.total, numero)
    page.object_list = list(page.object_list)
    return page


# --- Page contexts -------------------------------------------------------------------------------


def _url_absolue(url: str) -> str:
    from django.conf import settings

    return url if url.startswith(("http://", "https://")) else f"{settings.SITE_URL}{url}"


def offres_index_contexte(index, request) -> dict:
    """The context of the job listing (``OffresIndexPage``): form, counts, page of cards."""
    from django.conf import settings
    from django.urls import NoReverseMatch, reverse

    from .filtres import filtres_libelle, filtres_querystring
    from .services.fiches import salaire_libelle

    liste = offres_lister(request.GET)
    page_offres = offres_page(liste, request.GET.get("page"))
    for offre in page_offres.object_list:
        offre.salaire_texte = salaire_libelle(offre)
        distance = getattr(offre, "distance", None)
        offre.distance_texte = "" if distance is None else f"à {round(distance)} km"
    url = index.get_url(request) or "/"
    requete = filtres_querystring(liste.filtres)
    suffixe = f"?{requete}" if requete else ""
    try:
        url_alerte = reverse("opportunites:alertes_nouvelle") + suffixe
    except NoReverseMatch:
        url_alerte = ""
    tuiles = getattr(settings, "OPPORTUNITES_CARTE_TUILES", "")
    return {
        "liste": liste,
        "form": liste.form,
        "filtres": liste.filtres,
        "page_offres": page_offres,
        "libelle_filtres": filtres_libelle(liste.filtres),
        "url_index": url,
        "url_canonique": _url_absolue(url + suffixe),
        "url_rss": url + index.reverse_subpage("rss") + suffixe,
        "url_alerte": url_alerte,
        "carte": {
            "tuiles": tuiles,
            "attribution": getattr(settings, "OPPORTUNITES_CARTE_ATTRIBUTION", ""),
            "url": url + index.reverse_subpage("carte") + suffixe,
        }
        if tuiles
        else None,
    }


def reprises_index_contexte(index, request) -> dict:
    """The context of the takeovers listing (``ReprisesIndexPage``)."""
    liste = reprises_lister(request.GET)
    url = index.get_url(request) or "/"
    return {
        "liste": liste,
        "filtres": liste.filtres,
        "page_reprises": reprises_page(liste, request.GET.get("page")),
        "url_index": url,
        "url_canonique": _url_absolue(url),
    }


def pages_hors_recherche() -> QuerySet:
    """Primary keys of the live offers and takeovers that left the listings (a subquery).

    Expired, filled or sold: their pages stay online and say so, but the site search should
    not list them. For ``lot_portal.recherche`` (through ``OpportunitesConfig``).
    """
    aujourd_hui = timezone.localdate()
    finie = Q(date_expiration__lt=aujourd_hui)
    offres = OffreEmploiPage.objects.filter(finie | Q(pourvue_le__lte=aujourd_hui))
    reprises = ReprisePage.objects.filter(finie | Q(cedee_le__lte=aujourd_hui))
    return Page.objects.filter(
        Q(pk__in=offres.values("pk")) | Q(pk__in=reprises.values("pk"))
    ).values("pk")
