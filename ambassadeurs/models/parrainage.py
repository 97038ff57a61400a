"""Referral credit (``Parrainage``) and hospitality offers (``OffreHospitalite``).

A referral points at the newcomer's file by its reference UUID only: the ``accueil`` app
pushes registrations and stage changes here (``ambassadeurs`` never imports ``accueil``).
"""

from django.db import models


class ControleParrainage(models.TextChoices):
    A_VERIFIER = "a_verifier", "À vérifier"
    VALIDE = "valide", "Validé"
    REJETE = "rejete", "Rejeté"


class Parrainage(models.Model):
    ambassadeur = models.ForeignKey(
        "ambassadeurs.Ambassadeur",
        on_delete=models.CASCADE,
        related_name="parrainages",
        verbose_name="ambassadeur",
    )
    filleul_reference = models.UUIDField("référence du dossier du nouvel arrivant", unique=True)
    enregistre_le = models.DateTimeField("inscrit le", auto_now_add=True)
    etape = models.CharField("étape actuelle", max_length=30, default="nouveau")
    converti_le = models.DateTimeField("installé le", null=True, blank=True)
    controle = models.CharField(
        "contrôle",
        max_length=12,
        choices=ControleParrainage.choices,
        default=ControleParrainage.VALIDE,
        db_index=True,
    )
    motif = models.CharField("motif", max_length=300, blank=True)

    class Meta:
        verbose_name = "parrainage"
        verbose_name_plural = "parrainages"
        ordering = ["-enregistre_le"]

    def __str__(self) -> str:
        return f"Parrainage de {self.ambassadeur} ({self.get_controle_display()})"

    @property
    def credite(self) -> bool:
        return self.controle == ControleParrainage.VALIDE


class TypeHospitalite(models.TextChoices):
    REPAS = "repas", "Un repas"
    JOURNEE = "journee", "Une journée"
    WEEK_END = "week_end", "Un week-end"


class OffreHospitalite(models.Model):
    ambassadeur = models.ForeignKey(
        "ambassadeurs.Ambassadeur",
        on_delete=models.CASCADE,
        related_name="offres_hospitalite",
        verbose_name="ambassadeur",
    )
    type = models.CharField("type d'accueil", max_length=10, choices=TypeHospitalite.choices)
    commune = models.ForeignKey(
        "territoire.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="commune",
    )
    capacite = models.PositiveSmallIntegerField("nombre de personnes accueillies")
    periode = models.CharField("période ou disponibilités", max_length=200)
    notes = models.TextField("précisions", blank=True, max_length=1000)
    active = models.BooleanField("active", default=True)
    cree_le = models.DateTimeField("créée le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifiée le", auto_now=True)

    class Meta:
        verbose_name = "offre d'hospitalité"
        verbose_name_plural = "offres d'hospitalité"
        ordering = ["-active", "-modifie_le"]

    def __str__(self) -> str:
        return f"{self.get_type_display()} à {self.commune} ({self.ambassadeur})"
