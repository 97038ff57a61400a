"""Views of the opportunities' pages that are not Wagtail pages.

``/opportunites/contact-reprise/<pk>/``: a would-be buyer writes to the body accompanying a
takeover. The takeover page itself is cached for anonymous visitors, so the form lives here:
GET shows it, POST validates it (errors re-rendered here, never cached), then redirects to the
takeover page with a success message (the ``messages`` cookie bypasses the page cache).
"""

from allauth.core.internal import ratelimit
from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods

from .forms_fiches import ContactRepriseForm
from .models import ReprisePage
from .services import fiches as services

# Per IP and per sender address; a list of allauth-style rates (amount/duration/per).
LIMITES_CONTACT = "10/h/ip,5/h/key"
MESSAGE_TROP_DE_MESSAGES = (
    "Vous avez envoyé beaucoup de messages en peu de temps : réessayez dans une heure. "
    "Votre texte est conservé ci-dessous."
)
MESSAGE_ENVOYE = (
    "Votre message est transmis à {organisme}, qui vous répondra directement. Un accusé de "
    "réception vous a été envoyé par courriel."
)


def _reprise_ouverte(pk: int) -> ReprisePage:
    """The live, public takeover still open to contacts, else 404."""
    reprise = ReprisePage.objects.live().public().filter(pk=pk).first()
    if reprise is None or not services.reprise_contactable(reprise):
        raise Http404("Cette annonce n'est plus en ligne.")
    return reprise


def _limite_consommee(request, email: str) -> bool:
    """True when this IP or this sender may send one more message now (and counts it)."""
    config = {"contact_reprise": getattr(settings, "OPPORTUNITES_CONTACT_LIMITES", LIMITES_CONTACT)}
    usage = ratelimit.consume(
        request, app="opportunites", action="contact_reprise", config=config, key=email
    )
    return usage is not None


@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def contact_reprise(request, pk: int):
    reprise = _reprise_ouverte(pk)
    organisme = reprise.organisme_libelle
    initial = {}
    if request.user.is_authenticated:
        initial = {"nom": request.user.get_full_name(), "email": request.user.email}
    form = ContactRepriseForm(
        request.POST if request.method == "POST" else None, initial=initial, organisme=organisme
    )
    statut = 200
    if request.method == "POST" and form.is_valid():
        donnees = form.cleaned_data
        if form.piege_rempli:
            # A robot: it sees the usual success, nothing is sent.
            messages.success(request, MESSAGE_ENVOYE.format(organisme=organisme))
            return redirect(reprise.get_url(request))
        if not _limite_consommee(request, donnees["email"]):
            form.add_error(None, MESSAGE_TROP_DE_MESSAGES)
            statut = 429
        else:
            services.contact_reprise_envoyer(
                reprise=reprise,
                nom=donnees["nom"],
                email=donnees["email"],
                telephone=donnees["telephone"],
                message=donnees["message"],
                compte=request.user,
                url_page=reprise.get_url(request) or "",
            )
            messages.success(request, MESSAGE_ENVOYE.format(organisme=organisme))
            return redirect(reprise.get_url(request))
    reprise.commune = services.commune_charger(reprise.commune_id)
    return render(
        request,
        "opportunites/fiches/contact_reprise.html",
        {"reprise": reprise, "organisme": organisme, "form": form},
        status=statut,
    )
