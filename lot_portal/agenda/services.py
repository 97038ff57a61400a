"""Writes of the agenda: register, cancel, promote from the waiting list.

Each write locks the event row first (``select_for_update``), so that two
registrations for the last seats are counted one after the other and the
event is never overbooked (PostgreSQL honours the lock; SQLite serialises
writers anyway). Emails are sent inside the same transaction: the outbox
writes a row and delivers it after commit.
"""

from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.template.loader import render_to_string
from django.urls import reverse

from lot_portal.cms.cache import invalidate_all

from .models import EtatInscriptions, EvenementPage, Inscription


class InscriptionRefusee(Exception):
    """The event does not take registrations (past, closed, cancelled)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InscriptionEnDouble(Exception):
    """This email is already registered (or waiting) for this event."""


def _verrouiller(evenement_id: int) -> EvenementPage:
    return (
        EvenementPage.objects.select_for_update(of=("self",))
        .select_related("commune")
        .get(pk=evenement_id)
    )


def _personnes_inscrites(evenement: EvenementPage) -> int:
    total = Inscription.objects.filter(
        evenement=evenement, statut=Inscription.Statut.INSCRITE
    ).aggregate(total=Sum("nombre_personnes"))["total"]
    return total or 0


def _envoyer(*, inscription: Inscription, modele: str, sujet: str) -> None:
    evenement = inscription.evenement
    contexte = {
        "inscription": inscription,
        "evenement": evenement,
        "position": inscription.position_attente(),
        "url_evenement": evenement.get_full_url(),
        "url_annulation": settings.SITE_URL
        + reverse("agenda:annulation", kwargs={"jeton": inscription.jeton}),
    }
    message = EmailMultiAlternatives(
        subject=f"{sujet} : {evenement.title}",
        body=render_to_string(f"agenda/courriels/{modele}.txt", contexte),
        to=[inscription.email],
    )
    message.attach_alternative(
        render_to_string(f"agenda/courriels/{modele}.html", contexte), "text/html"
    )
    message.send()


def _invalider_pages_apres_commit() -> None:
    # Seats left appear on cached anonymous pages: refresh them once committed.
    transaction.on_commit(partial(invalidate_all), robust=True)


def inscription_creer(
    *,
    evenement: EvenementPage,
    prenom: str,
    nom: str,
    email: str,
    nombre_personnes: int,
    message: str = "",
) -> Inscription:
    """Register ``nombre_personnes`` people, or put them on the waiting list.

    Side effects: one ``Inscription`` row; one email (confirmation or waiting
    list); the page cache is invalidated after commit. Raises
    ``InscriptionRefusee`` when registrations are closed and
    ``InscriptionEnDouble`` when the email is already registered.
    """
    email = email.strip().lower()
    with transaction.atomic():
        evenement = _verrouiller(evenement.pk)
        etat = evenement.etat_inscriptions()
        if etat != EtatInscriptions.OUVERTES:
            raise InscriptionRefusee(evenement.message_inscriptions)
        actives = Inscription.objects.filter(evenement=evenement, email=email).exclude(
            statut=Inscription.Statut.ANNULEE
        )
        if actives.exists():
            raise InscriptionEnDouble
        if evenement.capacite is None:
            statut = Inscription.Statut.INSCRITE
        else:
            restantes = evenement.capacite - _personnes_inscrites(evenement)
            statut = (
                Inscription.Statut.INSCRITE
                if nombre_personnes <= restantes
                else Inscription.Statut.ATTENTE
            )
        try:
            with transaction.atomic():
                inscription = Inscription.objects.create(
                    evenement=evenement,
                    prenom=prenom,
                    nom=nom,
                    email=email,
                    nombre_personnes=nombre_personnes,
                    message=message,
                    statut=statut,
                )
        except IntegrityError as erreur:  # a concurrent double submit won the race
            raise InscriptionEnDouble from erreur
        if statut == Inscription.Statut.INSCRITE:
            _envoyer(inscription=inscription, modele="confirmation", sujet="Inscription confirmée")
        else:
            _envoyer(inscription=inscription, modele="attente", sujet="Liste d'attente")
        _invalider_pages_apres_commit()
    return inscription


def liste_attente_promouvoir(*, evenement: EvenementPage) -> list[Inscription]:
    """Give freed seats to the first waiting registrations that fit, in order.

    Must run inside a transaction holding the event's lock. Side effects: the
    promoted rows change status; each promoted person gets an email.
    """
    if evenement.etat_inscriptions() == EtatInscriptions.PASSE or evenement.annule:
        return []
    en_attente = Inscription.objects.filter(
        evenement=evenement, statut=Inscription.Statut.ATTENTE
    ).order_by("pk")
    restantes = None
    if evenement.capacite is not None:
        restantes = evenement.capacite - _personnes_inscrites(evenement)
    promues = []
    for inscription in en_attente:
        if restantes is not None:
            if restantes <= 0:
                break
            if inscription.nombre_personnes > restantes:
                continue
            restantes -= inscription.nombre_personnes
        inscription.statut = Inscription.Statut.INSCRITE
        inscription.save(update_fields=["statut", "modifie_le"])
        promues.append(inscription)
    for inscription in promues:
        inscription.evenement = evenement
        _envoyer(inscription=inscription, modele="promotion", sujet="Une place s'est libérée")
    return promues


def inscription_annuler(*, inscription: Inscription) -> list[Inscription]:
    """Cancel a registration and promote whoever now fits. Idempotent.

    Side effects: the row is marked cancelled; a cancellation email; promoted
    registrations and their emails (see ``liste_attente_promouvoir``); the
    page cache is invalidated after commit. Returns the promoted registrations.
    """
    with transaction.atomic():
        evenement = _verrouiller(inscription.evenement_id)
        inscription = Inscription.objects.get(pk=inscription.pk)
        if inscription.statut == Inscription.Statut.ANNULEE:
            return []
        inscription.statut = Inscription.Statut.ANNULEE
        inscription.save(update_fields=["statut", "modifie_le"])
        inscription.evenement = evenement
        _envoyer(inscription=inscription, modele="annulation", sujet="Inscription annulée")
        promues = liste_attente_promouvoir(evenement=evenement)
        _invalider_pages_apres_commit()
    return promues
