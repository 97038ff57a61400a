"""iCalendar (one event, the whole agenda) and the RSS feed of upcoming events."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def _vevents(reponse):
    assert reponse.status_code == 200
    assert reponse["Content-Type"] == "text/calendar; charset=utf-8"
    calendrier = icalendar.Calendar.from_ical(reponse.content)
    assert calendrier.walk("VTIMEZONE")[0]["TZID"] == "Europe/Paris"
    return calendrier.walk("VEVENT")


def test_event_ics_has_paris_times_across_dst(client, creer_evenement):
    annee = timezone.localdate().year + 1
    hiver = creer_evenement(
        title="Job dating d'hiver",
        debut=datetime(annee, 1, 15, 10, tzinfo=PARIS),
        fin=datetime(annee, 1, 15, 17, tzinfo=PARIS),
    )
    ete = creer_evenement(
        title="Week-end d'été",
        type="week_end_decouverte",
        debut=datetime(annee, 7, 4, 10, tzinfo=PARIS),
        fin=datetime(annee, 7, 5, 16, 30, tzinfo=PARIS),
    )
    (vevent,) = _vevents(client.get(f"/agenda/{hiver.slug}/evenement.ics"))
    assert vevent.start == datetime(annee, 1, 15, 10, tzinfo=PARIS)
    assert vevent.start.utcoffset() == timedelta(hours=1)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    assert str(vevent["SUMMARY"]) == "Job dating d'hiver"
    assert str(vevent["UID"]) == f"evenement-{hiver.pk}@127.0.0.1"
    assert str(vevent["URL"]).endswith(f"/agenda/{hiver.slug}/")
    assert "Espace Valentré" in str(vevent["LOCATION"]) and "46000 Cahors" in str(
        vevent["LOCATION"]
    )
    assert "Rencontrez les employeurs du Lot." in str(vevent["DESCRIPTION"])

    (vevent,) = _vevents(client.get(f"/agenda/{ete.slug}/evenement.ics"))
    assert vevent.start.utcoffset() == timedelta(hours=2)
    assert vevent.start.astimezone(ZoneInfo("UTC")).hour == 8
    assert vevent.end == datetime(annee, 7, 5, 16, 30, tzinfo=PARIS)


def test_uid_is_stable_across_edits(client, creer_evenement):
    evenement = creer_evenement()
    (avant,) = _vevents(client.get(f"/agenda/{evenement.slug}/evenement.ics"))
    evenement.title = "Nouveau titre"
    evenement.save_revision().publish()
    (apres,) = _vevents(client.get(f"/agenda/{evenement.slug}/evenement.ics"))
    assert avant["UID"] == apres["UID"]
    assert str(apres["SUMMARY"]) == "Nouveau titre"


def test_agenda_feed_lists_only_upcoming_events(client, creer_evenement):
    a_venir = creer_evenement(title="À venir")
    creer_evenement(title="Passé", debut=timezone.now() - timedelta(days=5))
    brouillon = creer_evenement(title="Brouillon")
    brouillon.unpublish()
    titres = [str(v["SUMMARY"]) for v in _vevents(client.get("/agenda/agenda.ics"))]
    assert titres == [a_venir.title]


def test_unknown_event_ics_is_a_404(client, agenda):
    assert client.get("/agenda/inconnu/evenement.ics").status_code == 404


def test_rss_feed_of_upcoming_events(client, creer_evenement):
    creer_evenement(title="Salon à Toulouse", debut=timezone.now() + timedelta(days=3))
    creer_evenement(title="Passé", debut=timezone.now() - timedelta(days=5))
    reponse = client.get("/agenda/agenda.rss")
    assert reponse.status_code == 200
    assert reponse["Content-Type"].startswith("application/rss+xml")
    corps = reponse.content.decode()
    assert "<title>Salon à Toulouse</title>" in corps
    assert "Passé" not in corps


def test_atom_feed_of_upcoming_events(client, creer_evenement):
    creer_evenement(title="Salon à Toulouse", debut=timezone.now() + timedelta(days=3))
    creer_evenement(title="Passé", debut=timezone.now() - timedelta(days=5))
    reponse = client.get("/agenda/agenda.atom")
    assert reponse.status_code == 200
    assert reponse["Content-Type"].startswith("application/atom+xml")
    corps = reponse.content.decode()
    assert "<title>Salon à Toulouse</title>" in corps
    assert "Passé" not in corps
    assert "/agenda/agenda.atom" in client.get("/agenda/").content.decode()


def test_index_page_is_still_served_at_agenda(client, agenda):
    assert client.get("/agenda/").status_code == 200
