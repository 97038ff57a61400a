"""Template tags of the « jury » area, for the jury box of the staff file page."""

from django import template

from ..services.jury import encart

register = template.Library()


@register.simple_tag
def encart_jury(candidature):
    """The jurors of ``candidature``, their state and the weighted score (3 queries)."""
    return encart(candidature)
