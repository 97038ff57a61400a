"""The « Ambassadeurs » figures of the steering dashboard (issue #8).

Definitions (aggregate queries; the section runs in a fixed number of queries):

- Area: always the ambassador's commune → its communauté de communes (a story, a question or
  a referral counts in the area of the ambassador it belongs to).
- Active ambassador: accepted and available (today's status; availability has no history),
  accepted before the end of the period.
- Ambassador story: a live ``cms.HistoirePage`` whose author account is an ambassador's,
  counted in the period of its first publication.
- Question: asked in the period; answered when the ambassador wrote at least one message in
  it (at any time); the delay is from the question to the ambassador's first message.
- Referral: a newcomer registered with the ambassador's code in the period (rejected ones
  left out); converted when the newcomer has since settled (``converti_le``).
"""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, DurationField, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.db.models.functions import TruncMonth, TruncWeek

from lot_portal.cms.models import HistoirePage
from lot_portal.pilotage.registre import ChiffreCle, Filtres, Section, Tableau
from lot_portal.territoire.models import CommunauteDeCommunes

from .models import Ambassadeur, MessageQuestion, Parrainage, Question, StatutAmbassadeur
from .models.parrainage import ControleParrainage

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


def _zone(filtres: Filtres, commune: str) -> Q:
    if filtres.departement_entier:
        return Q()
    return Q(**{f"{commune}__communaute_id__in": filtres.communautes})


def _pourcentage(partie: int, tout: int) -> float | None:
    return round(100 * partie / tout, 1) if tout else None


def periodes(filtres: Filtres) -> list[date]:
    """The first day of every week (Monday) or month of the period, in order."""
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
        jour = (jour + timedelta(days=32)).replace(day=1)
    return resultat


def libelle_periode(jour: date, granularite: str) -> str:
    if granularite == "semaine":
        return f"Semaine du {jour:%d/%m/%Y}"
    return f"{MOIS[jour.month - 1]} {jour.year}"


def _ambassadeurs(filtres: Filtres) -> tuple[dict, list[CommunauteDeCommunes]]:
    depuis, jusqu_a = filtres.intervalle
    lignes = (
        Ambassadeur.objects.filter(
            _zone(filtres, "commune"), statut=StatutAmbassadeur.ACCEPTE, disponible=True
        )
        .filter(Q(decide_le__isnull=True) | Q(decide_le__lt=jusqu_a))
        .order_by()
        .values("commune__communaute_id")
        .annotate(
            actifs=Count("pk"),
            nouveaux=Count("pk", filter=Q(decide_le__gte=depuis)),
        )
    )
    par_communaute = {
        ligne["commune__communaute_id"]: (ligne["actifs"], ligne["nouveaux"]) for ligne in lignes
    }
    communautes = CommunauteDeCommunes.objects.only("pk", "nom").order_by("nom", "pk")
    if not filtres.departement_entier:
        communautes = communautes.filter(pk__in=filtres.communautes)
    return par_communaute, list(communautes)


def _histoires(filtres: Filtres) -> dict[date, int]:
    depuis, jusqu_a = filtres.intervalle
    zone = ZoneInfo(settings.TIME_ZONE)
    tronquer = TruncWeek if filtres.granularite == "semaine" else TruncMonth
    lignes = (
        HistoirePage.objects.filter(
            _zone(filtres, "auteur__ambassadeur__commune"),
            live=True,
            auteur__ambassadeur__isnull=False,
            first_published_at__gte=depuis,
            first_published_at__lt=jusqu_a,
        )
        .order_by()
        .annotate(periode=tronquer("first_published_at", tzinfo=zone))
        .values("periode")
        .annotate(n=Count("pk"))
    )
    resultat: dict[date, int] = {}
    for ligne in lignes:
        periode = ligne["periode"]
        cle = periode.astimezone(zone).date() if hasattr(periode, "astimezone") else periode
        resultat[cle] = resultat.get(cle, 0) + ligne["n"]
    return resultat


def _questions(filtres: Filtres) -> dict:
    """Asked, answered, and the median delay of the first answer (three queries at most)."""
    depuis, jusqu_a = filtres.intervalle
    premiere_reponse = (
        MessageQuestion.objects.filter(
            question=OuterRef("pk"), auteur=OuterRef("ambassadeur__utilisateur")
        )
        .order_by("envoye_le", "pk")
        .values("envoye_le")[:1]
    )
    questions = Question.objects.filter(
        _zone(filtres, "ambassadeur__commune"), cree_le__gte=depuis, cree_le__lt=jusqu_a
    ).annotate(premiere_reponse=Subquery(premiere_reponse))
    compte = questions.order_by().aggregate(
        posees=Count("pk"), repondues=Count("pk", filter=Q(premiere_reponse__isnull=False))
    )
    mediane = None
    n = compte["repondues"]
    if n:
        delais = list(
            questions.filter(premiere_reponse__isnull=False)
            .annotate(
                delai=ExpressionWrapper(
                    F("premiere_reponse") - F("cree_le"), output_field=DurationField()
                )
            )
            .order_by("delai", "pk")
            .values_list("delai", flat=True)[(n - 1) // 2 : n // 2 + 1]
        )
        mediane = sum(delais, timedelta()) / len(delais)
    return {**compte, "mediane": mediane}


def _parrainages(filtres: Filtres) -> dict:
    depuis, jusqu_a = filtres.intervalle
    return (
        Parrainage.objects.filter(_zone(filtres, "ambassadeur__commune"))
        .exclude(controle=ControleParrainage.REJETE)
        .order_by()
        .aggregate(
            inscrits=Count("pk", filter=Q(enregistre_le__gte=depuis, enregistre_le__lt=jusqu_a)),
            convertis=Count(
                "pk",
                filter=Q(
                    enregistre_le__gte=depuis,
                    enregistre_le__lt=jusqu_a,
                    converti_le__isnull=False,
                ),
            ),
            installes=Count("pk", filter=Q(converti_le__gte=depuis, converti_le__lt=jusqu_a)),
        )
    )


def _jours(duree: timedelta | None) -> float | None:
    return None if duree is None else round(duree.total_seconds() / 86400, 2)


def mesures(filtres: Filtres) -> dict:
    """Every figure of the section, in six queries whatever the volume (five without answers)."""
    par_communaute, communautes = _ambassadeurs(filtres)
    return {
        "ambassadeurs": par_communaute,
        "communautes": communautes,
        "histoires": _histoires(filtres),
        "questions": _questions(filtres),
        "parrainages": _parrainages(filtres),
    }


def calculer(filtres: Filtres) -> list[Tableau]:
    m = mesures(filtres)
    ambassadeurs = [[c.nom, m["ambassadeurs"].get(c.pk, (0, 0))[0]] for c in m["communautes"]]
    histoires = [
        [libelle_periode(jour, filtres.granularite), m["histoires"].get(jour, 0)]
        for jour in periodes(filtres)
    ]
    q = m["questions"]
    p = m["parrainages"]
    return [
        Tableau(
            slug="ambassadeurs_actifs",
            titre="Ambassadeurs actifs par communauté de communes",
            colonnes=["Communauté de communes", "Ambassadeurs actifs"],
            lignes=ambassadeurs,
            graphique="barres",
            note="Actifs : candidature acceptée avant la fin de la période et disponibles "
            "aujourd'hui. Le territoire est celui de la commune de l'ambassadeur.",
            public=True,
            colonnes_effectifs=(1,),
        ),
        Tableau(
            slug="histoires_ambassadeurs",
            titre="Histoires d'ambassadeurs publiées",
            colonnes=["Période", "Histoires publiées"],
            lignes=histoires,
            graphique="courbe",
            note="Histoires en ligne écrites par un ambassadeur, selon la date de leur première "
            "publication.",
            public=True,
        ),
        Tableau(
            slug="questions",
            titre="Questions aux ambassadeurs",
            colonnes=[
                "Questions",
                "Questions posées",
                "Questions avec réponse",
                "Taux de réponse (%)",
                "Délai médian de première réponse (jours)",
            ],
            lignes=[
                [
                    "Posées dans la période",
                    q["posees"],
                    q["repondues"],
                    _pourcentage(q["repondues"], q["posees"]),
                    _jours(q["mediane"]),
                ]
            ],
            note="Une question a une réponse quand l'ambassadeur a écrit au moins un message "
            "dans la conversation ; le délai court de la question à ce premier message.",
            public=True,
            colonnes_effectifs=(1, 2),
        ),
        Tableau(
            slug="parrainages",
            titre="Parrainages",
            colonnes=[
                "Parrainages",
                "Nouveaux arrivants parrainés inscrits",
                "dont installés depuis",
                "Taux d'installation (%)",
                "Installations de parrainés dans la période",
            ],
            lignes=[
                [
                    "Inscrits dans la période",
                    p["inscrits"],
                    p["convertis"],
                    _pourcentage(p["convertis"], p["inscrits"]),
                    p["installes"],
                ]
            ],
            note="Inscriptions avec le code d'un ambassadeur (parrainages rejetés exclus) ; "
            "le territoire est celui de l'ambassadeur.",
            public=True,
            colonnes_effectifs=(1, 2, 4),
        ),
    ]


def chiffres_cles(filtres: Filtres) -> list[ChiffreCle]:
    m = mesures(filtres)
    q = m["questions"]
    taux = _pourcentage(q["repondues"], q["posees"])
    return [
        ChiffreCle("Ambassadeurs actifs", sum(actifs for actifs, _ in m["ambassadeurs"].values())),
        ChiffreCle(
            "Nouveaux ambassadeurs",
            sum(nouveaux for _, nouveaux in m["ambassadeurs"].values()),
            "candidatures acceptées dans la période, disponibles",
        ),
        ChiffreCle("Histoires d'ambassadeurs publiées", sum(m["histoires"].values())),
        ChiffreCle(
            "Questions avec réponse",
            q["repondues"],
            f"sur {q['posees']} question{'s' if q['posees'] > 1 else ''} "
            f"posée{'s' if q['posees'] > 1 else ''}"
            + ("" if taux is None else f" ({taux:.1f} %)".replace(".", ",")),
        ),
        ChiffreCle("Parrainés installés", m["parrainages"]["installes"], "dans la période"),
    ]


def section() -> Section:
    return Section(
        slug="ambassadeurs",
        titre="Ambassadeurs",
        ordre=40,
        calculer=calculer,
        chiffres_cles=chiffres_cles,
    )
