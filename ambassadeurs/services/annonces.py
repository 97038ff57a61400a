"""Running the network: announcements sent by email in batches, events and RSVP.

Sending is idempotent and resumable: each recipient gets one ``EnvoiAnnonce`` row (unique per
announcement and ambassador) written in the same transaction as its outbox email, so a batch
that runs twice, or a task that is retried, never emails anyone twice.
"""

import logging

from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from ..models import (
    Ambassadeur,
    Annonce,
    EnvoiAnnonce,
    EtatAnnonce,
    EvenementReseau,
    ReponseChoix,
    ReponseEvenement,
    SegmentAnnonce,
    StatutAmbassadeur,
)
from ..notifications import courriel_ambassadeurs, url_absolue

logger = logging.getLogger(__name__)

TAILLE_LOT = 50


class AnnonceDejaEnvoyee(Exception):
    """Only a draft can be sent."""


class EvenementPasse(Exception):
    """RSVP to an event that has started."""


class EvenementComplet(Exception):
    """Every place of the event is taken."""


# --- Announcements -----------------------------------------------------------------------------


def destinataires_ids(*, annonce: Annonce) -> list[int]:
    """Ids of the accepted, available (not paused) ambassadors of the announcement's segment
    who did not unsubscribe from announcements."""
    qs = Ambassadeur.objects.filter(
        statut=StatutAmbassadeur.ACCEPTE, disponible=True, recoit_annonces=True
    )
    if annonce.segment == SegmentAnnonce.TERRITOIRE:
        if annonce.pk is None:
            return []
        qs = qs.filter(commune__communaute__in=annonce.communautes.all())
    rangs = qs.order_by("pk").values_list("pk", "profils")
    if annonce.segment == SegmentAnnonce.PROFILS:
        voulus = set(annonce.profils or [])
        return [pk for pk, profils in rangs if voulus & set(profils or [])]
    return [pk for pk, _ in rangs]


def annonce_envoyer(*, annonce: Annonce) -> Annonce:
    """Mark a draft « envoi en cours » and start the batches after commit."""
    from ..tasks import annonce_lot_task

    with transaction.atomic():
        annonce = Annonce.objects.select_for_update().get(pk=annonce.pk)
        if annonce.etat != EtatAnnonce.BROUILLON:
            raise AnnonceDejaEnvoyee
        annonce.etat = EtatAnnonce.EN_COURS
        annonce.envoi_demande_le = timezone.now()
        annonce.nb_destinataires = len(destinataires_ids(annonce=annonce))
        annonce.save(update_fields=["etat", "envoi_demande_le", "nb_destinataires"])
        transaction.on_commit(lambda: _lancer(annonce_lot_task, annonce.pk))
    return annonce


def _lancer(tache, annonce_id: int) -> None:
    try:
        tache.delay(annonce_id)
    except Exception:  # broker down: the announcement stays « en cours », resumable
        logger.exception("Annonce %s : lot non planifié", annonce_id)


def annonce_lot_envoyer(*, annonce_id: int, taille: int = TAILLE_LOT) -> tuple[int, bool]:
    """Write the emails of the next ``taille`` recipients; returns (written, more to do).

    Paused ambassadors are skipped at the time of each batch. When nobody is left, the
    announcement becomes « envoyée »."""
    with transaction.atomic():
        annonce = Annonce.objects.select_for_update().filter(pk=annonce_id).first()
        if annonce is None or annonce.etat != EtatAnnonce.EN_COURS:
            return 0, False
        deja = set(annonce.envois.values_list("ambassadeur_id", flat=True))
        restants = [pk for pk in destinataires_ids(annonce=annonce) if pk not in deja]
        lot = restants[:taille]
        ambassadeurs = Ambassadeur.objects.filter(pk__in=lot).select_related("utilisateur")
        url_espace = url_absolue("ambassadeurs:annonces")
        envois = []
        for ambassadeur in ambassadeurs:
            courriel = courriel_ambassadeurs(
                destinataire=ambassadeur.utilisateur.email,
                modele="annonces_annonce",
                sujet=f"Réseau des ambassadeurs : {annonce.titre}",
                contexte={"annonce": annonce, "ambassadeur": ambassadeur, "url_espace": url_espace},
                desinscription_de=ambassadeur,
            )
            envois.append(EnvoiAnnonce(annonce=annonce, ambassadeur=ambassadeur, courriel=courriel))
        EnvoiAnnonce.objects.bulk_create(envois)
        annonce.nb_envois = len(deja) + len(envois)
        encore = len(restants) > len(lot)
        champs = ["nb_envois"]
        if not encore:
            annonce.etat = EtatAnnonce.ENVOYEE
            annonce.envoyee_le = timezone.now()
            champs += ["etat", "envoyee_le"]
        annonce.save(update_fields=champs)
    return len(envois), encore


def annonces_desinscrire(*, ambassadeur: Ambassadeur) -> bool:
    """Stop announcement emails for ``ambassadeur``; returns whether anything changed."""
    return bool(
        Ambassadeur.objects.filter(pk=ambassadeur.pk, recoit_annonces=True).update(
            recoit_annonces=False, modifie_le=timezone.now()
        )
    )


def annonces_de(*, ambassadeur: Ambassadeur):
    """The announcements sent to ``ambassadeur``, newest first (one query)."""
    return (
        EnvoiAnnonce.objects.filter(ambassadeur=ambassadeur)
        .select_related("annonce")
        .order_by("-cree_le", "-pk")
    )


# --- Events and RSVP ---------------------------------------------------------------------------


def _compteurs(qs):
    return qs.annotate(
        nb_oui=Count("reponses", filter=Q(reponses__reponse=ReponseChoix.OUI)),
        nb_peut_etre=Count("reponses", filter=Q(reponses__reponse=ReponseChoix.PEUT_ETRE)),
        nb_non=Count("reponses", filter=Q(reponses__reponse=ReponseChoix.NON)),
    )


def evenements_a_venir(*, ambassadeur: Ambassadeur):
    """Upcoming events with their counts and ``ma_reponse`` (one query)."""
    mienne = ReponseEvenement.objects.filter(
        evenement=OuterRef("pk"), ambassadeur=ambassadeur
    ).values("reponse")[:1]
    return (
        _compteurs(EvenementReseau.objects.filter(debut__gt=timezone.now()))
        .annotate(ma_reponse=Subquery(mienne))
        .select_related("commune")
        .order_by("debut", "pk")
    )


def evenement_avec_compteurs(pk: int) -> EvenementReseau:
    return _compteurs(EvenementReseau.objects.filter(pk=pk)).select_related("commune").get()


def reponse_enregistrer(
    *, evenement: EvenementReseau, ambassadeur: Ambassadeur, reponse: str
) -> ReponseEvenement:
    """Create or change the ambassador's answer; refuses a past event or a full one."""
    with transaction.atomic():
        evenement = EvenementReseau.objects.select_for_update().get(pk=evenement.pk)
        if evenement.passe:
            raise EvenementPasse
        if reponse == ReponseChoix.OUI and evenement.capacite is not None:
            pris = (
                evenement.reponses.filter(reponse=ReponseChoix.OUI)
                .exclude(ambassadeur=ambassadeur)
                .count()
            )
            if pris >= evenement.capacite:
                raise EvenementComplet
        objet, _ = ReponseEvenement.objects.update_or_create(
            evenement=evenement, ambassadeur=ambassadeur, defaults={"reponse": reponse}
        )
    return objet
