"""Queries of the public pages of the youth calls (hub, list, detail, eligibility).

Each function returns rows ready for templates (related rows selected or prefetched), so a
page runs the same number of queries whatever the number of calls.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from .models import AppelAProjets, CritereEvaluation, DocumentRequis, QuestionComplementaire
from .models.choix import TypeAppel

CLOS_AFFICHES = 6


@dataclass
class AppelsGroupes:
    """The published calls in three groups, and how many there are in each."""

    ouverts: list = field(default_factory=list)
    a_venir: list = field(default_factory=list)
    clos: list = field(default_factory=list)
    nombre_ouverts: int = 0
    nombre_a_venir: int = 0
    nombre_clos: int = 0

    @property
    def clos_masques(self) -> int:
        return max(self.nombre_clos - len(self.clos), 0)

    @property
    def total(self) -> int:
        return self.nombre_ouverts + self.nombre_a_venir + self.nombre_clos


def jours_restants(appel, maintenant=None) -> int:
    """Calendar days (Europe/Paris) left before the closing day: 0 on the last day."""
    maintenant = maintenant or timezone.now()
    return (appel.date_cloture_locale - timezone.localtime(maintenant).date()).days


def _annoter(appels, maintenant):
    for appel in appels:
        appel.jours_restants = jours_restants(appel, maintenant)
    return appels


def appels_publies(type_appel: str | None = None):
    """Published calls, optionally of one type (``TypeAppel`` value; anything else: all)."""
    appels = AppelAProjets.objects.publies()
    if type_appel in TypeAppel.values:
        appels = appels.filter(type_appel=type_appel)
    return appels


def appels_groupes(
    *, type_appel: str | None = None, clos_max: int | None = CLOS_AFFICHES, maintenant=None
) -> AppelsGroupes:
    """Open calls (deadline soonest first), upcoming (opening soonest first) and closed ones
    (most recent first, at most ``clos_max`` unless None), with the count of each group.

    Four queries whatever the number of calls: one count per group in a single aggregate,
    then one per group."""
    maintenant = maintenant or timezone.now()
    base = appels_publies(type_appel)
    ouvert = Q(ouverture__lte=maintenant, cloture__gt=maintenant)
    a_venir = Q(ouverture__gt=maintenant)
    clos = Q(cloture__lte=maintenant)
    nombres = base.aggregate(
        ouverts=Count("pk", filter=ouvert),
        a_venir=Count("pk", filter=a_venir),
        clos=Count("pk", filter=clos),
    )
    groupes = AppelsGroupes(
        nombre_ouverts=nombres["ouverts"],
        nombre_a_venir=nombres["a_venir"],
        nombre_clos=nombres["clos"],
    )
    if groupes.nombre_ouverts:
        groupes.ouverts = _annoter(
            list(base.filter(ouvert).order_by("cloture", "titre")), maintenant
        )
    if groupes.nombre_a_venir:
        groupes.a_venir = list(base.filter(a_venir).order_by("ouverture", "titre"))
    if groupes.nombre_clos and clos_max != 0:
        clos_qs = base.filter(clos).order_by("-cloture", "titre")
        groupes.clos = list(clos_qs[:clos_max] if clos_max else clos_qs)
    return groupes


def appels_ouverts(*, exclure=None, maintenant=None) -> list:
    """Open published calls, deadline soonest first (with ``jours_restants``)."""
    maintenant = maintenant or timezone.now()
    appels = AppelAProjets.objects.ouverts(maintenant).order_by("cloture", "titre")
    if exclure is not None:
        appels = appels.exclude(pk=exclure.pk)
    return _annoter(list(appels), maintenant)


def appel_public(slug: str, *, apercu: bool = False):
    """The call at ``slug`` with its criteria, questions, documents and image, or None.

    Unpublished calls only when ``apercu`` (an instructor previewing)."""
    appels = AppelAProjets.objects.all() if apercu else AppelAProjets.objects.publies()
    return (
        appels.select_related("image")
        .prefetch_related(
            Prefetch("criteres", queryset=CritereEvaluation.objects.order_by("sort_order", "pk")),
            Prefetch(
                "questions", queryset=QuestionComplementaire.objects.order_by("sort_order", "pk")
            ),
            Prefetch("documents", queryset=DocumentRequis.objects.order_by("sort_order", "pk")),
        )
        .filter(slug=slug)
        .first()
    )
