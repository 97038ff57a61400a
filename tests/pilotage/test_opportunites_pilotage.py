"""The « Opportunités » pilotage section, checked against a hand-built dataset.

Today is frozen at 15 June 2026. The dataset (expected figures worked out by hand below):

Offers (live unless said otherwise):
  O1 santé, Alpha, profil recherché, published 1 March, no expiry          → online 15/06
  O2 santé, Bêta, published 10 May, expires 1 July                          → online 15/06
  O3 numérique, Alpha, profil recherché, published 1 June, expired 10 June → offline
  O4 BTP, Gamma, published 1 April, filled 20 May                           → offline 15/06
  O5 numérique, Bêta, profil recherché, published 20 June (future)          → offline
  O6 commerce, Alpha, draft (never published), dated 5 May                  → never counted
  O7 tourisme, no commune, published 1 February                             → online 15/06
  O8 santé, Alpha, published 10 January, behind a login restriction         → never online
Takeovers: R1 Alpha (published 1 Feb), R2 Bêta (published 1 March, sold 1 June),
  R3 Alpha (published 1 Nov 2025, expired 31 Jan 2026).
Contacts: C1 on R1 (10 March), C2 on R1 (2 July), C3 on R2 (5 April).
Alerts: A1 x@ confirmed 10 Feb; A2 x@ confirmed 5 May; A3 y@ confirmed 1 Dec 2025,
  unsubscribed 1 March 10:00; A4 z@ never confirmed; A5 w@ confirmed 10 July.
"""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from opp_fabrique import (
    AUJOURD_HUI,
    FabriqueOpp,
    Territoire,
    accueil,
    filtres,
    le,
    lignes,
    tableau,
)

from lot_portal.pilotage import registre
from opportunites.models import Secteur
from opportunites.pilotage import NOTE_ALERTES_DEPARTEMENT, SANS_COMMUNE, calculer, chiffres_cles

SEMESTRE = ((2026, 1, 1), (2026, 6, 30))  # ends after today: « online » judged on 15/06
AVRIL = ((2026, 4, 1), (2026, 4, 30))
DEBUT_ANNEE = ((2026, 1, 1), (2026, 2, 28))


@pytest.fixture(autouse=True)
def _aujourd_hui():
    with time_machine.travel(AUJOURD_HUI, tick=False):
        yield


@pytest.fixture
def jeu(db):
    territoire = Territoire()
    fab = FabriqueOpp(accueil())
    t = territoire
    fab.offre(
        secteur=Secteur.SANTE, commune=t.a1, publiee_le=date(2026, 3, 1), profil_recherche=True
    )
    fab.offre(
        secteur=Secteur.SANTE,
        commune=t.b1,
        publiee_le=date(2026, 5, 10),
        expire_le=date(2026, 7, 1),
    )
    fab.offre(
        secteur=Secteur.NUMERIQUE,
        commune=t.a1,
        publiee_le=date(2026, 6, 1),
        expire_le=date(2026, 6, 10),
        profil_recherche=True,
    )
    fab.offre(
        secteur=Secteur.BTP,
        commune=t.c1,
        publiee_le=date(2026, 4, 1),
        pourvue_le=date(2026, 5, 20),
    )
    fab.offre(
        secteur=Secteur.NUMERIQUE,
        commune=t.b1,
        publiee_le=date(2026, 6, 20),
        profil_recherche=True,
    )
    fab.offre(secteur=Secteur.COMMERCE, commune=t.a1, publiee_le=date(2026, 5, 5), live=False)
    fab.offre(secteur=Secteur.TOURISME, commune=None, publiee_le=date(2026, 2, 1))
    fab.offre(secteur=Secteur.SANTE, commune=t.a1, publiee_le=date(2026, 1, 10), restreinte=True)

    r1 = fab.reprise(commune=t.a1, publiee_le=date(2026, 2, 1))
    r2 = fab.reprise(commune=t.b1, publiee_le=date(2026, 3, 1), cedee_le=date(2026, 6, 1))
    fab.reprise(commune=t.a1, publiee_le=date(2025, 11, 1), expire_le=date(2026, 1, 31))
    fab.contact(r1, le(2026, 3, 10))
    fab.contact(r1, le(2026, 7, 2))
    fab.contact(r2, le(2026, 4, 5))

    fab.alerte("x@exemple.fr", confirmee_le=le(2026, 2, 10))
    fab.alerte("x@exemple.fr", confirmee_le=le(2026, 5, 5))
    fab.alerte("y@exemple.fr", confirmee_le=le(2025, 12, 1), desinscrite_le=le(2026, 3, 1, 10))
    fab.alerte("z@exemple.fr")
    fab.alerte("w@exemple.fr", confirmee_le=le(2026, 7, 10))
    territoire.fab = fab
    return territoire


def _sans_zeros(rows):
    return [ligne for ligne in rows if any(ligne[1:])]


# --- Offers by sector ---------------------------------------------------------------------------


def test_offers_by_sector_counts_online_offers_on_the_reference_day(jeu):
    tableaux = calculer(filtres(*SEMESTRE))
    t = tableau(tableaux, "offres_secteur")
    assert t.graphique == "barres" and t.public
    assert t.colonnes == ["Secteur", "Offres en ligne", "dont profils recherchés"]
    assert "15/06/2026" in t.note
    # Every sector is listed, the largest first (ties in the choices' order).
    assert len(t.lignes) == len(Secteur.choices)
    assert t.lignes[:3] == [
        ["Santé et social", 2, 1],
        ["Tourisme, hôtellerie et restauration", 1, 0],
        ["Ingénierie et industrie", 0, 0],
    ]
    assert _sans_zeros(t.lignes) == [
        ["Santé et social", 2, 1],
        ["Tourisme, hôtellerie et restauration", 1, 0],
    ]


def test_offers_by_sector_follow_the_period_end(jeu):
    # On 30 April: O1 (santé, profil), O4 (BTP, filled later), O7 (tourisme).
    rows = lignes(calculer(filtres(*AVRIL)), "offres_secteur")
    assert _sans_zeros(rows) == [
        ["Santé et social", 1, 1],
        ["Bâtiment et travaux publics", 1, 0],
        ["Tourisme, hôtellerie et restauration", 1, 0],
    ]


def test_offers_by_sector_follow_the_area(jeu):
    rows = lignes(calculer(filtres(*SEMESTRE, communautes=(jeu.alpha.pk,))), "offres_secteur")
    assert _sans_zeros(rows) == [["Santé et social", 1, 1]]
    rows = lignes(calculer(filtres(*AVRIL, communautes=(jeu.gamma.pk,))), "offres_secteur")
    assert _sans_zeros(rows) == [["Bâtiment et travaux publics", 1, 0]]


# --- Offers by communauté -----------------------------------------------------------------------


def test_offers_by_communaute_list_every_communaute_and_offers_without_commune(jeu):
    t = tableau(calculer(filtres(*SEMESTRE)), "offres_communaute")
    assert t.graphique == "barres" and t.public
    assert t.lignes == [
        ["CC Alpha", 1, 1],
        ["CC Bêta", 1, 0],
        ["CC Gamma", 0, 0],
        [SANS_COMMUNE, 1, 0],
    ]


def test_offers_by_communaute_follow_period_and_area(jeu):
    assert lignes(calculer(filtres(*AVRIL)), "offres_communaute") == [
        ["CC Alpha", 1, 1],
        ["CC Bêta", 0, 0],
        ["CC Gamma", 1, 0],
        [SANS_COMMUNE, 1, 0],
    ]
    zone = filtres(*SEMESTRE, communautes=(jeu.beta.pk, jeu.gamma.pk))
    # Only the chosen communautés, and no « commune non précisée » row in an area.
    assert lignes(calculer(zone), "offres_communaute") == [["CC Bêta", 1, 0], ["CC Gamma", 0, 0]]
    assert lignes(calculer(filtres(*SEMESTRE, communautes=())), "offres_communaute") == []


# --- Offers summary -----------------------------------------------------------------------------


def test_offers_summary(jeu):
    t = tableau(calculer(filtres(*SEMESTRE)), "offres_resume")
    assert t.public and t.graphique is None
    assert t.lignes == [
        ["Offres en ligne le 15/06/2026", 3],
        ["dont profils recherchés", 1],
        # O1, O2, O3, O4, O5, O7, O8 (the draft O6 was never published)
        ["Offres publiées dans la période", 7],
        ["Offres pourvues dans la période", 1],
    ]


def test_offers_summary_follows_period_and_area(jeu):
    assert lignes(calculer(filtres(*AVRIL)), "offres_resume") == [
        ["Offres en ligne le 30/04/2026", 3],
        ["dont profils recherchés", 1],
        ["Offres publiées dans la période", 1],  # O4
        ["Offres pourvues dans la période", 0],
    ]
    assert lignes(calculer(filtres((2026, 5, 1), (2026, 5, 31))), "offres_resume") == [
        ["Offres en ligne le 31/05/2026", 3],  # O1, O2, O7 (O4 filled on 20 May)
        ["dont profils recherchés", 1],
        ["Offres publiées dans la période", 1],  # O2 (O6 is a draft)
        ["Offres pourvues dans la période", 1],  # O4
    ]
    assert lignes(calculer(filtres(*SEMESTRE, communautes=(jeu.alpha.pk,))), "offres_resume") == [
        ["Offres en ligne le 15/06/2026", 1],
        ["dont profils recherchés", 1],
        ["Offres publiées dans la période", 3],  # O1, O3, O8
        ["Offres pourvues dans la période", 0],
    ]


# --- Alerts -------------------------------------------------------------------------------------


def test_alerts(jeu):
    t = tableau(calculer(filtres(*SEMESTRE)), "alertes")
    assert t.public and t.colonnes_effectifs == (1,)
    assert NOTE_ALERTES_DEPARTEMENT not in t.note
    assert t.lignes == [
        ["Abonnés aux alertes confirmés le 30/06/2026", 1],  # x@ (two alerts)
        ["Alertes actives le 30/06/2026", 2],
        ["Nouveaux abonnés dans la période", 1],
        ["Alertes confirmées dans la période", 2],
        ["Désinscriptions dans la période", 1],
    ]


def test_alerts_follow_the_period(jeu):
    assert lignes(calculer(filtres(*AVRIL)), "alertes") == [
        ["Abonnés aux alertes confirmés le 30/04/2026", 1],
        ["Alertes actives le 30/04/2026", 1],
        ["Nouveaux abonnés dans la période", 0],
        ["Alertes confirmées dans la période", 0],
        ["Désinscriptions dans la période", 0],
    ]
    # y@ unsubscribed on 1 March: still a subscriber at the end of February.
    assert lignes(calculer(filtres(*DEBUT_ANNEE)), "alertes") == [
        ["Abonnés aux alertes confirmés le 28/02/2026", 2],
        ["Alertes actives le 28/02/2026", 2],
        ["Nouveaux abonnés dans la période", 1],
        ["Alertes confirmées dans la période", 1],
        ["Désinscriptions dans la période", 0],
    ]


def test_alerts_are_counted_for_the_whole_departement_in_an_area(jeu):
    t = tableau(calculer(filtres(*SEMESTRE, communautes=(jeu.gamma.pk,))), "alertes")
    assert NOTE_ALERTES_DEPARTEMENT in t.note
    assert t.lignes[0] == ["Abonnés aux alertes confirmés le 30/06/2026", 1]


# --- Takeovers ----------------------------------------------------------------------------------


def test_takeovers(jeu):
    t = tableau(calculer(filtres(*SEMESTRE)), "reprises")
    assert t.public and t.colonnes_effectifs == (1,)
    assert t.lignes == [
        ["Entreprises à reprendre en ligne le 15/06/2026", 1],  # R1 (R2 sold, R3 expired)
        ["Publiées dans la période", 2],
        ["Cédées dans la période", 1],
        ["Contacts de repreneurs reçus dans la période", 2],  # C1, C3
    ]


def test_takeovers_follow_period_and_area(jeu):
    assert lignes(calculer(filtres(*AVRIL)), "reprises") == [
        ["Entreprises à reprendre en ligne le 30/04/2026", 2],  # R1, R2 (sold in June)
        ["Publiées dans la période", 0],
        ["Cédées dans la période", 0],
        ["Contacts de repreneurs reçus dans la période", 1],  # C3
    ]
    assert lignes(calculer(filtres(*SEMESTRE, communautes=(jeu.alpha.pk,))), "reprises") == [
        ["Entreprises à reprendre en ligne le 15/06/2026", 1],
        ["Publiées dans la période", 1],
        ["Cédées dans la période", 0],
        ["Contacts de repreneurs reçus dans la période", 1],  # C1 (C2 is in July)
    ]


# --- Headline numbers, registration, queries ----------------------------------------------------


def test_headline_numbers(jeu):
    chiffres = {c.libelle: c.valeur for c in chiffres_cles(filtres(*SEMESTRE))}
    assert chiffres == {
        "Offres d'emploi en ligne": 3,
        "Profils recherchés en ligne": 1,
        "Offres pourvues": 1,
        "Abonnés aux alertes emploi": 1,
        "Entreprises à reprendre en ligne": 1,
        "Contacts de repreneurs": 2,
    }
    zone = chiffres_cles(filtres(*SEMESTRE, communautes=(jeu.alpha.pk,)))
    assert zone[0].valeur == 1
    assert [c.detail for c in zone if c.libelle.startswith("Abonnés")] == ["Tout le département."]


def test_section_is_registered():
    sections = {s.slug: s for s in registre.sections()}
    section = sections["opportunites"]
    assert section.titre == "Opportunités" and section.ordre == 30 and section.par_territoire
    assert section.calculer is calculer


def _requetes(fonction, valeur):
    with CaptureQueriesContext(connection) as requetes:
        fonction(valeur)
    return len(requetes)


@pytest.mark.parametrize("communautes", [None, "alpha"])
def test_queries_are_bounded_whatever_the_volume(jeu, communautes):
    zone = None if communautes is None else (jeu.alpha.pk,)
    f = filtres(*SEMESTRE, communautes=zone)
    avant = (_requetes(calculer, f), _requetes(chiffres_cles, f))
    assert avant == (7, 7)
    fab = jeu.fab
    for n in range(6):
        commune = (jeu.a1, jeu.b1, jeu.c1)[n % 3]
        offre = fab.offre(
            secteur=Secteur.choices[n][0], commune=commune, publiee_le=date(2026, 2, n + 1)
        )
        reprise = fab.reprise(commune=commune, publiee_le=date(2026, 3, n + 1))
        fab.contact(reprise, le(2026, 4, n + 1))
        fab.alerte(f"nouveau{n}@exemple.fr", confirmee_le=le(2026, 5, n + 1))
        assert offre.pk
    assert lignes(calculer(f), "offres_resume")[0][1] > 1
    assert (_requetes(calculer, f), _requetes(chiffres_cles, f)) == avant
