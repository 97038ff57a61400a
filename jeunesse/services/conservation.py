"""Retention of the applications' personal data (RGPD), per call.

- ``candidature_anonymiser``: scrubs one application of everything that identifies a person
  and keeps what the steering figures need (call, state and its dated history, amounts, project
  type, commune, team size). Files are deleted after commit. Idempotent.
- ``conservation_appliquer``: the daily sweep. A decided application is anonymised
  ``appel.conservation_mois`` months after the decision; a draft never submitted is deleted as
  long after the call closed.
- ``compte_avant_suppression``: when an account is deleted, its drafts go and its submitted
  applications are anonymised (a team can no longer be reached through it).
"""

import logging
from functools import partial

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from ..models import (
    Affectation,
    AppelAProjets,
    Candidature,
    CommentaireMentor,
    DemandeComplement,
    EntreeJournal,
    Mentor,
    Message,
    Note,
    PieceJointe,
    PointComplement,
    ReponseQuestion,
    Transition,
)
from ..models.choix import Statut, StatutJournal

logger = logging.getLogger(__name__)

TITRE_ANONYME = "Projet anonymisé"


def _fichiers_effacer(fichiers: list[tuple[object, str]]) -> None:
    for stockage, nom in fichiers:
        try:
            stockage.delete(nom)
        except OSError:  # already gone, or the disk refuses: log, never fail the caller
            logger.warning("Jeunesse : suppression du fichier %s impossible.", nom)


def _fichiers_apres_commit(fichiers: list[tuple[object, str]]) -> None:
    if fichiers:
        transaction.on_commit(partial(_fichiers_effacer, fichiers), robust=True)


def candidature_anonymiser(*, candidature: Candidature) -> None:
    """Scrub ``candidature`` (see the module docstring). A project on the public showcase
    keeps its title, public presentation and published journal: its team consented to
    them; the rest goes like any other."""
    with transaction.atomic():
        candidature = Candidature.objects.select_for_update().get(pk=candidature.pk)
        if candidature.anonymise_le is not None:
            return
        public = candidature.vitrine_publiee and candidature.consentement_vitrine
        fichiers = [
            (piece.fichier.storage, piece.fichier.name)
            for piece in PieceJointe.objects.filter(candidature=candidature)
            if piece.fichier
        ]
        journal = EntreeJournal.objects.filter(candidature=candidature)
        if public:
            journal = journal.exclude(statut=StatutJournal.PUBLIE)
        fichiers += [(e.image.storage, e.image.name) for e in journal if e.image]
        journal.delete()
        EntreeJournal.objects.filter(candidature=candidature).update(auteur=None)
        ReponseQuestion.objects.filter(candidature=candidature).delete()
        PieceJointe.objects.filter(candidature=candidature).delete()
        Mentor.objects.filter(candidature=candidature).delete()
        CommentaireMentor.objects.filter(candidature=candidature).delete()
        Message.objects.filter(candidature=candidature).delete()
        Transition.objects.filter(candidature=candidature).update(commentaire="")
        DemandeComplement.objects.filter(candidature=candidature).update(message="")
        PointComplement.objects.filter(demande__candidature=candidature).update(precision="")
        Affectation.objects.filter(candidature=candidature).update(commentaire="", conflit_motif="")
        Note.objects.filter(affectation__candidature=candidature).update(commentaire="")
        for numero, membre in enumerate(candidature.membres.order_by("pk"), start=1):
            membre.utilisateur = None
            membre.prenom = "Anonyme"
            membre.nom = ""
            membre.email = f"membre-{numero}@anonyme.invalid"
            membre.role = ""
            membre.date_naissance = None
            membre.save()
        candidature.porteur = None
        if not public:
            candidature.titre = TITRE_ANONYME
            candidature.vitrine_resume = ""
        candidature.resume = ""
        candidature.objectifs = ""
        candidature.calendrier = ""
        candidature.motif_decision = ""
        candidature.autorisation_nom_parent = ""
        candidature.autorisation_email_parent = ""
        candidature.anonymise_le = timezone.now()
        candidature.save()
        _fichiers_apres_commit(fichiers)


def _brouillon_supprimer(candidature: Candidature) -> None:
    with transaction.atomic():
        fichiers = [
            (piece.fichier.storage, piece.fichier.name)
            for piece in PieceJointe.objects.filter(candidature=candidature)
            if piece.fichier
        ]
        candidature.delete()
        _fichiers_apres_commit(fichiers)


def conservation_appliquer(*, maintenant=None) -> dict:
    """The daily retention sweep; each application in its own transaction (one failure
    does not stop the others). Returns {"anonymisees": n, "brouillons_supprimes": m}."""
    maintenant = maintenant or timezone.now()
    bilan = {"anonymisees": 0, "brouillons_supprimes": 0}
    for appel in AppelAProjets.objects.only("pk", "conservation_mois", "cloture"):
        limite = maintenant - relativedelta(months=appel.conservation_mois)
        decidees = Candidature.objects.filter(
            appel=appel,
            anonymise_le__isnull=True,
            statut__in=(Statut.RETENU, Statut.NON_RETENU, Statut.SANS_SUITE),
            decide_le__lt=limite,
        )
        for candidature in decidees.only("pk"):
            try:
                candidature_anonymiser(candidature=candidature)
            except Exception:
                logger.exception("Candidature %s : anonymisation impossible.", candidature.pk)
                continue
            bilan["anonymisees"] += 1
        if appel.cloture < limite:
            for brouillon in Candidature.objects.filter(appel=appel, statut=Statut.BROUILLON):
                try:
                    _brouillon_supprimer(brouillon)
                except Exception:
                    logger.exception("Brouillon %s : suppression impossible.", brouillon.pk)
                    continue
                bilan["brouillons_supprimes"] += 1
    return bilan


def compte_avant_suppression(utilisateur) -> None:
    """Before an account is deleted: its drafts go; its submitted applications are
    anonymised; its team memberships lose the link to the account."""
    for candidature in Candidature.objects.filter(porteur=utilisateur):
        if candidature.statut == Statut.BROUILLON:
            _brouillon_supprimer(candidature)
        else:
            candidature_anonymiser(candidature=candidature)
