"""Job alerts: saved searches of the job listing, emailed as digests of the new offers.

The life of an ``Alerte``:

1. ``alerte_demander`` saves the visitor's filters (``filtres_nettoyes``) for an address and
   a frequency. One row per address and filters (unique on ``email`` + ``empreinte``): asking
   again updates the pending row. It emails a confirmation link (signed, valid
   ``CONFIRMATION_VALIDITE``); nothing else is sent until the address confirms. A logged-in
   user asking for one of their verified addresses needs no confirmation.
2. ``alerte_confirmer`` (POST from the link's page, never on GET: mail scanners follow links).
3. ``alertes_dues`` / ``alerte_digest_envoyer`` (Celery beat, daily): for each active alert
   due (daily: nothing sent for ~24 h; weekly: ~7 days), the offers matching its filters that
   arrived in the listing since its confirmation and were never sent to it, in ONE email,
   written to the outbox in the same transaction as the ``AlerteEnvoi`` rows (unique per
   alert and offer: a second or concurrent run sends nothing twice). No email when nothing new.
4. ``alerte_desinscrire`` (signed one-click link and ``List-Unsubscribe-Post``),
   ``alerte_suspendre`` / ``alerte_reprendre`` / ``alerte_supprimer`` (owner's pages).
5. ``alertes_purger``: unconfirmed alerts go after ``CONFIRMATION_VALIDITE``, unsubscribed
   ones after ``DESINSCRITES_CONSERVATION`` (what the consent text promises).
"""

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from lot_portal.courriels.services import courriel_gabarit_enregistrer

from ..filtres import (
    filtres_libelle,
    filtres_lire,
    filtres_nettoyes,
    filtres_querystring,
    offres_filtrees,
)
from ..models import Alerte, AlerteEnvoi, FrequenceAlerte, OffreEmploiPage, OffresIndexPage

logger = logging.getLogger(__name__)

SEL_CONFIRMER = "opportunites.alertes.confirmer"
SEL_DESINSCRIRE = "opportunites.alertes.desinscrire"
SEL_GERER = "opportunites.alertes.gerer"

CONFIRMATION_VALIDITE = timedelta(days=7)
DESINSCRITES_CONSERVATION = timedelta(days=30)
# The beat task runs once a day: an hour of tolerance absorbs its drift.
INTERVALLES = {
    FrequenceAlerte.QUOTIDIENNE: timedelta(days=1) - timedelta(hours=1),
    FrequenceAlerte.HEBDOMADAIRE: timedelta(days=7) - timedelta(hours=1),
}
OFFRES_PAR_COURRIEL = 30


class Resultat:
    """What ``alerte_demander`` did (the page says the same thing to everyone but the
    logged-in owner, so that nobody learns whether an address has alerts)."""

    CONFIRMATION_ENVOYEE = "confirmation_envoyee"
    DEJA_ACTIVE = "deja_active"
    CONFIRMEE = "confirmee"


# --- Tokens --------------------------------------------------------------------------------


def jeton_signer(alerte: Alerte, sel: str) -> str:
    return signing.dumps(alerte.jeton, salt=sel)


@dataclass
class Lecture:
    """An alert read from a signed token, or why not: ``invalide`` (tampered: 400),
    ``expire`` (too old, or the alert is gone: 404)."""

    alerte: Alerte | None = None
    invalide: bool = False
    expire: bool = False


def alerte_du_jeton(jeton: str, sel: str, *, max_age: timedelta | None = None) -> Lecture:
    """The alert a signed token points to. Never raises on garbage."""
    if not isinstance(jeton, str) or len(jeton) > 300:
        return Lecture(invalide=True)
    try:
        valeur = signing.loads(jeton, salt=sel, max_age=max_age)
    except signing.SignatureExpired:
        return Lecture(expire=True)
    except signing.BadSignature:
        return Lecture(invalide=True)
    except Exception:  # a malformed payload that still verifies: treat as tampered
        return Lecture(invalide=True)
    if not isinstance(valeur, str):
        return Lecture(invalide=True)
    alerte = Alerte.objects.filter(jeton=valeur).first()
    if alerte is None:
        return Lecture(expire=True)
    return Lecture(alerte=alerte)


def url_absolue(nom: str, **kwargs) -> str:
    return settings.SITE_URL + reverse(nom, kwargs=kwargs or None)


def url_confirmer(alerte: Alerte) -> str:
    return url_absolue("opportunites:alertes_confirmer", jeton=jeton_signer(alerte, SEL_CONFIRMER))


def url_desinscrire(alerte: Alerte) -> str:
    return url_absolue(
        "opportunites:alertes_desinscription", jeton=jeton_signer(alerte, SEL_DESINSCRIRE)
    )


def url_gerer(alerte: Alerte) -> str:
    return url_absolue("opportunites:alertes_gerer", jeton=jeton_signer(alerte, SEL_GERER))


def url_liste(filtres: dict) -> str:
    """The job listing with these filters (absolute)."""
    index = OffresIndexPage.objects.live().first()
    chemin = index.get_url() if index is not None else "/opportunites/emplois/"
    if chemin.startswith("/"):
        chemin = settings.SITE_URL + chemin
    requete = filtres_querystring(filtres)
    return f"{chemin}?{requete}" if requete else chemin


# --- Saving a search -----------------------------------------------------------------------


def email_normaliser(email: str) -> str:
    return (email or "").strip().lower()


def empreinte_calculer(filtres: dict) -> str:
    """A stable hash of the filters: lists sorted, keys sorted (same search, same hash)."""
    canonique = {
        cle: sorted(valeur) if isinstance(valeur, list) else valeur
        for cle, valeur in filtres.items()
    }
    texte = json.dumps(canonique, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(texte.encode()).hexdigest()


def _sujet(texte: str) -> str:
    return " ".join(texte.split())[:200]


def _courriel_confirmation(alerte: Alerte, *, demandeur: str = "") -> None:
    courriel_gabarit_enregistrer(
        destinataire=alerte.email,
        gabarit="opportunites/courriels/alertes_confirmation",
        sujet="Confirmez votre alerte emploi dans le Lot",
        contexte={
            "alerte": alerte,
            "libelle": alerte.libelle,
            "frequence": alerte.get_frequence_display().lower(),
            "url_confirmer": url_confirmer(alerte),
            "validite_jours": CONFIRMATION_VALIDITE.days,
            "pour_conjoint": alerte.pour_conjoint,
            "demandeur": demandeur,
        },
    )


def _courriel_deja_active(alerte: Alerte) -> None:
    courriel_gabarit_enregistrer(
        destinataire=alerte.email,
        gabarit="opportunites/courriels/alertes_deja_active",
        sujet="Votre alerte emploi est déjà active",
        contexte={
            "alerte": alerte,
            "libelle": alerte.libelle,
            "frequence": alerte.get_frequence_display().lower(),
            "en_pause": alerte.suspendue_le is not None,
            "url_gerer": url_gerer(alerte),
            "url_desinscription": url_desinscrire(alerte),
        },
    )


def alerte_demander(
    *,
    email: str,
    parametres,
    frequence: str,
    compte=None,
    email_verifie: bool = False,
    pour_conjoint: bool = False,
    demandeur: str = "",
) -> tuple[Alerte, str]:
    """Save a search for ``email`` and start (or skip) its double opt-in.

    ``parametres``: the listing's query string (cleaned here with ``filtres_nettoyes``).
    ``email_verifie``: the address is a verified address of the logged-in ``compte``, so the
    alert is confirmed at once. Returns the alert and a ``Resultat``.
    Side effects: the ``Alerte`` row (created or updated, never duplicated); one outbox email
    (confirmation link, or « already active » with the manage link), none when confirmed
    at once or when the owner changes the frequency of their own active alert.
    """
    email = email_normaliser(email)
    filtres_objet = filtres_lire(parametres)
    filtres = filtres_nettoyes(filtres_objet)
    libelle = filtres_libelle(filtres_objet)[:300]
    empreinte = empreinte_calculer(filtres)
    maintenant = timezone.now()
    with transaction.atomic():
        try:
            with transaction.atomic():
                alerte, _ = Alerte.objects.get_or_create(
                    email=email,
                    empreinte=empreinte,
                    defaults={
                        "filtres": filtres,
                        "libelle": libelle,
                        "frequence": frequence,
                        "pour_conjoint": pour_conjoint,
                    },
                )
        except IntegrityError:  # a concurrent request created it
            pass
        alerte = Alerte.objects.select_for_update().get(email=email, empreinte=empreinte)
        if compte is not None and alerte.compte_id is None and not pour_conjoint:
            alerte.compte = compte
        alerte.libelle = libelle
        alerte.filtres = filtres
        confirmee = alerte.confirmee_le is not None and alerte.desinscrite_le is None
        if confirmee:
            if email_verifie:  # the owner, logged in: they may change it directly
                alerte.frequence = frequence
                alerte.save()
                return alerte, Resultat.DEJA_ACTIVE
            alerte.save()
            _courriel_deja_active(alerte)
            return alerte, Resultat.DEJA_ACTIVE
        # Pending, or unsubscribed and asked again: a new opt-in.
        alerte.frequence = frequence
        alerte.pour_conjoint = pour_conjoint
        alerte.desinscrite_le = None
        alerte.suspendue_le = None
        alerte.confirmee_le = None
        if email_verifie:
            alerte.confirmee_le = maintenant
            alerte.save()
            return alerte, Resultat.CONFIRMEE
        alerte.confirmation_envoyee_le = maintenant
        alerte.save()
        _courriel_confirmation(alerte, demandeur=demandeur)
        return alerte, Resultat.CONFIRMATION_ENVOYEE


def alerte_confirmer(*, alerte: Alerte) -> bool:
    """Activate a pending alert (the address owner clicked the link). Idempotent: returns
    False when it was already confirmed. Side effect: ``confirmee_le`` set."""
    with transaction.atomic():
        alerte = Alerte.objects.select_for_update().get(pk=alerte.pk)
        if alerte.confirmee_le is not None and alerte.desinscrite_le is None:
            return False
        alerte.confirmee_le = timezone.now()
        alerte.desinscrite_le = None
        alerte.suspendue_le = None
        alerte.save(update_fields=["confirmee_le", "desinscrite_le", "suspendue_le"])
        return True


def alerte_desinscrire(*, alerte: Alerte) -> bool:
    """Stop an alert for good (kept ``DESINSCRITES_CONSERVATION`` so that the link still
    answers, then purged). Idempotent: False when it was already stopped."""
    modifiees = Alerte.objects.filter(pk=alerte.pk, desinscrite_le__isnull=True).update(
        desinscrite_le=timezone.now()
    )
    return bool(modifiees)


def alerte_suspendre(*, alerte: Alerte) -> bool:
    """Pause a confirmed alert (no digest until resumed). Idempotent."""
    return bool(
        Alerte.objects.filter(
            pk=alerte.pk,
            confirmee_le__isnull=False,
            desinscrite_le__isnull=True,
            suspendue_le__isnull=True,
        ).update(suspendue_le=timezone.now())
    )


def alerte_reprendre(*, alerte: Alerte) -> bool:
    """Resume a paused alert; the offers published during the pause are not sent (only
    those published from now on). Idempotent."""
    maintenant = timezone.now()
    return bool(
        Alerte.objects.filter(
            pk=alerte.pk, desinscrite_le__isnull=True, suspendue_le__isnull=False
        ).update(suspendue_le=None, confirmee_le=maintenant)
    )


def alerte_frequence_changer(*, alerte: Alerte, frequence: str) -> None:
    Alerte.objects.filter(pk=alerte.pk).update(frequence=frequence)


def alerte_supprimer(*, alerte: Alerte) -> None:
    """Delete an alert and its history (the owner's choice)."""
    Alerte.objects.filter(pk=alerte.pk).delete()


# --- What an account sees ------------------------------------------------------------------


def alertes_du_compte(utilisateur) -> QuerySet:
    """The alerts of a logged-in user: attached to the account, or sent to one of its
    verified addresses (two queries at most)."""
    from allauth.account.models import EmailAddress

    emails = [
        email_normaliser(e)
        for e in EmailAddress.objects.filter(user=utilisateur, verified=True).values_list(
            "email", flat=True
        )
    ]
    return (
        Alerte.objects.filter(Q(compte=utilisateur) | Q(email__in=emails))
        .annotate(nombre_envois=Count("envois"))
        .order_by("-cree_le", "-pk")
    )


def email_verifie_du_compte(utilisateur, email: str) -> bool:
    from allauth.account.models import EmailAddress

    if utilisateur is None or not utilisateur.is_authenticated:
        return False
    return EmailAddress.objects.filter(
        user=utilisateur, email__iexact=email_normaliser(email), verified=True
    ).exists()


# --- Digests -------------------------------------------------------------------------------


def _actives() -> QuerySet:
    return Alerte.objects.filter(
        confirmee_le__isnull=False, desinscrite_le__isnull=True, suspendue_le__isnull=True
    )


def _critere_dues(maintenant: datetime) -> Q:
    critere = Q()
    for frequence, intervalle in INTERVALLES.items():
        critere |= Q(frequence=frequence) & (
            Q(dernier_envoi__isnull=True) | Q(dernier_envoi__lte=maintenant - intervalle)
        )
    return critere


def alertes_dues(*, maintenant: datetime | None = None) -> list[int]:
    """Ids of the active alerts whose digest is due (never sent counts as due)."""
    maintenant = maintenant or timezone.now()
    return list(
        _actives().filter(_critere_dues(maintenant)).order_by("pk").values_list("pk", flat=True)
    )


def offres_nouvelles(alerte: Alerte) -> QuerySet:
    """The current offers matching the alert that reached the listing after its
    confirmation and were never sent to it, newest first.

    « Reached the listing »: first published after the confirmation, or dated (publication
    date) after its day — an offer published ahead of its date enters the listing later.
    """
    confirmee = alerte.confirmee_le
    jour = timezone.localdate(confirmee)
    arrivees = (
        Q(first_published_at__gte=confirmee)
        | Q(date_publication__gt=jour)
        | Q(first_published_at__isnull=True, date_publication__gte=jour)
    )
    return (
        offres_filtrees(alerte.filtres or {})
        .filter(arrivees)
        .exclude(pk__in=AlerteEnvoi.objects.filter(alerte=alerte).values("offre_id"))
        .select_related("employeur", "commune")
    )


def _url_offre(offre: OffreEmploiPage) -> str:
    url = offre.get_url() or ""
    return settings.SITE_URL + url if url.startswith("/") else url


def alerte_digest_envoyer(*, alerte_id: int, maintenant: datetime | None = None) -> int:
    """Email one alert's digest if it is due and something is new. Returns how many offers
    it listed (0: nothing sent).

    The alert row is locked (``select_for_update(skip_locked=True)``: a concurrent run skips
    it) and the due check repeated under the lock; the ``AlerteEnvoi`` rows, the outbox email
    and ``dernier_envoi`` are written in one transaction, so a crash or a race (where locks are
    unavailable, the unique constraint rolls the loser back) never sends an offer twice.
    Side effects: ``AlerteEnvoi`` rows, one ``Courriel`` row, ``dernier_envoi``.
    """
    maintenant = maintenant or timezone.now()
    try:
        with transaction.atomic():
            alerte = (
                _actives()
                .filter(_critere_dues(maintenant), pk=alerte_id)
                .select_for_update(skip_locked=True)
                .first()
            )
            if alerte is None:
                return 0
            offres = list(offres_nouvelles(alerte)[: OFFRES_PAR_COURRIEL + 1])
            if not offres:
                return 0
            autres = len(offres) > OFFRES_PAR_COURRIEL
            offres = offres[:OFFRES_PAR_COURRIEL]
            AlerteEnvoi.objects.bulk_create(
                [AlerteEnvoi(alerte=alerte, offre=offre) for offre in offres]
            )
            nombre = len(offres)
            pluriel = "s" if nombre > 1 else ""
            url_desinscription = url_desinscrire(alerte)
            courriel_gabarit_enregistrer(
                destinataire=alerte.email,
                gabarit="opportunites/courriels/alertes_digest",
                sujet=_sujet(
                    f"{nombre} nouvelle{pluriel} offre{pluriel} d'emploi : {alerte.libelle}"
                ),
                contexte={
                    "alerte": alerte,
                    "libelle": alerte.libelle,
                    "offres": [
                        {
                            "titre": offre.title,
                            "employeur": offre.employeur.nom if offre.employeur_id else "",
                            "commune": offre.commune.nom if offre.commune_id else "",
                            "contrat": offre.get_contrat_display(),
                            "url": _url_offre(offre),
                        }
                        for offre in offres
                    ],
                    "nombre": nombre,
                    "autres": autres,
                    "url_liste": url_liste(alerte.filtres or {}),
                    "url_gerer": url_gerer(alerte),
                    "url_alerte_desinscription": url_desinscription,
                    "frequence": alerte.get_frequence_display().lower(),
                },
                en_tetes={
                    "List-Unsubscribe": f"<{url_desinscription}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
            alerte.dernier_envoi = maintenant
            alerte.save(update_fields=["dernier_envoi"])
            return nombre
    except IntegrityError:  # a concurrent run sent these offers first
        logger.info("Alerte %s : envoi concurrent, rien de plus à envoyer.", alerte_id)
        return 0


def alertes_purger(*, maintenant: datetime | None = None) -> int:
    """Delete the alerts never confirmed within ``CONFIRMATION_VALIDITE`` and those
    unsubscribed more than ``DESINSCRITES_CONSERVATION`` ago. Returns how many."""
    maintenant = maintenant or timezone.now()
    limite_confirmation = maintenant - CONFIRMATION_VALIDITE
    supprimees, _ = Alerte.objects.filter(
        Q(
            confirmee_le__isnull=True,
            cree_le__lt=limite_confirmation,
        )
        & (
            Q(confirmation_envoyee_le__isnull=True)
            | Q(confirmation_envoyee_le__lt=limite_confirmation)
        )
        | Q(desinscrite_le__lt=maintenant - DESINSCRITES_CONSERVATION)
    ).delete()
    return supprimees
