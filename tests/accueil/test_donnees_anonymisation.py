"""RGPD retention: files without activity for the configured period are anonymised daily."""

import os
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from accueil.models import CurriculumVitae, Message, ParcoursAccueil, Relance
from accueil.services.donnees import parcours_anonymiser, parcours_inactifs_anonymiser
from accueil.tasks import parcours_inactifs_anonymiser_task

pytestmark = pytest.mark.django_db

DEBUT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_retention_is_three_years_by_default_and_runs_daily():
    assert settings.ACCUEIL_RETENTION_JOURS == 3 * 365
    # The sweep is one of the rules of the personal-data registry's daily task.
    from lot_portal.rgpd.registre import regles_de_conservation

    entree = settings.CELERY_BEAT_SCHEDULE["rgpd-conservation"]
    assert entree["task"] == "lot_portal.rgpd.tasks.conservation_appliquer_task"
    assert entree["schedule"].hour == {3}
    assert "accueil.ParcoursAccueil:0" in dict(regles_de_conservation())


def test_inactive_files_are_anonymised_once_the_period_is_over(fabrique):
    with time_machine.travel(DEBUT, tick=False):
        ancien = fabrique.parcours(telephone="06 00 00 00 01")
        Message.objects.create(parcours=ancien, de_l_arrivant=True, texte="Bonjour")
        Relance.objects.create(
            parcours=ancien,
            modele=fabrique.modele_relance(),
            due_le=timezone.now() + timedelta(days=5 * 365),
        )
    with time_machine.travel(DEBUT + timedelta(days=400), tick=False):
        recent = fabrique.parcours(telephone="06 00 00 00 02")

    # One day before the end of the period: nothing happens.
    with time_machine.travel(DEBUT + timedelta(days=3 * 365 - 1), tick=False):
        assert parcours_inactifs_anonymiser() == 0
    ancien.refresh_from_db()
    assert ancien.anonymise_le is None

    # One day after: the old file is anonymised, the recent one is kept.
    apres = DEBUT + timedelta(days=3 * 365 + 1)
    with time_machine.travel(apres, tick=False):
        assert parcours_inactifs_anonymiser_task.delay().get() == 1
        # A second run finds nothing more to do.
        assert parcours_inactifs_anonymiser() == 0
    ancien.refresh_from_db()
    recent.refresh_from_db()
    assert ancien.anonymise_le == apres
    assert ancien.utilisateur is None
    assert (ancien.prenom, ancien.telephone) == ("Anonyme", "")
    assert ancien.messages.get().texte == "[effacé]"
    assert ancien.relances.get().statut == Relance.Statut.ANNULEE
    assert recent.anonymise_le is None
    assert recent.telephone == "06 00 00 00 02"


def test_recent_activity_pushes_the_period_back(fabrique):
    with time_machine.travel(DEBUT, tick=False):
        parcours = fabrique.parcours()
    ParcoursAccueil.objects.filter(pk=parcours.pk).update(
        derniere_activite_le=DEBUT + timedelta(days=700)
    )
    with time_machine.travel(DEBUT + timedelta(days=3 * 365 + 1), tick=False):
        assert parcours_inactifs_anonymiser() == 0


def test_the_period_is_configurable(fabrique, settings):
    settings.ACCUEIL_RETENTION_JOURS = 30
    with time_machine.travel(DEBUT, tick=False):
        parcours = fabrique.parcours()
    with time_machine.travel(DEBUT + timedelta(days=31), tick=False):
        assert parcours_inactifs_anonymiser() == 1
    parcours.refresh_from_db()
    assert parcours.anonymise_le is not None


def test_anonymising_deletes_the_cv_files_after_commit(
    fabrique, django_capture_on_commit_callbacks
):
    parcours = fabrique.parcours()
    cv = CurriculumVitae.objects.create(
        parcours=parcours,
        titulaire=CurriculumVitae.Titulaire.CONJOINT,
        fichier=ContentFile(b"%PDF-1.4", name="cv-conjoint.pdf"),
        nom_original="cv-conjoint.pdf",
    )
    chemin = cv.fichier.path
    with django_capture_on_commit_callbacks(execute=True):
        parcours_anonymiser(parcours=parcours)
    assert not CurriculumVitae.objects.exists()
    assert not os.path.exists(chemin)


def test_anonymising_twice_changes_nothing(fabrique):
    parcours = fabrique.parcours()
    parcours_anonymiser(parcours=parcours)
    parcours.refresh_from_db()
    premiere = parcours.anonymise_le
    parcours_anonymiser(parcours=parcours)
    parcours.refresh_from_db()
    assert parcours.anonymise_le == premiere


def test_the_account_of_an_anonymised_file_stays_and_may_register_again(fabrique):
    parcours = fabrique.parcours()
    utilisateur = parcours.utilisateur
    parcours_anonymiser(parcours=parcours)
    utilisateur.refresh_from_db()
    assert not ParcoursAccueil.objects.filter(utilisateur=utilisateur).exists()
    nouveau = fabrique.parcours(utilisateur=utilisateur)
    assert nouveau.pk != parcours.pk


def test_an_anonymised_file_leaves_the_export_of_its_former_account(fabrique):
    from accueil.services.donnees import donnees_exporter

    parcours = fabrique.parcours(telephone="06 99 99 99 99")
    utilisateur = parcours.utilisateur
    parcours_anonymiser(parcours=parcours)
    export = donnees_exporter(utilisateur=utilisateur)
    assert export["dossier"] is None
    assert "06 99 99 99 99" not in str(export)


def test_registrations_abandoned_as_long_ago_are_deleted(fabrique):
    from accueil.models import BrouillonInscription

    with time_machine.travel(DEBUT, tick=False):
        ancien = BrouillonInscription.objects.create(cle_session="a", donnees={"qui": {}})
    with time_machine.travel(DEBUT + timedelta(days=400), tick=False):
        recent = BrouillonInscription.objects.create(cle_session="b", donnees={"qui": {}})
    with time_machine.travel(DEBUT + timedelta(days=3 * 365 + 1), tick=False):
        parcours_inactifs_anonymiser()
    assert not BrouillonInscription.objects.filter(pk=ancien.pk).exists()
    assert BrouillonInscription.objects.filter(pk=recent.pk).exists()
