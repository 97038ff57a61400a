"""The « Ambassadeurs » pilotage section, checked against a hand-built dataset.

Today is frozen at 15 June 2026. The dataset (expected figures worked out by hand below):

Ambassadors: M1 Alpha accepted 1 Feb, available; M2 Alpha accepted 15 Jan, paused;
  M3 Bêta accepted 1 Oct 2025, available; M4 Bêta application pending; M5 Gamma accepted
  20 July (after the semester), available; M6 Alpha refused.
Stories (first publication, Paris time): H1 M1 15 Jan; H2 M1 1 April 00:30 (31 March in UTC);
  H3 M3 20 April; H4 M2 10 June; H5 a plain account 10 Feb (not an ambassador);
  H6 M1 20 Feb but unpublished since; H7 M3 20 Dec 2025.
Questions (asked → ambassador's first answer): Q1 M1 1 Feb 10:00 → 2 Feb 10:00 (1 day);
  Q2 M1 1 March 08:00 → 4 March 08:00 (3 days, again on 5 March); Q3 M3 1 April 12:00 →
  18:00 (0.25 day); Q4 M3 1 May, only the asker wrote; Q5 M1 1 Dec 2025 → 2 Dec;
  Q6 M5 1 June 00:00 → 11 June 00:00 (10 days).
Referrals (registered → settled): P1 M1 20 Jan → 10 April; P2 M1 5 March, not settled;
  P3 M3 15 May → 1 June; P4 M3 1 Feb → 1 March but rejected; P5 M1 1 Nov 2025 → 15 Feb;
  P6 M5 20 June, to check, not settled.
"""

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from opp_fabrique import (
    AUJOURD_HUI,
    FabriqueAmb,
    Territoire,
    accueil,
    filtres,
    le,
    lignes,
    tableau,
)

from ambassadeurs.models import StatutAmbassadeur
from ambassadeurs.pilotage import calculer, chiffres_cles, libelle_periode, periodes
from lot_portal.pilotage import registre

SEMESTRE = ((2026, 1, 1), (2026, 6, 30))
AVRIL = ((2026, 4, 1), (2026, 4, 30))
MARS = ((2026, 3, 1), (2026, 3, 31))
COLONNES_QUESTIONS = [
    "Questions",
    "Questions posées",
    "Questions avec réponse",
    "Taux de réponse (%)",
    "Délai médian de première réponse (jours)",
]


@pytest.fixture(autouse=True)
def _aujourd_hui():
    with time_machine.travel(AUJOURD_HUI, tick=False):
        yield


@pytest.fixture
def jeu(db):
    t = Territoire()
    fab = FabriqueAmb(accueil())
    m1 = fab.ambassadeur(t.a1, decide_le=le(2026, 2, 1))
    m2 = fab.ambassadeur(t.a1, disponible=False, decide_le=le(2026, 1, 15))
    m3 = fab.ambassadeur(t.b1, decide_le=le(2025, 10, 1))
    fab.ambassadeur(t.b1, statut=StatutAmbassadeur.CANDIDATURE)
    m5 = fab.ambassadeur(t.c1, decide_le=le(2026, 7, 20))
    fab.ambassadeur(t.a1, statut=StatutAmbassadeur.REFUSE, decide_le=le(2026, 3, 1))

    fab.histoire(m1.utilisateur, le(2026, 1, 15), commune=t.a1)
    fab.histoire(m1.utilisateur, le(2026, 4, 1, 0, 30), commune=t.a1)
    fab.histoire(m3.utilisateur, le(2026, 4, 20), commune=t.b1)
    fab.histoire(m2.utilisateur, le(2026, 6, 10), commune=t.a1)
    fab.histoire(fab.utilisateur(), le(2026, 2, 10), commune=t.a1)
    fab.histoire(m1.utilisateur, le(2026, 2, 20), commune=t.a1, live=False)
    fab.histoire(m3.utilisateur, le(2025, 12, 20), commune=t.b1)

    fab.question(m1, le(2026, 2, 1, 10), reponses=[le(2026, 2, 2, 10)])
    fab.question(m1, le(2026, 3, 1, 8), reponses=[le(2026, 3, 4, 8), le(2026, 3, 5, 8)])
    fab.question(m3, le(2026, 4, 1, 12), reponses=[le(2026, 4, 1, 18)])
    fab.question(m3, le(2026, 5, 1))
    fab.question(m1, le(2025, 12, 1), reponses=[le(2025, 12, 2)])
    fab.question(m5, le(2026, 6, 1, 0), reponses=[le(2026, 6, 11, 0)])

    fab.parrainage(m1, le(2026, 1, 20), converti_le=le(2026, 4, 10))
    fab.parrainage(m1, le(2026, 3, 5))
    fab.parrainage(m3, le(2026, 5, 15), converti_le=le(2026, 6, 1))
    fab.parrainage(m3, le(2026, 2, 1), converti_le=le(2026, 3, 1), controle="rejete")
    fab.parrainage(m1, le(2025, 11, 1), converti_le=le(2026, 2, 15))
    fab.parrainage(m5, le(2026, 6, 20), controle="a_verifier")
    t.fab = fab
    t.m1, t.m3, t.m5 = m1, m3, m5
    return t


# --- Active ambassadors -------------------------------------------------------------------------


def test_active_ambassadors_by_communaute(jeu):
    t = tableau(calculer(filtres(*SEMESTRE)), "ambassadeurs_actifs")
    assert t.graphique == "barres" and t.public and t.colonnes_effectifs == (1,)
    assert t.colonnes == ["Communauté de communes", "Ambassadeurs actifs"]
    # M2 is paused, M4 pending, M6 refused, M5 accepted after the period.
    assert t.lignes == [["CC Alpha", 1], ["CC Bêta", 1], ["CC Gamma", 0]]


def test_active_ambassadors_follow_period_and_area(jeu):
    assert lignes(calculer(filtres(*AVRIL)), "ambassadeurs_actifs") == [
        ["CC Alpha", 1],
        ["CC Bêta", 1],
        ["CC Gamma", 0],
    ]
    juillet = filtres((2026, 7, 1), (2026, 7, 31))
    assert lignes(calculer(juillet), "ambassadeurs_actifs") == [
        ["CC Alpha", 1],
        ["CC Bêta", 1],
        ["CC Gamma", 1],  # M5, accepted on 20 July
    ]
    zone = filtres(*SEMESTRE, communautes=(jeu.beta.pk,))
    assert lignes(calculer(zone), "ambassadeurs_actifs") == [["CC Bêta", 1]]
    assert lignes(calculer(filtres(*SEMESTRE, communautes=())), "ambassadeurs_actifs") == []
    # New ambassadors (accepted in the period, available): a headline number.
    nouveaux = {c.libelle: c.valeur for c in chiffres_cles(juillet)}["Nouveaux ambassadeurs"]
    assert nouveaux == 1


# --- Stories ------------------------------------------------------------------------------------


def test_stories_by_month(jeu):
    t = tableau(calculer(filtres(*SEMESTRE)), "histoires_ambassadeurs")
    assert t.graphique == "courbe" and t.public
    assert t.lignes == [
        ["janvier 2026", 1],
        ["février 2026", 0],  # H5 is not an ambassador's, H6 is offline
        ["mars 2026", 0],
        ["avril 2026", 2],  # H2 (1 April 00:30 in Paris) and H3
        ["mai 2026", 0],
        ["juin 2026", 1],  # H4: a paused ambassador's story still counts
    ]


def test_stories_follow_period_and_area(jeu):
    assert lignes(calculer(filtres(*MARS)), "histoires_ambassadeurs") == [["mars 2026", 0]]
    zone = filtres(*SEMESTRE, communautes=(jeu.alpha.pk,))
    assert [ligne[1] for ligne in lignes(calculer(zone), "histoires_ambassadeurs")] == [
        1,
        0,
        0,
        1,
        0,
        1,
    ]
    zone = filtres((2025, 12, 1), (2026, 1, 31), communautes=(jeu.beta.pk,))
    assert lignes(calculer(zone), "histoires_ambassadeurs") == [
        ["décembre 2025", 1],
        ["janvier 2026", 0],
    ]


def test_stories_by_week(jeu):
    # 1 April 2026 is a Wednesday: the first week starts on Monday 30 March.
    f = filtres((2026, 4, 1), (2026, 4, 26), granularite="semaine")
    assert lignes(calculer(f), "histoires_ambassadeurs") == [
        ["Semaine du 30/03/2026", 1],  # H2
        ["Semaine du 06/04/2026", 0],
        ["Semaine du 13/04/2026", 0],
        ["Semaine du 20/04/2026", 1],  # H3
    ]


def test_periods_cover_the_range():
    f = filtres((2025, 11, 15), (2026, 2, 3))
    assert [libelle_periode(p, "mois") for p in periodes(f)] == [
        "novembre 2025",
        "décembre 2025",
        "janvier 2026",
        "février 2026",
    ]


# --- Questions ----------------------------------------------------------------------------------


def test_questions(jeu):
    t = tableau(calculer(filtres(*SEMESTRE)), "questions")
    assert t.colonnes == COLONNES_QUESTIONS and t.public and t.colonnes_effectifs == (1, 2)
    # Q1, Q2, Q3, Q4, Q6 asked; Q4 unanswered; delays 0.25, 1, 3, 10 → median (1 + 3) / 2.
    assert t.lignes == [["Posées dans la période", 5, 4, 80.0, 2.0]]


def test_questions_follow_period_and_area(jeu):
    assert lignes(calculer(filtres(*AVRIL)), "questions") == [
        ["Posées dans la période", 1, 1, 100.0, 0.25]
    ]
    assert lignes(calculer(filtres(*MARS)), "questions") == [
        ["Posées dans la période", 1, 1, 100.0, 3.0]  # the first answer counts
    ]
    beta = filtres(*SEMESTRE, communautes=(jeu.beta.pk,))
    assert lignes(calculer(beta), "questions") == [["Posées dans la période", 2, 1, 50.0, 0.25]]
    # An odd number of answers: delays 1, 3, 10 → the middle one.
    alpha_gamma = filtres(*SEMESTRE, communautes=(jeu.alpha.pk, jeu.gamma.pk))
    assert lignes(calculer(alpha_gamma), "questions") == [
        ["Posées dans la période", 3, 3, 100.0, 3.0]
    ]


def test_questions_without_any_question(jeu):
    f = filtres((2026, 1, 1), (2026, 1, 31))
    assert lignes(calculer(f), "questions") == [["Posées dans la période", 0, 0, None, None]]


# --- Referrals ----------------------------------------------------------------------------------


def test_referrals(jeu):
    t = tableau(calculer(filtres(*SEMESTRE)), "parrainages")
    assert t.public and t.colonnes_effectifs == (1, 2, 4)
    assert t.colonnes[3] == "Taux d'installation (%)"
    # Registered P1, P2, P3, P6 (P4 rejected); settled P1, P3; settled in the period P1, P3, P5.
    assert t.lignes == [["Inscrits dans la période", 4, 2, 50.0, 3]]


def test_referrals_follow_period_and_area(jeu):
    assert lignes(calculer(filtres(*AVRIL)), "parrainages") == [
        ["Inscrits dans la période", 0, 0, None, 1]  # P1 settled on 10 April
    ]
    alpha = filtres(*SEMESTRE, communautes=(jeu.alpha.pk,))
    assert lignes(calculer(alpha), "parrainages") == [["Inscrits dans la période", 2, 1, 50.0, 2]]
    gamma = filtres(*SEMESTRE, communautes=(jeu.gamma.pk,))
    assert lignes(calculer(gamma), "parrainages") == [["Inscrits dans la période", 1, 0, 0.0, 0]]


# --- Headline numbers, registration, queries ----------------------------------------------------


def test_headline_numbers(jeu):
    chiffres = chiffres_cles(filtres(*SEMESTRE))
    assert [(c.libelle, c.valeur) for c in chiffres] == [
        ("Ambassadeurs actifs", 2),
        ("Nouveaux ambassadeurs", 1),  # M1 (M2 accepted in January is paused)
        ("Histoires d'ambassadeurs publiées", 4),
        ("Questions avec réponse", 4),
        ("Parrainés installés", 3),
    ]
    assert chiffres[3].detail == "sur 5 questions posées (80,0 %)"
    alpha = chiffres_cles(filtres(*SEMESTRE, communautes=(jeu.alpha.pk,)))
    assert [c.valeur for c in alpha] == [1, 1, 3, 2, 2]
    avril = chiffres_cles(filtres(*AVRIL, communautes=(jeu.beta.pk,)))
    assert [(c.valeur, c.detail) for c in avril][:4] == [
        (1, ""),
        (0, "candidatures acceptées dans la période, disponibles"),
        (1, ""),  # H3
        (1, "sur 1 question posée (100,0 %)"),  # Q3
    ]


def test_section_is_registered():
    section = {s.slug: s for s in registre.sections()}["ambassadeurs"]
    assert section.titre == "Ambassadeurs" and section.ordre == 40 and section.par_territoire
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
    assert avant == (6, 6)
    fab = jeu.fab
    for n in range(5):
        commune = (jeu.a1, jeu.b1, jeu.c1)[n % 3]
        m = fab.ambassadeur(commune, decide_le=le(2026, 3, n + 1))
        fab.histoire(m.utilisateur, le(2026, 2 + n, 3), commune=commune)
        fab.question(m, le(2026, 3, n + 1), reponses=[le(2026, 3, n + 2)])
        fab.parrainage(m, le(2026, 4, n + 1), converti_le=le(2026, 5, n + 1))
    assert lignes(calculer(f), "questions")[0][1] > 2
    assert (_requetes(calculer, f), _requetes(chiffres_cles, f)) == avant
