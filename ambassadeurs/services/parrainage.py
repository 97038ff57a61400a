"""Referral credit, pushed by the ``accueil`` app (``ambassadeurs`` never imports it).

``parrainage_enregistrer`` is called by ``accueil.services.inscription.parcours_creer`` and
``parrainage_statut`` by ``accueil.services.reseau.statut_changer``, inside their transactions.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import Ambassadeur, ControleParrainage, Parrainage, StatutAmbassadeur

STATUT_INSTALLE = "installe"
PLAFOND_PAR_DEFAUT = 10
MOTIF_PLAFOND = "Plafond de parrainages sur 30 jours dépassé : à vérifier par l'équipe."


def plafond_30j() -> int:
    return int(getattr(settings, "AMBASSADEURS_PARRAINAGES_MAX_30J", PLAFOND_PAR_DEFAUT))


def parrainage_enregistrer(
    *, code: str, filleul_reference, filleul_utilisateur=None
) -> Parrainage | None:
    """Record the referral of a new file registered with ``?parrain=<code>``.

    Ignored (returns None): empty or unknown code, an ambassador who is not accepted,
    self-referral (the newcomer's account is the ambassador's), a file already recorded.
    Beyond ``AMBASSADEURS_PARRAINAGES_MAX_30J`` credited referrals in 30 days the referral
    is recorded « à vérifier » for staff review instead of credited.
    """
    code = (code or "").strip()[:16]
    if not code:
        return None
    try:
        reference = uuid.UUID(str(filleul_reference))
    except ValueError:
        return None
    with transaction.atomic():
        ambassadeur = (
            Ambassadeur.objects.select_for_update()
            .filter(code_parrainage__iexact=code, statut=StatutAmbassadeur.ACCEPTE)
            .first()
        )
        if ambassadeur is None:
            return None
        if filleul_utilisateur is not None and ambassadeur.utilisateur_id == filleul_utilisateur.pk:
            return None
        if Parrainage.objects.filter(filleul_reference=reference).exists():
            return None
        recents = ambassadeur.parrainages.filter(
            enregistre_le__gte=timezone.now() - timedelta(days=30),
            controle=ControleParrainage.VALIDE,
        ).count()
        depasse = recents >= plafond_30j()
        return Parrainage.objects.create(
            ambassadeur=ambassadeur,
            filleul_reference=reference,
            controle=ControleParrainage.A_VERIFIER if depasse else ControleParrainage.VALIDE,
            motif=MOTIF_PLAFOND if depasse else "",
        )


def parrainage_statut(*, filleul_reference, statut: str) -> None:
    """Mirror the newcomer's stage; « installé » marks the referral converted (once)."""
    try:
        reference = uuid.UUID(str(filleul_reference))
    except ValueError:
        return
    parrainage = Parrainage.objects.filter(filleul_reference=reference).first()
    if parrainage is None:
        return
    parrainage.etape = str(statut)[:30]
    champs = ["etape"]
    if statut == STATUT_INSTALLE and parrainage.converti_le is None:
        parrainage.converti_le = timezone.now()
        champs.append("converti_le")
    parrainage.save(update_fields=champs)


def parrainage_controler(*, parrainage: Parrainage, controle: str, motif: str = "") -> None:
    """Staff decision: validate or reject a referral (with a reason)."""
    if controle not in ControleParrainage.values:
        raise ValueError(controle)
    parrainage.controle = controle
    parrainage.motif = motif[:300]
    parrainage.save(update_fields=["controle", "motif"])
