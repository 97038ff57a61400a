from django.db import models
from wagtail.search import index


class CommunauteDeCommunes(models.Model):
    """An EPCI (communauté de communes or d'agglomération) with Lot communes."""

    siren = models.CharField("SIREN", max_length=9, unique=True)
    nom = models.CharField("nom", max_length=150)
    population = models.PositiveIntegerField("population municipale (partie lotoise)", default=0)

    class Meta:
        verbose_name = "communauté de communes"
        verbose_name_plural = "communautés de communes"
        ordering = ["nom"]

    def __str__(self):
        return self.nom


class Commune(index.Indexed, models.Model):
    """A commune of the Lot (INSEE geography of 1 January 2026)."""

    insee = models.CharField("code INSEE", max_length=5, unique=True)
    nom = models.CharField("nom", max_length=150)
    codes_postaux = models.CharField(
        "codes postaux", max_length=50, help_text="Séparés par des virgules."
    )
    latitude = models.DecimalField(max_digits=8, decimal_places=5)
    longitude = models.DecimalField(max_digits=8, decimal_places=5)
    population = models.PositiveIntegerField("population municipale", default=0)
    communaute = models.ForeignKey(
        CommunauteDeCommunes,
        verbose_name="communauté de communes",
        on_delete=models.PROTECT,
        related_name="communes",
    )

    # Searchable in the admin's choosers (type « Souil » to find Souillac).
    search_fields = [
        index.SearchField("nom"),
        index.AutocompleteField("nom"),
        index.SearchField("codes_postaux"),
        index.SearchField("insee"),
    ]

    class Meta:
        verbose_name = "commune"
        verbose_name_plural = "communes"
        ordering = ["nom"]

    def __str__(self):
        return f"{self.nom} ({self.codes_postaux.split(',')[0]})"
