from django import template

from ..selectors import partenaires_pied_de_page as _partenaires_pied_de_page

register = template.Library()


@register.simple_tag(takes_context=True)
def partenaires_pied_de_page(context):
    """Footer partners: one query per request, whatever their number."""
    return _partenaires_pied_de_page(context.get("request"))
