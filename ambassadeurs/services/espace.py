"""The ambassador's own changes: profile and availability."""

from django.db import transaction

from ..models import Ambassadeur
from .candidature import photo_enregistrer


@transaction.atomic
def profil_modifier(*, ambassadeur: Ambassadeur, donnees: dict, photo=None) -> Ambassadeur:
    """Save the profile fields; ``photo``: a cleaned ``ContentFile`` replacing the photo."""
    for nom, valeur in donnees.items():
        setattr(ambassadeur, nom, valeur)
    if photo is not None:
        ambassadeur.photo = photo_enregistrer(
            fichier=photo, titre=f"Ambassadeur : {ambassadeur}", utilisateur=ambassadeur.utilisateur
        )
    ambassadeur.save()
    return ambassadeur


def disponibilite_changer(*, ambassadeur: Ambassadeur, disponible: bool) -> Ambassadeur:
    ambassadeur.disponible = disponible
    ambassadeur.save(update_fields=["disponible", "modifie_le"])
    return ambassadeur
