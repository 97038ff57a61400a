"""« Nouveaux arrivants » figures against the hand-built dataset of ``accueil_fabrique``.

Expected values are worked out by hand from the dataset's comments (period: 1 January –
31 March 2026, « today » 15 April 2026).
"""

from datetime import date

import pytest
import time_machine
from accueil_fabrique import jeu_de_donnees

from accueil import pilotage
from lot_portal.pilotage import registre
from lot_portal.pilotage.registre import Filtres

pytestmark = pytest.mark.django_db

TRIMESTRE = Filtres(debut=date(2026, 1, 1), fin=date(2026, 3, 31))


@pytest.fixture
def donnees():
    with time_machine.travel("2026-04-15 09:00 +0200", tick=False):
        yield jeu_de_donnees()


def _tableaux(filtres):
    return {tableau.slug: tableau for tableau in pilotage.calculer_arrivants(filtres)}


def test_section_enregistree():
    sections = {section.slug: section for section in registre.sections()}
    assert sections["arrivants"].titre == "Nouveaux arrivants"
    assert sections["arrivants"].ordre == 10
    assert sections["arrivants"].par_territoire is True
    assert sections["reseau"].ordre == 20


def test_tableaux_et_graphiques(donnees):
    tableaux = _tableaux(TRIMESTRE)
    assert list(tableaux) == [
        "inscriptions_periode",
        "inscriptions_profil",
        "inscriptions_communaute",
        "inscriptions_source",
        "entonnoir",
        "installes",
    ]
    graphiques = {slug: t.graphique for slug, t in tableaux.items()}
    assert graphiques == {
        "inscriptions_periode": "courbe",
        "inscriptions_profil": "barres",
        "inscriptions_communaute": "barres",
        "inscriptions_source": "barres",
        "entonnoir": "entonnoir",
        "installes": None,
    }
    assert all(t.public for t in tableaux.values())
    assert all(t.colonnes_effectifs for t in tableaux.values())


def test_inscriptions_par_mois(donnees):
    # P1, P2, P3 in January; P4 (1 Feb 00:30 Paris = 31 Jan UTC), P5, P6 in February;
    # P7 (31 March 23:30 Paris); P8 (Dec) and P9 (1 April 00:10 Paris) are outside.
    tableau = _tableaux(TRIMESTRE)["inscriptions_periode"]
    assert tableau.colonnes == ["Période", "Inscriptions"]
    assert tableau.lignes == [["janvier 2026", 3], ["février 2026", 3], ["mars 2026", 1]]


def test_inscriptions_par_semaine(donnees):
    # 1 Jan 2026 is a Thursday: weeks from Monday 29 Dec 2025 to Monday 30 March 2026 (14).
    filtres = Filtres(debut=date(2026, 1, 1), fin=date(2026, 3, 31), granularite="semaine")
    tableau = _tableaux(filtres)["inscriptions_periode"]
    assert tableau.titre == "Inscriptions par semaine"
    attendu = {
        "Semaine du 05/01/2026": 2,  # P1, P2 (Monday 00:30 in Paris, Sunday in UTC)
        "Semaine du 19/01/2026": 1,  # P3
        "Semaine du 26/01/2026": 1,  # P4 (Sunday 1 Feb)
        "Semaine du 09/02/2026": 1,  # P5
        "Semaine du 23/02/2026": 1,  # P6
        "Semaine du 30/03/2026": 1,  # P7
    }
    assert len(tableau.lignes) == 14
    assert tableau.lignes[0] == ["Semaine du 29/12/2025", 0]
    assert tableau.lignes[-1] == ["Semaine du 30/03/2026", 1]
    assert {libelle: n for libelle, n in tableau.lignes if n} == attendu
    assert sum(n for _, n in tableau.lignes) == 7


def test_mois_sans_inscription_present(donnees):
    filtres = Filtres(debut=date(2025, 11, 1), fin=date(2026, 1, 31))
    tableau = _tableaux(filtres)["inscriptions_periode"]
    # P8 (20 Dec), P1-P3 (January).
    assert tableau.lignes == [["novembre 2025", 0], ["décembre 2025", 1], ["janvier 2026", 3]]


def test_inscriptions_par_profil(donnees):
    # Seconde vie: P1, P3, P5; Jeune: P2, P4, P6, P7 (7 in all).
    tableau = _tableaux(TRIMESTRE)["inscriptions_profil"]
    assert tableau.colonnes == ["Profil", "Inscriptions", "Part (%)"]
    assert tableau.lignes == [
        ["Seconde vie", 3, 42.9],
        ["Jeune", 4, 57.1],
        ["Ingénieur, technicien, cadre, médecin…", 0, 0.0],
        ["Touriste amoureux du Lot", 0, 0.0],
        ["Autre", 0, 0.0],
    ]


def test_inscriptions_par_communaute(donnees):
    # Alpha: P1, P2, P7; Beta: P3, P4; Gamma: P5; no area: P6.
    tableau = _tableaux(TRIMESTRE)["inscriptions_communaute"]
    assert tableau.lignes == [
        ["CC Alpha", 3, 42.9],
        ["CC Beta", 2, 28.6],
        ["CC Gamma", 1, 14.3],
        ["Zone non précisée", 1, 14.3],
    ]


def test_inscriptions_par_source(donnees):
    # Campagne: P1 (utm_campaign), P2 (code); parrainage: P3 (code beats its utm_source);
    # moteur: P4 (utm_source Qwant.com), P6 (no UTM, « recherche » declared);
    # partenaire: P5 (utm_medium « Partenaire »); direct/autre: P7 (facebook, social).
    tableau = _tableaux(TRIMESTRE)["inscriptions_source"]
    assert tableau.lignes == [
        ["Campagne", 2, 28.6],
        ["Parrainage d'un ambassadeur", 1, 14.3],
        ["Moteur de recherche", 2, 28.6],
        ["Site partenaire", 1, 14.3],
        ["Accès direct ou autre", 1, 14.3],
    ]


def test_entonnoir(donnees):
    # Furthest stage: P1 installé, P2 en échange, P3 premier contact (then sans suite),
    # P4 installé (jumped), P5 nouveau, P6 and P7 premier contact.
    # Days to each stage from the previous one:
    #   premier contact: P1 2, P2 4, P3 1, P4 40, P6 6, P7 8 -> median (4 + 6) / 2 = 5
    #   en échange: P1 10, P2 2, P4 0 -> 2;   visite: P1 20, P4 0 -> 10;
    #   installé: P1 30, P4 0 -> 15.
    tableau = _tableaux(TRIMESTRE)["entonnoir"]
    assert tableau.colonnes[0] == "Étape"
    assert tableau.lignes == [
        ["Inscription", 7, 100.0, 100.0, None],
        ["Premier contact", 6, 85.7, 85.7, 5.0],
        ["En échange", 3, 50.0, 42.9, 2.0],
        ["Visite découverte", 2, 66.7, 28.6, 10.0],
        ["Installé", 2, 100.0, 28.6, 15.0],
    ]
    assert tableau.colonnes_effectifs == (1,)


def test_entonnoir_compte_le_statut_courant_sans_historique(donnees):
    # A file whose history was lost still counts at its current status.
    from accueil.models import ChangementStatut

    ChangementStatut.objects.filter(parcours=donnees.p2).delete()
    tableau = _tableaux(TRIMESTRE)["entonnoir"]
    assert [ligne[1] for ligne in tableau.lignes] == [7, 6, 3, 2, 2]
    # P2 no longer gives durations: premier contact 1, 2, 6, 8, 40 -> 6; en échange 0, 10 -> 5.
    assert [ligne[4] for ligne in tableau.lignes] == [None, 6.0, 5.0, 10.0, 15.0]


def test_installes(donnees):
    # Settled in the period: P1 (2 adults, 2 children), P8 (2, 1): Seconde vie;
    # P4 (1, 0): Jeune.
    tableau = _tableaux(TRIMESTRE)["installes"]
    assert tableau.colonnes == ["Profil", "Foyers", "Adultes", "Enfants", "Personnes"]
    assert tableau.lignes == [
        ["Seconde vie", 2, 4, 3, 7],
        ["Jeune", 1, 1, 0, 1],
        ["Ingénieur, technicien, cadre, médecin…", 0, 0, 0, 0],
        ["Touriste amoureux du Lot", 0, 0, 0, 0],
        ["Autre", 0, 0, 0, 0],
        ["Total", 3, 5, 3, 8],
    ]
    assert tableau.colonnes_effectifs == (1, 2, 3, 4)


def test_chiffres_cles(donnees):
    chiffres = pilotage.chiffres_arrivants(TRIMESTRE)
    assert [(c.libelle, c.valeur) for c in chiffres] == [
        ("Inscriptions", 7),
        ("Foyers installés", 3),
        ("Taux de conversion global", "28,6 %"),  # P1 and P4 out of 7
    ]


def test_filtre_territoire(donnees):
    filtres = Filtres(debut=date(2026, 1, 1), fin=date(2026, 3, 31), communautes=(donnees.a.pk,))
    tableaux = _tableaux(filtres)
    # Alpha: P1 (January), P2 (January), P7 (March).
    assert tableaux["inscriptions_periode"].lignes == [
        ["janvier 2026", 2],
        ["février 2026", 0],
        ["mars 2026", 1],
    ]
    assert tableaux["inscriptions_communaute"].lignes == [["CC Alpha", 3, 100.0]]
    assert [ligne[1] for ligne in tableaux["entonnoir"].lignes] == [3, 3, 2, 1, 1]
    assert tableaux["installes"].lignes[-1] == ["Total", 2, 4, 3, 7]  # P1, P8
    assert [c.valeur for c in pilotage.chiffres_arrivants(filtres)] == [3, 2, "33,3 %"]


def test_filtre_plusieurs_communautes_et_zone_vide(donnees):
    filtres = Filtres(
        debut=date(2026, 1, 1), fin=date(2026, 3, 31), communautes=(donnees.b.pk, donnees.c.pk)
    )
    tableau = _tableaux(filtres)["inscriptions_communaute"]
    assert tableau.lignes == [["CC Beta", 2, 66.7], ["CC Gamma", 1, 33.3]]
    vide = Filtres(debut=date(2026, 1, 1), fin=date(2026, 3, 31), communautes=())
    assert [c.valeur for c in pilotage.chiffres_arrivants(vide)] == [0, 0, "0,0 %"]
    assert _tableaux(vide)["entonnoir"].lignes[1] == ["Premier contact", 0, 0.0, 0.0, None]


def test_filtre_periode(donnees):
    # February only: P4, P5, P6; nobody settled in February.
    filtres = Filtres(debut=date(2026, 2, 1), fin=date(2026, 2, 28))
    tableaux = _tableaux(filtres)
    assert tableaux["inscriptions_periode"].lignes == [["février 2026", 3]]
    assert [ligne[1] for ligne in tableaux["entonnoir"].lignes] == [3, 2, 1, 1, 1]
    assert tableaux["installes"].lignes[-1] == ["Total", 0, 0, 0, 0]
    # 1 April alone: P9 (00:10 in Paris) is in.
    avril = Filtres(debut=date(2026, 4, 1), fin=date(2026, 4, 1))
    assert pilotage.chiffres_arrivants(avril)[0].valeur == 1


def test_dossiers_anonymises_comptent(donnees):
    # Anonymising P1 and P3 keeps every count; P3 loses its referral code (erased by the
    # anonymisation) and falls to « direct » (its utm_source facebook is not an engine).
    from accueil.services.donnees import parcours_anonymiser

    with time_machine.travel("2026-04-15 09:00 +0200", tick=False):
        parcours_anonymiser(parcours=donnees.p1)
        parcours_anonymiser(parcours=donnees.p3)
    tableaux = _tableaux(TRIMESTRE)
    assert [ligne[1] for ligne in tableaux["inscriptions_profil"].lignes] == [3, 4, 0, 0, 0]
    assert [ligne[1] for ligne in tableaux["inscriptions_source"].lignes] == [2, 0, 2, 1, 2]
    assert [ligne[1] for ligne in tableaux["entonnoir"].lignes] == [7, 6, 3, 2, 2]
    assert tableaux["installes"].lignes[-1] == ["Total", 3, 5, 3, 8]


def test_semaines_au_changement_d_heure():
    # Summer time starts on Sunday 29 March 2026: Monday 30 March 00:30 in Paris is
    # Sunday 22:30 UTC, and still belongs to the week of 30 March.
    from accueil_fabrique import dossier, paris

    dossier(cree_le=paris(2026, 3, 30, 0, 30))
    dossier(cree_le=paris(2026, 3, 29, 23, 30))  # Sunday: week of 23 March
    filtres = Filtres(debut=date(2026, 3, 23), fin=date(2026, 4, 5), granularite="semaine")
    tableau = _tableaux(filtres)["inscriptions_periode"]
    assert tableau.lignes == [["Semaine du 23/03/2026", 1], ["Semaine du 30/03/2026", 1]]
