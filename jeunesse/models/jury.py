"""The jury's work: applications assigned to jurors, conflicts of interest, scores."""

from django.conf import settings
from django.db import models

from .appels import CritereEvaluation
from .candidatures import Candidature


class Affectation(models.Model):
    """An application given to a juror. A declared conflict hides it from them for good."""

    candidature = models.ForeignKey(
        Candidature, on_delete=models.CASCADE, related_name="affectations"
    )
    jure = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="juré·e",
        on_delete=models.CASCADE,
        related_name="affectations_jeunesse",
    )
    conflit = models.BooleanField("conflit d'intérêts déclaré", default=False)
    conflit_motif = models.CharField("nature du conflit", max_length=300, blank=True)
    conflit_declare_le = models.DateTimeField(null=True, blank=True)
    commentaire = models.TextField("avis général", max_length=4000, blank=True)
    terminee_le = models.DateTimeField("évaluation terminée le", null=True, blank=True)
    cree_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "affectation à un juré"
        verbose_name_plural = "affectations aux jurés"
        constraints = [
            models.UniqueConstraint(fields=["candidature", "jure"], name="affectation_unique")
        ]

    def __str__(self):
        return f"{self.candidature} → {self.jure}"


class Note(models.Model):
    affectation = models.ForeignKey(Affectation, on_delete=models.CASCADE, related_name="notes")
    critere = models.ForeignKey(CritereEvaluation, on_delete=models.CASCADE, related_name="notes")
    valeur = models.PositiveSmallIntegerField("note")
    commentaire = models.TextField("commentaire", max_length=2000, blank=True)
    modifie_le = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "note"
        verbose_name_plural = "notes"
        constraints = [
            models.UniqueConstraint(fields=["affectation", "critere"], name="note_unique")
        ]

    def __str__(self):
        return f"{self.critere} : {self.valeur}"
