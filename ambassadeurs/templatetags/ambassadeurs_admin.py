"""``{% url_mise_en_relation sejour as url %}``: for the accueil file page, the admin URL
where staff match this discovery stay with an ambassador's hospitality offer ("" when the
user may not propose matches)."""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def url_mise_en_relation(context, sejour) -> str:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("ambassadeurs.add_miseenrelationhospitalite"):
        return ""
    return reverse("ambassadeurs_mises_en_relation:sejour", args=[sejour.pk])
