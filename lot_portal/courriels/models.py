from django.db import models
from django.utils import timezone


class Courriel(models.Model):
    """One email the portal must send: written first, then delivered by Celery.

    The row is created in the same transaction as the change that causes the
    email, so an email is never lost (the broker may be down) and never sent
    for a change that was rolled back.
    """

    class Statut(models.TextChoices):
        EN_ATTENTE = "en_attente", "En attente"
        EN_COURS = "en_cours", "En cours d'envoi"
        ENVOYE = "envoye", "Envoyé"
        ECHEC = "echec", "Échec"

    expediteur = models.CharField("expéditeur", max_length=255)
    destinataires = models.JSONField("destinataires", default=list)
    copies = models.JSONField("copies", default=list, blank=True)
    copies_cachees = models.JSONField("copies cachées", default=list, blank=True)
    repondre_a = models.JSONField("répondre à", default=list, blank=True)
    en_tetes = models.JSONField("en-têtes", default=dict, blank=True)
    sujet = models.CharField("sujet", max_length=998)
    corps_texte = models.TextField("texte")
    corps_html = models.TextField("HTML", blank=True)
    statut = models.CharField(
        "statut", max_length=20, choices=Statut.choices, default=Statut.EN_ATTENTE
    )
    tentatives = models.PositiveSmallIntegerField("tentatives", default=0)
    prochain_essai = models.DateTimeField("prochain essai", default=timezone.now)
    verrouille_le = models.DateTimeField("pris en charge le", null=True, blank=True)
    derniere_erreur = models.TextField("dernière erreur", blank=True)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    envoye_le = models.DateTimeField("envoyé le", null=True, blank=True)

    class Meta:
        verbose_name = "courriel"
        verbose_name_plural = "courriels"
        ordering = ["-cree_le"]
        indexes = [models.Index(fields=["statut", "prochain_essai"])]

    def __str__(self):
        return f"{self.sujet} → {', '.join(self.destinataires)}"
