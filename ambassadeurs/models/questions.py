"""Questions from newcomers to ambassadors: conversations, messages, abuse reports."""

from django.conf import settings
from django.db import models
from django.urls import reverse


class StatutQuestion(models.TextChoices):
    OUVERTE = "ouverte", "Ouverte"
    FERMEE = "fermee", "Close"


class Question(models.Model):
    """One conversation between a signed-in account (the asker) and an ambassador."""

    demandeur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="demandeur",
        on_delete=models.CASCADE,
        related_name="questions_ambassadeurs",
    )
    ambassadeur = models.ForeignKey(
        "ambassadeurs.Ambassadeur",
        verbose_name="ambassadeur",
        on_delete=models.CASCADE,
        related_name="questions",
    )
    sujet = models.CharField("sujet", max_length=150)
    statut = models.CharField(
        "statut", max_length=10, choices=StatutQuestion.choices, default=StatutQuestion.OUVERTE
    )
    signalee = models.BooleanField("signalée", default=False, db_index=True)
    fermee_le = models.DateTimeField("close le", null=True, blank=True)
    fermee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="close par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cree_le = models.DateTimeField("créée le", auto_now_add=True, db_index=True)
    derniere_activite_le = models.DateTimeField("dernière activité le", auto_now_add=True)

    class Meta:
        verbose_name = "question à un ambassadeur"
        verbose_name_plural = "questions aux ambassadeurs"
        ordering = ["-derniere_activite_le", "-pk"]

    def __str__(self):
        return self.sujet

    def get_absolute_url(self):
        return reverse("ambassadeurs:question", args=[self.pk])


class MessageQuestion(models.Model):
    question = models.ForeignKey(
        Question, verbose_name="question", on_delete=models.CASCADE, related_name="messages"
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="auteur",
        on_delete=models.CASCADE,
        related_name="+",
    )
    texte = models.TextField("texte", max_length=3000)
    envoye_le = models.DateTimeField("envoyé le", auto_now_add=True, db_index=True)
    lu_le = models.DateTimeField("lu le", null=True, blank=True)

    class Meta:
        verbose_name = "message"
        verbose_name_plural = "messages"
        ordering = ["envoye_le", "pk"]

    def __str__(self):
        return f"Message {self.pk} de {self.question}"


class Signalement(models.Model):
    """An abuse report by one side of a conversation, handled by staff."""

    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="signalé par",
        on_delete=models.CASCADE,
        related_name="+",
    )
    question = models.ForeignKey(
        Question, verbose_name="conversation", on_delete=models.CASCADE, related_name="signalements"
    )
    message = models.ForeignKey(
        MessageQuestion,
        verbose_name="message",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signalements",
    )
    motif = models.TextField("motif", max_length=2000)
    traite = models.BooleanField("traité", default=False, db_index=True)
    traite_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="traité par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    traite_le = models.DateTimeField("traité le", null=True, blank=True)
    cree_le = models.DateTimeField("signalé le", auto_now_add=True)

    class Meta:
        verbose_name = "signalement"
        verbose_name_plural = "signalements"
        ordering = ["traite", "-cree_le"]

    def __str__(self):
        return f"Signalement de « {self.question} »"
