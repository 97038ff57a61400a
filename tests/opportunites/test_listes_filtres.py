"""The filter contract of the job listing (opportunites/filtres.py)."""

import datetime
import json

import pytest
from django.http import QueryDict
from django.utils import timezone

from opportunites.filtres import (
    FiltresOffresForm,
    filtres_libelle,
    filtres_nettoyes,
    filtres_querystring,
    offres_filtrees,
)
from opportunites.models import Contrat, Secteur, Teletravail, TempsTravail

GRAND_FIGEAC = "200067361"
GRAND_CAHORS = "200023737"
FIGEAC = "46102"


def titres(qs):
    return [offre.title for offre in qs]


@pytest.fixture
def offres(fabrique_opp):
    f = fabrique_opp
    return {
        "figeac": f.offre(
            title="Infirmier à Figeac",
            commune=f.commune("Figeac"),
            secteur=Secteur.SANTE,
            contrat=Contrat.CDI,
            profil_recherche=True,
        ),
        "capdenac": f.offre(
            title="Développeur à Capdenac",
            commune=f.commune("Capdenac"),
            secteur=Secteur.NUMERIQUE,
            contrat=Contrat.CDD,
            teletravail=Teletravail.PARTIEL,
        ),
        "gramat": f.offre(
            title="Soudeur à Gramat",
            commune=f.commune("Gramat"),
            secteur=Secteur.INGENIERIE,
            contrat=Contrat.INTERIM,
            temps_travail=TempsTravail.PARTIEL,
        ),
        "cahors": f.offre(
            title="Aide-soignant à Cahors",
            commune=f.commune("Cahors"),
            secteur=Secteur.SANTE,
            contrat=Contrat.CDI,
            date_publication=timezone.localdate() - datetime.timedelta(days=3),
        ),
    }


def test_par_defaut_toutes_les_offres_courantes_les_plus_recentes_d_abord(offres, fabrique_opp):
    hier = timezone.localdate() - datetime.timedelta(days=1)
    fabrique_opp.offre(
        title="Expirée", date_publication=hier - datetime.timedelta(days=9), date_expiration=hier
    )
    fabrique_opp.offre(title="Brouillon", publier=False, live=False)
    fabrique_opp.offre(title="Pourvue", pourvue_le=hier)
    fabrique_opp.offre(
        title="Pas encore publiée", date_publication=timezone.localdate() + datetime.timedelta(1)
    )
    resultat = titres(offres_filtrees({}))
    assert set(resultat) == {o.title for o in offres.values()}
    assert resultat[-1] == "Aide-soignant à Cahors"


@pytest.mark.parametrize(
    ("parametres", "attendus"),
    [
        ({"secteur": ["sante"]}, {"figeac", "cahors"}),
        ({"secteur": ["sante", "numerique"]}, {"figeac", "cahors", "capdenac"}),
        ({"contrat": "cdd"}, {"capdenac"}),
        ({"temps": ["partiel"]}, {"gramat"}),
        ({"teletravail": ["partiel", "total"]}, {"capdenac"}),
        ({"territoire": [GRAND_CAHORS]}, {"cahors"}),
        ({"territoire": [GRAND_FIGEAC]}, {"figeac", "capdenac"}),
        ({"profil_recherche": "1"}, {"figeac"}),
        ({"q": "infirmier"}, {"figeac"}),
        ({"q": "SOUDEUR gramat"}, {"gramat"}),
        ({"q": "Entreprise"}, {"figeac", "capdenac", "gramat", "cahors"}),
        ({"commune": FIGEAC, "rayon": "10"}, {"figeac", "capdenac"}),
        ({"commune": FIGEAC, "rayon": "30"}, {"figeac", "capdenac"}),
        ({"commune": FIGEAC, "rayon": "50"}, {"figeac", "capdenac", "gramat", "cahors"}),
        ({"secteur": ["sante"], "territoire": [GRAND_FIGEAC]}, {"figeac"}),
        ({"secteur": ["sante"], "contrat": ["cdd"]}, set()),
        ({"commune": FIGEAC, "rayon": "50", "secteur": ["ingenierie"]}, {"gramat"}),
    ],
)
def test_chaque_filtre_et_leurs_combinaisons(offres, parametres, attendus):
    assert set(titres(offres_filtrees(parametres))) == {offres[n].title for n in attendus}


def test_querydict_et_dict_donnent_le_meme_resultat(offres):
    qd = QueryDict("secteur=sante&secteur=numerique&territoire=" + GRAND_FIGEAC)
    d = {"secteur": ["sante", "numerique"], "territoire": GRAND_FIGEAC}
    assert titres(offres_filtrees(qd)) == titres(offres_filtrees(d))
    assert len(titres(offres_filtrees(qd))) == 2


def test_tri_par_distance(offres):
    qs = offres_filtrees({"commune": FIGEAC, "tri": "proche"})
    assert titres(qs) == [
        "Infirmier à Figeac",
        "Développeur à Capdenac",
        "Soudeur à Gramat",
        "Aide-soignant à Cahors",
    ]
    distances = [round(o.distance) for o in qs]
    assert distances[0] == 0
    assert 2 <= distances[1] <= 6
    assert 45 <= distances[3] <= 55
    # Without a commune, "proche" means nothing: newest first.
    assert titres(offres_filtrees({"tri": "proche"}))[-1] == "Aide-soignant à Cahors"


@pytest.mark.parametrize(
    "parametres",
    [
        {"secteur": "<script>alert(1)</script>"},
        {"rayon": "abc", "commune": FIGEAC},
        {"commune": "99999", "rayon": "10", "tri": "proche"},
        {"commune": "'; DROP TABLE x; --"},
        {"tri": "x"},
        {"territoire": ["abc", "123", "9" * 500]},
        {"profil_recherche": "peut-être"},
        {"q": "\x00" * 10},
        {"q": "x" * 5000},
        {"contrat": [None, 3, {"a": 1}]},
        {"teletravail": 42},
        {"rayon": "-5", "commune": FIGEAC},
    ],
)
def test_valeurs_absurdes_ignorees(offres, parametres):
    nettoyes = filtres_nettoyes(parametres)
    if "commune" in nettoyes:  # only the valid commune is kept
        assert nettoyes == {"commune": FIGEAC}
    else:
        assert nettoyes == {}
    assert len(titres(offres_filtrees(parametres))) == 4
    assert filtres_libelle(parametres) == "Toutes les offres"
    form = FiltresOffresForm(parametres)
    assert form.is_valid(), form.errors


def test_nettoyes_json_et_reutilisables(offres):
    brut = QueryDict(
        f"secteur=sante&secteur=inconnu&contrat=cdi&territoire={GRAND_FIGEAC}&commune={FIGEAC}"
        "&rayon=20&tri=proche&profil_recherche=on&q=+infirmier++&page=3"
    )
    nettoyes = filtres_nettoyes(brut)
    assert nettoyes == {
        "q": "infirmier",
        "secteur": ["sante"],
        "contrat": ["cdi"],
        "territoire": [GRAND_FIGEAC],
        "commune": FIGEAC,
        "rayon": "20",
        "tri": "proche",
        "profil_recherche": "1",
    }
    relu = json.loads(json.dumps(nettoyes))
    assert filtres_nettoyes(relu) == nettoyes
    assert titres(offres_filtrees(relu)) == titres(offres_filtrees(brut)) == ["Infirmier à Figeac"]
    assert QueryDict(filtres_querystring(brut)).getlist("secteur") == ["sante"]


def test_libelle(offres):
    assert filtres_libelle({}) == "Toutes les offres"
    assert (
        filtres_libelle({"contrat": "cdi", "secteur": "sante", "territoire": GRAND_FIGEAC})
        == "CDI · Santé et social · CC Grand-Figeac"
    )
    assert filtres_libelle(
        {"q": "infirmier", "commune": FIGEAC, "rayon": "20", "profil_recherche": "1"}
    ) == ("« infirmier » · à 20 km de Figeac · profils recherchés")
    assert filtres_libelle({"contrat": ["cdi", "cdd"]}) == "CDI, CDD"


def test_formulaire_garde_les_choix_valides(offres):
    form = FiltresOffresForm(
        QueryDict(f"secteur=sante&secteur=zzz&commune={FIGEAC}&rayon=20&tri=proche")
    )
    assert form.is_valid()
    assert form.cleaned_data["secteur"] == ["sante"]
    assert form.cleaned_data["commune"] == FIGEAC
    assert form.cleaned_data["rayon"] == 20
    assert form.cleaned_data["tri"] == "proche"
    html = str(form["secteur"])
    assert 'value="sante"' in html and "checked" in html
    assert ("200067361", "CC Grand-Figeac") in form.fields["territoire"].choices
    assert not FiltresOffresForm().is_bound
