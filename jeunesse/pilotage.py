"""The « Jeunesse » figures of the steering dashboard (see ``lot_portal.pilotage.registre``).

One section, ``par_territoire=True``. The area of an application is its project's commune →
communauté de communes: with an area filter, the applications and amounts are those of the
projects located there (an application without a commune is then left out). Calls and ideas
belong to no area: the call list, the envelopes and the ideas are département-wide figures
whatever the area (each table's ``note`` says so).

Every function runs a fixed number of aggregate queries: ``calculer`` five, ``chiffres_cles``
two, whatever the number of calls, applications or ideas.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum

from lot_portal.pilotage.registre import ChiffreCle, Filtres, Section, Tableau

from .models import AppelAProjets, Candidature, Idee
from .models.choix import STATUTS_IDEE_VISIBLES, Statut, StatutIdee, TypeAppel

SLUG = "jeunesse"
TITRE = "Jeunesse"
ORDRE = 50

# Every state of a submitted application, in the order of the process.
STATUTS_DEPOSES = [s for s in Statut if s != Statut.BROUILLON]

NOTE_TERRITOIRE = (
    "Filtre de territoire : seules les candidatures dont la commune du projet est dans le "
    "territoire choisi sont comptées."
)
NOTE_DEPARTEMENT = (
    "Chiffres de tout le département : une idée n'est rattachée à aucun territoire, le filtre "
    "de territoire ne s'applique pas à ce tableau."
)


def _candidatures(filtres: Filtres):
    """Every application, restricted to the area of ``filtres`` (not to its period)."""
    candidatures = Candidature.objects.all()
    if not filtres.departement_entier:
        candidatures = candidatures.filter(commune__communaute_id__in=filtres.communautes)
    return candidatures


def _deposees_periode(filtres: Filtres):
    """Applications first submitted during the period (drafts have no ``depose_le``)."""
    debut, fin = filtres.intervalle
    return (
        _candidatures(filtres)
        .exclude(statut=Statut.BROUILLON)
        .filter(depose_le__gte=debut, depose_le__lt=fin)
    )


def _retenues_periode(filtres: Filtres):
    """Applications retained with a decision during the period."""
    debut, fin = filtres.intervalle
    return _candidatures(filtres).filter(
        statut=Statut.RETENU, decide_le__gte=debut, decide_le__lt=fin
    )


def _idees_periode(filtres: Filtres):
    debut, fin = filtres.intervalle
    return Idee.objects.filter(cree_le__gte=debut, cree_le__lt=fin)


def _nom_appel(titre: str, type_appel: str) -> str:
    if type_appel == TypeAppel.CREATION:
        return f"{titre} (concours de création)"
    return titre


def _euros(montant) -> Decimal:
    return montant if montant is not None else Decimal("0")


def _pourcentage(partie: Decimal, tout: Decimal) -> float:
    """``partie`` as a percentage of ``tout``, rounded half up to one decimal (0 if no ``tout``)."""
    if not tout:
        return 0.0
    return float((partie * 100 / tout).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _note(*phrases: str) -> str:
    return " ".join(p for p in phrases if p)


def tableau_appels(filtres: Filtres) -> Tableau:
    """Calls open at least one moment of the period, with all their submitted applications."""
    debut, fin = filtres.intervalle
    appels = list(
        AppelAProjets.objects.publies()
        .filter(ouverture__lt=fin, cloture__gt=debut)
        .order_by("ouverture", "titre", "pk")
        .values("pk", "titre", "type_appel", "enveloppe")
    )
    chiffres = {
        ligne["appel_id"]: ligne
        for ligne in _candidatures(filtres)
        .filter(appel_id__in=[appel["pk"] for appel in appels])
        .exclude(statut=Statut.BROUILLON)
        .values("appel_id")
        .annotate(
            deposees=Count("pk"),
            retenues=Count("pk", filter=Q(statut=Statut.RETENU)),
            demande=Sum("montant_demande"),
            accorde=Sum("montant_accorde", filter=Q(statut=Statut.RETENU)),
        )
        .order_by("appel_id")
    }
    lignes = []
    for appel in appels:
        ligne = chiffres.get(appel["pk"], {})
        accorde = _euros(ligne.get("accorde"))
        enveloppe = appel["enveloppe"]
        utilisation = _pourcentage(accorde, enveloppe)
        lignes.append(
            [
                _nom_appel(appel["titre"], appel["type_appel"]),
                ligne.get("deposees", 0),
                ligne.get("retenues", 0),
                _euros(ligne.get("demande")),
                accorde,
                enveloppe,
                utilisation,
            ]
        )
    return Tableau(
        slug="appels",
        titre="Appels à projets ouverts pendant la période",
        colonnes=[
            "Appel",
            "Candidatures déposées",
            "Projets retenus",
            "Montant demandé (€)",
            "Montant accordé (€)",
            "Enveloppe (€)",
            "Enveloppe utilisée (%)",
        ],
        lignes=lignes,
        graphique="barres",
        note=_note(
            "Appels publiés ouverts au moins un jour de la période (appels jeunesse et concours "
            "de création). Candidatures et montants portent sur toute la durée de l'appel, "
            "brouillons exclus ; le montant accordé est celui des projets retenus.",
            ""
            if filtres.departement_entier
            else NOTE_TERRITOIRE + " L'enveloppe reste celle de tout l'appel (départementale).",
        ),
    )


def tableau_candidatures_etat(filtres: Filtres) -> Tableau:
    par_statut = dict(
        _deposees_periode(filtres)
        .values("statut")
        .annotate(nombre=Count("pk"))
        .order_by("statut")
        .values_list("statut", "nombre")
    )
    return Tableau(
        slug="candidatures_etat",
        titre="Candidatures déposées pendant la période, par état",
        colonnes=["État", "Candidatures"],
        lignes=[[statut.label, par_statut.get(statut.value, 0)] for statut in STATUTS_DEPOSES],
        graphique="barres",
        note=_note(
            "Candidatures déposées pendant la période, selon leur état aujourd'hui. Les "
            "brouillons (jamais déposés) ne sont pas comptés.",
            "" if filtres.departement_entier else NOTE_TERRITOIRE,
        ),
        public=True,
        colonnes_effectifs=(1,),
    )


def tableau_montants(filtres: Filtres) -> Tableau:
    par_appel = list(
        _retenues_periode(filtres)
        .values("appel_id", "appel__titre", "appel__type_appel")
        .annotate(retenues=Count("pk"), accorde=Sum("montant_accorde"))
        .order_by("appel__titre", "appel_id")
    )
    lignes = [
        [
            _nom_appel(ligne["appel__titre"], ligne["appel__type_appel"]),
            ligne["retenues"],
            _euros(ligne["accorde"]),
        ]
        for ligne in par_appel
    ]
    lignes.append(
        [
            "Total",
            sum(ligne[1] for ligne in lignes),
            sum((ligne[2] for ligne in lignes), Decimal("0")),
        ]
    )
    return Tableau(
        slug="montants",
        titre="Aides accordées pendant la période, par appel",
        colonnes=["Appel", "Projets retenus", "Montant accordé (€)"],
        lignes=lignes,
        note=_note(
            "Projets retenus dont la décision date de la période, et l'aide qui leur est "
            "accordée ; la dernière ligne fait le total.",
            "" if filtres.departement_entier else NOTE_TERRITOIRE,
        ),
    )


def tableau_idees_etat(filtres: Filtres) -> Tableau:
    par_statut = {
        ligne["statut"]: ligne
        for ligne in _idees_periode(filtres)
        .values("statut")
        .annotate(nombre=Count("pk", distinct=True), soutiens=Count("votes"))
        .order_by("statut")
    }
    lignes = [
        [
            statut.label,
            par_statut.get(statut.value, {}).get("nombre", 0),
            par_statut.get(statut.value, {}).get("soutiens", 0),
        ]
        for statut in StatutIdee
    ]
    visibles = sum(par_statut.get(statut, {}).get("nombre", 0) for statut in STATUTS_IDEE_VISIBLES)
    en_attente = par_statut.get(StatutIdee.EN_ATTENTE, {}).get("nombre", 0)
    return Tableau(
        slug="idees_etat",
        titre="Idées pour la marque proposées pendant la période, par statut",
        colonnes=["Statut", "Idées", "Soutiens"],
        lignes=lignes,
        graphique="barres",
        note=_note(
            "Idées proposées pendant la période, selon leur statut aujourd'hui, et les "
            f"soutiens qu'elles ont reçus. Visibles sur le portail : {visibles} ; en attente "
            f"de modération : {en_attente}.",
            NOTE_DEPARTEMENT,
        ),
        public=True,
        colonnes_effectifs=(1, 2),
    )


def calculer(filtres: Filtres) -> list[Tableau]:
    return [
        tableau_appels(filtres),
        tableau_candidatures_etat(filtres),
        tableau_montants(filtres),
        tableau_idees_etat(filtres),
    ]


def _nombre(montant: Decimal) -> int | float:
    """Whole euros as an int, else a float (``ChiffreCle.valeur`` takes no Decimal)."""
    return int(montant) if montant == montant.to_integral_value() else float(montant)


def chiffres_cles(filtres: Filtres) -> list[ChiffreCle]:
    debut, fin = filtres.intervalle
    depot = Q(depose_le__gte=debut, depose_le__lt=fin)
    decide = Q(decide_le__gte=debut, decide_le__lt=fin)
    periode = depot & ~Q(statut=Statut.BROUILLON)
    decision = decide & Q(statut=Statut.RETENU)
    # Same definitions as ``candidatures_etat`` and the « Total » row of ``montants``.
    candidatures = (
        _candidatures(filtres)
        .filter(depot | decide)
        .aggregate(
            deposees=Count("pk", filter=periode),
            retenues=Count("pk", filter=decision),
            accorde=Sum("montant_accorde", filter=decision),
        )
    )
    idees = _idees_periode(filtres).aggregate(
        proposees=Count("pk"),
        visibles=Count("pk", filter=Q(statut__in=STATUTS_IDEE_VISIBLES)),
        en_attente=Count("pk", filter=Q(statut=StatutIdee.EN_ATTENTE)),
    )
    territoire = "" if filtres.departement_entier else " (territoire choisi)"
    return [
        ChiffreCle(
            "Candidatures déposées",
            candidatures["deposees"] or 0,
            f"Aux appels à projets, pendant la période{territoire}.",
        ),
        ChiffreCle(
            "Projets retenus",
            candidatures["retenues"] or 0,
            f"Décision prise pendant la période{territoire}.",
        ),
        ChiffreCle(
            "Montant accordé (€)",
            _nombre(_euros(candidatures["accorde"])),
            f"Aides aux projets retenus pendant la période{territoire}.",
        ),
        ChiffreCle(
            "Idées proposées",
            idees["proposees"] or 0,
            f"Dont {idees['visibles'] or 0} visibles sur le portail et "
            f"{idees['en_attente'] or 0} en attente de modération (tout le département).",
        ),
    ]


def section() -> Section:
    return Section(
        slug=SLUG,
        titre=TITRE,
        ordre=ORDRE,
        calculer=calculer,
        chiffres_cles=chiffres_cles,
        par_territoire=True,
    )
