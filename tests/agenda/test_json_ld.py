"""Each event page carries a schema.org Event in JSON-LD."""

import json
import re

import pytest

pytestmark = pytest.mark.django_db


def _json_ld(html):
    bloc = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(bloc.group(1))


def test_event_json_ld(client, creer_evenement, inscrire):
    evenement = creer_evenement(title="Job dating <santé> & soins", capacite=2)
    donnees = _json_ld(client.get(evenement.url).content.decode())
    assert donnees["@context"] == "https://schema.org"
    assert donnees["@type"] == "Event"
    assert donnees["name"] == "Job dating <santé> & soins"
    assert donnees["startDate"].endswith(("+01:00", "+02:00"))
    assert donnees["eventStatus"] == "https://schema.org/EventScheduled"
    assert donnees["location"]["@type"] == "Place"
    assert donnees["location"]["address"]["addressLocality"] == "Cahors"
    assert donnees["location"]["address"]["postalCode"] == "46000"
    assert donnees["organizer"]["name"] == "Département du Lot"
    assert donnees["offers"]["availability"] == "https://schema.org/InStock"
    assert donnees["offers"]["url"].endswith("/inscription/")

    inscrire(evenement, "a@exemple.fr", personnes=2)
    donnees = _json_ld(client.get(evenement.url).content.decode())
    assert donnees["offers"]["availability"] == "https://schema.org/SoldOut"


def test_json_ld_cannot_break_out_of_its_script(client, creer_evenement):
    evenement = creer_evenement(chapo="</script><script>alert(1)</script>")
    html = client.get(evenement.url).content.decode()
    assert "<script>alert(1)" not in html
    assert _json_ld(html)["description"] == "</script><script>alert(1)</script>"


def test_cancelled_event_and_event_outside_the_lot(client, creer_evenement):
    evenement = creer_evenement(
        annule=True,
        commune=None,
        lieu="Paris Event Center",
        adresse="20 avenue de la Porte de la Villette, 75019 Paris",
        inscriptions_ouvertes=False,
    )
    donnees = _json_ld(client.get(evenement.url).content.decode())
    assert donnees["eventStatus"] == "https://schema.org/EventCancelled"
    assert donnees["location"]["name"] == "Paris Event Center"
    assert donnees["location"]["address"]["streetAddress"].endswith("75019 Paris")
    assert "offers" not in donnees
