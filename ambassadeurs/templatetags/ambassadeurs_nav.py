"""``{% espace_ambassadeur_visible user as ... %}``: whether the navigation shows the link to
the ambassador's space. Kept in the cache per account (forgotten when the ambassador's row
changes, see ``signals.py``) so that pages run no query for it after the first one."""

from django import template
from django.core.cache import cache

register = template.Library()

DUREE = 3600


def _cle(utilisateur_id) -> str:
    return f"ambassadeurs:nav:{utilisateur_id}"


def oublier_espace(utilisateur_id) -> None:
    if utilisateur_id:
        cache.delete(_cle(utilisateur_id))


@register.simple_tag
def espace_ambassadeur_visible(utilisateur) -> bool:
    if not getattr(utilisateur, "is_authenticated", False):
        return False
    cle = _cle(utilisateur.pk)
    # The account's creation time goes with the flag: a recreated database reusing ids (tests
    # against a shared Redis) never reads another account's flag.
    marque = str(getattr(utilisateur, "date_joined", ""))
    connu = cache.get(cle)
    if isinstance(connu, tuple) and len(connu) == 2 and connu[0] == marque:
        return connu[1]
    from ..models import Ambassadeur, StatutAmbassadeur

    valeur = Ambassadeur.objects.filter(
        utilisateur_id=utilisateur.pk, statut=StatutAmbassadeur.ACCEPTE
    ).exists()
    cache.set(cle, (marque, valeur), DUREE)
    return valeur
