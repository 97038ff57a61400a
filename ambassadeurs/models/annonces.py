"""Running the network: announcements emailed to a segment, and network events with RSVP."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from lot_portal.cms.blocks import Profil
from lot_portal.cms.champs import ChoixMultiplesField
from lot_portal.territoire.models import CommunauteDeCommunes, Commune


class SegmentAnnonce(models.TextChoices):
    TOUS = "tous", "Tous les ambassadeurs"
    TERRITOIRE = "territoire", "Des communautés de communes"
    PROFILS = "profils", "Des profils cibles"


class EtatAnnonce(models.TextChoices):
    BROUILLON = "brouillon", "Brouillon"
    EN_COURS = "en_cours", "Envoi en cours"
    ENVOYEE = "envoyee", "Envoyée"


class Annonce(models.Model):
    titre = models.CharField("titre", max_length=150)
    texte = models.TextField("texte", max_length=5000)
    segment = models.CharField(
        "destinataires", max_length=20, choices=SegmentAnnonce.choices, default=SegmentAnnonce.TOUS
    )
    communautes = models.ManyToManyField(
        CommunauteDeCommunes,
        verbose_name="communautés de communes",
        blank=True,
        related_name="+",
        help_text="Si les destinataires sont « des communautés de communes ».",
    )
    profils = ChoixMultiplesField(
        "profils cibles",
        choix=Profil.choices,
        blank=True,
        help_text="Si les destinataires sont « des profils cibles » : les ambassadeurs qui "
        "peuvent aider l'un de ces profils.",
    )
    etat = models.CharField(
        "état",
        max_length=20,
        choices=EtatAnnonce.choices,
        default=EtatAnnonce.BROUILLON,
        db_index=True,
    )
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="créée par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cree_le = models.DateTimeField("créée le", auto_now_add=True)
    envoi_demande_le = models.DateTimeField("envoi demandé le", null=True, blank=True)
    envoyee_le = models.DateTimeField("envoyée le", null=True, blank=True)
    nb_destinataires = models.PositiveIntegerField("destinataires", default=0)
    nb_envois = models.PositiveIntegerField("courriels écrits", default=0)

    class Meta:
        verbose_name = "annonce"
        verbose_name_plural = "annonces"
        ordering = ["-cree_le"]

    def __str__(self):
        return self.titre

    @property
    def modifiable(self) -> bool:
        return self.etat == EtatAnnonce.BROUILLON


class EnvoiAnnonce(models.Model):
    """One recipient of an announcement: its row makes sending idempotent and resumable."""

    annonce = models.ForeignKey(Annonce, on_delete=models.CASCADE, related_name="envois")
    ambassadeur = models.ForeignKey(
        "ambassadeurs.Ambassadeur", on_delete=models.CASCADE, related_name="annonces_recues"
    )
    courriel = models.ForeignKey(
        "courriels.Courriel", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cree_le = models.DateTimeField("écrit le", default=timezone.now)

    class Meta:
        verbose_name = "envoi d'annonce"
        verbose_name_plural = "envois d'annonces"
        constraints = [
            models.UniqueConstraint(fields=["annonce", "ambassadeur"], name="envoi_annonce_unique")
        ]

    def __str__(self):
        return f"{self.annonce} → {self.ambassadeur}"


class EvenementReseau(models.Model):
    titre = models.CharField("titre", max_length=150)
    description = models.TextField("description", max_length=5000)
    debut = models.DateTimeField("date et heure")
    lieu = models.CharField("lieu", max_length=200)
    commune = models.ForeignKey(
        Commune,
        verbose_name="commune",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    capacite = models.PositiveIntegerField(
        "nombre de places", null=True, blank=True, help_text="Laisser vide : sans limite."
    )
    cree_le = models.DateTimeField("créé le", auto_now_add=True)

    class Meta:
        verbose_name = "événement du réseau"
        verbose_name_plural = "événements du réseau"
        ordering = ["debut"]

    def __str__(self):
        return self.titre

    @property
    def passe(self) -> bool:
        return self.debut <= timezone.now()


class ReponseChoix(models.TextChoices):
    OUI = "oui", "Je viens"
    PEUT_ETRE = "peut_etre", "Peut-être"
    NON = "non", "Je ne viens pas"


class ReponseEvenement(models.Model):
    evenement = models.ForeignKey(
        EvenementReseau, on_delete=models.CASCADE, related_name="reponses"
    )
    ambassadeur = models.ForeignKey(
        "ambassadeurs.Ambassadeur", on_delete=models.CASCADE, related_name="reponses_evenements"
    )
    reponse = models.CharField("réponse", max_length=10, choices=ReponseChoix.choices)
    modifie_le = models.DateTimeField("répondu le", auto_now=True)

    class Meta:
        verbose_name = "réponse à un événement"
        verbose_name_plural = "réponses aux événements"
        ordering = ["evenement", "ambassadeur"]
        constraints = [
            models.UniqueConstraint(
                fields=["evenement", "ambassadeur"], name="reponse_evenement_unique"
            )
        ]

    def __str__(self):
        return f"{self.ambassadeur} : {self.get_reponse_display()}"
