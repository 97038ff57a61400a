"""The youth hub and the public list of calls: groups, order, type filter, query budget."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jeunesse.models.choix import TypeAppel


@pytest.fixture(autouse=True)
def _sans_cache_de_pages(settings):
    settings.PAGE_CACHE_SECONDS = 0


def _position(contenu: str, texte: str) -> int:
    position = contenu.find(texte)
    assert position >= 0, f"« {texte} » absent"
    return position


def test_groups_order_and_deadline(client, fabrique_jeu):
    maintenant = timezone.now()
    fabrique_jeu.appel(titre="Ouvert tard", slug="ouvert-tard")
    fabrique_jeu.appel(
        titre="Ouvert bientôt clos",
        slug="ouvert-bientot-clos",
        cloture=maintenant + datetime.timedelta(days=3),
    )
    fabrique_jeu.appel(etat="a_venir", titre="Futur appel", slug="futur-appel")
    fabrique_jeu.appel(etat="clos", titre="Clos récent", slug="clos-recent")
    fabrique_jeu.appel(
        etat="clos",
        titre="Clos ancien",
        slug="clos-ancien",
        ouverture=maintenant - datetime.timedelta(days=400),
        cloture=maintenant - datetime.timedelta(days=300),
    )
    fabrique_jeu.appel(titre="Brouillon caché", slug="brouillon-cache", publie=False)

    reponse = client.get("/jeunesse/appels/")
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "Brouillon caché" not in contenu
    ouverts = _position(contenu, 'id="appels-ouverts"')
    a_venir = _position(contenu, 'id="appels-a-venir"')
    clos = _position(contenu, 'id="appels-clos"')
    assert ouverts < _position(contenu, "Ouvert bientôt clos") < _position(contenu, "Ouvert tard")
    assert _position(contenu, "Ouvert tard") < a_venir < _position(contenu, "Futur appel") < clos
    assert clos < _position(contenu, "Clos récent") < _position(contenu, "Clos ancien")
    assert "Plus que 3 jours" in contenu
    assert 'Appels ouverts <span class="jeu-groupe__nombre">(2)</span>' in contenu


def test_deadline_is_written_in_paris_time(client, fabrique_jeu):
    # 12 December 2026, 22:59 UTC = 23:59 in Paris (winter time).
    cloture = datetime.datetime(2026, 12, 12, 22, 59, tzinfo=datetime.UTC)
    fabrique_jeu.appel(
        titre="Appel de décembre",
        slug="decembre",
        ouverture=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        cloture=cloture,
    )
    maintenant = datetime.datetime(2026, 12, 10, 9, 0, tzinfo=datetime.UTC)
    import time_machine

    with time_machine.travel(maintenant, tick=False):
        contenu = client.get("/jeunesse/appels/").content.decode()
    assert "Clôture le 12 décembre 2026 à 23 h 59" in contenu
    assert "Plus que 2 jours" in contenu


def test_last_day_and_one_day_left(client, fabrique_jeu):
    maintenant = timezone.now()
    demain = timezone.localtime(maintenant) + datetime.timedelta(days=1)
    fabrique_jeu.appel(
        titre="Demain", slug="demain", cloture=demain.replace(hour=23, minute=59, second=0)
    )
    contenu = client.get("/jeunesse/appels/").content.decode()
    assert "Plus qu&#x27;un jour" in contenu or "Plus qu'un jour" in contenu


def test_filter_by_type(client, fabrique_jeu):
    fabrique_jeu.appel(titre="Initiatives", slug="initiatives")
    fabrique_jeu.appel(
        titre="Concours Créer", slug="concours", type_appel=TypeAppel.CREATION, age_min=None
    )
    contenu = client.get("/jeunesse/appels/?type=creation").content.decode()
    assert "Concours Créer" in contenu and "Initiatives" not in contenu.split("<h1>")[1]
    contenu = client.get("/jeunesse/appels/?type=jeunesse").content.decode()
    assert "Concours Créer" not in contenu
    assert '<option value="jeunesse" selected>' in contenu
    # An unknown value shows everything, no error, no 500.
    reponse = client.get("/jeunesse/appels/?type=%3Cscript%3E")
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "Concours Créer" in contenu and "Initiatives" in contenu
    assert "<script>" not in contenu.split("<main")[1]


def test_closed_calls_are_limited_with_a_link_to_all(client, fabrique_jeu):
    maintenant = timezone.now()
    for n in range(8):
        fabrique_jeu.appel(
            etat="clos",
            titre=f"Ancien appel {n}",
            slug=f"ancien-{n}",
            ouverture=maintenant - datetime.timedelta(days=100 + n),
            cloture=maintenant - datetime.timedelta(days=10 + n),
        )
    contenu = client.get("/jeunesse/appels/").content.decode()
    assert contenu.count("jeu-carte--clos") == 6
    assert "Ancien appel 7" not in contenu
    assert "Voir les 8 appels clos" in contenu
    contenu = client.get("/jeunesse/appels/?clos=tous").content.decode()
    assert contenu.count("jeu-carte--clos") == 8
    assert "Voir les 8 appels clos" not in contenu


def test_empty_list(client, db):
    contenu = client.get("/jeunesse/appels/").content.decode()
    assert "Aucun appel n&#x27;est ouvert" in contenu or "Aucun appel n'est ouvert" in contenu


def _requetes(client, chemin):
    with CaptureQueriesContext(connection) as contexte:
        assert client.get(chemin).status_code == 200
    return len(contexte.captured_queries)


@pytest.mark.parametrize(
    "chemin", ["/jeunesse/appels/", "/jeunesse/", "/jeunesse/appels/?clos=tous"]
)
def test_query_count_does_not_grow_with_calls(client, fabrique_jeu, chemin):
    for etat in ("ouvert", "a_venir", "clos"):
        fabrique_jeu.appel(etat=etat)
    client.get(chemin)  # warm up (site settings, content types)
    peu = _requetes(client, chemin)
    for _ in range(6):
        for etat in ("ouvert", "a_venir", "clos"):
            fabrique_jeu.appel(etat=etat)
    beaucoup = _requetes(client, chemin)
    assert peu == beaucoup
    assert beaucoup <= 10


def test_query_count_logged_in(client, fabrique_jeu):
    compte = fabrique_jeu.compte()
    client.force_login(compte)
    fabrique_jeu.appel()
    client.get("/jeunesse/appels/")
    peu = _requetes(client, "/jeunesse/appels/")
    for _ in range(8):
        fabrique_jeu.appel()
    assert _requetes(client, "/jeunesse/appels/") == peu


def test_hub_shows_open_calls_and_links(client, fabrique_jeu):
    fabrique_jeu.appel(titre="Initiatives ouvertes", slug="ouvertes")
    fabrique_jeu.appel(etat="a_venir", titre="Prochain appel", slug="prochain")
    fabrique_jeu.appel(etat="clos", titre="Appel fermé", slug="ferme")
    reponse = client.get("/jeunesse/")
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert contenu.count("<h1") == 1
    assert "Initiatives ouvertes" in contenu and "Prochain appel" in contenu
    assert "Appel fermé" not in contenu
    assert 'href="/jeunesse/idees/"' in contenu
    assert 'href="/jeunesse/projets/"' in contenu
    assert "Mes candidatures" not in contenu
    # The main navigation marks the section.
    assert 'href="/jeunesse/" aria-current="page">Jeunesse</a>' in contenu


def test_hub_for_a_logged_in_user_links_to_their_applications(client, fabrique_jeu):
    client.force_login(fabrique_jeu.compte())
    contenu = client.get("/jeunesse/").content.decode()
    assert 'href="/jeunesse/candidatures/"' in contenu and "Mes candidatures" in contenu


def test_navigation_entry_elsewhere_is_not_current(client, db):
    contenu = client.get("/ambassadeurs/").content.decode()
    assert 'href="/jeunesse/">Jeunesse</a>' in contenu


def test_list_and_hub_refuse_post(client, db):
    assert client.post("/jeunesse/appels/").status_code == 405
    assert client.post("/jeunesse/").status_code == 405
