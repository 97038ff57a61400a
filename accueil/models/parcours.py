"""The newcomer's side: the file (``ParcoursAccueil``), its draft, CVs, steps, messages."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from lot_portal.territoire.models import CommunauteDeCommunes, Commune

from .choix import (
    BesoinLogement,
    ConnuPar,
    Horizon,
    ProfilArrivant,
    ProjetEntreprise,
    StatutEtape,
    StatutParcours,
    Teletravail,
)


class BrouillonInscription(models.Model):
    """The registration while it is being typed: one row per visitor, saved at each step.

    Keyed by the session (anonymous visitor) and, once known, by the account, so that
    a visitor who logs in halfway finds what they typed. ``donnees`` holds the cleaned
    values of each step (``{"qui": {...}, "foyer": {...}, ...}``).
    """

    cle_session = models.CharField("clé de session", max_length=64, blank=True, db_index=True)
    utilisateur = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="brouillon_inscription",
    )
    donnees = models.JSONField("données saisies", default=dict, blank=True)
    etape_atteinte = models.PositiveSmallIntegerField("étape atteinte", default=1)
    source = models.JSONField("source (campagne, UTM, parrainage)", default=dict, blank=True)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "inscription en cours"
        verbose_name_plural = "inscriptions en cours"

    def __str__(self):
        return f"Inscription en cours ({self.modifie_le:%d/%m/%Y})"


class ParcoursAccueil(models.Model):
    """A newcomer's file: what they told at registration, their referent, their pipeline.

    One per account (the same email registering twice finds its file).
    """

    utilisateur = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parcours_accueil",
    )
    reference = models.UUIDField("référence", default=uuid.uuid4, unique=True, editable=False)
    prenom = models.CharField("prénom", max_length=100)
    nom = models.CharField("nom", max_length=100)
    telephone = models.CharField("téléphone", max_length=30, blank=True)

    # 1. Qui
    profil = models.CharField("profil", max_length=20, choices=ProfilArrivant.choices)
    lieu_actuel = models.CharField("lieu de vie actuel", max_length=150)
    connu_par = models.CharField(
        "a connu le Lot par", max_length=20, choices=ConnuPar.choices, blank=True
    )
    # 2. Foyer
    adultes = models.PositiveSmallIntegerField(
        "adultes", default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    enfants = models.JSONField(
        "enfants",
        default=list,
        blank=True,
        help_text='Une entrée par enfant : {"age": 7, "niveau": "CE1"}.',
    )
    # 3. Projet
    metier_recherche = models.CharField("métier recherché", max_length=150, blank=True)
    secteur_recherche = models.CharField("secteur", max_length=100, blank=True)
    projet_entreprise = models.CharField(
        "projet d'entreprise",
        max_length=20,
        choices=ProjetEntreprise.choices,
        default=ProjetEntreprise.AUCUN,
    )
    teletravail = models.CharField(
        "télétravail", max_length=10, choices=Teletravail.choices, default=Teletravail.NON
    )
    conjoint_metier = models.CharField("métier du conjoint", max_length=150, blank=True)
    conjoint_cherche_emploi = models.BooleanField("le conjoint cherche un emploi", default=False)
    # 4. Où et quand
    communautes = models.ManyToManyField(
        CommunauteDeCommunes,
        verbose_name="communautés de communes souhaitées",
        blank=True,
        related_name="+",
    )
    communes = models.ManyToManyField(
        Commune, verbose_name="communes souhaitées", blank=True, related_name="+"
    )
    zone_inconnue = models.BooleanField("ne sait pas encore où", default=False)
    date_installation = models.DateField("date d'installation prévue", null=True, blank=True)
    horizon = models.CharField(
        "horizon", max_length=20, choices=Horizon.choices, default=Horizon.NE_SAIT_PAS
    )
    logement_temporaire = models.BooleanField("besoin d'un logement temporaire", default=False)
    besoin_logement = models.CharField(
        "logement",
        max_length=20,
        choices=BesoinLogement.choices,
        default=BesoinLogement.NE_SAIT_PAS,
    )
    # 5. Consentements
    consentement_le = models.DateTimeField("consentement au traitement le")
    newsletter = models.BooleanField("lettre d'information", default=False)
    consentement_transmission_cv = models.BooleanField(
        "accepte que son CV soit transmis à des employeurs partenaires", default=False
    )
    relances_refusees = models.BooleanField("ne veut plus de courriels de suivi", default=False)
    # Source
    source = models.JSONField("source (campagne, UTM)", default=dict, blank=True)
    code_campagne = models.CharField("code de campagne", max_length=50, blank=True)
    code_parrainage = models.CharField("code de parrainage", max_length=50, blank=True)

    # Staff side
    communaute = models.ForeignKey(
        CommunauteDeCommunes,
        verbose_name="secteur de suivi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parcours_accueil",
        help_text="Vide : suivi par l'équipe départementale.",
    )
    referent = models.ForeignKey(
        "accueil.Referent",
        verbose_name="référent",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parcours",
    )
    statut = models.CharField(
        "statut", max_length=20, choices=StatutParcours.choices, default=StatutParcours.NOUVEAU
    )
    statut_modifie_le = models.DateTimeField("statut modifié le", default=timezone.now)
    installe_le = models.DateField("installé le", null=True, blank=True)
    prochaine_action = models.CharField("prochaine action", max_length=200, blank=True)
    prochaine_action_le = models.DateField("date de la prochaine action", null=True, blank=True)
    rappel_envoye_le = models.DateField("rappel envoyé le", null=True, blank=True)
    score_maturite = models.PositiveSmallIntegerField("maturité du projet", default=0)
    score_detail = models.JSONField("détail du score", default=list, blank=True)

    cree_le = models.DateTimeField("inscrit le", auto_now_add=True)
    derniere_activite_le = models.DateTimeField("dernière activité le", default=timezone.now)
    anonymise_le = models.DateTimeField("anonymisé le", null=True, blank=True)

    class Meta:
        verbose_name = "parcours d'accueil"
        verbose_name_plural = "parcours d'accueil"
        ordering = ["-cree_le"]
        indexes = [
            models.Index(fields=["statut", "communaute"]),
            models.Index(fields=["derniere_activite_le"]),
        ]

    def __str__(self):
        return f"{self.prenom} {self.nom}".strip() or str(self.reference)

    @property
    def est_clos(self) -> bool:
        return self.statut in (StatutParcours.INSTALLE, StatutParcours.SANS_SUITE)


def stockage_prive():
    """Files only permission-checked views may stream (never under MEDIA_URL)."""
    return storages["prive"]


class CurriculumVitae(models.Model):
    """A CV uploaded by the newcomer or for their spouse; stored outside the served paths."""

    class Titulaire(models.TextChoices):
        ARRIVANT = "arrivant", "Moi"
        CONJOINT = "conjoint", "Mon conjoint"

    parcours = models.ForeignKey(
        ParcoursAccueil, on_delete=models.CASCADE, related_name="cvs", verbose_name="parcours"
    )
    titulaire = models.CharField("titulaire", max_length=10, choices=Titulaire.choices)
    fichier = models.FileField(
        "fichier", upload_to="cv/%Y/%m/", storage=stockage_prive, max_length=200
    )
    nom_original = models.CharField("nom du fichier", max_length=200)
    taille = models.PositiveIntegerField("taille (octets)", default=0)
    depose_le = models.DateTimeField("déposé le", auto_now_add=True)

    class Meta:
        verbose_name = "CV"
        verbose_name_plural = "CV"
        ordering = ["-depose_le"]

    def __str__(self):
        return f"CV ({self.get_titulaire_display()}) : {self.nom_original}"


class TransmissionCV(models.Model):
    """One forwarding of a CV by a referent to a partner employer; shown to the newcomer."""

    cv = models.ForeignKey(
        CurriculumVitae, on_delete=models.CASCADE, related_name="transmissions", verbose_name="CV"
    )
    destinataire = models.CharField("employeur destinataire", max_length=200)
    destinataire_email = models.EmailField("adresse de l'employeur", blank=True)
    message = models.TextField("message", blank=True)
    par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="transmis par",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    transmis_le = models.DateTimeField("transmis le", auto_now_add=True)

    class Meta:
        verbose_name = "transmission de CV"
        verbose_name_plural = "transmissions de CV"
        ordering = ["-transmis_le"]

    def __str__(self):
        return f"{self.cv} → {self.destinataire}"


class EtapeParcours(models.Model):
    """One step of a newcomer's journey, generated from a ``ModeleEtape``."""

    parcours = models.ForeignKey(
        ParcoursAccueil, on_delete=models.CASCADE, related_name="etapes", verbose_name="parcours"
    )
    modele = models.ForeignKey(
        "accueil.ModeleEtape", on_delete=models.PROTECT, related_name="+", verbose_name="modèle"
    )
    ordre = models.PositiveSmallIntegerField("ordre", default=100)
    statut = models.CharField(
        "statut", max_length=10, choices=StatutEtape.choices, default=StatutEtape.A_FAIRE
    )
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "étape du parcours"
        verbose_name_plural = "étapes du parcours"
        ordering = ["ordre", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["parcours", "modele"], name="etape_unique_par_parcours")
        ]

    def __str__(self):
        return f"{self.modele} ({self.get_statut_display()})"


class Message(models.Model):
    """A message between the newcomer and their referent, read inside the portal."""

    parcours = models.ForeignKey(
        ParcoursAccueil, on_delete=models.CASCADE, related_name="messages", verbose_name="parcours"
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="auteur",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    de_l_arrivant = models.BooleanField("écrit par le nouvel arrivant")
    texte = models.TextField("message", max_length=5000)
    envoye_le = models.DateTimeField("envoyé le", auto_now_add=True)
    lu_le = models.DateTimeField("lu le", null=True, blank=True)

    class Meta:
        verbose_name = "message"
        verbose_name_plural = "messages"
        ordering = ["envoye_le", "pk"]

    def __str__(self):
        return f"Message du {self.envoye_le:%d/%m/%Y %H:%M}"
