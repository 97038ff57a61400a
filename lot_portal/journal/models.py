"""The audit log: which staff member opened or exported whose file, never the content."""

from django.conf import settings
from django.db import models
from django.utils import timezone

GROUPE_DPO = "Délégué à la protection des données"


class Action(models.TextChoices):
    CONSULTATION = "consultation", "Consultation"
    EXPORT = "export", "Export"
    TELECHARGEMENT = "telechargement", "Téléchargement"


class JournalAcces(models.Model):
    """One access of a staff member to people's data.

    The person concerned is a stable reference (``objet_type`` + ``objet_id``) and a short
    label that is never content (« Dossier d'accueil n° 123 »); an export is one row with
    the number of rows exported and the names of the filters applied (never their values).
    """

    # Nothing references an access row: keep Wagtail's reference index out of each insert.
    wagtail_reference_index_ignore = True

    quand = models.DateTimeField("date", default=timezone.now, db_index=True)
    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="membre de l'équipe",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Copied: the staff member stays identifiable after their account is deleted.
    utilisateur_email = models.EmailField("adresse du membre de l'équipe", blank=True)
    action = models.CharField("action", max_length=20, choices=Action.choices, db_index=True)
    objet_type = models.CharField("type de données", max_length=100, db_index=True)
    objet_id = models.CharField("référence", max_length=64, blank=True, db_index=True)
    objet_libelle = models.CharField("objet", max_length=200)
    nombre = models.PositiveIntegerField("nombre de lignes", null=True, blank=True)
    filtres = models.CharField("filtres appliqués", max_length=500, blank=True)
    vue = models.CharField("page", max_length=200, blank=True)
    motif = models.CharField("motif", max_length=200, blank=True)

    class Meta:
        verbose_name = "accès aux données"
        verbose_name_plural = "journal des accès"
        ordering = ["-quand", "-pk"]
        indexes = [models.Index(fields=["objet_type", "objet_id"])]

    def __str__(self):
        return f"{self.get_action_display()} – {self.objet_libelle}"
