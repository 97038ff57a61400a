"""The « Jeunesse » section of the steering dashboard, checked against a hand-built dataset.

Period: 1 January → 31 March 2026 (Europe/Paris). Applications are created with their
dates and states set directly (the figures read ``statut``, ``depose_le``, ``decide_le``
and the amounts); one test goes through the real state machine to check the dates it
records are the ones counted.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from fabriques import UtilisateurFactory

from jeunesse.models import AppelAProjets, Candidature, Idee, Vote
from jeunesse.models.choix import Statut, StatutIdee, TypeAppel
from jeunesse.pilotage import section
from jeunesse.services.etats import CANDIDAT, INSTRUCTION, transition_appliquer
from lot_portal.pilotage import registre
from lot_portal.pilotage.registre import Filtres
from lot_portal.territoire.models import Commune
from lot_portal.territoire.services import territoire_charger

PARIS = ZoneInfo("Europe/Paris")
DEBUT = datetime.date(2026, 1, 1)
FIN = datetime.date(2026, 3, 31)


def paris(annee, mois, jour, heure=12, minute=0):
    return datetime.datetime(annee, mois, jour, heure, minute, tzinfo=PARIS)


class Jeu:
    """Builds calls, applications and ideas with explicit dates."""

    def __init__(self):
        self.n = 0

    def appel(self, titre, ouverture, cloture, enveloppe, **champs):
        self.n += 1
        valeurs = {
            "titre": titre,
            "slug": f"appel-{self.n}",
            "chapo": "Un coup de pouce.",
            "presentation": "<p>Présentation.</p>",
            "ouverture": ouverture,
            "cloture": cloture,
            "enveloppe": Decimal(enveloppe),
            "montant_max": Decimal("3000"),
            "publie": True,
        }
        valeurs.update(champs)
        return AppelAProjets.objects.create(**valeurs)

    def candidature(
        self, appel, commune, statut, *, depose=None, decide=None, demande="0", accorde=None
    ):
        self.n += 1
        return Candidature.objects.create(
            appel=appel,
            porteur=None,
            titre=f"Projet {self.n}",
            commune=commune,
            statut=statut,
            depose_le=depose,
            decide_le=decide,
            montant_demande=Decimal(demande),
            montant_accorde=Decimal(accorde) if accorde is not None else None,
        )

    def idee(self, statut, cree_le, soutiens=0):
        self.n += 1
        auteur = UtilisateurFactory(email=f"idee{self.n}@exemple.fr")
        idee = Idee.objects.create(
            auteur=auteur,
            titre=f"Idée {self.n}",
            description="…",
            categorie="slogan",
            statut=statut,
        )
        Idee.objects.filter(pk=idee.pk).update(cree_le=cree_le)
        for i in range(soutiens):
            compte = UtilisateurFactory(email=f"soutien{self.n}-{i}@exemple.fr")
            Vote.objects.create(idee=idee, utilisateur=compte)
        return idee


@pytest.fixture
def communes(db):
    territoire_charger()
    return {c.nom: c for c in Commune.objects.filter(nom__in=["Cahors", "Figeac"])}


@pytest.fixture
def jeu(communes):
    """The hand-built dataset (see the expected figures in each test)."""
    j = Jeu()
    cahors, figeac = communes["Cahors"], communes["Figeac"]
    hiver = j.appel("Appel hiver", paris(2025, 12, 1), paris(2026, 2, 1), "10000")
    crea = j.appel(
        "Concours Créa",
        paris(2026, 3, 1),
        paris(2026, 5, 1),
        "5000",
        type_appel=TypeAppel.CREATION,
    )
    ancien = j.appel("Ancien appel", paris(2025, 6, 1), paris(2025, 9, 1), "8000")
    # Out of the list: opens exactly at the end of the period; unpublished.
    j.appel("Appel futur", paris(2026, 4, 1, 0), paris(2026, 6, 1), "1000")
    j.appel("Appel caché", paris(2026, 1, 1), paris(2026, 2, 1), "1000", publie=False)

    R, N = Statut.RETENU, Statut.NON_RETENU
    # Appel hiver
    j.candidature(
        hiver, cahors, R, depose=paris(2026, 1, 10), decide=paris(2026, 2, 15),
        demande="2000", accorde="1500",
    )  # fmt: skip
    j.candidature(
        hiver, figeac, N, depose=paris(2026, 1, 12), decide=paris(2026, 2, 15), demande="1000"
    )
    j.candidature(
        hiver, cahors, R, depose=paris(2025, 12, 15), decide=paris(2026, 1, 20),
        demande="3000", accorde="2500",
    )  # fmt: skip
    j.candidature(hiver, cahors, Statut.BROUILLON, demande="800")
    j.candidature(hiver, None, Statut.EN_INSTRUCTION, depose=paris(2026, 1, 25), demande="500")
    j.candidature(
        hiver, figeac, R, depose=paris(2026, 1, 5), decide=paris(2026, 4, 2),
        demande="1200", accorde="1000",
    )  # fmt: skip
    # Concours Créa
    j.candidature(crea, figeac, Statut.DEPOSE, depose=paris(2026, 3, 10), demande="4000")
    j.candidature(
        crea, cahors, R, depose=paris(2026, 3, 2), decide=paris(2026, 3, 31, 23, 30),
        demande="2500", accorde="2000",
    )  # fmt: skip
    j.candidature(
        crea, cahors, Statut.COMPLEMENT_DEMANDE, depose=paris(2026, 4, 1, 0, 0), demande="100"
    )
    # Ancien appel: closed before the period, but a decision in the period.
    j.candidature(
        ancien, figeac, R, depose=paris(2025, 7, 1), decide=paris(2026, 1, 15),
        demande="900", accorde="900",
    )  # fmt: skip
    # Ideas
    j.idee(StatutIdee.EN_ATTENTE, paris(2026, 1, 5))
    j.idee(StatutIdee.PUBLIEE, paris(2026, 2, 1), soutiens=3)
    j.idee(StatutIdee.RETENUE, paris(2026, 3, 1), soutiens=1)
    j.idee(StatutIdee.REFUSEE, paris(2026, 1, 20))
    j.idee(StatutIdee.PUBLIEE, paris(2025, 12, 20), soutiens=2)
    j.idee(StatutIdee.REALISEE, paris(2026, 4, 1, 0, 0))
    return j


def tableaux(filtres):
    return {t.slug: t for t in section().calculer(filtres)}


def chiffres(filtres):
    return {c.libelle: c for c in section().chiffres_cles(filtres)}


def grand_cahors(communes):
    return (communes["Cahors"].communaute_id,)


def test_section_enregistree(db):
    jeunesse = [s for s in registre.sections() if s.slug == "jeunesse"]
    assert len(jeunesse) == 1
    assert jeunesse[0].titre == "Jeunesse"
    assert jeunesse[0].ordre == 50
    assert jeunesse[0].par_territoire is True


def test_appels_departement(jeu):
    t = tableaux(Filtres(DEBUT, FIN))["appels"]
    assert t.colonnes == [
        "Appel",
        "Candidatures déposées",
        "Projets retenus",
        "Montant demandé (€)",
        "Montant accordé (€)",
        "Enveloppe (€)",
        "Enveloppe utilisée (%)",
    ]
    # Hiver: 5 submitted (draft left out); 3 retained: 1500 + 2500 + 1000 = 5000 of 10000.
    # Créa: 3 submitted; 1 retained, 2000 of 5000. Ancien/futur/caché are not listed.
    assert t.lignes == [
        ["Appel hiver", 5, 3, Decimal("7700"), Decimal("5000"), Decimal("10000"), 50.0],
        [
            "Concours Créa (concours de création)",
            3,
            1,
            Decimal("6600"),
            Decimal("2000"),
            Decimal("5000"),
            40.0,
        ],
    ]
    assert t.graphique == "barres"
    assert t.public is False
    assert "Filtre de territoire" not in t.note


def test_appels_territoire(jeu, communes):
    t = tableaux(Filtres(DEBUT, FIN, communautes=grand_cahors(communes)))["appels"]
    # Only the Cahors projects; the envelope stays the call's.
    assert t.lignes == [
        ["Appel hiver", 2, 2, Decimal("5000"), Decimal("4000"), Decimal("10000"), 40.0],
        [
            "Concours Créa (concours de création)",
            2,
            1,
            Decimal("2600"),
            Decimal("2000"),
            Decimal("5000"),
            40.0,
        ],
    ]
    assert "Filtre de territoire" in t.note


def test_appels_periode(jeu):
    # Summer 2025: only the old call was open.
    t = tableaux(Filtres(datetime.date(2025, 7, 1), datetime.date(2025, 8, 31)))["appels"]
    assert t.lignes == [
        ["Ancien appel", 1, 1, Decimal("900"), Decimal("900"), Decimal("8000"), 11.3]
    ]


def test_candidatures_par_etat(jeu, communes):
    t = tableaux(Filtres(DEBUT, FIN))["candidatures_etat"]
    assert t.colonnes == ["État", "Candidatures"]
    # Submitted in the period: 5/1, 10/1, 12/1, 25/1, 2/3, 10/3 (15/12 and 1/4 00:00 are out).
    assert t.lignes == [
        ["Déposé", 1],
        ["En instruction", 1],
        ["Complément demandé", 0],
        ["Retenu", 3],
        ["Non retenu", 1],
        ["Classé sans suite", 0],
    ]
    assert t.graphique == "barres"
    assert t.public is True
    assert t.colonnes_effectifs == (1,)
    assert "brouillons" in t.note

    t = tableaux(Filtres(DEBUT, FIN, communautes=grand_cahors(communes)))["candidatures_etat"]
    assert dict(t.lignes) == {
        "Déposé": 0,
        "En instruction": 0,
        "Complément demandé": 0,
        "Retenu": 2,
        "Non retenu": 0,
        "Classé sans suite": 0,
    }


def test_montants(jeu, communes):
    t = tableaux(Filtres(DEBUT, FIN))["montants"]
    assert t.colonnes == ["Appel", "Projets retenus", "Montant accordé (€)"]
    # Decisions in the period: 15/1 (ancien), 20/1 and 15/2 (hiver), 31/3 23:30 (créa);
    # the 2/4 decision is out.
    assert t.lignes == [
        ["Ancien appel", 1, Decimal("900")],
        ["Appel hiver", 2, Decimal("4000")],
        ["Concours Créa (concours de création)", 1, Decimal("2000")],
        ["Total", 4, Decimal("6900")],
    ]
    t = tableaux(Filtres(DEBUT, FIN, communautes=grand_cahors(communes)))["montants"]
    assert t.lignes == [
        ["Appel hiver", 2, Decimal("4000")],
        ["Concours Créa (concours de création)", 1, Decimal("2000")],
        ["Total", 3, Decimal("6000")],
    ]


def test_idees_par_statut(jeu, communes):
    t = tableaux(Filtres(DEBUT, FIN))["idees_etat"]
    assert t.colonnes == ["Statut", "Idées", "Soutiens"]
    assert t.lignes == [
        ["En attente de modération", 1, 0],
        ["Publiée", 1, 3],
        ["Retenue", 1, 1],
        ["En cours", 0, 0],
        ["Réalisée", 0, 0],
        ["Non publiée", 1, 0],
    ]
    assert t.public is True
    assert t.colonnes_effectifs == (1, 2)
    assert "Visibles sur le portail : 2 ; en attente de modération : 1." in t.note
    assert "tout le département" in t.note
    # Ideas have no area: the same figures with an area filter.
    filtre = tableaux(Filtres(DEBUT, FIN, communautes=grand_cahors(communes)))["idees_etat"]
    assert filtre.lignes == t.lignes


def test_chiffres_cles(jeu, communes):
    c = chiffres(Filtres(DEBUT, FIN))
    assert [x.libelle for x in section().chiffres_cles(Filtres(DEBUT, FIN))] == [
        "Candidatures déposées",
        "Projets retenus",
        "Montant accordé (€)",
        "Idées proposées",
    ]
    assert c["Candidatures déposées"].valeur == 6
    assert c["Projets retenus"].valeur == 4
    assert c["Montant accordé (€)"].valeur == 6900
    assert c["Idées proposées"].valeur == 4
    assert "Dont 2 visibles" in c["Idées proposées"].detail
    assert "1 en attente" in c["Idées proposées"].detail

    # The headline numbers agree with the tables.
    t = tableaux(Filtres(DEBUT, FIN))
    assert sum(ligne[1] for ligne in t["candidatures_etat"].lignes) == 6
    assert t["montants"].lignes[-1] == ["Total", 4, Decimal("6900")]

    c = chiffres(Filtres(DEBUT, FIN, communautes=grand_cahors(communes)))
    assert c["Candidatures déposées"].valeur == 2
    assert c["Projets retenus"].valeur == 3
    assert c["Montant accordé (€)"].valeur == 6000
    assert c["Idées proposées"].valeur == 4


def test_aucun_territoire(jeu):
    """An empty tuple of communautés keeps no application (the calls are still listed)."""
    filtres = Filtres(DEBUT, FIN, communautes=())
    t = tableaux(filtres)
    assert [ligne[1:5] for ligne in t["appels"].lignes] == [
        [0, 0, Decimal("0"), Decimal("0")],
        [0, 0, Decimal("0"), Decimal("0")],
    ]
    assert all(ligne[1] == 0 for ligne in t["candidatures_etat"].lignes)
    assert t["montants"].lignes == [["Total", 0, Decimal("0")]]
    c = chiffres(filtres)
    assert c["Candidatures déposées"].valeur == 0
    assert c["Montant accordé (€)"].valeur == 0


def test_periode_vide(communes):
    t = tableaux(Filtres(DEBUT, FIN))
    assert t["appels"].lignes == []
    assert t["montants"].lignes == [["Total", 0, Decimal("0")]]
    assert all(ligne[1] == 0 for ligne in t["idees_etat"].lignes)


def test_montant_decimal(communes):
    j = Jeu()
    appel = j.appel("Appel", paris(2026, 1, 1), paris(2026, 2, 1), "3000")
    j.candidature(
        appel, communes["Cahors"], Statut.RETENU, depose=paris(2026, 1, 2),
        decide=paris(2026, 1, 20), demande="1000.50", accorde="1000.50",
    )  # fmt: skip
    c = chiffres(Filtres(DEBUT, FIN))
    assert c["Montant accordé (€)"].valeur == 1000.5
    t = tableaux(Filtres(DEBUT, FIN))["appels"]
    assert t.lignes[0][-1] == 33.4  # 1000.50 / 3000 = 33.35 %


def test_dates_de_la_machine_a_etats(communes):
    """Submission and decision through the state machine land in the right periods."""
    j = Jeu()
    appel = j.appel("Appel réel", paris(2026, 1, 1), paris(2026, 3, 1), "5000")
    porteur = UtilisateurFactory(email="porteur@exemple.fr")
    instructeur = UtilisateurFactory(email="instructeur@lot.fr", is_staff=True)
    candidature = Candidature.objects.create(
        appel=appel,
        porteur=porteur,
        titre="Festival",
        commune=communes["Figeac"],
        montant_demande=Decimal("1500"),
    )
    with time_machine.travel(paris(2026, 1, 31, 23, 30), tick=False):
        transition_appliquer(candidature, Statut.DEPOSE, auteur=porteur, role=CANDIDAT)
    with time_machine.travel(paris(2026, 2, 10), tick=False):
        transition_appliquer(
            candidature, Statut.EN_INSTRUCTION, auteur=instructeur, role=INSTRUCTION
        )
    Candidature.objects.filter(pk=candidature.pk).update(montant_accorde=Decimal("1200"))
    with time_machine.travel(paris(2026, 3, 1, 0, 30), tick=False):
        transition_appliquer(candidature, Statut.RETENU, auteur=instructeur, role=INSTRUCTION)

    janvier = Filtres(DEBUT, datetime.date(2026, 1, 31))
    fevrier = Filtres(datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    mars = Filtres(datetime.date(2026, 3, 1), FIN)
    assert chiffres(janvier)["Candidatures déposées"].valeur == 1
    assert chiffres(fevrier)["Candidatures déposées"].valeur == 0
    assert chiffres(fevrier)["Projets retenus"].valeur == 0
    assert chiffres(mars)["Projets retenus"].valeur == 1
    assert chiffres(mars)["Montant accordé (€)"].valeur == 1200
    assert dict(tableaux(janvier)["candidatures_etat"].lignes)["Retenu"] == 1


def _requetes(filtres):
    with CaptureQueriesContext(connection) as calcul:
        section().calculer(filtres)
    with CaptureQueriesContext(connection) as cles:
        section().chiffres_cles(filtres)
    return len(calcul.captured_queries), len(cles.captured_queries)


@pytest.mark.parametrize("territoire", [False, True])
def test_requetes_bornees(jeu, communes, territoire):
    filtres = Filtres(DEBUT, FIN, communautes=grand_cahors(communes) if territoire else None)
    petit = _requetes(filtres)
    # Many more calls, applications and ideas.
    for i in range(6):
        appel = jeu.appel(f"Appel {i}", paris(2026, 1, 1), paris(2026, 3, 1), "9000")
        for statut in (Statut.DEPOSE, Statut.RETENU, Statut.NON_RETENU, Statut.BROUILLON):
            jeu.candidature(
                appel, communes["Cahors"], statut, depose=paris(2026, 1, 3),
                decide=paris(2026, 2, 3), demande="500", accorde="400",
            )  # fmt: skip
        jeu.idee(StatutIdee.PUBLIEE, paris(2026, 1, 4), soutiens=2)
    grand = _requetes(filtres)
    assert petit == grand
    assert grand == (5, 2)
