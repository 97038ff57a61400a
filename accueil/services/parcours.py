"""The newcomer's journey: steps, messages with the referent, stays, CVs, project."""

import logging
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..models import (
    CurriculumVitae,
    EtapeParcours,
    Message,
    ModeleEtape,
    ParcoursAccueil,
    Referent,
    SejourDecouverte,
)
from ..models.choix import BesoinLogement, ProjetEntreprise, StatutEtape
from ..notifications import courriel_accueil, url_absolue

logger = logging.getLogger(__name__)

MESSAGES_PAR_HEURE = 20
DELAI_DOUBLON = timedelta(minutes=2)
SEJOURS_OUVERTS = (
    SejourDecouverte.Statut.DEMANDE,
    SejourDecouverte.Statut.ACCEPTE,
    SejourDecouverte.Statut.PLANIFIE,
)
# The project fields a newcomer may change from their space (plain fields; the areas are
# many-to-many and handled apart).
CHAMPS_PROJET = (
    "adultes",
    "enfants",
    "metier_recherche",
    "secteur_recherche",
    "projet_entreprise",
    "teletravail",
    "conjoint_metier",
    "conjoint_cherche_emploi",
    "zone_inconnue",
    "date_installation",
    "horizon",
    "logement_temporaire",
    "besoin_logement",
)


class MessagesTropFrequents(Exception):
    """The newcomer wrote too many messages within the last hour."""

    message = (
        f"Vous avez envoyé {MESSAGES_PAR_HEURE} messages au cours de la dernière heure. "
        "Pour protéger la messagerie, attendez un peu avant d'en écrire un nouveau : "
        "votre texte n'est pas perdu, il est resté dans le formulaire."
    )


class SejourDejaDemande(Exception):
    """A discovery stay request is already open for this file."""

    message = (
        "Vous avez déjà une demande de séjour découverte en cours : l'équipe d'accueil "
        "vous répond ci-dessous. Écrivez à votre référent pour la modifier."
    )


# --- Steps -------------------------------------------------------------------


def _zone_inconnue(parcours) -> bool:
    if parcours.zone_inconnue:
        return True
    return not (parcours.communautes.exists() or parcours.communes.exists())


def _condition_remplie(condition: str, parcours, cache: dict) -> bool:
    """Evaluate one ``ModeleEtape.Condition`` on the file (``cache`` memoises the
    conditions that need a query)."""
    C = ModeleEtape.Condition
    if condition == C.TOUJOURS:
        return True
    if condition == C.ENFANTS:
        return bool(parcours.enfants)
    if condition == C.CONJOINT_CHERCHE_EMPLOI:
        return parcours.conjoint_cherche_emploi
    if condition == C.LOGEMENT_TEMPORAIRE:
        return parcours.logement_temporaire
    if condition == C.RECHERCHE_LOGEMENT:
        return parcours.besoin_logement in (BesoinLogement.LOCATION, BesoinLogement.ACHAT)
    if condition == C.PROJET_ENTREPRISE:
        return parcours.projet_entreprise != ProjetEntreprise.AUCUN
    if condition == C.RECHERCHE_EMPLOI:
        return bool(parcours.metier_recherche or parcours.secteur_recherche)
    if condition == C.ZONE_INCONNUE:
        if "zone_inconnue" not in cache:
            cache["zone_inconnue"] = _zone_inconnue(parcours)
        return cache["zone_inconnue"]
    return False  # an unknown condition (removed choice) selects nothing


def modeles_applicables(*, parcours) -> list[ModeleEtape]:
    """The active step templates whose rule selects this file, in order."""
    cache: dict = {}
    return [
        modele
        for modele in ModeleEtape.objects.filter(actif=True).order_by("ordre", "pk")
        if (not modele.profils or parcours.profil in modele.profils)
        and _condition_remplie(modele.condition, parcours, cache)
    ]


def etapes_generer(*, parcours) -> list:
    """Create the journey steps the active ``ModeleEtape`` rules select (idempotent).

    Called again after a project update: adds the newly applicable steps, keeps the
    status of the existing ones (and follows a changed template order), deletes the steps
    still « à faire » that no longer apply; steps begun or done are kept as history.
    Side effects: ``EtapeParcours`` rows created, updated or deleted. Returns the steps.
    """
    with transaction.atomic():
        # Serialise concurrent calls for one file (double submit of the project form).
        ParcoursAccueil.objects.select_for_update().filter(pk=parcours.pk).first()
        applicables = {modele.pk: modele for modele in modeles_applicables(parcours=parcours)}
        existantes = {etape.modele_id: etape for etape in parcours.etapes.all()}
        EtapeParcours.objects.bulk_create(
            [
                EtapeParcours(parcours=parcours, modele=modele, ordre=modele.ordre)
                for pk, modele in applicables.items()
                if pk not in existantes
            ],
            ignore_conflicts=True,
        )
        a_supprimer = [
            etape.pk
            for modele_id, etape in existantes.items()
            if modele_id not in applicables and etape.statut == StatutEtape.A_FAIRE
        ]
        if a_supprimer:
            EtapeParcours.objects.filter(pk__in=a_supprimer).delete()
        for modele_id, etape in existantes.items():
            modele = applicables.get(modele_id)
            if modele is not None and etape.ordre != modele.ordre:
                EtapeParcours.objects.filter(pk=etape.pk).update(ordre=modele.ordre)
    return list(parcours.etapes.select_related("modele").order_by("ordre", "pk"))


def etape_statut_changer(*, etape: EtapeParcours, statut: str) -> EtapeParcours:
    """Set a step's status (à faire, en cours, fait) as the newcomer marks it.

    Side effects: the step row; the file's last activity date.
    """
    if statut not in StatutEtape.values:
        raise ValueError(f"Statut d'étape inconnu : {statut}")
    with transaction.atomic():
        etape.statut = statut
        etape.save(update_fields=["statut", "modifie_le"])
        ParcoursAccueil.objects.filter(pk=etape.parcours_id).update(
            derniere_activite_le=timezone.now()
        )
    return etape


# --- Messages ----------------------------------------------------------------


def referents_departementaux():
    return Referent.objects.filter(
        communaute__isnull=True, actif=True, utilisateur__is_active=True
    ).select_related("utilisateur")


def _adresses_equipe(parcours) -> list[str]:
    """Who hears from a newcomer: their referent, or the departmental team without one."""
    referent = parcours.referent
    if referent is not None and referent.actif and referent.utilisateur.is_active:
        return [referent.utilisateur.email]
    return sorted({r.utilisateur.email for r in referents_departementaux() if r.utilisateur.email})


def _url_admin_parcours(parcours) -> str:
    from .reseau import url_dossier_admin

    return url_dossier_admin(parcours)


def _nom_court(parcours) -> str:
    """« Léa M. »: enough for a referent to recognise a file in an email."""
    initiale = f" {parcours.nom[:1]}." if parcours.nom else ""
    return f"{parcours.prenom}{initiale}".strip() or "un nouvel arrivant"


def messages_recents(*, parcours) -> int:
    depuis = timezone.now() - timedelta(hours=1)
    return parcours.messages.filter(de_l_arrivant=True, envoye_le__gte=depuis).count()


def message_envoyer(*, parcours, auteur, texte: str, de_l_arrivant: bool):
    """Record a message and email a notification to the other side (no address exposed).

    The newcomer's message goes to their referent's account, or to every active
    departmental referent when the file has none; a referent's message goes to the
    newcomer. The email only says a message is waiting, with a link to read it on the
    portal. Newcomers are limited to ``MESSAGES_PAR_HEURE`` messages per hour
    (``MessagesTropFrequents``). The same text sent twice within ``DELAI_DOUBLON`` (a
    double submit) is recorded and notified once.
    Side effects: one ``Message`` row, ``parcours.derniere_activite_le``, outbox rows
    (delivered after commit).
    """
    texte = (texte or "").strip()
    if not texte:
        raise ValueError("Un message ne peut pas être vide.")
    with transaction.atomic():
        ParcoursAccueil.objects.select_for_update().filter(pk=parcours.pk).first()
        # A double submit (or a retried request) records the message once, emails once.
        doublon = (
            parcours.messages.filter(
                de_l_arrivant=de_l_arrivant,
                auteur=auteur,
                envoye_le__gte=timezone.now() - DELAI_DOUBLON,
            )
            .order_by("-envoye_le", "-pk")
            .first()
        )
        if doublon is not None and doublon.texte == texte:
            return doublon
        if de_l_arrivant and messages_recents(parcours=parcours) >= MESSAGES_PAR_HEURE:
            raise MessagesTropFrequents
        message = Message.objects.create(
            parcours=parcours, auteur=auteur, texte=texte, de_l_arrivant=de_l_arrivant
        )
        parcours.derniere_activite_le = message.envoye_le
        ParcoursAccueil.objects.filter(pk=parcours.pk).update(
            derniere_activite_le=message.envoye_le
        )
        if de_l_arrivant:
            url = _url_admin_parcours(parcours)
            for adresse in _adresses_equipe(parcours):
                courriel_accueil(
                    destinataire=adresse,
                    modele="message_pour_referent",
                    sujet=f"Nouveau message de {_nom_court(parcours)}",
                    contexte={"parcours": parcours, "url": url},
                )
        elif parcours.utilisateur_id and parcours.utilisateur.email:
            courriel_accueil(
                destinataire=parcours.utilisateur.email,
                modele="message_pour_arrivant",
                sujet="Votre référent accueil vous a écrit",
                contexte={
                    "parcours": parcours,
                    "url": url_absolue("accueil:parcours_messages"),
                },
            )
    return message


def messages_marquer_lus(*, parcours, par_l_arrivant: bool) -> int:
    """Mark read the messages of the other side when a reader opens the thread."""
    return parcours.messages.filter(de_l_arrivant=not par_l_arrivant, lu_le__isnull=True).update(
        lu_le=timezone.now()
    )


# --- Discovery stays ---------------------------------------------------------


def sejour_en_cours(*, parcours) -> SejourDecouverte | None:
    return parcours.sejours.filter(statut__in=SEJOURS_OUVERTS).order_by("-cree_le").first()


def sejour_demander(
    *, parcours, periode_souhaitee: str, nombre_personnes: int, souhaits: str = ""
) -> SejourDecouverte:
    """Ask for a discovery stay (one open request at a time: ``SejourDejaDemande``).

    Side effects: one ``SejourDecouverte`` (« demandé »), the file's last activity, an
    email to the referent (or the departmental team) after commit.
    """
    with transaction.atomic():
        ParcoursAccueil.objects.select_for_update().filter(pk=parcours.pk).first()
        if parcours.sejours.filter(statut__in=SEJOURS_OUVERTS).exists():
            raise SejourDejaDemande
        sejour = SejourDecouverte.objects.create(
            parcours=parcours,
            periode_souhaitee=periode_souhaitee,
            nombre_personnes=nombre_personnes,
            souhaits=souhaits,
        )
        ParcoursAccueil.objects.filter(pk=parcours.pk).update(derniere_activite_le=timezone.now())
        url = _url_admin_parcours(parcours)
        for adresse in _adresses_equipe(parcours):
            courriel_accueil(
                destinataire=adresse,
                modele="sejour_demande_referent",
                sujet=f"Demande de séjour découverte : {_nom_court(parcours)}",
                contexte={"parcours": parcours, "sejour": sejour, "url": url},
            )
    return sejour


# --- Project -----------------------------------------------------------------


def projet_mettre_a_jour(*, parcours, donnees: dict) -> ParcoursAccueil:
    """Update the household, project, where and when of a file, then recompute what
    depends on them: maturity score, journey steps, scheduled follow-ups.

    ``donnees``: cleaned values of ``ProjetForm`` (``communautes`` and ``communes``
    querysets or lists included). Side effects: the file row and its areas, then
    ``reseau.score_calculer``, ``etapes_generer``, ``relances.relances_planifier``.
    """
    from . import relances, reseau

    with transaction.atomic():
        for champ in CHAMPS_PROJET:
            if champ in donnees:
                setattr(parcours, champ, donnees[champ])
        if parcours.zone_inconnue:
            communautes, communes = [], []
        else:
            communautes = list(donnees.get("communautes") or [])
            communes = list(donnees.get("communes") or [])
        parcours.derniere_activite_le = timezone.now()
        parcours.save()
        parcours.communautes.set(communautes)
        parcours.communes.set(communes)
        reseau.score_calculer(parcours=parcours)
        etapes_generer(parcours=parcours)
        relances.relances_planifier(parcours=parcours)
    return parcours


# --- CVs ---------------------------------------------------------------------


def cv_deposer(*, parcours, titulaire: str, fichier) -> CurriculumVitae:
    """Store an (already validated) PDF under a random name in the private storage.

    Side effects: the file in ``storages["prive"]``, one ``CurriculumVitae`` row, the
    file's last activity, the maturity score; the file is removed if the write fails.
    """
    from . import reseau

    nom_original = (getattr(fichier, "name", "") or "cv.pdf").rsplit("/", 1)[-1][:200]
    fichier.name = f"{secrets.token_urlsafe(24)}.pdf"
    cv = CurriculumVitae(
        parcours=parcours,
        titulaire=titulaire,
        nom_original=nom_original,
        taille=fichier.size or 0,
    )
    with transaction.atomic():
        cv.fichier.save(fichier.name, fichier, save=False)
        try:
            cv.save()
            ParcoursAccueil.objects.filter(pk=parcours.pk).update(
                derniere_activite_le=timezone.now()
            )
            reseau.score_calculer(parcours=parcours)
        except Exception:
            cv.fichier.delete(save=False)
            raise
    return cv


def cv_supprimer(*, cv: CurriculumVitae) -> None:
    """Delete a CV and its stored file (the forwardings recorded go with it).

    Side effects: the row, the maturity score, then the file once the deletion is
    committed.
    """
    from . import reseau

    stockage, nom, parcours = cv.fichier.storage, cv.fichier.name, cv.parcours
    with transaction.atomic():
        cv.delete()
        reseau.score_calculer(parcours=parcours)
        if nom:
            transaction.on_commit(lambda: stockage.delete(nom))


def consentement_cv_changer(*, parcours, consentement: bool) -> None:
    """Record whether the newcomer lets their referent forward their CVs."""
    parcours.consentement_transmission_cv = consentement
    parcours.derniere_activite_le = timezone.now()
    parcours.save(update_fields=["consentement_transmission_cv", "derniere_activite_le"])
