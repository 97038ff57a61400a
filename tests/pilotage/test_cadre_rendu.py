"""The dashboard page: headline numbers, a chart and a table per table, bounded queries."""

import re

import pytest
import time_machine
from cadre_fabrique import (
    SectionFactice,
    communautes,
    isoler_hooks,
    tableau_barres,
    tableau_courbe,
    tableau_entonnoir,
    tableau_simple,
    utilisateur,
)
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from lot_portal.pilotage.formatage import nombre_fr
from lot_portal.pilotage.graphiques import graphique_svg
from lot_portal.pilotage.registre import ChiffreCle, Tableau

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _hooks(monkeypatch):
    isoler_hooks(monkeypatch)
    with time_machine.travel("2026-03-15 12:00 +01:00", tick=False):
        yield


@pytest.fixture
def tableau_de_bord(client):
    client.force_login(utilisateur("pilotage"))
    arrivants = SectionFactice(
        tableaux=[tableau_barres(), tableau_courbe(), tableau_entonnoir(), tableau_simple()],
        chiffres=[ChiffreCle("Inscriptions", 12345, "sur la période"), ChiffreCle("Taux", 12.5)],
    )
    with arrivants.enregistrer():
        reponse = client.get("/admin/pilotage/")
    assert reponse.status_code == 200
    return reponse.content.decode()


def test_chaque_tableau_a_son_graphique_accessible_et_sa_table(tableau_de_bord):
    page = tableau_de_bord
    for slug, graphique in (
        ("par-profil", "barres"),
        ("par-mois", "courbe"),
        ("parcours", "entonnoir"),
    ):
        ident = f"pilotage-arrivants-{slug}-titre"
        assert re.search(rf'<h3 id="{ident}"[^>]*>', page)
        svg = re.search(
            rf'<svg class="[^"]*--{graphique}" role="img" aria-labelledby="{ident}"', page
        )
        assert svg, graphique
    # A table-only Tableau: no chart, still its table.
    assert 'role="img" aria-labelledby="pilotage-arrivants-montants-titre"' not in page
    assert 'id="pilotage-arrivants-montants-titre"' in page
    assert page.count('<svg class="pilotage-graphique') == 3
    assert page.count('<table class="listing pilotage-donnees">') == 4
    assert (
        "<caption>Inscriptions par profil "
        "(du 16/03/2025 au 15/03/2026, Tout le département)</caption>" in page
    )
    assert '<th scope="col">Part (%)</th>' in page
    assert '<th scope="row">Télétravailleur</th>' in page


def test_nombres_a_la_francaise(tableau_de_bord):
    page = tableau_de_bord
    assert '<td class="pilotage-nombre">1\u202f234</td>' in page
    assert '<td class="pilotage-nombre">61,7</td>' in page
    assert '<td class="pilotage-nombre">1\u202f500,50</td>' in page
    assert "<td>—</td>" in page  # no median for the first step
    assert '<span class="pilotage-chiffre__valeur">12\u202f345</span>' in page
    assert '<span class="pilotage-chiffre__valeur">12,5</span>' in page
    # Values labelled on the bars too.
    assert ">1\u202f234</text>" in page


def test_entonnoir_avec_les_taux_de_conversion(tableau_de_bord):
    page = tableau_de_bord
    svg = page.split("pilotage-graphique--entonnoir")[1].split("</svg>")[0]
    # 50 of 200 kept, then 10 of 50.
    assert ">50 · 25,0 %</text>" in svg
    assert ">10 · 20,0 %</text>" in svg
    assert ">200</text>" in svg


def test_liens_d_export_avec_les_memes_filtres(client):
    client.force_login(utilisateur("superuser"))
    with SectionFactice().enregistrer():
        page = client.get("/admin/pilotage/?periode=30j&granularite=semaine").content.decode()
    assert (
        'href="/admin/pilotage/export/arrivants/par-profil/?format=csv&amp;periode=30j&amp;'
        'debut=&amp;fin=&amp;communaute=&amp;granularite=semaine"' in page
    )
    assert "/admin/pilotage/export/arrivants/par-mois/?format=xlsx&amp;periode=30j" in page


def test_la_section_recoit_les_filtres(client):
    cahors = communautes(2)[1]
    client.force_login(utilisateur("superuser"))
    section = SectionFactice()
    with section.enregistrer():
        client.get(
            "/admin/pilotage/",
            {"periode": "annee", "communaute": cahors.pk, "granularite": "semaine"},
        )
    assert {
        (f.debut.isoformat(), f.fin.isoformat(), f.communautes, f.granularite)
        for f in section.appels
    } == {("2026-01-01", "2026-03-15", (cahors.pk,), "semaine")}


def test_les_sections_sans_territoire_sont_cachees_aux_utilisateurs_restreints(client):
    cahors = communautes(2)[1]
    compte = utilisateur("referent")
    globale = SectionFactice(slug="contenus", titre="Contenus publiés", par_territoire=False)
    locale = SectionFactice()
    with (
        globale.enregistrer(),
        locale.enregistrer(),
        hooks.register_temporarily(
            [("pilotage_perimetre", lambda u: (cahors.pk,)), ("pilotage_acces", lambda u: True)]
        ),
    ):
        client.force_login(compte)
        page = client.get("/admin/pilotage/").content.decode()
        export = client.get("/admin/pilotage/export/contenus/par-profil/?format=csv")
        client.force_login(utilisateur("superuser"))
        page_chef = client.get("/admin/pilotage/").content.decode()
    assert "Contenus publiés" not in page
    assert "Nouveaux arrivants" in page
    assert export.status_code == 404
    assert globale.appels == [] or all(f.communautes is None for f in globale.appels)
    assert "Contenus publiés" in page_chef


def test_sections_dans_l_ordre(client):
    client.force_login(utilisateur("superuser"))
    with (
        SectionFactice(slug="b", titre="Deuxième", ordre=20).enregistrer(),
        SectionFactice(slug="a", titre="Première", ordre=10).enregistrer(),
    ):
        page = client.get("/admin/pilotage/").content.decode()
    assert page.index('id="pilotage-a-titre"') < page.index('id="pilotage-b-titre"')


def _requetes(client, tableaux_par_section):
    sections = [
        SectionFactice(
            slug=f"s{i}",
            titre=f"Section {i}",
            ordre=i,
            tableaux=[tableau_barres(f"t{j}") for j in range(tableaux_par_section)],
        )
        for i in range(2)
    ]
    with sections[0].enregistrer(), sections[1].enregistrer():
        client.get("/admin/pilotage/")  # warm Wagtail's per-process caches
        with CaptureQueriesContext(connection) as requetes:
            reponse = client.get("/admin/pilotage/")
    assert reponse.status_code == 200
    return len(requetes)


def test_le_rendu_se_fait_en_un_nombre_borne_de_requetes(client):
    communautes(3)
    client.force_login(utilisateur("pilotage"))
    peu = _requetes(client, 2)
    beaucoup = _requetes(client, 4)
    assert peu == beaucoup
    # Session, user, permissions, group « Pilotage » (once), communautés of the filter, and
    # Wagtail's sidebar (about 8 today, with the apps' menus): the fake sections make none.
    assert peu <= 16, peu


def test_graphique_echappe_les_libelles_et_ignore_les_tableaux_sans_nombre():
    tableau = Tableau("t", "T", ["Libellé", "Nombre"], [["<script>alert(1)</script>", 3]], "barres")
    svg = graphique_svg(tableau, "x")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    texte = Tableau("t", "T", ["Libellé", "Texte"], [["a", "b"]], "barres")
    assert graphique_svg(texte, "x") == ""
    vide = Tableau("t", "T", ["Libellé", "Nombre"], [], "courbe")
    assert graphique_svg(vide, "x") == ""


def test_courbe_une_colonne_par_periode():
    svg = graphique_svg(tableau_courbe(), "x")
    assert svg.count("<rect x=") == 3
    assert ">févr. 2026</text>" in svg and ">25</text>" in svg


@pytest.mark.parametrize(
    ("valeur", "texte"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1\u202f000"),
        (-1234567, "-1\u202f234\u202f567"),
        (12.345, "12,3"),
        (None, "—"),
        ("abc", "abc"),
    ],
)
def test_nombre_fr(valeur, texte):
    assert nombre_fr(valeur) == texte
