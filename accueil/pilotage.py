"""The welcome journey's steering figures: « Nouveaux arrivants » and « Réseau d'accueil ».

Registered with the ``pilotage_sections`` hook (``wagtail_hooks.py``); see
``lot_portal.pilotage.registre`` for the contract. Every figure is an aggregate query and
each section runs a fixed number of queries whatever the volume:

- « Nouveaux arrivants » (``arrivants``): 7 queries for the tables, 1 for the headline
  numbers. Files are those registered in the period (``cree_le``), in the area of the
  follow-up (``communaute``); anonymised files count (they keep their statistics).
- « Réseau d'accueil » (``reseau``): 2 queries for the table, 1 for the headline numbers;
  the state of the open files today (the period does not apply).
"""

import statistics
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Count,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from lot_portal.pilotage.registre import ChiffreCle, Filtres, Section, Tableau
from lot_portal.territoire.models import CommunauteDeCommunes

from .models import ChangementStatut, ParcoursAccueil, Referent
from .models.choix import STATUTS_CLOS, ProfilArrivant, StatutParcours

# --- Shared helpers -----------------------------------------------------------------------

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
ZONE_NON_PRECISEE = "Zone non précisée"
NON_ATTRIBUE = "Non attribué"


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _taux(partie, total) -> float:
    """``partie`` out of ``total`` as a percentage (0–100), one decimal; 0 when empty."""
    return round(100 * partie / total, 1) if total else 0.0


def _taux_texte(taux: float) -> str:
    return f"{taux:.1f}".replace(".", ",") + " %"


def _dans_la_zone(queryset, filtres: Filtres, champ: str = "communaute"):
    """Keep the rows of ``filtres.communautes`` (None: the whole département)."""
    if filtres.communautes is None:
        return queryset
    return queryset.filter(**{f"{champ}__in": filtres.communautes})


def _inscrits(filtres: Filtres):
    """The files registered in the period, in the area."""
    debut, fin = filtres.intervalle
    return _dans_la_zone(
        ParcoursAccueil.objects.filter(cree_le__gte=debut, cree_le__lt=fin), filtres
    )


def _installes(filtres: Filtres):
    """The files settled in the period (``installe_le``), in the area."""
    periode = Q(installe_le__gte=filtres.debut, installe_le__lte=filtres.fin)
    return _dans_la_zone(ParcoursAccueil.objects.filter(periode), filtres)


def _libelle_profil(valeur: str) -> str:
    """« Seconde vie : je cherche… » → « Seconde vie »: the short name of a profile."""
    try:
        return str(ProfilArrivant(valeur).label).split(" : ")[0]
    except ValueError:
        return valeur or "Non renseigné"


# --- Registrations per period -------------------------------------------------------------


def _debut_periode(jour: date, granularite: str) -> date:
    if granularite == "semaine":
        return jour - timedelta(days=jour.weekday())
    return jour.replace(day=1)


def _periode_suivante(jour: date, granularite: str) -> date:
    if granularite == "semaine":
        return jour + timedelta(days=7)
    return date(jour.year + jour.month // 12, jour.month % 12 + 1, 1)


def _libelle_periode(jour: date, granularite: str) -> str:
    if granularite == "semaine":
        return f"Semaine du {jour:%d/%m/%Y}"
    return f"{MOIS[jour.month - 1]} {jour.year}"


def periodes(filtres: Filtres) -> list[date]:
    """The first day of every week (Monday) or month overlapping the period, in order."""
    jour = _debut_periode(filtres.debut, filtres.granularite)
    resultat = []
    while jour <= filtres.fin:
        resultat.append(jour)
        jour = _periode_suivante(jour, filtres.granularite)
    return resultat


def bornes_periodes(filtres: Filtres) -> list[tuple[date, datetime, datetime]]:
    """Each period's first day and its [start, end) instants (local midnights, clipped to
    the filter's interval): DST-safe boundaries in Europe/Paris."""
    debut, fin = filtres.intervalle
    jours = periodes(filtres)
    instants = [datetime.combine(jour, time.min, tzinfo=_zone()) for jour in jours[1:]]
    return list(zip(jours, [debut, *instants], [*instants, fin], strict=True))


def tableau_inscriptions_periode(filtres: Filtres) -> Tableau:
    # One conditional count per week or month, in one query: the groups
    # TruncWeek/TruncMonth(tzinfo=Europe/Paris) would make, without their per-row time zone
    # conversion (a Python function per row on SQLite: 4 times slower at 50,000 files).
    bornes = bornes_periodes(filtres)
    comptes = _inscrits(filtres).aggregate(
        **{
            f"p{index}": Count("pk", filter=Q(cree_le__gte=debut, cree_le__lt=fin))
            for index, (_, debut, fin) in enumerate(bornes)
        }
    )
    unite = "semaine" if filtres.granularite == "semaine" else "mois"
    return Tableau(
        slug="inscriptions_periode",
        titre=f"Inscriptions par {unite}",
        colonnes=["Période", "Inscriptions"],
        lignes=[
            [_libelle_periode(jour, filtres.granularite), comptes[f"p{index}"]]
            for index, (jour, _, _) in enumerate(bornes)
        ],
        graphique="courbe",
        note="Dossiers d'accueil créés sur la période (semaines commençant le lundi).",
        public=True,
        colonnes_effectifs=(1,),
    )


# --- Registrations by profile, area, source --------------------------------------------


def groupes_inscriptions(filtres: Filtres) -> list[dict]:
    """The period's registrations counted by (profile, communauté, source class): one
    grouped query (at most 6 × 20 × 5 rows) from which the three breakdowns are summed."""
    return list(
        _inscrits(filtres)
        .annotate(classe=classe_source())
        .order_by()
        .values("profil", "communaute", "classe")
        .annotate(n=Count("pk"))
    )


def _repartition(groupes: list[dict], cle: str) -> dict:
    comptes = {}
    for groupe in groupes:
        comptes[groupe[cle]] = comptes.get(groupe[cle], 0) + groupe["n"]
    return comptes


def tableau_inscriptions_profil(filtres: Filtres, groupes: list[dict] | None = None) -> Tableau:
    if groupes is None:
        groupes = groupes_inscriptions(filtres)
    comptes = _repartition(groupes, "profil")
    total = sum(comptes.values())
    profils = list(ProfilArrivant.values) + sorted(set(comptes) - set(ProfilArrivant.values))
    return Tableau(
        slug="inscriptions_profil",
        titre="Inscriptions par profil",
        colonnes=["Profil", "Inscriptions", "Part (%)"],
        lignes=[
            [_libelle_profil(profil), comptes.get(profil, 0), _taux(comptes.get(profil, 0), total)]
            for profil in profils
        ],
        graphique="barres",
        public=True,
        colonnes_effectifs=(1,),
    )


def tableau_inscriptions_communaute(filtres: Filtres, groupes: list[dict] | None = None) -> Tableau:
    if groupes is None:
        groupes = groupes_inscriptions(filtres)
    comptes = _repartition(groupes, "communaute")
    total = sum(comptes.values())
    communautes = _dans_la_zone(CommunauteDeCommunes.objects.all(), filtres, "pk")
    noms = dict(communautes.values_list("pk", "nom"))
    lignes = [
        [nom, comptes.get(pk, 0), _taux(comptes.get(pk, 0), total)] for pk, nom in noms.items()
    ]
    lignes.sort(key=lambda ligne: (-ligne[1], ligne[0]))
    if comptes.get(None):
        lignes.append([ZONE_NON_PRECISEE, comptes[None], _taux(comptes[None], total)])
    return Tableau(
        slug="inscriptions_communaute",
        titre="Inscriptions par communauté de communes",
        colonnes=["Communauté de communes", "Inscriptions", "Part (%)"],
        lignes=lignes,
        graphique="barres",
        note="Secteur de suivi du dossier ; « Zone non précisée » : suivi par l'équipe "
        "départementale, le nouvel arrivant ne sachant pas encore où s'installer.",
        public=True,
        colonnes_effectifs=(1,),
    )


# Where a registration comes from, first matching rule wins (see ``classe_source``).
SOURCE_PARRAINAGE = "parrainage"
SOURCE_CAMPAGNE = "campagne"
SOURCE_RECHERCHE = "recherche"
SOURCE_PARTENAIRE = "partenaire"
SOURCE_DIRECT = "direct"
SOURCES = {
    SOURCE_CAMPAGNE: "Campagne",
    SOURCE_PARRAINAGE: "Parrainage d'un ambassadeur",
    SOURCE_RECHERCHE: "Moteur de recherche",
    SOURCE_PARTENAIRE: "Site partenaire",
    SOURCE_DIRECT: "Accès direct ou autre",
}
# ``utm_source`` values naming a search engine (matched as substrings, any case).
MOTEURS_DE_RECHERCHE = ("google", "bing", "qwant", "duckduckgo", "ecosia", "yahoo", "lilo")
# ``utm_medium`` values marking a partner's link (substrings, any case).
MEDIUMS_PARTENAIRES = ("partenaire", "partenariat", "partner", "referral")


def _ou(conditions) -> Q:
    resultat = Q()
    for condition in conditions:
        resultat |= condition
    return resultat


def classe_source():
    """The source class of a file, as a SQL expression (first matching rule wins).

    The file's ``source`` holds the campaign link's UTM parameters and the campaign code
    (``lot_portal.vitrine.campagne``); the referrer is not recorded. So:

    1. parrainage: a referral code (``code_parrainage``);
    2. campagne: a campaign code or a ``utm_campaign``;
    3. moteur de recherche: a ``utm_source`` naming a search engine;
    4. partenaire: a ``utm_medium`` naming a partner (« partenaire », « referral »…);
    5. moteur de recherche again: no UTM at all and « Recherche sur internet » answered to
       « Comment avez-vous connu le Lot ? » (organic search carries no UTM);
    6. accès direct ou autre.

    Anonymisation erases the referral code: an anonymised referred file falls in the next
    matching class.
    """
    moteur = _ou(Q(source__utm_source__icontains=nom) for nom in MOTEURS_DE_RECHERCHE)
    partenaire = _ou(Q(source__utm_medium__icontains=nom) for nom in MEDIUMS_PARTENAIRES)
    return Case(
        When(~Q(code_parrainage=""), then=Value(SOURCE_PARRAINAGE)),
        When(~Q(code_campagne="") | Q(source__has_key="utm_campaign"), then=Value(SOURCE_CAMPAGNE)),
        When(moteur, then=Value(SOURCE_RECHERCHE)),
        When(partenaire, then=Value(SOURCE_PARTENAIRE)),
        When(
            ~Q(source__has_key="utm_source") & Q(connu_par="recherche"),
            then=Value(SOURCE_RECHERCHE),
        ),
        default=Value(SOURCE_DIRECT),
        output_field=CharField(),
    )


def tableau_inscriptions_source(filtres: Filtres, groupes: list[dict] | None = None) -> Tableau:
    if groupes is None:
        groupes = groupes_inscriptions(filtres)
    comptes = _repartition(groupes, "classe")
    total = sum(comptes.values())
    return Tableau(
        slug="inscriptions_source",
        titre="Inscriptions par source",
        colonnes=["Source", "Inscriptions", "Part (%)"],
        lignes=[
            [libelle, comptes.get(cle, 0), _taux(comptes.get(cle, 0), total)]
            for cle, libelle in SOURCES.items()
        ],
        graphique="barres",
        note="Parrainage : code d'un ambassadeur. Campagne : lien ou page de campagne. Moteur "
        "de recherche : lien venant d'un moteur, ou « recherche sur internet » déclarée sans "
        "lien suivi. Partenaire : lien marqué comme venant d'un partenaire. Une inscription "
        "compte dans la première de ces sources qui s'applique.",
        public=True,
        colonnes_effectifs=(1,),
    )


# --- Funnel -------------------------------------------------------------------------------

# The pipeline up to settling, in order; « sans suite » is not a stage.
ETAPES = (
    StatutParcours.NOUVEAU,
    StatutParcours.PREMIER_CONTACT,
    StatutParcours.EN_ECHANGE,
    StatutParcours.VISITE_DECOUVERTE,
    StatutParcours.INSTALLE,
)
RANGS = {statut: rang for rang, statut in enumerate(ETAPES)}
LIBELLES_ETAPES = {StatutParcours.NOUVEAU: "Inscription"}


def _rang(champ: str) -> Case:
    """The stage rank of a status field (-1 for « sans suite »)."""
    return Case(
        *(When(**{champ: statut}, then=Value(rang)) for statut, rang in RANGS.items()),
        default=Value(-1),
        output_field=IntegerField(),
    )


def comptes_etapes(filtres: Filtres) -> list[int]:
    """How many files registered in the period reached each stage (or a later one).

    A file's furthest stage is the highest reached in its status history or its current
    status (one grouped query).
    """
    rang_historique = Subquery(
        ChangementStatut.objects.filter(parcours=OuterRef("pk"))
        .annotate(rang=_rang("nouveau"))
        .order_by("-rang")
        .values("rang")[:1],
        output_field=IntegerField(),
    )
    par_rang = [0] * len(ETAPES)
    lignes = (
        _inscrits(filtres)
        .annotate(rang_h=Coalesce(rang_historique, Value(0)), rang_s=_rang("statut"))
        .order_by()
        .values("rang_h", "rang_s")
        .annotate(n=Count("pk"))
    )
    for ligne in lignes:
        par_rang[max(ligne["rang_h"], ligne["rang_s"], 0)] += ligne["n"]
    # Reaching a stage means reaching it or any later one.
    return [sum(par_rang[rang:]) for rang in range(len(ETAPES))]


def _instant(texte: str | None) -> datetime | None:
    """A datetime fetched as text: « 2026-01-05 09:00:00[.ffffff][+00] » (naive UTC on
    SQLite, with its offset on PostgreSQL under its default ``DateStyle`` ISO; only
    differences are used)."""
    return datetime.fromisoformat(texte) if texte else None


def durees_etapes(filtres: Filtres) -> list[list[float]]:
    """For each stage after registration, the days each file took to reach it (or a later
    stage) from the previous stage (or a later one), from the status history; one query
    (the only figures computed in Python: a median has no portable SQL aggregate).

    A stage skipped (« nouveau » → « installé ») counts 0 day for the stages jumped over,
    the whole wait going to the first of them. The instants are fetched as text and
    parsed here: Django's per-value datetime conversion (and date arithmetic, a Python
    function per row on SQLite) cost more than the query itself at 50,000 files.
    """
    # Per file, the first time each stage (or a later one) was reached: one grouped join
    # (on PostgreSQL 5 times faster than one correlated subquery per stage).
    atteint = {
        f"atteint_{rang}": Cast(
            Min(
                "changements_statut__le",
                filter=Q(changements_statut__nouveau__in=ETAPES[rang:]),
            ),
            CharField(),
        )
        for rang in range(1, len(ETAPES))
    }
    lignes = (
        _inscrits(filtres)
        .annotate(inscrit=Cast("cree_le", CharField()), **atteint)
        .filter(atteint_1__isnull=False)
        .order_by()
        .values_list("inscrit", *atteint)
    )
    durees = [[] for _ in range(1, len(ETAPES))]
    for ligne in lignes:
        instants = [_instant(texte) for texte in ligne]
        for index in range(1, len(ETAPES)):
            if instants[index] is not None:
                ecart = instants[index] - instants[index - 1]
                durees[index - 1].append(ecart.total_seconds() / 86400)
    return durees


def _mediane(valeurs: list[float]) -> float | None:
    return round(statistics.median(valeurs), 1) if valeurs else None


def tableau_entonnoir(filtres: Filtres) -> Tableau:
    comptes = comptes_etapes(filtres)
    durees = durees_etapes(filtres)
    lignes = []
    for rang, statut in enumerate(ETAPES):
        libelle = LIBELLES_ETAPES.get(statut, StatutParcours(statut).label)
        if rang == 0:  # no previous stage, no delay
            debut = 100.0 if comptes[0] else 0.0
            lignes.append([libelle, comptes[0], debut, debut, None])
            continue
        lignes.append(
            [
                libelle,
                comptes[rang],
                _taux(comptes[rang], comptes[rang - 1]),
                _taux(comptes[rang], comptes[0]),
                _mediane(durees[rang - 1]),
            ]
        )
    return Tableau(
        slug="entonnoir",
        titre="Parcours des inscrits de la période, de l'inscription à l'installation",
        colonnes=[
            "Étape",
            "Dossiers",
            "Conversion depuis l'étape précédente (%)",
            "Conversion depuis l'inscription (%)",
            "Délai médian depuis l'étape précédente (jours)",
        ],
        lignes=lignes,
        graphique="entonnoir",
        note="Dossiers inscrits sur la période ; un dossier compte à une étape s'il l'a "
        "atteinte ou dépassée (historique des statuts), même s'il est classé sans suite "
        "ensuite. Délai médian : jours entre l'arrivée à l'étape précédente et l'arrivée à "
        "celle-ci.",
        public=True,
        colonnes_effectifs=(1,),
    )


# --- Settled households -------------------------------------------------------------------


def tableau_installes(filtres: Filtres) -> Tableau:
    queryset = _installes(filtres)
    foyers = {
        ligne["profil"]: ligne
        for ligne in queryset.order_by()
        .values("profil")
        .annotate(foyers=Count("pk"), adultes=Coalesce(Sum("adultes"), 0))
    }
    enfants = {}
    for profil, liste in queryset.order_by().values_list("profil", "enfants"):
        enfants[profil] = enfants.get(profil, 0) + (len(liste) if isinstance(liste, list) else 0)
    lignes = []
    profils = list(ProfilArrivant.values) + sorted(set(foyers) - set(ProfilArrivant.values))
    for profil in profils:
        ligne = foyers.get(profil, {"foyers": 0, "adultes": 0})
        n_enfants = enfants.get(profil, 0)
        lignes.append(
            [
                _libelle_profil(profil),
                ligne["foyers"],
                ligne["adultes"],
                n_enfants,
                ligne["adultes"] + n_enfants,
            ]
        )
    lignes.append(["Total", *(sum(ligne[i] for ligne in lignes) for i in range(1, 5))])
    return Tableau(
        slug="installes",
        titre="Foyers et personnes installés",
        colonnes=["Profil", "Foyers", "Adultes", "Enfants", "Personnes"],
        lignes=lignes,
        graphique=None,
        note="Dossiers passés au statut « installé » pendant la période (date d'installation).",
        public=True,
        colonnes_effectifs=(1, 2, 3, 4),
    )


# --- Section « Nouveaux arrivants » -------------------------------------------------------


def calculer_arrivants(filtres: Filtres) -> list[Tableau]:
    groupes = groupes_inscriptions(filtres)
    return [
        tableau_inscriptions_periode(filtres),
        tableau_inscriptions_profil(filtres, groupes),
        tableau_inscriptions_communaute(filtres, groupes),
        tableau_inscriptions_source(filtres, groupes),
        tableau_entonnoir(filtres),
        tableau_installes(filtres),
    ]


def chiffres_arrivants(filtres: Filtres) -> list[ChiffreCle]:
    """Registrations, settled households and the share of the period's registrations that
    reached « installé » (as the funnel's last stage): one aggregate query."""
    debut, fin = filtres.intervalle
    inscrit = Q(cree_le__gte=debut, cree_le__lt=fin)
    installe = Q(statut=StatutParcours.INSTALLE) | Q(
        changements_statut__nouveau=StatutParcours.INSTALLE
    )
    # Joined with the history: distinct counts (a file has several status changes).
    totaux = _dans_la_zone(ParcoursAccueil.objects.all(), filtres).aggregate(
        inscriptions=Count("pk", filter=inscrit, distinct=True),
        convertis=Count("pk", filter=inscrit & installe, distinct=True),
        installes=Count(
            "pk",
            filter=Q(installe_le__gte=filtres.debut, installe_le__lte=filtres.fin),
            distinct=True,
        ),
    )
    return [
        ChiffreCle(
            "Inscriptions", totaux["inscriptions"], "nouveaux arrivants inscrits sur la période"
        ),
        ChiffreCle("Foyers installés", totaux["installes"], "installés sur la période"),
        ChiffreCle(
            "Taux de conversion global",
            _taux_texte(_taux(totaux["convertis"], totaux["inscriptions"])),
            "des inscrits de la période sont installés",
        ),
    ]


def section_arrivants() -> Section:
    return Section(
        slug="arrivants",
        titre="Nouveaux arrivants",
        ordre=10,
        calculer=calculer_arrivants,
        chiffres_cles=chiffres_arrivants,
    )


# --- Section « Réseau d'accueil » ---------------------------------------------------------


def _ouverts(filtres: Filtres):
    return _dans_la_zone(ParcoursAccueil.objects.exclude(statut__in=STATUTS_CLOS), filtres)


def _agregats_suivi(aujourdhui: date) -> dict:
    return {
        "ouverts": Count("pk"),
        "sans_action": Count(
            "pk", filter=Q(prochaine_action="") & Q(prochaine_action_le__isnull=True)
        ),
        "en_retard": Count("pk", filter=Q(prochaine_action_le__lt=aujourdhui)),
    }


def _nom_referent(prenom: str, nom: str, email: str, communaute: str | None) -> str:
    personne = f"{prenom} {nom}".strip() or email
    return f"{personne} ({communaute or 'équipe départementale'})"


def tableau_dossiers_par_referent(filtres: Filtres) -> Tableau:
    aujourdhui = timezone.localdate()
    comptes = {
        ligne["referent"]: ligne
        for ligne in _ouverts(filtres)
        .order_by()
        .values("referent")
        .annotate(**_agregats_suivi(aujourdhui))
    }
    referents = Referent.objects.filter(Q(actif=True) | Q(pk__in=[pk for pk in comptes if pk]))
    if filtres.communautes is not None:
        referents = referents.filter(
            Q(communaute__in=filtres.communautes) | Q(pk__in=[pk for pk in comptes if pk])
        )
    lignes = []
    vide = {"ouverts": 0, "sans_action": 0, "en_retard": 0}
    for pk, prenom, nom, email, communaute in referents.values_list(
        "pk",
        "utilisateur__first_name",
        "utilisateur__last_name",
        "utilisateur__email",
        "communaute__nom",
    ):
        ligne = comptes.get(pk, vide)
        lignes.append(
            [
                _nom_referent(prenom, nom, email, communaute),
                ligne["ouverts"],
                ligne["sans_action"],
                ligne["en_retard"],
            ]
        )
    lignes.sort(key=lambda ligne: (-ligne[1], ligne[0]))
    if None in comptes:
        ligne = comptes[None]
        lignes.append([NON_ATTRIBUE, ligne["ouverts"], ligne["sans_action"], ligne["en_retard"]])
    return Tableau(
        slug="dossiers_par_referent",
        titre="Dossiers ouverts par référent",
        colonnes=[
            "Référent",
            "Dossiers ouverts",
            "Sans prochaine action",
            "Actions en retard",
        ],
        lignes=lignes,
        graphique="barres",
        note="État à ce jour des dossiers ni installés ni classés sans suite, quelle que soit "
        "la date d'inscription. Sans prochaine action : ni action ni date prévue. En retard : "
        "date de la prochaine action dépassée.",
        public=False,
    )


def calculer_reseau(filtres: Filtres) -> list[Tableau]:
    return [tableau_dossiers_par_referent(filtres)]


def chiffres_reseau(filtres: Filtres) -> list[ChiffreCle]:
    totaux = _ouverts(filtres).aggregate(**_agregats_suivi(timezone.localdate()))
    return [
        ChiffreCle("Dossiers ouverts", totaux["ouverts"], "ni installés ni sans suite"),
        ChiffreCle("Sans prochaine action", totaux["sans_action"], "dossiers ouverts"),
        ChiffreCle("Actions en retard", totaux["en_retard"], "date de prochaine action passée"),
    ]


def section_reseau() -> Section:
    return Section(
        slug="reseau",
        titre="Réseau d'accueil",
        ordre=20,
        calculer=calculer_reseau,
        chiffres_cles=chiffres_reseau,
    )


# --- Access hooks -------------------------------------------------------------------------

_CACHE_REFERENT = "_pilotage_referent_accueil"


def _referent(utilisateur) -> Referent | None:
    """The user's referent row, active or not (remembered on the user object: one query)."""
    if utilisateur is None or not getattr(utilisateur, "is_authenticated", False):
        return None
    if not hasattr(utilisateur, _CACHE_REFERENT):
        setattr(
            utilisateur,
            _CACHE_REFERENT,
            Referent.objects.filter(utilisateur=utilisateur).first(),
        )
    return getattr(utilisateur, _CACHE_REFERENT)


def perimetre_referent(utilisateur) -> tuple[int, ...] | None:
    """A referent of a communauté sees that area only; departmental referents and everyone
    else: no opinion (None)."""
    referent = _referent(utilisateur)  # an inactive referent stays confined to their area
    if referent is not None and referent.communaute_id is not None:
        return (referent.communaute_id,)
    return None


def acces_referent(utilisateur) -> bool:
    """Every active welcome referent may see the steering figures (of their area)."""
    referent = _referent(utilisateur)
    return referent is not None and referent.actif
