"""Young people's ideas for the brand's messages and tools, with one vote per account."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from .choix import STATUTS_IDEE_VISIBLES, CategorieIdee, StatutIdee


class IdeeQuerySet(models.QuerySet):
    def visibles(self):
        return self.filter(statut__in=STATUTS_IDEE_VISIBLES)


class Idee(models.Model):
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="auteur ou autrice",
        on_delete=models.CASCADE,
        related_name="idees_jeunesse",
    )
    titre = models.CharField("titre", max_length=120)
    description = models.TextField("description", max_length=2000)
    categorie = models.CharField("catégorie", max_length=10, choices=CategorieIdee.choices)
    statut = models.CharField(
        "statut",
        max_length=10,
        choices=StatutIdee.choices,
        default=StatutIdee.EN_ATTENTE,
        db_index=True,
    )
    reponse = models.TextField("réponse du Département", blank=True)
    repondu_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    repondu_le = models.DateTimeField(null=True, blank=True)
    cree_le = models.DateTimeField("proposée le", auto_now_add=True)

    objects = IdeeQuerySet.as_manager()

    class Meta:
        verbose_name = "idée pour la marque"
        verbose_name_plural = "idées pour la marque"
        ordering = ["-cree_le"]

    def __str__(self):
        return self.titre

    def get_absolute_url(self):
        return reverse("jeunesse:idee", kwargs={"pk": self.pk})


class Vote(models.Model):
    idee = models.ForeignKey(Idee, on_delete=models.CASCADE, related_name="votes")
    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="votes_idees"
    )
    cree_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "soutien"
        verbose_name_plural = "soutiens"
        constraints = [
            models.UniqueConstraint(fields=["idee", "utilisateur"], name="un_vote_par_compte")
        ]

    def __str__(self):
        return f"{self.utilisateur} soutient {self.idee}"
