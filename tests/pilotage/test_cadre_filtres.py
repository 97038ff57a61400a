"""The dashboard's filters: presets, custom period, errors in French, area restrictions."""

from datetime import date

import pytest
import time_machine
from cadre_fabrique import SectionFactice, communautes, isoler_hooks, utilisateur
from django.test import RequestFactory
from wagtail import hooks

from lot_portal.pilotage.filtres import decaler_mois, filtres_depuis_requete

pytestmark = pytest.mark.django_db

MAINTENANT = "2026-03-15 12:00 +01:00"


@pytest.fixture(autouse=True)
def _hooks(monkeypatch):
    isoler_hooks(monkeypatch)
    with time_machine.travel(MAINTENANT, tick=False):
        yield


def lire(compte, **parametres):
    requete = RequestFactory().get("/admin/pilotage/", parametres)
    requete.user = compte
    return filtres_depuis_requete(requete)


@pytest.fixture
def chef():
    return utilisateur("superuser")


def test_par_defaut_les_12_derniers_mois_par_mois_tout_le_departement(chef):
    form, filtres = lire(chef)
    assert form.is_valid()
    assert (filtres.debut, filtres.fin) == (date(2025, 3, 16), date(2026, 3, 15))
    assert filtres.communautes is None
    assert filtres.granularite == "mois"
    assert form.libelle_territoire(filtres) == "Tout le département"


@pytest.mark.parametrize(
    ("periode", "debut", "fin"),
    [
        ("30j", date(2026, 2, 14), date(2026, 3, 15)),
        ("12m", date(2025, 3, 16), date(2026, 3, 15)),
        ("annee", date(2026, 1, 1), date(2026, 3, 15)),
        ("annee_precedente", date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_periodes_predefinies(chef, periode, debut, fin):
    form, filtres = lire(chef, periode=periode, granularite="semaine")
    assert form.is_valid(), form.errors
    assert (filtres.debut, filtres.fin, filtres.granularite) == (debut, fin, "semaine")


def test_une_periode_predefinie_ignore_les_dates_saisies(chef):
    form, filtres = lire(chef, periode="30j", debut="n'importe quoi", fin="2030-01-01")
    assert form.is_valid()
    assert filtres.debut == date(2026, 2, 14)


@pytest.mark.parametrize("format_debut", ["2025-06-01", "01/06/2025"])
def test_periode_personnalisee(chef, format_debut):
    form, filtres = lire(chef, periode="perso", debut=format_debut, fin="2025-06-30")
    assert form.is_valid(), form.errors
    assert (filtres.debut, filtres.fin) == (date(2025, 6, 1), date(2025, 6, 30))
    # The interval: Paris midnights, end excluded.
    debut, fin = filtres.intervalle
    assert debut.isoformat() == "2025-06-01T00:00:00+02:00"
    assert fin.isoformat() == "2025-07-01T00:00:00+02:00"


@pytest.mark.parametrize(
    ("debut", "fin", "champ", "erreur"),
    [
        ("2025-06-30", "2025-06-01", "fin", "La fin doit être le même jour que le début ou après."),
        ("2020-01-01", "2025-01-01", "fin", "La période ne peut pas dépasser 5 ans."),
        (
            "2026-03-01",
            "2026-03-16",
            "fin",
            "La fin ne peut pas dépasser aujourd'hui (15/03/2026).",
        ),
        ("", "2026-03-01", "debut", "Indiquez le premier jour de la période personnalisée."),
        ("2026-03-01", "", "fin", "Indiquez le dernier jour de la période personnalisée."),
        ("2026-02-30", "2026-03-01", "debut", "Saisissez une date valide, par exemple 31/01/2026."),
    ],
)
def test_periode_personnalisee_invalide(chef, debut, fin, champ, erreur):
    form, filtres = lire(chef, periode="perso", debut=debut, fin=fin)
    assert form.errors[champ] == [erreur]
    # The figures fall back to the default period.
    assert (filtres.debut, filtres.fin) == (date(2025, 3, 16), date(2026, 3, 15))


def test_cinq_ans_tout_juste_sont_acceptes(chef):
    form, filtres = lire(chef, periode="perso", debut="2021-01-01", fin="2025-12-31")
    assert form.is_valid(), form.errors


def test_choix_inconnus(chef):
    form, filtres = lire(chef, periode="siecle", granularite="jour")
    assert form.errors["periode"] == ["Choisissez une période de la liste."]
    assert form.errors["granularite"] == ["Choisissez « Par semaine » ou « Par mois »."]
    assert filtres.granularite == "mois"


def test_erreurs_affichees_a_cote_des_champs_et_valeurs_conservees(client, chef):
    client.force_login(chef)
    with SectionFactice().enregistrer():
        contenu = client.get(
            "/admin/pilotage/", {"periode": "perso", "debut": "2025-06-30", "fin": "2025-06-01"}
        ).content.decode()
    assert 'id="id_fin_erreur">La fin doit être le même jour que le début ou après.' in contenu
    assert 'value="2025-06-30"' in contenu and 'value="2025-06-01"' in contenu
    assert 'aria-invalid="true"' in contenu
    assert '<option value="perso" selected>Personnalisée</option>' in contenu
    assert "Certains filtres ne sont pas valides" in contenu


def test_une_communaute_choisie(chef):
    cahors = communautes(2)[1]
    form, filtres = lire(chef, communaute=str(cahors.pk))
    assert filtres.communautes == (cahors.pk,)
    assert form.libelle_territoire(filtres) == "Grand Cahors"
    choix = [libelle for _, libelle in form.fields["communaute"].choices]
    assert choix == ["Tout le département", "Causses et Vallée de la Dordogne", "Grand Cahors"]


@pytest.fixture
def referent():
    """A staff account restricted by a fake ``pilotage_perimetre`` hook to two communautés."""
    cauvaldor, cahors, sud = communautes(3)
    compte = utilisateur("referent")
    autorisees = (cahors.pk, sud.pk)
    with hooks.register_temporarily(
        [
            ("pilotage_perimetre", lambda u: autorisees if u.pk == compte.pk else None),
            ("pilotage_acces", lambda u: u.pk == compte.pk),
        ]
    ):
        yield compte, cauvaldor, cahors, sud


def test_un_referent_ne_voit_que_son_perimetre(referent):
    compte, cauvaldor, cahors, sud = referent
    form, filtres = lire(compte)
    assert set(filtres.communautes) == {cahors.pk, sud.pk}
    choix = [libelle for _, libelle in form.fields["communaute"].choices]
    assert choix == ["Toutes mes communautés", "Cauvaldor Sud", "Grand Cahors"]
    form, filtres = lire(compte, communaute=str(sud.pk))
    assert filtres.communautes == (sud.pk,)


@pytest.mark.parametrize("valeur", ["autre", "", "999999"])
def test_un_referent_ne_peut_pas_elargir_son_perimetre_par_l_url(referent, valeur):
    compte, cauvaldor, cahors, sud = referent
    tentative = str(cauvaldor.pk) if valeur == "autre" else valeur
    form, filtres = lire(compte, communaute=tentative)
    assert filtres.communautes is not None
    assert set(filtres.communautes) <= {cahors.pk, sud.pk}
    if tentative:
        assert form.errors["communaute"] == ["Choisissez un territoire de la liste."]


def test_un_referent_d_une_seule_communaute(client):
    cauvaldor, cahors = communautes(2)
    compte = utilisateur("referent")
    with hooks.register_temporarily(
        [
            ("pilotage_perimetre", lambda u: (cahors.pk,)),
            ("pilotage_acces", lambda u: True),
        ]
    ):
        form, filtres = lire(compte)
        assert form.is_valid(), form.errors
        assert filtres.communautes == (cahors.pk,)
        assert [c for _, c in form.fields["communaute"].choices] == ["Grand Cahors"]
        section = SectionFactice()
        client.force_login(compte)
        with section.enregistrer():
            reponse = client.get(f"/admin/pilotage/?communaute={cauvaldor.pk}")
        assert reponse.status_code == 200
        assert "Tout le département" not in reponse.content.decode()
        assert {f.communautes for f in section.appels} == {(cahors.pk,)}


def test_decaler_mois_borne_le_jour():
    assert decaler_mois(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert decaler_mois(date(2024, 2, 29), -12) == date(2023, 2, 28)
    assert decaler_mois(date(2025, 12, 15), 1) == date(2026, 1, 15)
