"""CSV and XLSX exports of one table, over the dashboard's filters."""

import io

import pytest
import time_machine
from cadre_fabrique import (
    SectionFactice,
    isoler_hooks,
    tableau_barres,
    tableau_simple,
    utilisateur,
)
from fabriques import CommunauteFactory
from openpyxl import load_workbook
from wagtail import hooks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _hooks(monkeypatch):
    isoler_hooks(monkeypatch)
    with time_machine.travel("2026-03-15 12:00 +01:00", tick=False):
        yield


@pytest.fixture
def section(client):
    client.force_login(utilisateur("pilotage"))
    section = SectionFactice(tableaux=[tableau_barres(), tableau_simple()])
    with section.enregistrer():
        yield section


def test_csv_pour_un_tableur_francais_et_cellules_neutralisees(client, section):
    reponse = client.get(
        "/admin/pilotage/export/arrivants/par-profil/",
        {"format": "csv", "periode": "perso", "debut": "2025-01-01", "fin": "2025-12-31"},
    )
    assert reponse.status_code == 200
    assert reponse["Content-Type"] == "text/csv; charset=utf-8"
    assert reponse["Content-Disposition"] == (
        'attachment; filename="pilotage-arrivants-par-profil-2025-01-01_2025-12-31.csv"'
    )
    assert reponse.content.startswith(b"\xef\xbb\xbf")
    assert reponse.content.decode("utf-8-sig").splitlines() == [
        "Profil;Inscriptions;Part (%)",
        "Famille;1234;61,7",
        "Télétravailleur;3;0,15",
        "'=Formule;763;38,15",
    ]
    assert {(f.debut.isoformat(), f.fin.isoformat()) for f in section.appels} == {
        ("2025-01-01", "2025-12-31")
    }


def test_csv_montants_et_textes_dangereux(client, section):
    contenu = client.get("/admin/pilotage/export/arrivants/montants/?format=csv").content.decode(
        "utf-8-sig"
    )
    assert contenu.splitlines() == [
        "Appel;Montant (€);Commentaire",
        "Appel 2026;1500,50;'+33 6 00 00 00 00",
        "'@appel;2;'-",
    ]


def test_xlsx_nombres_reels_et_feuille_d_informations(client, section):
    reponse = client.get("/admin/pilotage/export/arrivants/par-profil/?format=xlsx&periode=30j")
    assert reponse.status_code == 200
    assert reponse["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert (
        'filename="pilotage-arrivants-par-profil-2026-02-14_2026-03-15.xlsx"'
        in (reponse["Content-Disposition"])
    )
    classeur = load_workbook(io.BytesIO(reponse.content))
    feuille = classeur["Inscriptions par profil"]
    assert [[c.value for c in ligne] for ligne in feuille.iter_rows()] == [
        ["Profil", "Inscriptions", "Part (%)"],
        ["Famille", 1234, 61.7],
        ["Télétravailleur", 3, 0.15],
        ["'=Formule", 763, 38.15],
    ]
    assert all(c.data_type != "f" for ligne in feuille.iter_rows() for c in ligne)
    infos = {ligne[0].value: ligne[1].value for ligne in classeur["Informations"].iter_rows()}
    assert infos["Période"] == "du 14/02/2026 au 15/03/2026"
    assert infos["Territoire"] == "Tout le département"
    assert infos["Section"] == "Nouveaux arrivants"


def test_xlsx_montant_decimal(client, section):
    reponse = client.get("/admin/pilotage/export/arrivants/montants/?format=xlsx")
    feuille = load_workbook(io.BytesIO(reponse.content)).active
    assert feuille["B2"].value == 1500.5
    assert feuille["C2"].value == "'+33 6 00 00 00 00"


@pytest.mark.parametrize(
    ("adresse", "statut"),
    [
        ("/admin/pilotage/export/arrivants/par-profil/?format=pdf", 400),
        ("/admin/pilotage/export/arrivants/inconnu/?format=csv", 404),
        ("/admin/pilotage/export/inconnue/par-profil/?format=csv", 404),
    ],
)
def test_format_ou_tableau_inconnu(client, section, adresse, statut):
    assert client.get(adresse).status_code == statut


def test_un_referent_n_exporte_que_son_perimetre(client):
    cauvaldor = CommunauteFactory(nom="Cauvaldor")
    cahors = CommunauteFactory(nom="Grand Cahors")
    compte = utilisateur("referent")
    section = SectionFactice()
    with (
        section.enregistrer(),
        hooks.register_temporarily(
            [("pilotage_perimetre", lambda u: (cahors.pk,)), ("pilotage_acces", lambda u: True)]
        ),
    ):
        client.force_login(compte)
        for tentative in (str(cauvaldor.pk), "", "tout"):
            reponse = client.get(
                "/admin/pilotage/export/arrivants/par-profil/",
                {"format": "csv", "communaute": tentative},
            )
            assert reponse.status_code == 200
    assert {f.communautes for f in section.appels} == {(cahors.pk,)}
