"""Dates and times written the French way: « samedi 14 mars 2026, 10 h – 17 h ».

Hand-written rather than through the active locale, so that emails sent from
a worker or a management command read exactly like the pages.
"""

from datetime import datetime

from django.utils import timezone

JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MOIS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def date_fr(moment: datetime) -> str:
    """« samedi 14 mars 2026 » (« 1er » for the first of the month), in Paris time."""
    local = timezone.localtime(moment)
    jour = "1er" if local.day == 1 else str(local.day)
    return f"{JOURS[local.weekday()]} {jour} {MOIS[local.month - 1]} {local.year}"


def heure_fr(moment: datetime) -> str:
    """« 10 h » or « 10 h 30 », in Paris time."""
    local = timezone.localtime(moment)
    return f"{local.hour} h" if not local.minute else f"{local.hour} h {local.minute:02d}"


def date_heure_fr(moment: datetime) -> str:
    return f"{date_fr(moment)} à {heure_fr(moment)}"


def plage_fr(debut: datetime, fin: datetime) -> str:
    """« samedi 14 mars 2026, 10 h – 17 h », or « du … au … » over several days."""
    if timezone.localtime(debut).date() == timezone.localtime(fin).date():
        return f"{date_fr(debut)}, {heure_fr(debut)} – {heure_fr(fin)}"
    return f"du {date_fr(debut)}, {heure_fr(debut)}, au {date_fr(fin)}, {heure_fr(fin)}"
