"""The public open-data page and its CSV/JSON: public tables only, whole département,
small counts hidden, Licence Ouverte."""

import csv
import io
import json

import pytest
import time_machine
from cadre_fabrique import (
    SectionFactice,
    isoler_hooks,
    tableau_barres,
    tableau_courbe,
    tableau_entonnoir,
)
from django.core.cache import cache

from lot_portal.pilotage.registre import Tableau

pytestmark = pytest.mark.django_db


def tableau_parcours_public():
    """A funnel with two count columns and a derived percentage."""
    return Tableau(
        slug="installes",
        titre="Installations par profil",
        colonnes=["Profil", "Inscrits", "Installés", "Taux (%)", "Délai médian (jours)"],
        lignes=[
            ["Famille", 40, 10, 25.0, 80.5],
            ["Retraité", 12, 4, 33.333, 60.0],  # 4 settled: the whole row is hidden
            ["Étudiant", 2, 0, 0.0, None],  # both counts below 5
        ],
        graphique="entonnoir",
        public=True,
        colonnes_effectifs=(1, 2),
    )


@pytest.fixture(autouse=True)
def _hooks(monkeypatch):
    isoler_hooks(monkeypatch)
    cache.clear()
    with time_machine.travel("2026-03-15 12:00 +01:00", tick=False):
        yield
    cache.clear()


@pytest.fixture
def section():
    section = SectionFactice(
        tableaux=[tableau_barres(), tableau_courbe(), tableau_parcours_public()],
        par_territoire=False,  # published anyway: open data is the whole département
    )
    with section.enregistrer():
        yield section


def donnees_json(client):
    reponse = client.get("/donnees-ouvertes/indicateurs.json")
    assert reponse.status_code == 200
    assert reponse["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(reponse.content)


def test_json_entete_licence_source_periodes_seuil(client, section):
    donnees = donnees_json(client)
    assert set(donnees) >= {"licence", "source", "periode", "seuil", "tableaux"}
    assert donnees["licence"] == "Licence Ouverte / Open Licence version 2.0 (Etalab)"
    assert donnees["licence_url"] == "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
    assert "Département du Lot" in donnees["source"]
    assert donnees["seuil"] == 5
    assert donnees["periode"] == {
        "libelle": "12 derniers mois complets",
        "debut": "2025-03-01",
        "fin": "2026-02-28",
    }
    assert [(p["debut"], p["fin"]) for p in donnees["periodes"]] == [
        ("2025-03-01", "2026-02-28"),
        ("2025-01-01", "2025-12-31"),
        ("2024-01-01", "2024-12-31"),
        ("2023-01-01", "2023-12-31"),
    ]


def test_seulement_les_tableaux_publics_sur_tout_le_departement(client, section):
    donnees = donnees_json(client)
    # 2 public tables (not the monthly series) × 4 periods.
    assert [(t["tableau"], t["periode"]["cle"]) for t in donnees["tableaux"]] == [
        (slug, periode)
        for periode in ("12-derniers-mois", "2025", "2024", "2023")
        for slug in ("par-profil", "installes")
    ]
    assert {f.communautes for f in section.appels} == {None}
    assert {(f.debut.isoformat(), f.fin.isoformat()) for f in section.appels} == {
        ("2025-03-01", "2026-02-28"),
        ("2025-01-01", "2025-12-31"),
        ("2024-01-01", "2024-12-31"),
        ("2023-01-01", "2023-12-31"),
    }


def test_les_petits_effectifs_sont_masques_et_leur_ligne_aussi(client, section):
    tableaux = {t["tableau"]: t for t in donnees_json(client)["tableaux"]}
    assert tableaux["par-profil"]["lignes"] == [
        ["Famille", 1234, 61.7],
        ["Télétravailleur", "< 5", "secret"],
        ["=Formule", 763, 38.15],
    ]
    assert tableaux["installes"]["colonnes"] == [
        "Profil",
        "Inscrits",
        "Installés",
        "Taux (%)",
        "Délai médian (jours)",
    ]
    assert tableaux["installes"]["lignes"] == [
        ["Famille", 40, 10, 25.0, 80.5],
        ["Retraité", "secret", "< 5", "secret", "secret"],
        ["Étudiant", "< 5", "< 5", "secret", "secret"],
    ]


def test_le_seuil_vient_des_reglages(client, section, settings):
    settings.PILOTAGE_SEUIL_PUBLIC = 800
    settings.PILOTAGE_ANNEES_PUBLIQUES = 1
    donnees = donnees_json(client)
    assert donnees["seuil"] == 800
    assert len(donnees["periodes"]) == 2
    par_profil = donnees["tableaux"][0]
    assert par_profil["lignes"][2] == ["=Formule", "< 800", "secret"]
    assert par_profil["lignes"][0] == ["Famille", 1234, 61.7]


def test_csv_format_long(client, section):
    reponse = client.get("/donnees-ouvertes/indicateurs.csv")
    assert reponse.status_code == 200
    assert reponse["Content-Type"] == "text/csv; charset=utf-8"
    assert not reponse.content.startswith(b"\xef\xbb\xbf")  # UTF-8 without BOM
    lignes = list(csv.reader(io.StringIO(reponse.content.decode("utf-8"))))
    assert lignes[0] == [
        "section",
        "tableau",
        "titre",
        "periode",
        "debut",
        "fin",
        "ligne",
        "colonne",
        "valeur",
    ]
    # Per period: 3 rows × 2 values + 3 rows × 4 values; 4 periods.
    assert len(lignes) == 1 + 4 * (3 * 2 + 3 * 4)
    assert lignes[1:4] == [
        [
            "arrivants",
            "par-profil",
            "Inscriptions par profil",
            "12 derniers mois complets",
            "2025-03-01",
            "2026-02-28",
            "Famille",
            "Inscriptions",
            "1234",
        ],
        [
            "arrivants",
            "par-profil",
            "Inscriptions par profil",
            "12 derniers mois complets",
            "2025-03-01",
            "2026-02-28",
            "Famille",
            "Part (%)",
            "61.7",
        ],
        [
            "arrivants",
            "par-profil",
            "Inscriptions par profil",
            "12 derniers mois complets",
            "2025-03-01",
            "2026-02-28",
            "Télétravailleur",
            "Inscriptions",
            "< 5",
        ],
    ]
    assert lignes[18][6:] == ["Étudiant", "Délai médian (jours)", "secret"]


@pytest.mark.parametrize(
    "adresse",
    ["/donnees-ouvertes/indicateurs.csv", "/donnees-ouvertes/indicateurs.json"],
)
def test_mis_en_cache_une_heure(client, section, adresse):
    reponse = client.get(adresse)
    assert "public" in reponse["Cache-Control"] and "max-age=3600" in reponse["Cache-Control"]
    appels = len(section.appels)
    client.get(adresse)
    assert len(section.appels) == appels  # computed once, served from the cache


def test_la_page_explique_licence_periode_methode_seuil(client, site_demo, section):
    reponse = client.get("/donnees-ouvertes/")
    assert reponse.status_code == 200
    assert "max-age=3600" in reponse["Cache-Control"]
    contenu = reponse.content.decode()
    assert "Licence Ouverte / Open Licence version 2.0</a> (Etalab)" in contenu
    assert (
        "aucune case ne compte moins de 5 personnes : les effectifs inférieurs sont remplacés "
        "par « &lt; 5 »" in contenu
    )
    assert "du 01/03/2025 au 28/02/2026" in contenu
    assert "Année 2023" in contenu
    assert 'href="/donnees-ouvertes/indicateurs.csv"' in contenu
    assert 'href="/donnees-ouvertes/indicateurs.json"' in contenu
    assert "séparés par une virgule" in contenu and "sans BOM" in contenu
    # The preview: public tables of the last 12 months, small counts hidden.
    assert "<caption>Nouveaux arrivants : Inscriptions par profil</caption>" in contenu
    assert "Inscriptions par mois" not in contenu
    assert "<td>1\u202f234</td>" in contenu and "<td>&lt; 5</td>" in contenu


def test_sans_section_publique(client, site_demo):
    with SectionFactice(tableaux=[tableau_entonnoir()]).enregistrer():
        assert donnees_json(client)["tableaux"] == []
        assert (
            "Aucun tableau n'est encore publié."
            in client.get("/donnees-ouvertes/").content.decode()
        )


def test_head_et_post(client, section):
    assert client.head("/donnees-ouvertes/indicateurs.json").status_code == 200
    assert client.post("/donnees-ouvertes/indicateurs.json").status_code == 405
