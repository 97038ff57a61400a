"""The ideas box for the brand: propose, support, moderate.

Every write happens here. Moderation writes the author's email (outbox row) in the same
transaction as the change, so each change is announced exactly once.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Idee, Vote
from ..models.choix import STATUTS_IDEE_VISIBLES, StatutIdee
from ..notifications import courriel_jeunesse, url_absolue

IDEES_PAR_JOUR = 5

SUJETS_STATUT = {
    StatutIdee.EN_ATTENTE: "Votre idée « {titre} » est de nouveau en attente de modération",
    StatutIdee.PUBLIEE: "Votre idée « {titre} » est publiée",
    StatutIdee.RETENUE: "Bonne nouvelle : votre idée « {titre} » est retenue",
    StatutIdee.EN_COURS: "Votre idée « {titre} » est en cours de réalisation",
    StatutIdee.REALISEE: "Votre idée « {titre} » est réalisée",
    StatutIdee.REFUSEE: "Votre idée « {titre} » n'est pas publiée",
}
SUJET_REPONSE = "Le Département répond à votre idée « {titre} »"


class TropDIdees(Exception):
    """The account already proposed ``IDEES_PAR_JOUR`` ideas in the last 24 hours."""


class IdeeNonVisible(Exception):
    """The idea is pending or refused: nobody can support it."""


class PropreIdee(Exception):
    """An author cannot support their own idea."""


def idee_proposer(*, auteur, titre: str, categorie: str, description: str) -> Idee:
    """Create an idea awaiting moderation (``EN_ATTENTE``).

    Raises ``TropDIdees`` past ``IDEES_PAR_JOUR`` proposals in 24 hours. Side effects: one
    ``Idee`` row; the account's row is locked while counting so that parallel submissions
    cannot both pass the limit (PostgreSQL; SQLite serialises writes anyway)."""
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=auteur.pk).first()
        depuis = timezone.now() - timedelta(hours=24)
        if Idee.objects.filter(auteur=auteur, cree_le__gte=depuis).count() >= IDEES_PAR_JOUR:
            raise TropDIdees
        return Idee.objects.create(
            auteur=auteur,
            titre=titre.strip(),
            categorie=categorie,
            description=description.strip(),
        )


def soutien_basculer(*, idee: Idee, utilisateur, soutenir: bool | None = None) -> tuple[bool, int]:
    """Give or withdraw ``utilisateur``'s support; ``soutenir=None`` toggles.

    Returns (whether the account now supports the idea, number of supports). One vote per
    account is enforced by the database: a concurrent duplicate (double click, two tabs)
    hits the unique constraint and is treated as « already supported ». Raises
    ``IdeeNonVisible`` and ``PropreIdee``. Side effects: creates or deletes one ``Vote``."""
    if idee.statut not in STATUTS_IDEE_VISIBLES:
        raise IdeeNonVisible
    if idee.auteur_id == utilisateur.pk:
        raise PropreIdee
    votes = Vote.objects.filter(idee=idee, utilisateur=utilisateur)
    if soutenir is None:
        soutenir = not votes.exists()
    if soutenir:
        try:
            with transaction.atomic():
                Vote.objects.create(idee=idee, utilisateur=utilisateur)
        except IntegrityError:
            pass  # already supported (the unique constraint won the race)
    else:
        votes.delete()
    return soutenir, Vote.objects.filter(idee=idee).count()


def idee_moderer(*, idee: Idee, par, statut: str, reponse: str) -> Idee:
    """Set the status and the public answer of an idea.

    When either changes: records ``repondu_par``/``repondu_le`` and emails the author
    (``idee_statut``) in this transaction, once per change (the anonymous page cache is
    forgotten by ``jeunesse.signals``). Saving without a change does nothing and sends
    nothing. Returns the idea as saved."""
    reponse = (reponse or "").strip()
    with transaction.atomic():
        actuelle = Idee.objects.select_for_update().select_related("auteur").get(pk=idee.pk)
        statut_change = actuelle.statut != statut
        reponse_change = actuelle.reponse.strip() != reponse
        if not (statut_change or reponse_change):
            return actuelle
        actuelle.statut = statut
        actuelle.reponse = reponse
        actuelle.repondu_par = par
        actuelle.repondu_le = timezone.now()
        actuelle.save(update_fields=["statut", "reponse", "repondu_par", "repondu_le"])
        _notifier_auteur(actuelle, statut_change=statut_change)
    return actuelle


def _notifier_auteur(idee: Idee, *, statut_change: bool) -> None:
    auteur = idee.auteur
    if not auteur.email or not auteur.is_active:
        return
    modele = SUJETS_STATUT[idee.statut] if statut_change else SUJET_REPONSE
    courriel_jeunesse(
        destinataire=auteur.email,
        modele="idee_statut",
        sujet=modele.format(titre=idee.titre),
        contexte={
            "idee": idee,
            "prenom": auteur.first_name,
            "statut_change": statut_change,
            "visible": idee.statut in STATUTS_IDEE_VISIBLES,
            "url_idee": url_absolue("jeunesse:idee", pk=idee.pk),
            "url_idees": url_absolue("jeunesse:idees"),
        },
    )
