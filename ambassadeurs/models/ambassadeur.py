"""The ambassador: one account's application, then its public profile once accepted."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse

from lot_portal.cms.blocks import Profil
from lot_portal.cms.champs import ChoixMultiplesField
from lot_portal.territoire.models import Commune

from .choix import ChampPublic, Offre, Origine, Secteur, StatutAmbassadeur

ALPHABET_CODE = "abcdefghjkmnpqrstuvwxyz23456789"


def code_parrainage_nouveau() -> str:
    """A short, URL-safe, unambiguous random code (8 characters)."""
    return "".join(secrets.choice(ALPHABET_CODE) for _ in range(8))


class Ambassadeur(models.Model):
    utilisateur = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        on_delete=models.CASCADE,
        related_name="ambassadeur",
    )
    statut = models.CharField(
        "statut",
        max_length=20,
        choices=StatutAmbassadeur.choices,
        default=StatutAmbassadeur.CANDIDATURE,
        db_index=True,
    )
    disponible = models.BooleanField(
        "disponible",
        default=True,
        help_text="Décoché : l'ambassadeur est en pause (absent de l'annuaire).",
    )
    recoit_annonces = models.BooleanField(
        "reçoit les annonces du réseau",
        default=True,
        help_text="Décoché : l'ambassadeur ne reçoit plus les annonces par courriel.",
    )
    prenom = models.CharField("prénom", max_length=80)
    nom = models.CharField("nom", max_length=80)
    commune = models.ForeignKey(
        Commune,
        verbose_name="commune",
        on_delete=models.PROTECT,
        related_name="ambassadeurs",
    )
    profession = models.CharField("profession", max_length=120)
    secteur = models.CharField("secteur d'activité", max_length=20, choices=Secteur.choices)
    origine = models.CharField("origine", max_length=10, choices=Origine.choices)
    arrive_de = models.CharField(
        "arrivé·e de", max_length=120, blank=True, help_text="Région, pays ou ville d'origine."
    )
    histoire = models.TextField("mon histoire avec le Lot", max_length=3000)
    offres = ChoixMultiplesField("ce que je propose", choix=Offre.choices)
    interets = models.CharField("centres d'intérêt", max_length=300, blank=True)
    profils = ChoixMultiplesField("profils que je peux aider", choix=Profil.choices, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    champs_publics = ChoixMultiplesField(
        "informations publiques", choix=ChampPublic.choices, blank=True
    )
    charte_acceptee_le = models.DateTimeField("charte acceptée le")
    code_parrainage = models.CharField(
        "code de parrainage", max_length=16, unique=True, default=code_parrainage_nouveau
    )
    message_decision = models.TextField("message de décision", blank=True)
    decide_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="décidé par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decide_le = models.DateTimeField("décidé le", null=True, blank=True)
    cree_le = models.DateTimeField("candidature reçue le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "ambassadeur"
        verbose_name_plural = "ambassadeurs"
        ordering = ["-cree_le"]

    def __str__(self):
        return f"{self.prenom} {self.nom}"

    def get_absolute_url(self):
        return reverse("ambassadeurs:profil", args=[self.pk])

    @property
    def est_accepte(self) -> bool:
        return self.statut == StatutAmbassadeur.ACCEPTE

    @property
    def est_visible(self) -> bool:
        """Shown in the public directory: accepted and not paused."""
        return self.est_accepte and self.disponible

    @property
    def profils_libelles(self) -> list[str]:
        libelles = dict(Profil.choices)
        return [libelles[v] for v in self.profils or [] if v in libelles]

    @property
    def offres_libelles(self) -> list[str]:
        libelles = dict(Offre.choices)
        return [libelles[v] for v in self.offres or [] if v in libelles]

    def public(self, champ: str) -> bool:
        return champ in (self.champs_publics or [])
