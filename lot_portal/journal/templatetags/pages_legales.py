"""Template tags of the legal pages (templates/cms/page_simple.html)."""

from django import template

register = template.Library()


@register.simple_tag
def traitements_rgpd() -> list[dict]:
    """The registry of treatments (lot_portal.rgpd.registre), or [] without it."""
    try:
        from lot_portal.rgpd.registre import traitements
    except ImportError:
        return []
    return traitements()
