"""Site search over every live, public page, whatever its type.

The portal's page types live in other apps and keep arriving: nothing here
imports them. Types are read from ``content_type`` and labelled with the
specific model's ``verbose_name_plural``.
"""

import logging
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldError
from django.core.paginator import Page as PageDePagination
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from wagtail import hooks
from wagtail.models import Page
from wagtail.search.backends.base import FieldError as SearchFieldError
from wagtail.search.query import And, Or, Phrase, PlainText

logger = logging.getLogger(__name__)

LONGUEUR_MAX = 200
MOTS_MAX = 16
RESULTATS_PAR_PAGE = 10
# Letters and digits only: everything else (quotes aside, handled before) is
# a separator, so no character can reach the full-text syntax of a backend.
MOT = re.compile(r"[^\W_]+")
# Short French words that carry no meaning for search. PostgreSQL's french
# configuration drops them too; SQLite's FTS5 would otherwise require them.
_MOTS_VIDES = """a au aux c ce ces d dans de des du en est et il j l la le les leur leurs m ma
mes mon n ne ni nos notre nous on ou par pas pour qu que qui s sa se ses son sur t ta te
tes ton un une vos votre vous y à où"""
MOTS_VIDES = frozenset(_MOTS_VIDES.split())


@dataclass(frozen=True)
class Requete:
    """What the visitor typed, cleaned: the text shown back, and the words."""

    texte: str = ""
    mots: tuple[str, ...] = ()
    expressions: tuple[str, ...] = ()  # between double quotes: searched as phrases

    @property
    def vide(self) -> bool:
        return not (self.mots or self.expressions)

    @property
    def termes(self) -> list[str]:
        """Words to highlight: the searched words and those of the phrases."""
        termes = list(self.mots)
        for expression in self.expressions:
            termes += [mot for mot in expression.split() if mot.lower() not in MOTS_VIDES]
        return termes

    def pour_wagtail(self, operateur: str = "and"):
        parties = []
        if self.mots:
            parties.append(PlainText(" ".join(self.mots), operator=operateur))
        parties += [Phrase(expression) for expression in self.expressions]
        if len(parties) == 1:
            return parties[0]
        return And(parties) if operateur == "and" else Or(parties)


def requete_analyser(brute: str) -> Requete:
    """Clean a visitor's query: at most 200 characters, words and "phrases"."""
    texte = " ".join((brute or "").replace("\x00", " ").split())[:LONGUEUR_MAX].strip()
    mots: list[str] = []
    expressions: list[str] = []
    parties = texte.split('"')
    for position, partie in enumerate(parties):
        mots_partie = MOT.findall(partie)
        # Odd parts sit between two quotes; an unclosed quote is ignored.
        entre_guillemets = position % 2 == 1 and position < len(parties) - 1
        if entre_guillemets and len(mots_partie) > 1:
            expressions.append(" ".join(mots_partie))
        else:
            mots += mots_partie
    utiles = [mot for mot in mots if mot.lower() not in MOTS_VIDES]
    if utiles or expressions:
        mots = utiles
    return Requete(
        texte=texte,
        mots=tuple(dict.fromkeys(mots))[:MOTS_MAX],
        expressions=tuple(dict.fromkeys(expressions))[:MOTS_MAX],
    )


@dataclass(frozen=True)
class TypeDePage:
    cle: str  # "app_label.model", the value of ?type=
    libelle: str  # the specific model's verbose_name_plural
    nombre: int


@dataclass
class Recherche:
    requete: Requete
    types: list[TypeDePage] = field(default_factory=list)
    type_actif: TypeDePage | None = None
    total: int = 0  # every type
    page: PageDePagination | None = None  # this page of results, specific pages
    elargie: bool = False  # no page had every word: pages with any of them
    erreur: bool = False

    @property
    def nombre(self) -> int:
        return self.type_actif.nombre if self.type_actif else self.total


def _types_presents(pages, requete_wagtail) -> list[tuple[ContentType, int]]:
    compteurs = pages.search(requete_wagtail, order_by_relevance=False).facet("content_type_id")
    compteurs = {pk: nombre for pk, nombre in compteurs.items() if pk and nombre}
    if not compteurs:
        return []
    types = ContentType.objects.in_bulk(list(compteurs))
    return [(types[pk], nombre) for pk, nombre in compteurs.items() if pk in types]


def _libelle(content_type: ContentType) -> str:
    modele = content_type.model_class()
    return str(modele._meta.verbose_name_plural if modele else content_type.name)


def _numero(valeur, dernier: int) -> int:
    try:
        numero = int(str(valeur))
    except (TypeError, ValueError):
        return 1
    return min(max(numero, 1), dernier)


def pages_rechercher(
    *, requete: Requete, type_cle: str = "", numero_page=1, par_page: int = RESULTATS_PAR_PAGE
) -> Recherche:
    """Search the live, public pages; count the matches of each page type.

    ``type_cle`` ("app_label.model") keeps one type; a type absent from the
    matches is ignored. The page of results holds specific pages, loaded with
    one query per page type whatever their number. Never raises on a bad
    query: a backend error gives an empty result with ``erreur`` set.
    """
    recherche = Recherche(requete=requete)
    if requete.vide:
        return recherche
    pages = Page.objects.live().public()
    # Feature apps leave out pages that are live but over (expired offers…): hook
    # « recherche_pages_exclues » returns a queryset or list of page ids.
    for exclues in (fonction() for fonction in hooks.get_hooks("recherche_pages_exclues")):
        pages = pages.exclude(pk__in=exclues)
    try:
        # A savepoint, so that a failed query leaves a usable connection.
        with transaction.atomic():
            requete_wagtail = requete.pour_wagtail("and")
            presents = _types_presents(pages, requete_wagtail)
            if not presents and len(requete.mots) + len(requete.expressions) > 1:
                requete_wagtail = requete.pour_wagtail("or")
                presents = _types_presents(pages, requete_wagtail)
                recherche.elargie = bool(presents)
            presents.sort(key=lambda paire: (-paire[1], _libelle(paire[0])))
            recherche.types = [
                TypeDePage(cle=f"{ct.app_label}.{ct.model}", libelle=_libelle(ct), nombre=n)
                for ct, n in presents
            ]
            recherche.total = sum(type_.nombre for type_ in recherche.types)
            if not recherche.total:
                return recherche
            for (content_type, _), type_ in zip(presents, recherche.types, strict=True):
                if type_.cle == type_cle:
                    recherche.type_actif = type_
                    pages = pages.filter(content_type=content_type)
            resultats = pages.specific().search(requete_wagtail)
            paginator = Paginator(resultats, par_page)
            paginator.count = recherche.nombre  # known from the counts: no COUNT query
            page = paginator.page(_numero(numero_page, paginator.num_pages))
            page.object_list = list(page.object_list)
            recherche.page = page
    except (
        DatabaseError,
        FieldError,
        SearchFieldError,
        ValueError,
        TypeError,
        NotImplementedError,
    ):
        # Never the text typed (it may be a name): its length only.
        logger.warning("Search failed (%d characters)", len(requete.texte), exc_info=True)
        return Recherche(requete=requete, erreur=True)
    return recherche
