"""Read-side helpers of the ambassador network."""

from .models import Ambassadeur, StatutAmbassadeur


def ambassadeur_de(utilisateur) -> Ambassadeur | None:
    """The accepted ambassador of an account (paused or not), or None."""
    if utilisateur is None or not getattr(utilisateur, "is_authenticated", False):
        return None
    return (
        Ambassadeur.objects.filter(utilisateur=utilisateur, statut=StatutAmbassadeur.ACCEPTE)
        .select_related("commune", "photo")
        .first()
    )


def annuaire():
    """The directory's ambassadors: accepted and available."""
    return Ambassadeur.objects.filter(statut=StatutAmbassadeur.ACCEPTE, disponible=True)
