"""Messages from would-be buyers to a takeover's accompanying body (the seller stays anonymous)."""

from django.conf import settings
from django.db import models


class ContactReprise(models.Model):
    """A message sent through a takeover page; emailed to the body, kept for the admin."""

    class Statut(models.TextChoices):
        NOUVEAU = "nouveau", "Nouveau"
        TRAITE = "traite", "Traité"

    reprise = models.ForeignKey(
        "opportunites.ReprisePage",
        verbose_name="entreprise à reprendre",
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    nom = models.CharField("nom", max_length=150)
    email = models.EmailField("adresse électronique")
    telephone = models.CharField("téléphone", max_length=30, blank=True)
    message = models.TextField("message", max_length=4000)
    compte = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts_reprises",
    )
    statut = models.CharField(
        "statut", max_length=10, choices=Statut.choices, default=Statut.NOUVEAU
    )
    cree_le = models.DateTimeField("reçu le", auto_now_add=True)

    class Meta:
        verbose_name = "contact pour une reprise"
        verbose_name_plural = "contacts pour les reprises"
        ordering = ["-cree_le"]

    def __str__(self):
        return f"{self.nom} — {self.reprise}"
