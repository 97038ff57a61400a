"""Template tags of the « equipe » area, for the team box of the application overview."""

from django import template

from ..services.equipe import encart_equipe as encart_calculer

register = template.Library()


@register.simple_tag
def encart_equipe(candidature, utilisateur):
    """The team summary of ``candidature`` for ``utilisateur``: a fixed number of queries."""
    return encart_calculer(candidature, utilisateur)
