"""Every email of the youth calls goes through ``courriel_jeunesse``.

It renders ``templates/jeunesse/courriels/<modele>.txt`` and ``.html`` (both extend
``templates/courriels/_base.*``) and writes the outbox row in the caller's transaction; Celery
delivers it after commit. One call per event, inside the transaction that records the event,
makes each email exactly-once.
"""

from django.conf import settings
from django.urls import reverse

from lot_portal.courriels.services import courriel_gabarit_enregistrer

from .models.choix import Statut

SUJETS_ETAT = {
    Statut.DEPOSE: "Votre dossier « {titre} » est bien déposé",
    Statut.EN_INSTRUCTION: "Votre dossier « {titre} » est en cours d'examen",
    Statut.COMPLEMENT_DEMANDE: "Votre dossier « {titre} » : des compléments sont demandés",
    Statut.RETENU: "Bonne nouvelle : votre projet « {titre} » est retenu",
    Statut.NON_RETENU: "Votre projet « {titre} » : la décision du jury",
    Statut.SANS_SUITE: "Votre dossier « {titre} » est classé sans suite",
}


def url_absolue(nom: str, **kwargs) -> str:
    return settings.SITE_URL + reverse(nom, kwargs=kwargs or None)


def courriel_jeunesse(*, destinataire: str, modele: str, sujet: str, contexte: dict | None = None):
    return courriel_gabarit_enregistrer(
        destinataire=destinataire,
        gabarit=f"jeunesse/courriels/{modele}",
        sujet=sujet,
        contexte=contexte,
    )


def destinataires_equipe(candidature) -> list[str]:
    """The leader and the team members who joined (one address once)."""
    adresses = [candidature.porteur.email] if candidature.porteur else []
    for membre in candidature.membres.filter(accepte_le__isnull=False, est_porteur=False):
        if membre.email.lower() not in adresses:
            adresses.append(membre.email.lower())
    return adresses


def transition_notifier(transition) -> None:
    """Email the team about a change of state that concerns them (one per transition)."""
    sujet = SUJETS_ETAT.get(transition.vers)
    if sujet is None:
        return
    candidature = transition.candidature
    contexte = {
        "candidature": candidature,
        "appel": candidature.appel,
        "transition": transition,
        "renvoi": transition.de == Statut.COMPLEMENT_DEMANDE,
        "url_candidature": url_absolue("jeunesse:candidature", reference=candidature.reference),
        "url_recepisse": url_absolue("jeunesse:recepisse", reference=candidature.reference),
    }
    for adresse in destinataires_equipe(candidature):
        courriel_jeunesse(
            destinataire=adresse,
            modele=f"etat_{transition.vers}",
            sujet=sujet.format(titre=candidature.titre),
            contexte=contexte,
        )
