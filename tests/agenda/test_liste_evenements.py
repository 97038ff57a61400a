"""The agenda index: upcoming first, filters, past events, pagination, bad params."""

from datetime import datetime, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lot_portal.territoire.models import Commune

pytestmark = pytest.mark.django_db


def _titres(client, query=""):
    html = unescape(client.get("/agenda/" + query).content.decode())
    blocs = html.split('class="carte-evenement__titre"')[1:]
    return [bloc.split("</a>")[0].rsplit(">", 1)[-1] for bloc in blocs]


def test_upcoming_events_first_in_ascending_order(client, creer_evenement):
    maintenant = timezone.now()
    creer_evenement(title="Dans trois semaines", debut=maintenant + timedelta(days=21))
    creer_evenement(title="Demain", debut=maintenant + timedelta(days=1))
    creer_evenement(title="Le mois dernier", debut=maintenant - timedelta(days=30))
    creer_evenement(title="La semaine dernière", debut=maintenant - timedelta(days=7))
    assert _titres(client) == ["Demain", "Dans trois semaines"]
    assert _titres(client, "?periode=passes") == ["La semaine dernière", "Le mois dernier"]


def test_each_event_shows_french_date_place_type_and_seats(client, creer_evenement, inscrire):
    paris = ZoneInfo("Europe/Paris")
    annee = timezone.localdate().year + 1
    debut = datetime(annee, 3, 14, 10, tzinfo=paris)
    evenement = creer_evenement(
        title="Samedi à Cahors", debut=debut, fin=debut + timedelta(hours=7), capacite=30
    )
    inscrire(evenement, "a@exemple.fr", personnes=4)
    html = unescape(client.get("/agenda/").content.decode())
    jour = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"][
        debut.weekday()
    ]
    assert f"{jour} 14 mars {annee}, 10 h – 17 h" in html
    assert "Espace Valentré, Cahors" in html
    assert "Job dating" in html
    assert "26 places restantes sur 30" in html


def test_filter_by_type_and_by_communaute(client, creer_evenement):
    figeac = Commune.objects.get(nom="Figeac")
    creer_evenement(title="Job dating à Cahors")
    creer_evenement(title="Festival à Figeac", type="festival", commune=figeac)
    creer_evenement(title="Salon à Paris", type="salon", commune=None, adresse="Paris")
    assert _titres(client, "?type=festival") == ["Festival à Figeac"]
    assert _titres(client, f"?communaute={figeac.communaute_id}") == ["Festival à Figeac"]
    assert _titres(client, f"?type=job_dating&communaute={figeac.communaute_id}") == []
    html = client.get("/agenda/?type=festival").content.decode()
    assert '<option value="festival" selected>' in html


@pytest.mark.parametrize(
    "query",
    [
        "?type=inconnu",
        "?communaute=abc",
        "?communaute=999999",
        "?periode=futur",
        "?page=abc",
        "?page=0",
        "?page=-1",
        "?page=99999999999999999999999",
        "?page=",
        "?type=%00",
        "?type=festival&type=job_dating",
        "?communaute=1%27%20OR%201=1",
    ],
)
def test_bad_params_give_the_normal_page(client, creer_evenement, query):
    creer_evenement(title="Toujours là")
    reponse = client.get("/agenda/" + query)
    assert reponse.status_code == 200
    assert "Toujours là" in unescape(reponse.content.decode())


def test_pagination_keeps_the_filters(client, creer_evenement):
    for numero in range(12):
        creer_evenement(title=f"Festival {numero:02d}", type="festival")
    creer_evenement(title="Un salon", type="salon")
    page_1 = _titres(client, "?type=festival")
    assert len(page_1) == 10
    html = unescape(client.get("/agenda/?type=festival").content.decode())
    assert "?type=festival&page=2" in html
    assert "Page 1 sur 2" in html
    assert _titres(client, "?type=festival&page=2") == ["Festival 10", "Festival 11"]
    assert _titres(client, "?type=festival&page=99") == ["Festival 10", "Festival 11"]


def test_index_is_accessible_list_with_headings(client, creer_evenement):
    creer_evenement()
    html = client.get("/agenda/").content.decode()
    assert html.count("<h1") == 1
    assert '<ol class="agenda-liste">' in html
    assert "<legend" in html and 'for="id_type"' in html and 'for="id_communaute"' in html
    assert html.index("<h2") < html.index("<h3")


def _requetes(client):
    with CaptureQueriesContext(connection) as contexte:
        assert client.get("/agenda/?page=1").status_code == 200
    return len(contexte.captured_queries)


def test_query_count_does_not_grow_with_events(client, creer_evenement, inscrire, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for numero in range(10):
        evenement = creer_evenement(capacite=20)
        inscrire(evenement, f"p{numero}@exemple.fr")
    _requetes(client)  # warm up per-process caches (site root paths…)
    avec_10 = _requetes(client)
    figeac = Commune.objects.get(nom="Figeac")
    for numero in range(50):
        evenement = creer_evenement(
            capacite=20, commune=figeac if numero % 2 else None, adresse="Ailleurs"
        )
        inscrire(evenement, f"q{numero}@exemple.fr")
    avec_60 = _requetes(client)
    assert avec_60 == avec_10
    assert avec_10 <= 20
