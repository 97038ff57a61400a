"""Retention per call: decided applications anonymised after ``conservation_mois``, drafts
never submitted deleted as long after the closing; account deletion; files removed."""

import datetime

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.utils import timezone

from jeunesse.models import (
    Candidature,
    EntreeJournal,
    MembreEquipe,
    Message,
    PieceJointe,
    Transition,
)
from jeunesse.models.choix import NaturePiece, Statut, StatutJournal
from jeunesse.services.conservation import (
    TITRE_ANONYME,
    candidature_anonymiser,
    conservation_appliquer,
)

pytestmark = pytest.mark.django_db


def _piece(candidature):
    piece = PieceJointe(
        candidature=candidature,
        nature=NaturePiece.DOCUMENT,
        nom_original="devis.pdf",
        type_mime="application/pdf",
    )
    piece.fichier.save("devis.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    piece.save()
    return piece


def test_a_decided_application_is_anonymised_after_the_period(
    fabrique_jeu, django_capture_on_commit_callbacks
):
    appel = fabrique_jeu.appel(conservation_mois=12)
    candidature = fabrique_jeu.candidature(appel, statut=Statut.NON_RETENU)
    piece = _piece(candidature)
    stockage, nom = piece.fichier.storage, piece.fichier.name
    Message.objects.create(candidature=candidature, texte="Mon numéro : 06 12 34 56 78")
    recente = fabrique_jeu.candidature(appel, statut=Statut.NON_RETENU)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=200)):
        assert conservation_appliquer()["anonymisees"] == 0
    Candidature.objects.filter(pk=recente.pk).update(decide_le=timezone.now())
    with (
        time_machine.travel(timezone.now() + datetime.timedelta(days=370)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        bilan = conservation_appliquer()
    assert bilan["anonymisees"] == 2
    candidature.refresh_from_db()
    assert candidature.anonymise_le is not None
    assert candidature.porteur is None
    assert candidature.titre == TITRE_ANONYME
    assert candidature.resume == ""
    assert candidature.statut == Statut.NON_RETENU  # kept for the figures
    assert candidature.montant_demande is not None
    membre = MembreEquipe.objects.get(candidature=candidature)
    assert (membre.prenom, membre.nom, membre.date_naissance, membre.utilisateur) == (
        "Anonyme",
        "",
        None,
        None,
    )
    assert not PieceJointe.objects.filter(candidature=candidature).exists()
    assert not stockage.exists(nom)
    assert not Message.objects.filter(candidature=candidature).exists()
    assert Transition.objects.filter(candidature=candidature).count() == 3
    # Idempotent: nothing left to do.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=400)):
        assert conservation_appliquer()["anonymisees"] == 0


def test_drafts_never_submitted_are_deleted_after_the_closing_and_period(fabrique_jeu):
    appel = fabrique_jeu.appel(etat="clos", conservation_mois=6)
    brouillon = fabrique_jeu.candidature(appel)
    deposee = fabrique_jeu.candidature(appel, statut=Statut.DEPOSE)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=100)):
        assert conservation_appliquer()["brouillons_supprimes"] == 0
    with time_machine.travel(timezone.now() + datetime.timedelta(days=200)):
        assert conservation_appliquer()["brouillons_supprimes"] == 1
    assert not Candidature.objects.filter(pk=brouillon.pk).exists()
    assert Candidature.objects.filter(pk=deposee.pk, anonymise_le__isnull=True).exists()


def test_a_showcased_project_keeps_what_its_team_made_public(fabrique_jeu):
    candidature = fabrique_jeu.candidature(statut=Statut.RETENU)
    Candidature.objects.filter(pk=candidature.pk).update(
        consentement_vitrine=True, vitrine_publiee=True, vitrine_resume="Un festival."
    )
    publiee = EntreeJournal.objects.create(
        candidature=candidature, titre="Jour J", texte="Récit", statut=StatutJournal.PUBLIE
    )
    EntreeJournal.objects.create(
        candidature=candidature, titre="Brouillon", texte="…", statut=StatutJournal.BROUILLON
    )
    candidature_anonymiser(candidature=candidature)
    candidature.refresh_from_db()
    assert candidature.titre != TITRE_ANONYME
    assert candidature.vitrine_resume == "Un festival."
    assert list(EntreeJournal.objects.filter(candidature=candidature)) == [publiee]


def test_deleting_an_account_removes_its_drafts_and_anonymises_its_applications(
    fabrique_jeu,
):
    porteur = fabrique_jeu.compte()
    brouillon = fabrique_jeu.candidature(porteur=porteur)
    deposee = fabrique_jeu.candidature(porteur=porteur, statut=Statut.DEPOSE)
    porteur.delete()
    assert not Candidature.objects.filter(pk=brouillon.pk).exists()
    deposee.refresh_from_db()
    assert deposee.porteur is None
    assert deposee.anonymise_le is not None
