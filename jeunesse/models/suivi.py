"""After the decision: payments by milestone, reports, support actions, the progress journal."""

from django.conf import settings
from django.db import models

from .candidatures import Candidature, PieceJointe
from .choix import StatutJournal


class Versement(models.Model):
    """A payment of the grant, tied to a milestone."""

    candidature = models.ForeignKey(
        Candidature, on_delete=models.CASCADE, related_name="versements"
    )
    jalon = models.CharField("étape qui déclenche le versement", max_length=200)
    montant = models.DecimalField("montant (€)", max_digits=10, decimal_places=2)
    prevu_le = models.DateField("prévu le", null=True, blank=True)
    verse_le = models.DateField("versé le", null=True, blank=True)
    ordre = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "versement"
        verbose_name_plural = "versements"
        ordering = ["ordre", "id"]

    def __str__(self):
        return f"{self.jalon} : {self.montant} €"


class RapportProjet(models.Model):
    """A report the laureate uploads (interim or final); the file is a ``PieceJointe``."""

    class Type(models.TextChoices):
        INTERMEDIAIRE = "intermediaire", "Rapport intermédiaire"
        FINAL = "final", "Rapport final"

    candidature = models.ForeignKey(Candidature, on_delete=models.CASCADE, related_name="rapports")
    type_rapport = models.CharField("type", max_length=15, choices=Type.choices)
    attendu_le = models.DateField("attendu le", null=True, blank=True)
    piece = models.ForeignKey(
        PieceJointe, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    depose_le = models.DateTimeField("déposé le", null=True, blank=True)
    valide_le = models.DateTimeField("validé le", null=True, blank=True)

    class Meta:
        verbose_name = "rapport de projet"
        verbose_name_plural = "rapports de projet"
        ordering = ["attendu_le", "id"]

    def __str__(self):
        return self.get_type_rapport_display()


class ActionSoutien(models.Model):
    """Support the département gives the project (« soutenir fortement les projets »)."""

    candidature = models.ForeignKey(
        Candidature, on_delete=models.CASCADE, related_name="actions_soutien"
    )
    libelle = models.CharField("action", max_length=200)
    description = models.TextField("détail", blank=True)
    le = models.DateField("date", null=True, blank=True)
    par = models.CharField("proposée par", max_length=150, blank=True)
    realisee = models.BooleanField("réalisée", default=False)

    class Meta:
        verbose_name = "action de soutien"
        verbose_name_plural = "actions de soutien"
        ordering = ["le", "id"]

    def __str__(self):
        return self.libelle


class EntreeJournal(models.Model):
    """A step of the project told by the laureates; public on the showcase once moderated."""

    candidature = models.ForeignKey(Candidature, on_delete=models.CASCADE, related_name="journal")
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    titre = models.CharField("titre", max_length=150)
    texte = models.TextField("récit", max_length=5000)
    image = models.ImageField(
        "photo", upload_to="jeunesse/journal/%Y/%m/", null=True, blank=True, max_length=200
    )
    image_alt = models.CharField("description de la photo", max_length=250, blank=True)
    statut = models.CharField(
        "statut", max_length=10, choices=StatutJournal.choices, default=StatutJournal.BROUILLON
    )
    motif_refus = models.CharField("motif du refus", max_length=500, blank=True)
    cree_le = models.DateTimeField(auto_now_add=True)
    publie_le = models.DateTimeField("publié le", null=True, blank=True)

    class Meta:
        verbose_name = "entrée du journal de projet"
        verbose_name_plural = "journal des projets"
        ordering = ["-cree_le"]

    def __str__(self):
        return self.titre
