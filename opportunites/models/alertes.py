"""Saved searches: a digest of the new matching job offers, by email, after a double opt-in."""

import secrets

from django.conf import settings
from django.db import models

from .choix import FrequenceAlerte


def jeton_nouveau() -> str:
    return secrets.token_urlsafe(24)


class Alerte(models.Model):
    """A visitor's saved filters of the job listing, with their email and frequency."""

    email = models.EmailField("adresse électronique")
    filtres = models.JSONField(
        "filtres", default=dict, blank=True, help_text="Les paramètres de la liste des offres."
    )
    libelle = models.CharField("résumé des filtres", max_length=300, blank=True)
    frequence = models.CharField(
        "fréquence",
        max_length=15,
        choices=FrequenceAlerte.choices,
        default=FrequenceAlerte.QUOTIDIENNE,
    )
    compte = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alertes_emploi",
    )
    jeton = models.CharField("jeton", max_length=64, unique=True, default=jeton_nouveau)
    empreinte = models.CharField(
        "empreinte des filtres",
        max_length=64,
        default="",
        editable=False,
        help_text="Les mêmes filtres pour la même adresse ne font qu'une alerte.",
    )
    pour_conjoint = models.BooleanField(
        "demandée pour le conjoint d'un nouvel arrivant", default=False
    )
    cree_le = models.DateTimeField("créée le", auto_now_add=True)
    confirmation_envoyee_le = models.DateTimeField(
        "demande de confirmation envoyée le", null=True, blank=True
    )
    confirmee_le = models.DateTimeField("confirmée le", null=True, blank=True)
    suspendue_le = models.DateTimeField("en pause depuis le", null=True, blank=True)
    desinscrite_le = models.DateTimeField("désinscrite le", null=True, blank=True)
    dernier_envoi = models.DateTimeField("dernier envoi", null=True, blank=True)

    class Meta:
        verbose_name = "alerte emploi"
        verbose_name_plural = "alertes emploi"
        ordering = ["-cree_le"]
        indexes = [models.Index(fields=["frequence", "confirmee_le", "desinscrite_le"])]
        constraints = [
            models.UniqueConstraint(fields=["email", "empreinte"], name="alerte_email_filtres")
        ]

    def __str__(self):
        return f"{self.email} — {self.libelle or 'toutes les offres'}"

    @property
    def active(self) -> bool:
        """Confirmed, not unsubscribed, not paused: digests go out."""
        return (
            self.confirmee_le is not None
            and self.desinscrite_le is None
            and self.suspendue_le is None
        )

    @property
    def etat(self) -> str:
        """A short French state for staff and the owner."""
        if self.desinscrite_le is not None:
            return "désinscrite"
        if self.confirmee_le is None:
            return "en attente de confirmation"
        if self.suspendue_le is not None:
            return "en pause"
        return "active"


class AlerteEnvoi(models.Model):
    """One offer sent in one alert's digest: each offer goes out once per alert."""

    alerte = models.ForeignKey(Alerte, on_delete=models.CASCADE, related_name="envois")
    offre = models.ForeignKey(
        "opportunites.OffreEmploiPage", on_delete=models.CASCADE, related_name="+"
    )
    envoye_le = models.DateTimeField("envoyée le", auto_now_add=True)

    class Meta:
        verbose_name = "offre envoyée"
        verbose_name_plural = "offres envoyées"
        constraints = [
            models.UniqueConstraint(fields=["alerte", "offre"], name="alerte_offre_unique")
        ]

    def __str__(self):
        return f"{self.alerte_id} → {self.offre_id}"
