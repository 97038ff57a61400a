"""Matching a hospitality offer with a newcomer's discovery-stay request.

The stay is ``accueil.SejourDecouverte``, referenced by a lazy foreign key: ``ambassadeurs``
imports nothing from ``accueil``; it reads the stay (and the newcomer's first name and
account) through this relation only.
"""

from django.conf import settings
from django.db import models


class StatutMiseEnRelation(models.TextChoices):
    PROPOSEE = "proposee", "Proposée à l'ambassadeur"
    ACCEPTEE = "acceptee", "Acceptée par l'ambassadeur"
    DECLINEE = "declinee", "Déclinée par l'ambassadeur"
    REALISEE = "realisee", "Visite réalisée"


class MiseEnRelationHospitalite(models.Model):
    offre = models.ForeignKey(
        "ambassadeurs.OffreHospitalite",
        on_delete=models.CASCADE,
        related_name="mises_en_relation",
        verbose_name="offre d'hospitalité",
    )
    sejour = models.ForeignKey(
        "accueil.SejourDecouverte",
        on_delete=models.CASCADE,
        related_name="mises_en_relation_hospitalite",
        verbose_name="séjour découverte",
    )
    statut = models.CharField(
        "statut",
        max_length=10,
        choices=StatutMiseEnRelation.choices,
        default=StatutMiseEnRelation.PROPOSEE,
        db_index=True,
    )
    message_equipe = models.TextField(
        "message de l'équipe à l'ambassadeur", blank=True, max_length=2000
    )
    reponse_ambassadeur = models.TextField("message de l'ambassadeur", blank=True, max_length=2000)
    conversation = models.ForeignKey(
        "ambassadeurs.Question",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="conversation",
    )
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="proposée par",
    )
    cree_le = models.DateTimeField("proposée le", auto_now_add=True)
    repondu_le = models.DateTimeField("réponse le", null=True, blank=True)
    modifie_le = models.DateTimeField("modifiée le", auto_now=True)

    class Meta:
        verbose_name = "mise en relation (hospitalité)"
        verbose_name_plural = "mises en relation (hospitalité)"
        ordering = ["-cree_le", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["offre", "sejour"], name="mise_en_relation_offre_sejour_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.offre} ↔ séjour {self.sejour_id} ({self.get_statut_display()})"

    @property
    def en_attente(self) -> bool:
        return self.statut == StatutMiseEnRelation.PROPOSEE


class NotificationRelecture(models.Model):
    """One email sent to an ambassador about the review of their story: its unique key
    (workflow state / task state and decision) makes the signal receivers idempotent."""

    cle = models.CharField("clé", max_length=80, unique=True)
    page_id = models.PositiveIntegerField("page")
    courriel = models.ForeignKey(
        "courriels.Courriel", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cree_le = models.DateTimeField("envoyée le", auto_now_add=True)

    class Meta:
        verbose_name = "avis de relecture envoyé"
        verbose_name_plural = "avis de relecture envoyés"

    def __str__(self) -> str:
        return self.cle
