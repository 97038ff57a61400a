"""Reads of the agenda: the filtered list, upcoming events, JSON-LD."""

import json

from django.core.paginator import Paginator
from django.db.models import IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from .forms import FiltresAgendaForm
from .models import EvenementPage, Inscription

EVENEMENTS_PAR_PAGE = 10


def _somme_personnes(statut: str) -> Coalesce:
    personnes = (
        Inscription.objects.filter(evenement=OuterRef("pk"), statut=statut)
        .order_by()
        .values("evenement")
        .annotate(total=Sum("nombre_personnes"))
        .values("total")
    )
    return Coalesce(Subquery(personnes, output_field=IntegerField()), 0)


def evenements_publics(*, index=None) -> QuerySet:
    """Live public events with their place and registration counts, in one query."""
    evenements = EvenementPage.objects.live().public()
    if index is not None:
        evenements = evenements.child_of(index)
    return evenements.select_related("commune__communaute").annotate(
        personnes_inscrites=_somme_personnes(Inscription.Statut.INSCRITE),
        personnes_en_attente=_somme_personnes(Inscription.Statut.ATTENTE),
    )


def evenements_a_venir(*, index=None) -> QuerySet:
    """Events not over yet, soonest first."""
    return evenements_publics(index=index).filter(fin__gte=timezone.now()).order_by("debut", "pk")


def agenda_filtrer(*, index, request) -> dict:
    """The index page's context: filters (bad values ignored) and one page of events."""
    saisis = FiltresAgendaForm(request.GET)
    saisis.is_valid()  # invalid values are dropped, never an error page
    filtres = {
        nom: valeur for nom, valeur in saisis.cleaned_data.items() if valeur not in ("", None)
    }
    passes = filtres.get("periode") == FiltresAgendaForm.PASSES
    evenements = evenements_publics(index=index)
    maintenant = timezone.now()
    if passes:
        evenements = evenements.filter(fin__lt=maintenant).order_by("-debut", "-pk")
    else:
        evenements = evenements.filter(fin__gte=maintenant).order_by("debut", "pk")
    if "type" in filtres:
        evenements = evenements.filter(type=filtres["type"])
    if "communaute" in filtres:
        evenements = evenements.filter(commune__communaute=filtres["communaute"])
    page_evenements = Paginator(evenements, EVENEMENTS_PAR_PAGE).get_page(request.GET.get("page"))
    return {
        "filtres": FiltresAgendaForm(initial=filtres),
        "filtres_actifs": bool(set(filtres) - {"periode"}),
        "passes": passes,
        "evenements": page_evenements,
    }


def _json_ld_escape(donnees: dict) -> SafeString:
    texte = json.dumps(donnees, ensure_ascii=False, indent=None)
    for caractere, echappement in (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026")):
        texte = texte.replace(caractere, echappement)
    return mark_safe(texte)  # noqa: S308 (escaped above, like json_script)


def evenement_json_ld(*, evenement: EvenementPage, request=None) -> SafeString:
    """The schema.org ``Event`` of an event page, ready for a ld+json script."""
    adresse = {"@type": "PostalAddress", "addressCountry": "FR"}
    if evenement.adresse:
        adresse["streetAddress"] = evenement.adresse
    if evenement.commune_id:
        adresse["addressLocality"] = evenement.commune.nom
        adresse["postalCode"] = evenement.commune.codes_postaux.split(",")[0].strip()
        adresse["addressRegion"] = "Lot"
    url = evenement.get_full_url(request)
    donnees = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": evenement.title,
        "startDate": timezone.localtime(evenement.debut).isoformat(),
        "endDate": timezone.localtime(evenement.fin).isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if evenement.annule
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": evenement.lieu or (evenement.commune.nom if evenement.commune_id else ""),
            "address": adresse,
        },
        "organizer": {"@type": "Organization", "name": evenement.organisateur},
        "url": url,
    }
    if evenement.chapo:
        donnees["description"] = evenement.chapo
    if evenement.image_id:
        donnees["image"] = evenement.image.get_rendition("fill-1200x675").full_url
    if evenement.inscriptions_ouvertes and not evenement.annule:
        donnees["offers"] = {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "EUR",
            "url": evenement.get_full_url(request) + evenement.reverse_subpage("inscription"),
            "availability": "https://schema.org/SoldOut"
            if evenement.complet or evenement.etat_inscriptions() != "ouvertes"
            else "https://schema.org/InStock",
        }
    return _json_ld_escape(donnees)
