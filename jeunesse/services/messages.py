"""The conversation between an application's team and its instructors."""

from django.db import transaction
from django.utils import timezone

from ..models import Candidature, Message
from ..notifications import courriel_jeunesse, destinataires_equipe, url_absolue


@transaction.atomic
def message_envoyer(
    *, candidature: Candidature, auteur, texte: str, de_l_instruction: bool
) -> Message:
    """Record a message and email the other side (the team, or the instructors' contact
    address of the call when there is one). The email carries no message text: only a
    link, so that nothing personal travels by email."""
    message = Message.objects.create(
        candidature=candidature,
        auteur=auteur,
        texte=texte.strip(),
        de_l_instruction=de_l_instruction,
    )
    contexte = {
        "candidature": candidature,
        "appel": candidature.appel,
        "de_l_instruction": de_l_instruction,
    }
    if de_l_instruction:
        contexte["url"] = url_absolue("jeunesse:messages", reference=candidature.reference)
        for adresse in destinataires_equipe(candidature):
            courriel_jeunesse(
                destinataire=adresse,
                modele="message_recu",
                sujet=f"Nouveau message sur votre dossier « {candidature.titre} »",
                contexte=contexte,
            )
    elif candidature.appel.contact_email:
        contexte["url"] = url_absolue("jeunesse_dossier", pk=candidature.pk)
        courriel_jeunesse(
            destinataire=candidature.appel.contact_email,
            modele="message_recu",
            sujet=f"Nouveau message du dossier {candidature.reference}",
            contexte=contexte,
        )
    return message


def messages_marquer_lus(*, candidature: Candidature, pour_l_instruction: bool) -> int:
    """Mark as read the messages written by the other side."""
    return Message.objects.filter(
        candidature=candidature,
        de_l_instruction=not pour_l_instruction,
        lu_le__isnull=True,
    ).update(lu_le=timezone.now())
