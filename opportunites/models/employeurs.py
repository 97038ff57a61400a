"""Employers: a snippet shared by the job offers (and the partner accounts allowed to post)."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from .choix import Secteur

siret_valide = RegexValidator(r"^\d{14}$", "Le SIRET compte 14 chiffres, sans espace.")


class Employeur(index.Indexed, models.Model):
    """A company or a public body of the Lot that publishes job offers."""

    nom = models.CharField("nom", max_length=150)
    siret = models.CharField(
        "SIRET", max_length=14, blank=True, validators=[siret_valide], db_index=True
    )
    secteur = models.CharField("secteur", max_length=20, choices=Secteur.choices)
    commune = models.ForeignKey(
        "territoire.Commune",
        verbose_name="commune",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employeurs",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    presentation = models.TextField("présentation courte", max_length=1000, blank=True)
    site_web = models.URLField("site web", blank=True)
    partenaires = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="comptes partenaires",
        blank=True,
        related_name="employeurs",
        help_text="Les comptes du groupe « Partenaires emploi » qui publient pour cet employeur.",
    )
    cree_le = models.DateTimeField("créé le", auto_now_add=True)

    panels = [
        FieldPanel("nom"),
        FieldPanel("siret"),
        FieldPanel("secteur"),
        FieldPanel("commune"),
        FieldPanel("logo"),
        FieldPanel("presentation"),
        FieldPanel("site_web"),
        MultiFieldPanel([FieldPanel("partenaires")], heading="Partenaires"),
    ]
    search_fields = [
        index.SearchField("nom"),
        index.AutocompleteField("nom"),
        index.SearchField("siret"),
        index.FilterField("secteur"),
    ]

    class Meta:
        verbose_name = "employeur"
        verbose_name_plural = "employeurs"
        ordering = ["nom"]
        constraints = [
            models.UniqueConstraint(
                fields=["siret"], condition=~models.Q(siret=""), name="employeur_siret_unique"
            )
        ]

    def __str__(self):
        return self.nom
