from django import template

from ..formatage import nombre_fr as _nombre_fr

register = template.Library()


@register.filter
def nombre_fr(valeur) -> str:
    """A number written the French way (« 12 345 », « 12,5 »)."""
    return _nombre_fr(valeur)
