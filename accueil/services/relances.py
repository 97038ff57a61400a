"""Follow-up emails: the welcome email, scheduled follow-ups, check-ins, unsubscribe.

The schedule of a file is a set of ``Relance`` rows, one per ``ModeleRelance`` (unique
constraint), that ``relances_planifier`` reconciles with what the file says now (status,
move date, settling date). A periodic task (``relances_envoyer_dues``) claims the due rows
and writes each email to the outbox in the same transaction as it marks the row sent: the
outbox then delivers it after commit, retried with backoff (``lot_portal.courriels``).

The welcome email is recorded as the ``Relance`` of a reserved model (code ``bienvenue``):
the unique constraint makes it at most one per file even when two registrations race, the
row links to its outbox email (so staff see whether it was delivered), and staff edit its
subject and first paragraph like any other follow-up. The planner never schedules it.
"""

import logging
import re
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, connection, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from ..models import Bilan, ModeleRelance, ParcoursAccueil, Referent, Relance
from ..models.choix import StatutParcours
from ..notifications import courriel_accueil

logger = logging.getLogger(__name__)

CODE_BIENVENUE = "bienvenue"
HEURE_ENVOI = time(10, 0)  # date-based follow-ups go out at 10:00, Paris time
# A follow-up whose due time passed more than this long ago is not planned (never « late »
# emails about a date already gone); the margin lets a D+0 model through.
TOLERANCE_PASSE = timedelta(hours=1)

MOTIF_INSTALLE = "Installé : les relances d'avant l'installation n'ont plus lieu d'être."
MOTIF_SANS_SUITE = "Dossier classé sans suite."
MOTIF_DESINSCRIPTION = "Le nouvel arrivant ne veut plus de courriels de suivi."
MOTIF_PLUS_INSTALLE = "Le dossier n'est plus au statut « installé »."
MOTIF_DATE = "Date d'installation retirée ou échéance déjà passée."
MOTIF_ECHEANCE_PASSEE = "Échéance déjà passée."
MOTIF_SANS_ADRESSE = "Le dossier n'a plus de compte ni d'adresse électronique."
MOTIF_MODELE_INACTIF = "Modèle de relance désactivé."
MOTIF_EQUIPE = "Annulée par l'équipe."
MOTIF_RATTRAPAGE = "Envoi en retard : remplacée par la relance suivante, déjà due."
# Catch-up after an outage (see ``relances_envoyer_dues``): a follow-up more than this
# late is not sent when a later follow-up of the same file is due too.
RETARD_RATTRAPAGE = timedelta(hours=1)
# Cancellations the planner may undo when the file becomes eligible again (a move date
# postponed, a status set back); a cancellation by staff or by the newcomer stays.
MOTIFS_REPLANIFIABLES = {
    MOTIF_INSTALLE,
    MOTIF_SANS_SUITE,
    MOTIF_PLUS_INSTALLE,
    MOTIF_DATE,
    MOTIF_ECHEANCE_PASSEE,
    MOTIF_MODELE_INACTIF,
}

BIENVENUE_DEFAUT = {
    "nom": "Courriel de bienvenue (à l'inscription)",
    "declencheur": ModeleRelance.Declencheur.INSCRIPTION,
    "delai_jours": 0,
    "sujet": "Bienvenue, {prenom} : votre parcours d'accueil dans le Lot commence",
    "corps": (
        "Merci pour votre inscription ! Votre projet d'installation dans le Lot compte "
        "pour nous, et {referent} vous accompagne désormais pour le mener à bien, à votre "
        "rythme."
    ),
}


# --- Texts staff write ---------------------------------------------------------------

_VARIABLE = re.compile(r"\{\s*(\w+)\s*\}")
VARIABLES = ("prenom", "referent", "secteur")


def texte_personnaliser(texte: str, valeurs: dict[str, str]) -> str:
    """Replace ``{prenom}``, ``{referent}``, ``{secteur}`` in a text staff wrote.

    Never fails: an unknown or malformed placeholder is left as typed (no ``str.format``,
    so no attribute access nor format spec either).
    """
    return _VARIABLE.sub(lambda m: valeurs.get(m.group(1), m.group(0)), texte or "")


def variables_inconnues(texte: str) -> list[str]:
    """The placeholders of ``texte`` that ``texte_personnaliser`` does not know."""
    return sorted({nom for nom in _VARIABLE.findall(texte or "") if nom not in VARIABLES})


def _nom_referent(parcours) -> str:
    referent = parcours.referent
    if referent is not None and referent.actif:
        nom = referent.utilisateur.get_full_name().strip()
        if nom:
            return nom
    return "l'équipe accueil du Département du Lot"


def _valeurs(parcours) -> dict[str, str]:
    return {
        "prenom": parcours.prenom.strip() or "Bonjour",
        "referent": _nom_referent(parcours),
        "secteur": parcours.communaute.nom if parcours.communaute_id else "le Lot",
    }


def _sujet(texte: str) -> str:
    # A header: one line, bounded (the outbox refuses newlines in a subject).
    return " ".join(texte.split())[:200]


def _url(noms: tuple[str, ...], defaut: str, **kwargs) -> str:
    """The absolute URL of the first URL name that exists (pages of other areas)."""
    from django.conf import settings

    for nom in noms:
        try:
            return settings.SITE_URL + reverse(nom, kwargs=kwargs or None)
        except NoReverseMatch:
            continue
    return settings.SITE_URL + defaut


def url_parcours() -> str:
    return _url(("accueil:parcours",), "/accueil/mon-parcours/")


def url_kit() -> str:
    return _url(("accueil:parcours_kit",), "/accueil/mon-parcours/kit/")


def url_messages() -> str:
    return _url(("accueil:parcours_messages",), "/accueil/mon-parcours/messages/")


def url_bilan(bilan: Bilan) -> str:
    return _url(("accueil:bilan",), "/accueil/", jeton=bilan.jeton)


# --- The welcome email ---------------------------------------------------------------


def modele_bienvenue() -> ModeleRelance:
    """The reserved model of the welcome email (created with its default text if missing)."""
    modele, _ = ModeleRelance.objects.get_or_create(code=CODE_BIENVENUE, defaults=BIENVENUE_DEFAUT)
    return modele


def _adresse(parcours) -> str:
    if parcours.anonymise_le is not None or parcours.utilisateur_id is None:
        return ""
    return parcours.utilisateur.email or ""


def courriel_bienvenue(*, parcours) -> None:
    """Email the welcome message to a new file (outbox row, delivered after commit).

    At most one per file: recorded as the ``Relance`` of the reserved ``bienvenue`` model
    (unique per file), marked sent with its outbox row. Does nothing when that model is
    switched off, when the file has no address, or when the welcome was already sent.
    Side effects: one ``Relance`` row, one ``Courriel`` row.
    """
    modele = modele_bienvenue()
    adresse = _adresse(parcours)
    if not modele.actif or not adresse:
        return
    maintenant = timezone.now()
    with transaction.atomic():
        try:
            with transaction.atomic():
                relance = Relance.objects.create(
                    parcours=parcours,
                    modele=modele,
                    due_le=maintenant,
                    statut=Relance.Statut.EN_COURS,
                )
        except IntegrityError:  # already welcomed (or a concurrent registration did it)
            return
        valeurs = _valeurs(parcours)
        relance.courriel = courriel_accueil(
            destinataire=adresse,
            modele="bienvenue",
            sujet=_sujet(texte_personnaliser(modele.sujet, valeurs)),
            contexte={
                "prenom": parcours.prenom,
                "introduction": texte_personnaliser(modele.corps, valeurs),
                "referent": valeurs["referent"],
                "referent_fonction": _fonction_referent(parcours),
                "secteur": valeurs["secteur"],
                "url_parcours": url_parcours(),
                "url_kit": url_kit(),
                "url_messages": url_messages(),
            },
            parcours_desinscription=parcours,
        )
        relance.statut = Relance.Statut.ENVOYEE
        relance.traitee_le = maintenant
        relance.save(update_fields=["courriel", "statut", "traitee_le"])


def _fonction_referent(parcours) -> str:
    referent = parcours.referent
    if referent is not None and referent.actif:
        return referent.fonction
    return ""


# --- The schedule ----------------------------------------------------------------------


def _a_heure_fixe(jour: date) -> datetime:
    return timezone.make_aware(datetime.combine(jour, HEURE_ENVOI))


def _echeance(modele: ModeleRelance, parcours) -> tuple[datetime | None, str]:
    """When ``modele`` is due for this file, or (None, why it does not apply)."""
    delai = timedelta(days=modele.delai_jours)
    declencheur = ModeleRelance.Declencheur
    if parcours.statut == StatutParcours.SANS_SUITE:
        return None, MOTIF_SANS_SUITE
    if modele.declencheur == declencheur.INSTALLATION:
        if parcours.statut != StatutParcours.INSTALLE:
            return None, MOTIF_PLUS_INSTALLE
        base = parcours.installe_le or timezone.localdate(parcours.statut_modifie_le)
        return _a_heure_fixe(base + delai), ""
    if parcours.statut == StatutParcours.INSTALLE:
        return None, MOTIF_INSTALLE
    if modele.declencheur == declencheur.DATE_INSTALLATION:
        if parcours.date_installation is None:
            return None, MOTIF_DATE
        return _a_heure_fixe(parcours.date_installation + delai), ""
    return parcours.cree_le + delai, ""


def relances_planifier(*, parcours) -> None:
    """Create (or move) the ``Relance`` rows of the active ``ModeleRelance`` for this file.

    Reconciles the schedule with the file as it is now: follow-ups after registration
    (registration time + delay), around the move date (only with a date; moved when it
    changes; never planned in the past) and, once settled, the check-ins (settling date +
    delay). A row already sent is never touched; a pending row that no longer applies is
    cancelled with its reason. Nothing is planned for a file that refused follow-ups,
    was anonymised or has no address. Side effects: ``Relance`` rows created/updated.
    """
    maintenant = timezone.now()
    with transaction.atomic():
        ParcoursAccueil.objects.select_for_update().filter(pk=parcours.pk).first()
        if parcours.relances_refusees:
            relances_annuler(parcours=parcours, motif=MOTIF_DESINSCRIPTION)
            return
        if not _adresse(parcours):
            relances_annuler(parcours=parcours, motif=MOTIF_SANS_ADRESSE)
            return
        existantes = {
            r.modele_id: r for r in Relance.objects.select_for_update().filter(parcours=parcours)
        }
        for modele in ModeleRelance.objects.exclude(code=CODE_BIENVENUE):
            relance = existantes.get(modele.pk)
            if relance is not None and relance.statut in (
                Relance.Statut.ENVOYEE,
                Relance.Statut.EN_COURS,
            ):
                continue  # sent (or being sent): never planned again
            due_le, motif = _echeance(modele, parcours)
            if not modele.actif:
                due_le, motif = None, MOTIF_MODELE_INACTIF
            elif due_le is not None and due_le < maintenant - TOLERANCE_PASSE:
                due_le, motif = (
                    None,
                    (
                        MOTIF_DATE
                        if modele.declencheur == ModeleRelance.Declencheur.DATE_INSTALLATION
                        else MOTIF_ECHEANCE_PASSEE
                    ),
                )
            if due_le is None:
                if relance is not None and relance.statut == Relance.Statut.PREVUE:
                    _annuler(relance, motif, maintenant)
                continue
            if relance is None:
                try:
                    with transaction.atomic():
                        Relance.objects.create(parcours=parcours, modele=modele, due_le=due_le)
                except IntegrityError:  # planned meanwhile by a concurrent call
                    pass
            elif relance.statut == Relance.Statut.PREVUE:
                if relance.due_le != due_le:
                    relance.due_le = due_le
                    relance.save(update_fields=["due_le"])
            elif relance.motif_annulation in MOTIFS_REPLANIFIABLES:
                relance.statut = Relance.Statut.PREVUE
                relance.due_le = due_le
                relance.motif_annulation = ""
                relance.traitee_le = None
                relance.save(update_fields=["statut", "due_le", "motif_annulation", "traitee_le"])


def _annuler(relance: Relance, motif: str, maintenant: datetime) -> None:
    relance.statut = Relance.Statut.ANNULEE
    relance.motif_annulation = motif[:200]
    relance.traitee_le = maintenant
    relance.save(update_fields=["statut", "motif_annulation", "traitee_le"])


def relances_annuler(*, parcours, motif: str) -> int:
    """Cancel the pending follow-ups of a file; returns how many.

    Side effects: the pending ``Relance`` rows become « annulée » with ``motif``.
    """
    return Relance.objects.filter(parcours=parcours, statut=Relance.Statut.PREVUE).update(
        statut=Relance.Statut.ANNULEE, motif_annulation=motif[:200], traitee_le=timezone.now()
    )


def statut_a_change(*, parcours) -> None:
    """React to a pipeline status change (called by ``reseau.statut_changer``).

    Installé: the pending follow-ups of before settling are cancelled and the check-ins
    planned from ``installe_le``; sans suite: every pending follow-up is cancelled; any
    other status: the follow-ups of before settling apply again. Side effects: see
    ``relances_planifier``.
    """
    relances_planifier(parcours=parcours)


def relance_annuler_par_equipe(*, relance: Relance) -> bool:
    """Staff cancel one pending follow-up from the admin; the planner will not revive it."""
    return bool(
        Relance.objects.filter(pk=relance.pk, statut=Relance.Statut.PREVUE).update(
            statut=Relance.Statut.ANNULEE,
            motif_annulation=MOTIF_EQUIPE,
            traitee_le=timezone.now(),
        )
    )


# --- Sending ---------------------------------------------------------------------------


def relances_envoyer_dues(*, limite: int = 500) -> int:
    """The periodic job: send every due follow-up once; returns how many were sent.

    Each row is handled in its own transaction (``relance_envoyer``), so one bad row does
    not hold back the others and a crash leaves nothing half done.

    No storm after an outage (the job did not run for hours or days): when a file has
    several due follow-ups, those more than ``RETARD_RATTRAPAGE`` late and followed by a
    later due one are cancelled (``MOTIF_RATTRAPAGE``), so the newcomer gets only the
    latest step of the series, not every missed one at once. In normal running (every
    minute) nothing is that late, so every step goes out on its day.
    """
    maintenant = timezone.now()
    dues = list(
        Relance.objects.filter(statut=Relance.Statut.PREVUE, due_le__lte=maintenant)
        .order_by("due_le", "pk")
        .values_list("pk", "parcours_id", "due_le")[:limite]
    )
    derniere = {parcours_id: relance_id for relance_id, parcours_id, _ in dues}
    ids = []
    for relance_id, parcours_id, due_le in dues:
        if derniere[parcours_id] != relance_id and due_le < maintenant - RETARD_RATTRAPAGE:
            Relance.objects.filter(pk=relance_id, statut=Relance.Statut.PREVUE).update(
                statut=Relance.Statut.ANNULEE,
                motif_annulation=MOTIF_RATTRAPAGE,
                traitee_le=maintenant,
            )
        else:
            ids.append(relance_id)
    envoyees = 0
    for relance_id in ids:
        try:
            if relance_envoyer(relance_id=relance_id) == Relance.Statut.ENVOYEE:
                envoyees += 1
        except Exception:
            # Left « prévue »: retried at the next run; the error is in the logs.
            logger.exception("Relance %s : échec de la préparation du courriel.", relance_id)
    return envoyees


def relance_envoyer(*, relance_id: int) -> str:
    """Claim one due follow-up and write its email; returns the row's final status
    (or ``"ignore"`` when another worker has it or it is not due).

    The claim is a conditional UPDATE « prévue » → « en cours » (after a ``SKIP LOCKED``
    probe where the database has it), in the same transaction as the outbox row and the
    « envoyée » mark: either all of it is committed, or none, and a second worker finds
    nothing to claim. Files closed without settling, unsubscribed or anonymised get the
    row cancelled instead. A model with the questionnaire creates the ``Bilan`` whose
    link is in the email. Side effects: one ``Courriel`` row (delivered after commit),
    maybe one ``Bilan``.
    """
    maintenant = timezone.now()
    with transaction.atomic():
        dues = Relance.objects.filter(
            pk=relance_id, statut=Relance.Statut.PREVUE, due_le__lte=maintenant
        )
        if connection.features.has_select_for_update_skip_locked and not list(
            dues.select_for_update(skip_locked=True).values_list("pk", flat=True)
        ):
            return "ignore"
        if not dues.update(statut=Relance.Statut.EN_COURS):
            return "ignore"
        relance = Relance.objects.select_related(
            "modele",
            "parcours__utilisateur",
            "parcours__communaute",
            "parcours__referent__utilisateur",
        ).get(pk=relance_id)
        parcours = relance.parcours
        modele = relance.modele
        motif = _motif_de_ne_pas_envoyer(relance)
        if motif:
            _annuler(relance, motif, maintenant)
            return relance.statut
        valeurs = _valeurs(parcours)
        contexte = {
            "prenom": parcours.prenom,
            "corps": texte_personnaliser(modele.corps, valeurs),
            "referent": valeurs["referent"],
            "url_parcours": url_parcours(),
            "url_messages": url_messages(),
        }
        if modele.avec_questionnaire:
            bilan, _ = Bilan.objects.get_or_create(relance=relance, defaults={"parcours": parcours})
            contexte["url_bilan"] = url_bilan(bilan)
        relance.courriel = courriel_accueil(
            destinataire=_adresse(parcours),
            modele="relance",
            sujet=_sujet(texte_personnaliser(modele.sujet, valeurs)),
            contexte=contexte,
            parcours_desinscription=parcours,
        )
        relance.statut = Relance.Statut.ENVOYEE
        relance.traitee_le = maintenant
        relance.save(update_fields=["courriel", "statut", "traitee_le"])
        return relance.statut


def _motif_de_ne_pas_envoyer(relance: Relance) -> str:
    parcours = relance.parcours
    if parcours.relances_refusees:
        return MOTIF_DESINSCRIPTION
    if not _adresse(parcours):
        return MOTIF_SANS_ADRESSE
    if not relance.modele.actif:
        return MOTIF_MODELE_INACTIF
    if parcours.statut == StatutParcours.SANS_SUITE:
        return MOTIF_SANS_SUITE
    installation = relance.modele.declencheur == ModeleRelance.Declencheur.INSTALLATION
    if parcours.statut == StatutParcours.INSTALLE and not installation:
        return MOTIF_INSTALLE
    if installation and parcours.statut != StatutParcours.INSTALLE:
        return MOTIF_PLUS_INSTALLE
    return ""


# --- Unsubscribe -----------------------------------------------------------------------


def relances_desinscrire(*, parcours) -> bool:
    """The newcomer stops the follow-up emails (link or one-click header). Idempotent.

    Side effects: ``relances_refusees`` set; pending follow-ups cancelled. Returns False
    when they had already unsubscribed.
    """
    with transaction.atomic():
        change = ParcoursAccueil.objects.filter(pk=parcours.pk, relances_refusees=False).update(
            relances_refusees=True
        )
        parcours.relances_refusees = True
        relances_annuler(parcours=parcours, motif=MOTIF_DESINSCRIPTION)
    return bool(change)


# --- Check-ins -------------------------------------------------------------------------


class BilanDejaRepondu(Exception):
    """The check-in was already answered (it is answered once)."""


def motifs_alerte(bilan: Bilan) -> list[str]:
    """The answers of a check-in that signal a risk of leaving the Lot, in words."""
    motifs = []
    if bilan.satisfaction is not None and bilan.satisfaction <= 2:
        motifs.append(f"Satisfaction faible ({bilan.satisfaction} sur 5)")
    if bilan.isolement == Bilan.Reponse3.OUI:
        motifs.append("Se sent isolé")
    if bilan.emploi_conjoint == Bilan.EmploiConjoint.CHERCHE:
        motifs.append("Le conjoint cherche encore un emploi")
    if bilan.logement == Bilan.Logement.DIFFICILE:
        motifs.append("Logement difficile")
    if bilan.envisage_partir == Bilan.Reponse3.OUI:
        motifs.append("Envisage de quitter le Lot")
    elif bilan.envisage_partir == Bilan.Reponse3.UN_PEU:
        motifs.append("Envisage un peu de quitter le Lot")
    return motifs


CHAMPS_BILAN = (
    "satisfaction",
    "isolement",
    "emploi_conjoint",
    "logement",
    "envisage_partir",
    "commentaire",
)


def bilan_repondre(*, bilan: Bilan, reponses: dict) -> Bilan:
    """Record the answers of a check-in (once); alert the referent at once on a risk.

    Side effects: the ``Bilan`` row answered, ``alerte``/``motifs_alerte`` set; when at
    risk, one email per recipient (the file's referent, else its area's referents, else
    the departmental team), in the same transaction. Raises ``BilanDejaRepondu``.
    """
    with transaction.atomic():
        bilan = (
            Bilan.objects.select_for_update(of=("self",))
            .select_related("parcours__referent__utilisateur", "parcours__communaute")
            .get(pk=bilan.pk)
        )
        if bilan.repondu_le is not None:
            raise BilanDejaRepondu
        for champ in CHAMPS_BILAN:
            setattr(bilan, champ, reponses.get(champ, getattr(bilan, champ)))
        bilan.repondu_le = timezone.now()
        bilan.motifs_alerte = motifs_alerte(bilan)
        bilan.alerte = bool(bilan.motifs_alerte)
        bilan.save()
        if bilan.alerte:
            _alerter(bilan)
    return bilan


def destinataires_alerte(parcours) -> list[str]:
    """Who is told of a check-in at risk: the referent, else the area's, else the team."""
    referent = parcours.referent
    if referent is not None and referent.actif and referent.utilisateur.email:
        return [referent.utilisateur.email]
    actifs = Referent.objects.filter(actif=True).select_related("utilisateur")
    adresses = []
    if parcours.communaute_id:
        adresses = [r.utilisateur.email for r in actifs.filter(communaute=parcours.communaute_id)]
    if not adresses:
        adresses = [r.utilisateur.email for r in actifs.filter(communaute=None)]
    if not adresses:
        from lot_portal.cms.models import ParametresSite

        parametres = ParametresSite.objects.filter(courriel_contact__gt="").first()
        adresses = [parametres.courriel_contact] if parametres else []
    return sorted({a for a in adresses if a})


def url_admin_parcours(parcours) -> str:
    """The file's page in the admin (the caseload's view), absolute."""
    from django.conf import settings

    from .reseau import url_dossier_admin

    try:
        return url_dossier_admin(parcours)
    except NoReverseMatch:
        return settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_home")


def _alerter(bilan: Bilan) -> None:
    parcours = bilan.parcours
    adresses = destinataires_alerte(parcours)
    if not adresses:
        logger.error("Bilan %s : risque signalé mais aucun destinataire d'alerte.", bilan.pk)
        return
    contexte = {
        "parcours": parcours,
        "nom": str(parcours),
        "secteur": parcours.communaute.nom if parcours.communaute_id else "secteur non choisi",
        "bilan": bilan,
        "motifs": bilan.motifs_alerte,
        "url_admin": url_admin_parcours(parcours),
    }
    for adresse in adresses:
        courriel_accueil(
            destinataire=adresse,
            modele="alerte_bilan",
            sujet=_sujet(f"Bilan de suivi : risque de départ signalé ({parcours})"),
            contexte=contexte,
        )
