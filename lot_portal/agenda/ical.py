"""iCalendar export of events (RFC 5545), built with the icalendar library."""

from datetime import UTC

import icalendar
from django.utils import timezone
from wagtail.models import Site

PRODID = "-//Departement du Lot//Agenda du portail//FR"


def _hote(request) -> str:
    site = Site.find_for_request(request) if request is not None else None
    return site.hostname if site else "lot.fr"


def uid(evenement, hote: str) -> str:
    """Stable across edits: the page id never changes."""
    return f"evenement-{evenement.pk}@{hote}"


def calendrier(evenements, *, request=None) -> bytes:
    """A VCALENDAR with one VEVENT per event, times in Europe/Paris (with VTIMEZONE)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Agenda du Lot, terre d'opportunités")
    cal.add("x-wr-timezone", "Europe/Paris")
    hote = _hote(request)
    for evenement in evenements:
        vevent = icalendar.Event()
        vevent.add("uid", uid(evenement, hote))
        vevent.add("dtstamp", (evenement.last_published_at or timezone.now()).astimezone(UTC))
        vevent.add("dtstart", timezone.localtime(evenement.debut))
        vevent.add("dtend", timezone.localtime(evenement.fin))
        vevent.add("summary", evenement.title)
        url = evenement.get_full_url(request)
        description = "\n\n".join(
            morceau for morceau in (evenement.chapo, f"Plus d'informations : {url}") if morceau
        )
        vevent.add("description", description)
        if evenement.adresse_complete:
            vevent.add("location", evenement.adresse_complete)
        vevent.add("url", url)
        vevent.add("categories", [evenement.get_type_display()])
        vevent.add("status", "CANCELLED" if evenement.annule else "CONFIRMED")
        cal.add_component(vevent)
    cal.add_missing_timezones()
    return cal.to_ical()
