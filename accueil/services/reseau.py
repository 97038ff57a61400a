"""The staff side: routing, maturity score, pipeline status, notes, reminders, stays, CVs.

Every write runs in one transaction; every email goes through ``courriel_accueil``
(an outbox row in the same transaction, delivered after commit).
"""

import calendar
import datetime
import logging

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone

from accueil.models import (
    ChangementStatut,
    CurriculumVitae,
    NoteSuivi,
    ParcoursAccueil,
    Referent,
    RegleMaturite,
    SejourDecouverte,
    TransmissionCV,
)
from accueil.models.choix import (
    STATUTS_CLOS,
    BesoinLogement,
    Horizon,
    ProjetEntreprise,
    StatutParcours,
    Teletravail,
)
from accueil.notifications import courriel_accueil, url_absolue
from ambassadeurs.services.parrainage import parrainage_statut

logger = logging.getLogger(__name__)

SEL_TRANSMISSION_CV = "accueil.transmission_cv"
DUREE_LIEN_CV = datetime.timedelta(days=30)
DELAI_DOUBLON = datetime.timedelta(minutes=10)  # the same note/forwarding twice: a double submit
PARAMETRE_DATE_DEFAUT = 12  # months, for « date d'installation fixée dans les N mois »

# The rules ``demo_reseau.seed`` creates (critère, points, paramètre).
REGLES_PAR_DEFAUT = [
    (RegleMaturite.Critere.DATE_INSTALLATION, 25, 12),
    (RegleMaturite.Critere.HORIZON_COURT, 15, None),
    (RegleMaturite.Critere.PROJET_EMPLOI, 15, None),
    (RegleMaturite.Critere.PROJET_ENTREPRISE, 15, None),
    (RegleMaturite.Critere.TELETRAVAIL, 10, None),
    (RegleMaturite.Critere.ZONE_CHOISIE, 10, None),
    (RegleMaturite.Critere.LOGEMENT_DEFINI, 10, None),
    (RegleMaturite.Critere.CONJOINT_PRET, 5, None),
    (RegleMaturite.Critere.CV_DEPOSE, 5, None),
]


class ActionImpossible(Exception):
    """A staff action the file's state does not allow (message in French, for the user)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def url_dossier_admin(parcours) -> str:
    """Absolute address of the file page in the Wagtail admin."""
    return settings.WAGTAILADMIN_BASE_URL + reverse("accueil_parcours:inspect", args=[parcours.pk])


def _nom_court(parcours) -> str:
    """« Léa M. »: enough for a referent to recognise a file in an email."""
    initiale = f" {parcours.nom[:1]}." if parcours.nom else ""
    return f"{parcours.prenom}{initiale}".strip() or "Nouvel arrivant"


# --- Routing ----------------------------------------------------------------


def _secteur_choisi(parcours):
    """The communauté de communes a file belongs to, or None (departmental team)."""
    if parcours.zone_inconnue:
        return None
    lien_communautes = ParcoursAccueil.communautes.through.objects.filter(
        parcoursaccueil_id=parcours.pk
    ).order_by("pk")
    communautes = list(lien_communautes.values_list("communautedecommunes_id", flat=True))
    if len(communautes) == 1:
        return communautes[0]
    lien_communes = ParcoursAccueil.communes.through.objects.filter(
        parcoursaccueil_id=parcours.pk
    ).order_by("pk")
    secteurs_communes = list(lien_communes.values_list("commune__communaute_id", flat=True))
    if secteurs_communes and len(set(secteurs_communes)) == 1:
        return secteurs_communes[0]
    if communautes:
        return communautes[0]
    if secteurs_communes:
        return secteurs_communes[0]
    return None


def referent_choisir(*, communaute_id) -> Referent | None:
    """The active referent of an area with the fewest open files; a departmental referent
    when the area has none (or the area is None); None when nobody is active."""
    ouverts = Count("parcours", filter=~Q(parcours__statut__in=STATUTS_CLOS))
    actifs = Referent.objects.filter(actif=True).annotate(ouverts=ouverts)
    if communaute_id is not None:
        referent = actifs.filter(communaute_id=communaute_id).order_by("ouverts", "pk").first()
        if referent:
            return referent
    return actifs.filter(communaute__isnull=True).order_by("ouverts", "pk").first()


def _referents_a_prevenir(referent: Referent | None) -> list[Referent]:
    if referent is None:
        return []
    if referent.est_departemental:
        return list(
            Referent.objects.filter(actif=True, communaute__isnull=True).select_related(
                "utilisateur"
            )
        )
    return [referent]


def _courriel_nouveau_dossier(*, parcours, referent, modele, sujet, par=None) -> None:
    for destinataire in _referents_a_prevenir(referent):
        if not destinataire.utilisateur.email:
            continue
        courriel_accueil(
            destinataire=destinataire.utilisateur.email,
            modele=modele,
            sujet=sujet,
            contexte={
                "referent": destinataire,
                "nom_court": _nom_court(parcours),
                "parcours": parcours,
                "secteur": parcours.communaute.nom if parcours.communaute_id else None,
                "suivi_par": referent if referent.pk != destinataire.pk else None,
                "par": par,
                "url_dossier": url_dossier_admin(parcours),
            },
        )


def parcours_router(*, parcours) -> None:
    """Set the follow-up area and referent of a new file, record its first status, email
    the referent (or the departmental team when the area is unknown).

    Idempotent: a file that already has a status history is left alone. Side effects:
    ``communaute``, ``referent``, score fields of the file; one ``ChangementStatut``
    (→ nouveau); one email per referent told (outbox rows).
    """
    with transaction.atomic():
        parcours = ParcoursAccueil.objects.select_for_update().get(pk=parcours.pk)
        if parcours.changements_statut.exists():
            return
        communaute_id = _secteur_choisi(parcours)
        referent = referent_choisir(communaute_id=communaute_id)
        parcours.communaute_id = communaute_id
        parcours.referent = referent
        parcours.save(update_fields=["communaute", "referent"])
        ChangementStatut.objects.create(
            parcours=parcours, ancien="", nouveau=parcours.statut or StatutParcours.NOUVEAU
        )
        # The email shows the score: compute it now (parcours_creer may compute it again).
        score_calculer(parcours=parcours)
        if referent is None:
            logger.warning("Parcours %s : aucun référent actif pour le recevoir.", parcours.pk)
            return
        _courriel_nouveau_dossier(
            parcours=parcours,
            referent=referent,
            modele="referent_nouveau_dossier",
            sujet=f"Nouveau dossier d'accueil : {_nom_court(parcours)}",
        )


# --- Maturity score ---------------------------------------------------------


def _ajouter_mois(date: datetime.date, mois: int) -> datetime.date:
    annee, index = divmod(date.month - 1 + mois, 12)
    annee += date.year
    jour = min(date.day, calendar.monthrange(annee, index + 1)[1])
    return datetime.date(annee, index + 1, jour)


def _evaluer(regle: RegleMaturite, parcours, faits: dict) -> tuple[bool, str]:
    """Whether a file meets a rule, and why (in French, for the referent)."""
    Critere = RegleMaturite.Critere
    c = regle.critere
    if c == Critere.DATE_INSTALLATION:
        mois = regle.parametre or PARAMETRE_DATE_DEFAUT
        date = parcours.date_installation
        if date is None:
            return False, "Aucune date d'installation indiquée."
        limite = _ajouter_mois(timezone.localdate(), mois)
        if date <= limite:
            return True, f"Installation prévue le {date:%d/%m/%Y}, dans les {mois} mois."
        return False, f"Installation prévue le {date:%d/%m/%Y}, au-delà de {mois} mois."
    if c == Critere.HORIZON_COURT:
        atteint = parcours.horizon == Horizon.MOINS_6_MOIS
        return atteint, f"Horizon indiqué : {parcours.get_horizon_display().lower()}."
    if c == Critere.PROJET_EMPLOI:
        if parcours.metier_recherche:
            return True, f"Métier recherché : {parcours.metier_recherche}."
        return False, "Aucun métier recherché précisé."
    if c == Critere.PROJET_ENTREPRISE:
        atteint = parcours.projet_entreprise in (
            ProjetEntreprise.CREATION,
            ProjetEntreprise.REPRISE,
        )
        return atteint, f"{parcours.get_projet_entreprise_display()}."
    if c == Critere.TELETRAVAIL:
        atteint = parcours.teletravail != Teletravail.NON
        return atteint, f"Télétravail : {parcours.get_teletravail_display().lower()}."
    if c == Critere.ZONE_CHOISIE:
        if parcours.zone_inconnue:
            return False, "Ne sait pas encore où s'installer."
        if faits["zone"]:
            return True, "Un secteur ou des communes ont été choisis."
        return False, "Aucun secteur ni commune choisis."
    if c == Critere.LOGEMENT_DEFINI:
        atteint = parcours.besoin_logement != BesoinLogement.NE_SAIT_PAS
        return atteint, f"Logement : {parcours.get_besoin_logement_display().lower()}."
    if c == Critere.CONJOINT_PRET:
        if not parcours.conjoint_cherche_emploi:
            return True, "Pas de conjoint en recherche d'emploi."
        if parcours.conjoint_metier:
            return True, f"Conjoint en recherche, métier précisé : {parcours.conjoint_metier}."
        return False, "Le conjoint cherche un emploi, sans métier précisé."
    if c == Critere.CV_DEPOSE:
        if faits["cv"]:
            return True, "Au moins un CV déposé."
        return False, "Aucun CV déposé."
    return False, "Critère inconnu."


def score_calculer(*, parcours) -> int:
    """Compute and store the maturity score and its rule-by-rule explanation.

    Side effects: ``score_maturite`` and ``score_detail`` of the file (a list of
    ``{critere, libelle, points, atteint, explication}``, in rule order). Returns the score.
    """
    faits = {
        "zone": parcours.communautes.exists() or parcours.communes.exists(),
        "cv": CurriculumVitae.objects.filter(parcours_id=parcours.pk).exists(),
    }
    total = 0
    detail = []
    for regle in RegleMaturite.objects.filter(actif=True).order_by("-points", "critere"):
        atteint, explication = _evaluer(regle, parcours, faits)
        if atteint:
            total += regle.points
        detail.append(
            {
                "critere": regle.critere,
                "libelle": regle.get_critere_display(),
                "points": regle.points,
                "atteint": atteint,
                "explication": explication,
            }
        )
    total = max(total, 0)
    parcours.score_maturite = total
    parcours.score_detail = detail
    ParcoursAccueil.objects.filter(pk=parcours.pk).update(score_maturite=total, score_detail=detail)
    return total


def scores_recalculer() -> int:
    """Recompute the score of every open file (after staff changed the rules).

    Returns how many files were recomputed.
    """
    nombre = 0
    ouverts = ParcoursAccueil.objects.exclude(statut__in=STATUTS_CLOS).filter(
        anonymise_le__isnull=True
    )
    for parcours in ouverts.iterator(chunk_size=200):
        score_calculer(parcours=parcours)
        nombre += 1
    return nombre


def regles_par_defaut_creer() -> int:
    """Create the default maturity rules that are missing; returns how many."""
    crees = 0
    for critere, points, parametre in REGLES_PAR_DEFAUT:
        _, cree = RegleMaturite.objects.get_or_create(
            critere=critere, defaults={"points": points, "parametre": parametre}
        )
        crees += int(cree)
    return crees


# --- Pipeline -----------------------------------------------------------------


def statut_changer(*, parcours, statut: str, par=None, commentaire: str = "") -> None:
    """Change the pipeline status, record it in the history; settling or « sans suite »
    cancels the pending follow-ups and (settling) plans the check-ins.

    No-op when the status does not change. Side effects: the file's ``statut``,
    ``statut_modifie_le`` (and ``installe_le`` when settled); one ``ChangementStatut``;
    then ``relances.statut_a_change`` (follow-ups and check-ins).
    """
    from accueil.services import relances

    if statut not in StatutParcours.values:
        raise ActionImpossible("Ce statut n'existe pas.")
    with transaction.atomic():
        verrouille = ParcoursAccueil.objects.select_for_update().get(pk=parcours.pk)
        ancien = verrouille.statut
        if ancien == statut:
            return
        maintenant = timezone.now()
        verrouille.statut = statut
        verrouille.statut_modifie_le = maintenant
        champs = ["statut", "statut_modifie_le"]
        if statut == StatutParcours.INSTALLE and verrouille.installe_le is None:
            verrouille.installe_le = timezone.localdate()
            champs.append("installe_le")
        verrouille.save(update_fields=champs)
        ChangementStatut.objects.create(
            parcours=verrouille,
            ancien=ancien,
            nouveau=statut,
            par=par,
            commentaire=commentaire[:300],
        )
        for champ in champs:
            setattr(parcours, champ, getattr(verrouille, champ))
        relances.statut_a_change(parcours=verrouille)
        parrainage_statut(filleul_reference=verrouille.reference, statut=statut)


def parcours_reaffecter(
    *, parcours, par, referent=None, changer_secteur=False, communaute=None
) -> None:
    """Hand a file to another referent and/or area.

    ``changer_secteur``: move the file to ``communaute`` (None: the departmental team);
    without a ``referent``, the area's referent with the fewest open files takes it. A
    ``referent`` alone moves the file to that referent's area (a departmental referent
    keeps the area). Side effects: ``communaute`` and ``referent`` of the file; a note
    in the history; an email to the new referent (the departmental team when the new
    referent is departmental).
    """
    with transaction.atomic():
        verrouille = ParcoursAccueil.objects.select_for_update().get(pk=parcours.pk)
        communaute_id = verrouille.communaute_id
        if changer_secteur:
            communaute_id = communaute.pk if communaute is not None else None
        if referent is not None:
            if not referent.actif:
                raise ActionImpossible("Ce référent n'est plus actif.")
            if not referent.est_departemental:
                if changer_secteur and referent.communaute_id != communaute_id:
                    raise ActionImpossible("Ce référent ne suit pas le secteur choisi.")
                communaute_id = referent.communaute_id
        else:
            referent = referent_choisir(communaute_id=communaute_id)
        ancien_referent = verrouille.referent
        ancien_secteur = verrouille.communaute
        if referent == ancien_referent and communaute_id == verrouille.communaute_id:
            return
        verrouille.referent = referent
        verrouille.communaute_id = communaute_id
        verrouille.save(update_fields=["referent", "communaute"])
        verrouille = ParcoursAccueil.objects.select_related(
            "communaute", "referent__utilisateur"
        ).get(pk=verrouille.pk)
        avant = f"{ancien_referent or 'aucun référent'} ({ancien_secteur or 'département'})"
        apres = f"{referent or 'aucun référent'} ({verrouille.communaute or 'département'})"
        NoteSuivi.objects.create(
            parcours=verrouille, auteur=par, texte=f"Dossier réaffecté : {avant} → {apres}."
        )
        parcours.referent = verrouille.referent
        parcours.communaute = verrouille.communaute
        if referent is not None and referent != ancien_referent:
            _courriel_nouveau_dossier(
                parcours=verrouille,
                referent=referent,
                modele="referent_reaffectation",
                sujet=f"Dossier d'accueil confié : {_nom_court(verrouille)}",
                par=par,
            )


def note_ajouter(*, parcours, auteur, texte: str) -> NoteSuivi:
    """Add a referent's note to a file (never shown to the newcomer).

    A double submit (same author, same text within ``DELAI_DOUBLON``) adds one note.
    """
    texte = texte.strip()
    with transaction.atomic():
        ParcoursAccueil.objects.select_for_update().filter(pk=parcours.pk).first()
        doublon = NoteSuivi.objects.filter(
            parcours=parcours,
            auteur=auteur,
            texte=texte,
            cree_le__gte=timezone.now() - DELAI_DOUBLON,
        ).first()
        return doublon or NoteSuivi.objects.create(parcours=parcours, auteur=auteur, texte=texte)


def prochaine_action_definir(*, parcours, texte: str, le: datetime.date | None) -> None:
    """Set (or clear) the next action of a file; its reminder is due again on ``le``."""
    parcours.prochaine_action = texte.strip()
    parcours.prochaine_action_le = le
    parcours.rappel_envoye_le = None
    parcours.save(update_fields=["prochaine_action", "prochaine_action_le", "rappel_envoye_le"])


# --- Reminders ----------------------------------------------------------------


def rappels_envoyer(*, aujourd_hui: datetime.date | None = None) -> int:
    """Email each referent the files whose next-action date has come.

    Once per file and date: a file is included when its date has come and no reminder
    went out since that date was set (``rappel_envoye_le``). Files without a referent
    go to the departmental team. Idempotent. Returns how many files were reminded.
    """
    aujourd_hui = aujourd_hui or timezone.localdate()
    dus = (
        ParcoursAccueil.objects.exclude(statut__in=STATUTS_CLOS)
        .filter(prochaine_action_le__lte=aujourd_hui, anonymise_le__isnull=True)
        .filter(Q(rappel_envoye_le__isnull=True) | Q(rappel_envoye_le__lt=F("prochaine_action_le")))
    )
    nombre = 0
    with transaction.atomic():
        fichiers = list(
            dus.select_for_update(of=("self",))
            .select_related("referent__utilisateur", "communaute")
            .order_by("prochaine_action_le", "pk")
        )
        if not fichiers:
            return 0
        departementaux = list(
            Referent.objects.filter(actif=True, communaute__isnull=True).select_related(
                "utilisateur"
            )
        )
        par_destinataire: dict[str, list] = {}
        for parcours in fichiers:
            if parcours.referent_id and parcours.referent.actif:
                destinataires = [parcours.referent]
            else:
                destinataires = departementaux
            for referent in destinataires:
                if referent.utilisateur.email:
                    par_destinataire.setdefault(referent.utilisateur.email, []).append(parcours)
        for email, dossiers in sorted(par_destinataire.items()):
            courriel_accueil(
                destinataire=email,
                modele="referent_rappels",
                sujet=(
                    f"Prochaines actions : {len(dossiers)} "
                    f"dossier{'s' if len(dossiers) > 1 else ''} à reprendre"
                ),
                contexte={
                    "dossiers": [
                        {
                            "nom_court": _nom_court(p),
                            "action": p.prochaine_action,
                            "le": p.prochaine_action_le,
                            "url": url_dossier_admin(p),
                        }
                        for p in dossiers
                    ]
                },
            )
        ParcoursAccueil.objects.filter(pk__in=[p.pk for p in fichiers]).update(
            rappel_envoye_le=aujourd_hui
        )
        nombre = len(fichiers)
    return nombre


# --- CV forwarding ------------------------------------------------------------


def jeton_transmission(transmission: TransmissionCV) -> str:
    return signing.dumps(transmission.pk, salt=SEL_TRANSMISSION_CV)


def transmission_du_jeton(jeton: str) -> TransmissionCV | None:
    """The forwarding a download link was made for, or None (tampered with, expired,
    newcomer's consent withdrawn, CV deleted)."""
    try:
        pk = signing.loads(jeton, salt=SEL_TRANSMISSION_CV, max_age=DUREE_LIEN_CV)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    transmission = (
        TransmissionCV.objects.select_related("cv__parcours").filter(pk=pk).first()
        if isinstance(pk, int)
        else None
    )
    if transmission is None or not transmission.cv.parcours.consentement_transmission_cv:
        return None
    return transmission


def cv_transmettre(
    *, cv: CurriculumVitae, destinataire: str, destinataire_email: str, message: str, par
) -> TransmissionCV:
    """Record the forwarding of a CV to a partner employer and email them a signed
    download link valid 30 days. Refused unless the newcomer agreed.

    Side effects: one ``TransmissionCV`` (shown to the newcomer); one email to the
    employer (the newcomer's own address is never in it).
    """
    with transaction.atomic():
        parcours = ParcoursAccueil.objects.select_for_update().get(pk=cv.parcours_id)
        if not parcours.consentement_transmission_cv:
            raise ActionImpossible(
                "Le nouvel arrivant n'a pas accepté que son CV soit transmis à des employeurs."
            )
        destinataire_email = destinataire_email.strip().lower()
        doublon = TransmissionCV.objects.filter(
            cv=cv,
            destinataire_email=destinataire_email,
            transmis_le__gte=timezone.now() - DELAI_DOUBLON,
        ).first()
        if doublon is not None:  # a double submit: one forwarding, one email
            return doublon
        transmission = TransmissionCV.objects.create(
            cv=cv,
            destinataire=destinataire.strip(),
            destinataire_email=destinataire_email,
            message=message.strip(),
            par=par,
        )
        expire_le = timezone.localdate() + DUREE_LIEN_CV
        courriel_accueil(
            destinataire=transmission.destinataire_email,
            modele="transmission_cv",
            sujet=f"Une candidature transmise par le Département du Lot : {_nom_court(parcours)}",
            contexte={
                "transmission": transmission,
                "nom_court": _nom_court(parcours),
                "titulaire": cv.get_titulaire_display(),
                "conjoint": cv.titulaire == CurriculumVitae.Titulaire.CONJOINT,
                "profil": parcours.get_profil_display(),
                "url_cv": url_absolue(
                    "accueil:cv_transmis", jeton=jeton_transmission(transmission)
                ),
                "expire_le": expire_le,
            },
        )
    return transmission


# --- Discovery stays ----------------------------------------------------------

_SUJETS_SEJOUR = {
    SejourDecouverte.Statut.ACCEPTE: "Votre séjour découverte est accepté",
    SejourDecouverte.Statut.PLANIFIE: "Votre séjour découverte est planifié",
    SejourDecouverte.Statut.REALISE: "Merci pour votre séjour découverte",
    SejourDecouverte.Statut.REFUSE: "Votre demande de séjour découverte",
    SejourDecouverte.Statut.ANNULE: "Votre séjour découverte est annulé",
}

# The statuses each move may start from.
_TRANSITIONS_SEJOUR = {
    SejourDecouverte.Statut.ACCEPTE: {SejourDecouverte.Statut.DEMANDE},
    SejourDecouverte.Statut.PLANIFIE: {
        SejourDecouverte.Statut.DEMANDE,
        SejourDecouverte.Statut.ACCEPTE,
        SejourDecouverte.Statut.PLANIFIE,
    },
    SejourDecouverte.Statut.REALISE: {SejourDecouverte.Statut.PLANIFIE},
    SejourDecouverte.Statut.REFUSE: {SejourDecouverte.Statut.DEMANDE},
    SejourDecouverte.Statut.ANNULE: {
        SejourDecouverte.Statut.ACCEPTE,
        SejourDecouverte.Statut.PLANIFIE,
    },
}


def sejour_mettre_a_jour(*, sejour: SejourDecouverte, statut: str, par=None, **champs):
    """Move a discovery stay to ``statut`` (accept, schedule, done, refuse, cancel) and
    email the newcomer.

    ``champs``: ``message_equipe`` and, to schedule, ``date_debut``, ``date_fin``,
    ``commune_id``, ``programme``, ``hebergement``. Raises ``ActionImpossible`` when the
    stay's current status does not allow the move. Side effects: the stay row; a note
    on the file; one email to the newcomer (when they still have an account).
    """
    if statut not in _TRANSITIONS_SEJOUR:
        raise ActionImpossible("Cette action n'existe pas.")
    with transaction.atomic():
        verrouille = (
            SejourDecouverte.objects.select_for_update(of=("self",))
            .select_related("parcours__utilisateur", "commune")
            .get(pk=sejour.pk)
        )
        if verrouille.statut not in _TRANSITIONS_SEJOUR[statut]:
            raise ActionImpossible(
                f"Ce séjour est « {verrouille.get_statut_display().lower()} » : "
                "cette action n'est plus possible."
            )
        autorises = {
            "message_equipe",
            "date_debut",
            "date_fin",
            "commune_id",
            "programme",
            "hebergement",
        }
        for nom, valeur in champs.items():
            if nom not in autorises:
                raise TypeError(nom)
            setattr(verrouille, nom, valeur.strip() if isinstance(valeur, str) else valeur)
        verrouille.statut = statut
        verrouille.save()
        if "commune_id" in champs:
            verrouille.refresh_from_db(fields=["commune"])
        NoteSuivi.objects.create(
            parcours=verrouille.parcours,
            auteur=par,
            texte=f"Séjour découverte : {verrouille.get_statut_display().lower()}.",
        )
        utilisateur = verrouille.parcours.utilisateur
        if utilisateur is not None and utilisateur.email:
            courriel_accueil(
                destinataire=utilisateur.email,
                modele="sejour_statut",
                sujet=_SUJETS_SEJOUR[statut],
                contexte={
                    "sejour": verrouille,
                    "parcours": verrouille.parcours,
                    "url_parcours": _url_parcours(),
                },
            )
        for nom in ("statut", *champs):
            setattr(sejour, nom, getattr(verrouille, nom))
    return verrouille


def _url_parcours() -> str:
    """The newcomer's space, if its URL exists yet (owned by the journey's views)."""
    from django.urls import NoReverseMatch

    try:
        return url_absolue("accueil:parcours")
    except NoReverseMatch:
        return settings.SITE_URL + "/accueil/mon-parcours/"


# --- Referents' access --------------------------------------------------------------

GROUPE_REFERENTS = "Référents accueil"
PERMISSIONS_REFERENTS = [
    ("wagtailadmin", "access_admin"),
    ("accueil", "view_parcoursaccueil"),
    ("accueil", "view_sejourdecouverte"),
    ("accueil", "view_referent"),
    ("accueil", "view_reglematurite"),
    ("accueil", "add_notesuivi"),
    ("accueil", "view_notesuivi"),
    # Follow-ups of their files (cancel one) and the check-ins' answers.
    ("accueil", "view_relance"),
    ("accueil", "change_relance"),
    ("accueil", "view_bilan"),
]


def groupe_referents_assurer():
    """The « Référents accueil » group with its permissions (created if missing)."""
    from django.contrib.auth.models import Group, Permission

    groupe, _ = Group.objects.get_or_create(name=GROUPE_REFERENTS)
    filtre = Q()
    for app_label, codename in PERMISSIONS_REFERENTS:
        filtre |= Q(content_type__app_label=app_label, codename=codename)
    groupe.permissions.add(*Permission.objects.filter(filtre))
    return groupe


def referent_droits_accorder(*, referent: Referent) -> None:
    """Give a referent's account access to the admin: staff flag and the referents' group.

    (What they see there is decided by their ``Referent`` row, see ``accueil.admin_views``.)
    """
    utilisateur = referent.utilisateur
    if not utilisateur.is_staff:
        utilisateur.is_staff = True
        utilisateur.save(update_fields=["is_staff"])
    utilisateur.groups.add(groupe_referents_assurer())
