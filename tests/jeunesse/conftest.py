"""Fixtures of the youth-calls tests: calls, applications in any state, the actors.

``fabrique_jeu`` builds objects directly (no HTTP); ``acteurs_jeu`` gives one account per
role. States other than « brouillon » are reached through the state machine
(``services.etats.transition_appliquer``) so the history is what a real run would record.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from fabriques import MOT_DE_PASSE, UtilisateurFactory

from jeunesse.models import (
    AppelAProjets,
    Candidature,
    CritereEvaluation,
    DocumentRequis,
    LigneBudget,
    MembreEquipe,
    MembreJury,
    QuestionComplementaire,
)
from jeunesse.models.choix import LienLot, NatureBudget, Statut, TypeQuestion
from jeunesse.services.etats import CANDIDAT, INSTRUCTION, transition_appliquer
from jeunesse.structure import structure_creer

# The path from a draft to each state, as (target state, role) steps.
CHEMINS = {
    Statut.BROUILLON: [],
    Statut.DEPOSE: [(Statut.DEPOSE, CANDIDAT)],
    Statut.EN_INSTRUCTION: [(Statut.DEPOSE, CANDIDAT), (Statut.EN_INSTRUCTION, INSTRUCTION)],
    Statut.COMPLEMENT_DEMANDE: [
        (Statut.DEPOSE, CANDIDAT),
        (Statut.EN_INSTRUCTION, INSTRUCTION),
        (Statut.COMPLEMENT_DEMANDE, INSTRUCTION),
    ],
    Statut.RETENU: [
        (Statut.DEPOSE, CANDIDAT),
        (Statut.EN_INSTRUCTION, INSTRUCTION),
        (Statut.RETENU, INSTRUCTION),
    ],
    Statut.NON_RETENU: [
        (Statut.DEPOSE, CANDIDAT),
        (Statut.EN_INSTRUCTION, INSTRUCTION),
        (Statut.NON_RETENU, INSTRUCTION),
    ],
    Statut.SANS_SUITE: [(Statut.DEPOSE, CANDIDAT), (Statut.SANS_SUITE, INSTRUCTION)],
}


class FabriqueJeunesse:
    def __init__(self):
        self._n = 0
        self._instructeurs = {}

    def compte(self, email=None, **champs):
        self._n += 1
        return UtilisateurFactory(email=email or f"jeune{self._n}@exemple.fr", **champs)

    def instructeur(self, email="instruction.jeunesse@lot.fr"):
        """The instructor (created once: a second factory call would re-hash the password
        and end the sessions of a ``force_login``)."""
        if email not in self._instructeurs:
            compte = UtilisateurFactory(email=email, is_staff=True)
            compte.groups.add(structure_creer())
            self._instructeurs[email] = compte
        return self._instructeurs[email]

    def appel(self, *, etat="ouvert", criteres=True, **champs) -> AppelAProjets:
        """A published youth call for 15–30 year-olds living, studying or raised in the Lot.

        ``etat``: « ouvert » (closes in 10 days), « a_venir » or « clos »."""
        self._n += 1
        maintenant = timezone.now()
        ouverture, cloture = {
            "ouvert": (
                maintenant - datetime.timedelta(days=20),
                maintenant + datetime.timedelta(days=10),
            ),
            "a_venir": (
                maintenant + datetime.timedelta(days=5),
                maintenant + datetime.timedelta(days=40),
            ),
            "clos": (
                maintenant - datetime.timedelta(days=60),
                maintenant - datetime.timedelta(days=5),
            ),
        }[etat]
        valeurs = {
            "titre": f"Initiatives jeunes {self._n}",
            "slug": f"initiatives-jeunes-{self._n}",
            "chapo": "Un coup de pouce pour les projets des 15–30 ans.",
            "presentation": "<p>Le Département soutient vos projets.</p>",
            "age_min": 15,
            "age_max": 30,
            "liens_acceptes": [LienLot.HABITE, LienLot.ETUDIE, LienLot.NE, LienLot.GRANDI],
            "ouverture": ouverture,
            "cloture": cloture,
            "enveloppe": Decimal("20000"),
            "montant_max": Decimal("3000"),
            "publie": True,
        }
        valeurs.update(champs)
        appel = AppelAProjets.objects.create(**valeurs)
        if criteres:
            CritereEvaluation.objects.create(
                appel=appel, libelle="Utilité pour le territoire", poids=3, sort_order=0
            )
            CritereEvaluation.objects.create(
                appel=appel, libelle="Faisabilité", poids=2, sort_order=1
            )
            CritereEvaluation.objects.create(
                appel=appel, libelle="Implication des jeunes", poids=1, sort_order=2
            )
        return appel

    def question(self, appel, **champs):
        valeurs = {
            "libelle": "Comment avez-vous connu l'appel ?",
            "type_question": TypeQuestion.TEXTE_COURT,
        }
        valeurs.update(champs)
        return QuestionComplementaire.objects.create(appel=appel, **valeurs)

    def document(self, appel, **champs):
        valeurs = {"libelle": "Devis", "obligatoire": True}
        valeurs.update(champs)
        return DocumentRequis.objects.create(appel=appel, **valeurs)

    def candidature(
        self,
        appel=None,
        porteur=None,
        *,
        statut=Statut.BROUILLON,
        instructeur=None,
        naissance=datetime.date(2004, 5, 12),
        **champs,
    ) -> Candidature:
        """A complete, balanced application (1 500 € asked, 2 500 € of expenses) in ``statut``.

        An ``appel`` that is closed is opened for the submission and closed again."""
        appel = appel or self.appel()
        porteur = porteur or self.compte()
        valeurs = {
            "titre": f"Festival des possibles {self._n}",
            "type_projet": "",
            "resume": "Un festival de musique porté par des lycéens de Figeac.",
            "objectifs": "Faire jouer les groupes du Lot.",
            "calendrier": "Juin : programmation. Juillet : festival.",
            "montant_demande": Decimal("1500"),
        }
        valeurs.update(champs)
        candidature = Candidature.objects.create(appel=appel, porteur=porteur, **valeurs)
        MembreEquipe.objects.create(
            candidature=candidature,
            utilisateur=porteur,
            est_porteur=True,
            prenom=porteur.first_name or "Camille",
            nom=porteur.last_name or "Martin",
            email=porteur.email,
            role="Porteur du projet",
            date_naissance=naissance,
            lien_lot=LienLot.HABITE,
            accepte_le=timezone.now(),
        )
        LigneBudget.objects.create(
            candidature=candidature,
            nature=NatureBudget.DEPENSE,
            libelle="Sonorisation",
            montant=Decimal("2500"),
        )
        LigneBudget.objects.create(
            candidature=candidature,
            nature=NatureBudget.RESSOURCE,
            libelle="Billetterie",
            montant=Decimal("1000"),
        )
        self.amener(candidature, statut, instructeur=instructeur)
        return candidature

    def amener(self, candidature, statut, *, instructeur=None):
        """Move a draft to ``statut`` through the state machine (reopening a closed call for
        the submission step)."""
        instructeur = instructeur or self.instructeur()
        appel = candidature.appel
        for vers, role in CHEMINS[statut]:
            auteur = candidature.porteur if role == CANDIDAT else instructeur
            if vers == Statut.DEPOSE and not appel.est_ouvert():
                cloture = appel.cloture
                AppelAProjets.objects.filter(pk=appel.pk).update(
                    cloture=timezone.now() + datetime.timedelta(hours=1)
                )
                appel.refresh_from_db()
                transition_appliquer(candidature, vers, auteur=auteur, role=role)
                AppelAProjets.objects.filter(pk=appel.pk).update(cloture=cloture)
                appel.refresh_from_db()
            else:
                transition_appliquer(candidature, vers, auteur=auteur, role=role)
        candidature.refresh_from_db()
        return candidature

    def jure(self, appel, compte=None, **champs):
        compte = compte or self.compte()
        MembreJury.objects.create(appel=appel, utilisateur=compte, **champs)
        return compte


@pytest.fixture
def fabrique_jeu(db):
    return FabriqueJeunesse()


@pytest.fixture
def acteurs_jeu(fabrique_jeu):
    """One account per role around one open call: ``porteur`` (with a draft), ``autre``
    (another applicant with their own draft), ``instructeur``, ``jure``, ``staff_sans_droit``
    (staff outside the group), ``anonyme`` is simply no login."""

    class Acteurs:
        pass

    a = Acteurs()
    a.mot_de_passe = MOT_DE_PASSE
    a.appel = fabrique_jeu.appel()
    a.instructeur = fabrique_jeu.instructeur()
    a.porteur = fabrique_jeu.compte("porteur@exemple.fr", first_name="Léa", last_name="Delmas")
    a.autre = fabrique_jeu.compte("autre@exemple.fr", first_name="Hugo", last_name="Bouscarel")
    a.jure = fabrique_jeu.jure(a.appel, fabrique_jeu.compte("jure@exemple.fr"))
    a.staff_sans_droit = fabrique_jeu.compte("agent@lot.fr", is_staff=True)
    a.brouillon = fabrique_jeu.candidature(a.appel, a.porteur)
    a.brouillon_autre = fabrique_jeu.candidature(a.appel, a.autre)
    return a
