"""Questions from newcomers to ambassadors: ask, reply, read, report.

Every write happens here, in one transaction with its notification emails (outbox rows,
delivered after commit). Emails say that a message is waiting, with a link to the portal:
never the text, never an email address.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import (
    Ambassadeur,
    MessageQuestion,
    MiseEnRelationHospitalite,
    Offre,
    Question,
    Signalement,
    StatutAmbassadeur,
    StatutMiseEnRelation,
    StatutQuestion,
)
from ..notifications import courriel_ambassadeurs, url_absolue

QUESTIONS_PAR_JOUR = 5
MESSAGES_PAR_HEURE = 30


class AmbassadeurIndisponible(Exception):
    """The ambassador is not accepted, paused, or does not answer questions."""


class TropDeQuestions(Exception):
    """More than ``QUESTIONS_PAR_JOUR`` new questions in 24 hours."""


class TropDeMessages(Exception):
    """More than ``MESSAGES_PAR_HEURE`` messages in one hour."""


class ConversationFermee(Exception):
    """The conversation is closed."""


def accepte_les_questions(ambassadeur: Ambassadeur) -> bool:
    return (
        ambassadeur.statut == StatutAmbassadeur.ACCEPTE
        and ambassadeur.disponible
        and Offre.QUESTIONS in (ambassadeur.offres or [])
    )


def _notifier(*, question: Question, destinataire, de_l_ambassadeur: bool, nouvelle: bool):
    if not destinataire.email or not destinataire.is_active:
        return None
    if de_l_ambassadeur:
        expediteur = question.ambassadeur.prenom
    else:
        expediteur = question.demandeur.first_name or "Un nouvel arrivant"
    sujet = (
        "Nouvelle question sur le portail du Lot"
        if nouvelle
        else "Nouveau message dans votre conversation"
    )
    return courriel_ambassadeurs(
        destinataire=destinataire.email,
        modele="questions_nouveau_message",
        sujet=sujet,
        contexte={
            "expediteur": expediteur,
            "sujet_question": question.sujet,
            "nouvelle": nouvelle,
            "url_conversation": url_absolue("ambassadeurs:question", question.pk),
        },
    )


def question_poser(*, demandeur, ambassadeur: Ambassadeur, sujet: str, texte: str) -> Question:
    """Open a conversation with its first message and notify the ambassador."""
    with transaction.atomic():
        ambassadeur = Ambassadeur.objects.select_for_update().get(pk=ambassadeur.pk)
        if not accepte_les_questions(ambassadeur) or ambassadeur.utilisateur_id == demandeur.pk:
            raise AmbassadeurIndisponible
        depuis = timezone.now() - timedelta(hours=24)
        if (
            Question.objects.filter(demandeur=demandeur, cree_le__gte=depuis).count()
            >= QUESTIONS_PAR_JOUR
        ):
            raise TropDeQuestions
        question = Question.objects.create(
            demandeur=demandeur, ambassadeur=ambassadeur, sujet=sujet.strip()
        )
        MessageQuestion.objects.create(question=question, auteur=demandeur, texte=texte.strip())
        _notifier(
            question=question,
            destinataire=ambassadeur.utilisateur,
            de_l_ambassadeur=False,
            nouvelle=True,
        )
    return question


def question_repondre(*, question: Question, auteur, texte: str) -> MessageQuestion:
    """Add a message from one side and notify the other (a paused ambassador gets nothing)."""
    with transaction.atomic():
        question = (
            Question.objects.select_for_update()
            .select_related("ambassadeur__utilisateur", "demandeur")
            .get(pk=question.pk)
        )
        if question.statut != StatutQuestion.OUVERTE:
            raise ConversationFermee
        de_l_ambassadeur = auteur.pk == question.ambassadeur.utilisateur_id
        if (
            not de_l_ambassadeur
            and not accepte_les_questions(question.ambassadeur)
            and not _visite_acceptee(question)
        ):
            raise AmbassadeurIndisponible
        depuis = timezone.now() - timedelta(hours=1)
        if (
            MessageQuestion.objects.filter(auteur=auteur, envoye_le__gte=depuis).count()
            >= MESSAGES_PAR_HEURE
        ):
            raise TropDeMessages
        message = MessageQuestion.objects.create(
            question=question, auteur=auteur, texte=texte.strip()
        )
        Question.objects.filter(pk=question.pk).update(derniere_activite_le=message.envoye_le)
        destinataire = question.demandeur if de_l_ambassadeur else question.ambassadeur.utilisateur
        _notifier(
            question=question,
            destinataire=destinataire,
            de_l_ambassadeur=de_l_ambassadeur,
            nouvelle=False,
        )
    return message


def _visite_acceptee(question: Question) -> bool:
    """The conversation was opened by an accepted hospitality match: the newcomer may write
    to their host even if the host does not answer general questions (a paused host still
    receives nothing)."""
    ambassadeur = question.ambassadeur
    if ambassadeur.statut != StatutAmbassadeur.ACCEPTE or not ambassadeur.disponible:
        return False
    return MiseEnRelationHospitalite.objects.filter(
        conversation=question, statut=StatutMiseEnRelation.ACCEPTEE
    ).exists()


def question_clore(*, question: Question, par) -> Question:
    """Close a conversation (either side, or staff); it then accepts no message. The other
    side (both sides when staff close it) is emailed, without any address.

    Raises ``ConversationFermee`` when it is already closed. Side effects: the question row,
    one or two outbox emails.
    """
    with transaction.atomic():
        question = (
            Question.objects.select_for_update(of=("self",))
            .select_related("ambassadeur__utilisateur", "demandeur")
            .get(pk=question.pk)
        )
        if question.statut != StatutQuestion.OUVERTE:
            raise ConversationFermee
        question.statut = StatutQuestion.FERMEE
        question.fermee_le = timezone.now()
        question.fermee_par = par
        question.save(update_fields=["statut", "fermee_le", "fermee_par"])
        ambassadeur_utilisateur = question.ambassadeur.utilisateur
        if par.pk == ambassadeur_utilisateur.pk:
            destinataires = [(question.demandeur, question.ambassadeur.prenom)]
        elif par.pk == question.demandeur_id:
            destinataires = [
                (ambassadeur_utilisateur, question.demandeur.first_name or "Le nouvel arrivant")
            ]
        else:
            destinataires = [
                (question.demandeur, "L'équipe du portail"),
                (ambassadeur_utilisateur, "L'équipe du portail"),
            ]
        for destinataire, auteur in destinataires:
            if not destinataire.email or not destinataire.is_active:
                continue
            courriel_ambassadeurs(
                destinataire=destinataire.email,
                modele="questions_close",
                sujet="Conversation close sur le portail du Lot",
                contexte={
                    "auteur": auteur,
                    "sujet_question": question.sujet,
                    "url_conversation": url_absolue("ambassadeurs:question", question.pk),
                },
            )
    return question


def question_marquer_lue(*, question: Question, lecteur) -> int:
    """Mark the other side's messages as read."""
    return (
        question.messages.filter(lu_le__isnull=True)
        .exclude(auteur=lecteur)
        .update(lu_le=timezone.now())
    )


def adresses_moderation() -> list[str]:
    """Active staff accounts allowed to handle reports."""
    permission = Permission.objects.filter(
        content_type__app_label="ambassadeurs", codename="change_signalement"
    ).first()
    filtre = Q(is_superuser=True)
    if permission is not None:
        filtre |= Q(user_permissions=permission) | Q(groups__permissions=permission)
    comptes = get_user_model().objects.filter(filtre, is_active=True, is_staff=True)
    return sorted({c.email for c in comptes if c.email})


def question_signaler(*, question: Question, auteur, motif: str) -> Signalement:
    """Record an abuse report, flag the conversation and email the moderators."""
    with transaction.atomic():
        signalement = Signalement.objects.create(
            question=question,
            auteur=auteur,
            motif=motif.strip(),
            message=question.messages.exclude(auteur=auteur).order_by("-envoye_le").first(),
        )
        Question.objects.filter(pk=question.pk).update(signalee=True)
        url_admin = url_absolue("questions_signalements_admin:edit", signalement.pk)
        for adresse in adresses_moderation():
            courriel_ambassadeurs(
                destinataire=adresse,
                modele="questions_signalement",
                sujet="Signalement dans une conversation avec un ambassadeur",
                contexte={"sujet_question": question.sujet, "url_admin": url_admin},
            )
    return signalement


def signalement_traiter(*, signalement: Signalement, par) -> Signalement:
    signalement.traite = True
    signalement.traite_par = par
    signalement.traite_le = timezone.now()
    signalement.save(update_fields=["traite", "traite_par", "traite_le"])
    return signalement
