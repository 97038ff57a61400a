"""Referral credit pushed by the accueil services (registration, stage changes)."""

import pytest
from django.test import override_settings

from accueil.models import BrouillonInscription
from accueil.services import inscription, reseau
from ambassadeurs.models import ControleParrainage, Parrainage


def _inscrire(fabrique_amb, code, utilisateur=None):
    utilisateur = utilisateur or fabrique_amb.utilisateur()
    brouillon = BrouillonInscription.objects.create(
        utilisateur=utilisateur,
        donnees=dict(
            zip(
                inscription.ETAPES,
                [
                    {"profil": "jeunes", "lieu_actuel": "Lyon", "connu_par": ""},
                    {"adultes": 1},
                    {},
                    {"zone_inconnue": True},
                    {"prenom": "Léa", "nom": "Martin"},
                ],
                strict=True,
            )
        ),
        source={"parrain": code},
    )
    return inscription.parcours_creer(brouillon=brouillon, utilisateur=utilisateur)


def test_inscription_avec_parrain_enregistre_le_parrainage(fabrique_amb):
    amb = fabrique_amb.ambassadeur()
    parcours = _inscrire(fabrique_amb, amb.code_parrainage)
    parrainage = Parrainage.objects.get()
    assert parrainage.ambassadeur == amb
    assert parrainage.filleul_reference == parcours.reference
    assert parrainage.controle == ControleParrainage.VALIDE
    assert parrainage.etape == "nouveau"
    assert parrainage.converti_le is None


def test_conversion_a_l_installation(fabrique_amb):
    amb = fabrique_amb.ambassadeur()
    parcours = _inscrire(fabrique_amb, amb.code_parrainage)
    reseau.statut_changer(parcours=parcours, statut="premier_contact")
    parrainage = Parrainage.objects.get()
    assert parrainage.etape == "premier_contact"
    assert parrainage.converti_le is None
    reseau.statut_changer(parcours=parcours, statut="installe")
    parrainage.refresh_from_db()
    assert parrainage.etape == "installe"
    assert parrainage.converti_le is not None


@pytest.mark.parametrize("code", ["", "INCONNU42", "x" * 60])
def test_code_inconnu_ignore(fabrique_amb, code):
    fabrique_amb.ambassadeur()
    parcours = _inscrire(fabrique_amb, code)
    assert parcours.pk
    assert not Parrainage.objects.exists()


def test_auto_parrainage_ignore(fabrique_amb):
    amb = fabrique_amb.ambassadeur()
    _inscrire(fabrique_amb, amb.code_parrainage, utilisateur=amb.utilisateur)
    assert not Parrainage.objects.exists()


def test_ambassadeur_non_accepte_ignore(fabrique_amb):
    amb = fabrique_amb.ambassadeur(statut="candidature")
    _inscrire(fabrique_amb, amb.code_parrainage)
    assert not Parrainage.objects.exists()


@override_settings(AMBASSADEURS_PARRAINAGES_MAX_30J=2)
def test_plafond_a_verifier(fabrique_amb):
    amb = fabrique_amb.ambassadeur()
    for _ in range(3):
        _inscrire(fabrique_amb, amb.code_parrainage)
    controles = sorted(Parrainage.objects.values_list("controle", flat=True))
    assert controles == sorted(
        [ControleParrainage.VALIDE, ControleParrainage.VALIDE, ControleParrainage.A_VERIFIER]
    )
    assert Parrainage.objects.get(controle=ControleParrainage.A_VERIFIER).motif
