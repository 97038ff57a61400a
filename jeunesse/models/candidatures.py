"""Applications to a call: the team, the budget, the answers, the attachments, the history.

The state lives in ``Candidature.statut`` and only ``jeunesse.services.etats.transition_appliquer``
changes it: every change is recorded as a ``Transition`` (who, when, why).
"""

import secrets
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.urls import reverse

from .appels import AppelAProjets, DocumentRequis, QuestionComplementaire
from .choix import (
    LienLot,
    MotifComplement,
    NatureBudget,
    NaturePiece,
    Statut,
    TypeMentor,
)


def stockage_prive():
    """Files only permission-checked views may stream (never under MEDIA_URL)."""
    return storages["prive"]


def chemin_piece(instance, nom_fichier: str) -> str:
    """A random name: the original one is only kept in ``nom_original``."""
    extension = nom_fichier.rsplit(".", 1)[-1].lower() if "." in nom_fichier else "bin"
    if extension not in ("pdf", "jpg", "png"):
        extension = "bin"
    return f"jeunesse/{secrets.token_hex(2)}/{uuid.uuid4().hex}.{extension}"


def jeton():
    return secrets.token_urlsafe(24)


class CandidatureQuerySet(models.QuerySet):
    def du_participant(self, utilisateur):
        """Applications the user leads or joined as an accepted team member."""
        return self.filter(
            Q(porteur=utilisateur)
            | Q(membres__utilisateur=utilisateur, membres__accepte_le__isnull=False)
        ).distinct()

    def deposees(self):
        return self.exclude(statut=Statut.BROUILLON)


class Candidature(models.Model):
    appel = models.ForeignKey(
        AppelAProjets, on_delete=models.PROTECT, related_name="candidatures", verbose_name="appel"
    )
    reference = models.CharField("référence", max_length=20, unique=True, editable=False)
    porteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="porteur ou porteuse du projet",
        # Empty once the application is anonymised or the account deleted.
        null=True,
        on_delete=models.SET_NULL,
        related_name="candidatures_jeunesse",
    )
    statut = models.CharField(
        "statut", max_length=20, choices=Statut.choices, default=Statut.BROUILLON, db_index=True
    )
    en_equipe = models.BooleanField("projet porté en équipe", default=False)
    # The project
    titre = models.CharField("titre du projet", max_length=150)
    type_projet = models.CharField("type de projet", max_length=100, blank=True)
    commune = models.ForeignKey(
        "territoire.Commune",
        verbose_name="commune principale du projet",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resume = models.TextField("résumé du projet", max_length=2000, blank=True)
    objectifs = models.TextField("objectifs", max_length=4000, blank=True)
    calendrier = models.TextField("calendrier", max_length=4000, blank=True)
    montant_demande = models.DecimalField(
        "aide demandée (€)", max_digits=10, decimal_places=2, null=True, blank=True
    )
    # Parental authorisation for minors (declared consent; the file is a PieceJointe)
    autorisation_nom_parent = models.CharField(
        "nom du parent ou tuteur", max_length=150, blank=True
    )
    autorisation_email_parent = models.EmailField("adresse électronique du parent", blank=True)
    autorisation_declaree_le = models.DateTimeField(
        "consentement parental déclaré le", null=True, blank=True
    )
    # Dates
    cree_le = models.DateTimeField("créée le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifiée le", auto_now=True)
    depose_le = models.DateTimeField("déposée le", null=True, blank=True)
    decide_le = models.DateTimeField("décision le", null=True, blank=True)
    rappel_cloture_envoye_le = models.DateTimeField(
        "rappel avant clôture envoyé le", null=True, blank=True
    )
    # Decision and after
    montant_accorde = models.DecimalField(
        "aide accordée (€)", max_digits=10, decimal_places=2, null=True, blank=True
    )
    motif_decision = models.TextField("motif de la décision", blank=True)
    acceptation_confirmee_le = models.DateTimeField(
        "acceptation de l'aide confirmée le", null=True, blank=True
    )
    consentement_vitrine = models.BooleanField(
        "accepte de figurer dans la vitrine des projets", default=False
    )
    vitrine_resume = models.TextField(
        "présentation publique du projet", max_length=1500, blank=True
    )
    vitrine_publiee = models.BooleanField("publié dans la vitrine", default=False)
    anonymise_le = models.DateTimeField("anonymisée le", null=True, blank=True)

    objects = CandidatureQuerySet.as_manager()

    class Meta:
        verbose_name = "candidature"
        verbose_name_plural = "candidatures"
        ordering = ["-modifie_le"]
        permissions = [
            ("instruire_candidature", "Peut instruire les candidatures jeunesse"),
        ]

    def __str__(self):
        return f"{self.reference} — {self.titre}"

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = "AAP-" + secrets.token_hex(4).upper()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("jeunesse:candidature", kwargs={"reference": self.reference})

    @property
    def est_brouillon(self) -> bool:
        return self.statut == Statut.BROUILLON

    @property
    def est_modifiable(self) -> bool:
        """The applicant may edit: a draft, or an application sent back for a complement."""
        return self.statut in (Statut.BROUILLON, Statut.COMPLEMENT_DEMANDE)

    @property
    def est_laureat(self) -> bool:
        return self.statut == Statut.RETENU

    def totaux_budget(self) -> dict:
        """Totals of the budget lines (uses the prefetched ``lignes_budget`` when present)."""
        depenses = ressources = Decimal("0")
        for ligne in self.lignes_budget.all():
            if ligne.nature == NatureBudget.DEPENSE:
                depenses += ligne.montant
            else:
                ressources += ligne.montant
        ressources_totales = ressources + (self.montant_demande or Decimal("0"))
        return {
            "depenses": depenses,
            "ressources": ressources,
            "aide_demandee": self.montant_demande or Decimal("0"),
            "ressources_totales": ressources_totales,
            "equilibre": depenses == ressources_totales and depenses > 0,
            "ecart": depenses - ressources_totales,
        }


class MembreEquipe(models.Model):
    """A person of the project: the leader (``est_porteur``) or an invited team member.

    Each member gives a birth date and their link with the Lot: the call's rules are checked
    for every one of them at the closing date.
    """

    candidature = models.ForeignKey(Candidature, on_delete=models.CASCADE, related_name="membres")
    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="equipes_jeunesse",
    )
    est_porteur = models.BooleanField("porteur ou porteuse", default=False)
    prenom = models.CharField("prénom", max_length=100)
    nom = models.CharField("nom", max_length=100)
    email = models.EmailField("adresse électronique")
    role = models.CharField("rôle dans le projet", max_length=100, blank=True)
    date_naissance = models.DateField("date de naissance", null=True, blank=True)
    lien_lot = models.CharField(
        "lien avec le Lot", max_length=10, choices=LienLot.choices, blank=True
    )
    jeton_invitation = models.CharField(max_length=64, unique=True, default=jeton, editable=False)
    invite_le = models.DateTimeField("invité·e le", null=True, blank=True)
    accepte_le = models.DateTimeField("a rejoint le projet le", null=True, blank=True)
    # Under 15 on the closing date, the young person's own consent (after reading the notice
    # written for them) comes with a parent's (``Candidature.autorisation_*``).
    consentement_notice_le = models.DateTimeField(
        "notice lue et acceptée par le jeune le", null=True, blank=True
    )

    class Meta:
        verbose_name = "membre de l'équipe"
        verbose_name_plural = "membres de l'équipe"
        ordering = ["-est_porteur", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidature", "email"], name="membre_unique_par_candidature"
            )
        ]

    def __str__(self):
        return f"{self.prenom} {self.nom}".strip()


class Mentor(models.Model):
    """A youth worker invited to read and comment on the application (never to submit it)."""

    candidature = models.ForeignKey(Candidature, on_delete=models.CASCADE, related_name="mentors")
    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentorats_jeunesse",
    )
    email = models.EmailField("adresse électronique")
    nom = models.CharField("nom", max_length=150)
    type_mentor = models.CharField("structure", max_length=20, choices=TypeMentor.choices)
    structure = models.CharField("nom de la structure", max_length=150, blank=True)
    jeton_invitation = models.CharField(max_length=64, unique=True, default=jeton, editable=False)
    invite_le = models.DateTimeField("invité·e le", auto_now_add=True)
    accepte_le = models.DateTimeField("a accepté le", null=True, blank=True)

    class Meta:
        verbose_name = "accompagnant·e"
        verbose_name_plural = "accompagnant·es"
        constraints = [
            models.UniqueConstraint(
                fields=["candidature", "email"], name="mentor_unique_par_candidature"
            )
        ]

    def __str__(self):
        return f"{self.nom} ({self.get_type_mentor_display()})"


class CommentaireMentor(models.Model):
    candidature = models.ForeignKey(
        Candidature, on_delete=models.CASCADE, related_name="commentaires_mentor"
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    texte = models.TextField("commentaire", max_length=4000)
    cree_le = models.DateTimeField("écrit le", auto_now_add=True)

    class Meta:
        verbose_name = "commentaire d'accompagnant·e"
        verbose_name_plural = "commentaires d'accompagnant·es"
        ordering = ["cree_le"]

    def __str__(self):
        return f"Commentaire du {self.cree_le:%d/%m/%Y}"


class LigneBudget(models.Model):
    candidature = models.ForeignKey(
        Candidature, on_delete=models.CASCADE, related_name="lignes_budget"
    )
    nature = models.CharField("nature", max_length=10, choices=NatureBudget.choices)
    libelle = models.CharField("intitulé", max_length=150)
    montant = models.DecimalField("montant (€)", max_digits=10, decimal_places=2)
    ordre = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "ligne de budget"
        verbose_name_plural = "lignes de budget"
        ordering = ["nature", "ordre", "id"]

    def __str__(self):
        return f"{self.libelle} : {self.montant} €"


class PieceJointe(models.Model):
    """An uploaded file, stored under a random name outside the served paths.

    Only the views of ``jeunesse`` that check permissions stream it, as an attachment.
    """

    candidature = models.ForeignKey(Candidature, on_delete=models.CASCADE, related_name="pieces")
    nature = models.CharField("nature", max_length=12, choices=NaturePiece.choices)
    document = models.ForeignKey(
        DocumentRequis, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    question = models.ForeignKey(
        QuestionComplementaire, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fichier = models.FileField(
        "fichier", upload_to=chemin_piece, storage=stockage_prive, max_length=200
    )
    nom_original = models.CharField("nom du fichier", max_length=200)
    type_mime = models.CharField("type", max_length=50)
    taille = models.PositiveIntegerField("taille (octets)", default=0)
    depose_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    depose_le = models.DateTimeField("déposée le", auto_now_add=True)

    class Meta:
        verbose_name = "pièce jointe"
        verbose_name_plural = "pièces jointes"
        ordering = ["depose_le"]

    def __str__(self):
        return self.nom_original


class ReponseQuestion(models.Model):
    candidature = models.ForeignKey(Candidature, on_delete=models.CASCADE, related_name="reponses")
    question = models.ForeignKey(
        QuestionComplementaire, on_delete=models.CASCADE, related_name="reponses"
    )
    valeur = models.TextField("réponse", max_length=4000, blank=True)
    piece = models.ForeignKey(
        PieceJointe, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "réponse à une question"
        verbose_name_plural = "réponses aux questions"
        constraints = [
            models.UniqueConstraint(
                fields=["candidature", "question"], name="reponse_unique_par_question"
            )
        ]

    def __str__(self):
        return f"{self.question} : {self.valeur[:50]}"


class Transition(models.Model):
    """One change of state, as recorded by ``services.etats.transition_appliquer``."""

    candidature = models.ForeignKey(
        Candidature, on_delete=models.CASCADE, related_name="transitions"
    )
    de = models.CharField("de", max_length=20, choices=Statut.choices)
    vers = models.CharField("vers", max_length=20, choices=Statut.choices)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    commentaire = models.TextField("commentaire", blank=True)
    cree_le = models.DateTimeField("le", auto_now_add=True)

    class Meta:
        verbose_name = "changement d'état"
        verbose_name_plural = "changements d'état"
        ordering = ["cree_le", "id"]

    def __str__(self):
        return f"{self.get_de_display()} → {self.get_vers_display()}"


class DemandeComplement(models.Model):
    """A request for a complement: a message and, field by field, what must be fixed."""

    candidature = models.ForeignKey(
        Candidature, on_delete=models.CASCADE, related_name="demandes_complement"
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    message = models.TextField("message", max_length=4000, blank=True)
    cree_le = models.DateTimeField("demandé le", auto_now_add=True)
    repondue_le = models.DateTimeField("complété le", null=True, blank=True)

    class Meta:
        verbose_name = "demande de complément"
        verbose_name_plural = "demandes de complément"
        ordering = ["-cree_le"]

    def __str__(self):
        return f"Complément demandé pour {self.candidature}"


class PointComplement(models.Model):
    """One field to fix. ``champ`` is a key of ``services.champs.CHAMPS_CANDIDATURE`` or
    ``question:<id>`` / ``document:<id>``; ``libelle_champ`` keeps its label as shown then."""

    demande = models.ForeignKey(DemandeComplement, on_delete=models.CASCADE, related_name="points")
    champ = models.CharField("champ", max_length=40)
    libelle_champ = models.CharField("libellé du champ", max_length=250)
    motif = models.CharField("motif", max_length=10, choices=MotifComplement.choices)
    precision = models.CharField("précision", max_length=500, blank=True)

    class Meta:
        verbose_name = "point à compléter"
        verbose_name_plural = "points à compléter"
        ordering = ["id"]

    def __str__(self):
        return f"{self.libelle_champ} ({self.get_motif_display()})"


class Message(models.Model):
    """The conversation between the applicant's team and the instructors."""

    candidature = models.ForeignKey(Candidature, on_delete=models.CASCADE, related_name="messages")
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    de_l_instruction = models.BooleanField("écrit par l'instruction", default=False)
    texte = models.TextField("message", max_length=4000)
    cree_le = models.DateTimeField("envoyé le", auto_now_add=True)
    lu_le = models.DateTimeField("lu le", null=True, blank=True)

    class Meta:
        verbose_name = "message"
        verbose_name_plural = "messages"
        ordering = ["cree_le", "id"]

    def __str__(self):
        return f"Message du {self.cree_le:%d/%m/%Y %H:%M}"
