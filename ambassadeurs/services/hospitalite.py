"""Hospitality offers of an ambassador household (meal, day, weekend)."""

from ..models import OffreHospitalite


def offre_enregistrer(*, ambassadeur, donnees: dict, offre: OffreHospitalite | None = None):
    """Create an offer, or update one of the ambassador's own offers; returns it."""
    if offre is None:
        offre = OffreHospitalite(ambassadeur=ambassadeur)
    elif offre.ambassadeur_id != ambassadeur.pk:
        raise PermissionError("offre d'un autre ambassadeur")
    for champ, valeur in donnees.items():
        setattr(offre, champ, valeur)
    offre.save()
    return offre


def offre_activer(*, ambassadeur, offre: OffreHospitalite, active: bool) -> None:
    """Deactivate (or reactivate) one of the ambassador's own offers."""
    if offre.ambassadeur_id != ambassadeur.pk:
        raise PermissionError("offre d'un autre ambassadeur")
    offre.active = active
    offre.save(update_fields=["active", "modifie_le"])
