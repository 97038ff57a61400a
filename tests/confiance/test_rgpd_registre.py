"""The personal-data registry: every field of every model is classified, and a new
personal field that nobody registered makes the check fail, naming it."""

import copy

from django.conf import settings
from django.db import models
from django.test.utils import isolate_apps

from lot_portal.rgpd.registre import (
    REGISTRE,
    Champ,
    Modele,
    apps_du_projet,
    champs_non_classes,
    declarations_invalides,
    regles_de_conservation,
    traitements,
)


def test_every_concrete_field_of_every_project_model_is_classified():
    assert champs_non_classes() == []
    assert declarations_invalides() == []


def test_every_project_app_is_checked():
    labels = set(apps_du_projet())
    assert {
        "comptes",
        "courriels",
        "cms",
        "agenda",
        "rgpd",
        "accueil",
        "ambassadeurs",
        "opportunites",
        "jeunesse",
    } <= labels
    # Third-party apps are not in the completeness check (their tables are registered
    # for erasure where they hold a person's data).
    assert not {"wagtailcore", "account", "auth", "taggit"} & labels


@isolate_apps("lot_portal.rgpd")
def test_an_unregistered_personal_field_fails_the_check_with_its_name():
    class Rappel(models.Model):
        nom = models.CharField(max_length=50)
        telephone = models.CharField(max_length=20)

        class Meta:
            app_label = "rgpd"

        def __str__(self):
            return self.nom

    registre = copy.deepcopy(REGISTRE)
    # Not registered at all: the model is named.
    assert champs_non_classes([Rappel], registre) == [
        "rgpd.Rappel (modèle non déclaré / model not registered)"
    ]
    # Registered, but the new phone field forgotten: the field is named.
    registre.modeles["rgpd.Rappel"] = Modele(
        label="rgpd.Rappel",
        finalite="compte",
        personnels={"nom": Champ("Identité")},
        non_personnels=(),
    )
    assert champs_non_classes([Rappel], registre) == ["rgpd.Rappel.telephone"]
    # Once classified, the check passes.
    registre.modeles["rgpd.Rappel"].personnels["telephone"] = Champ("Coordonnées")
    assert champs_non_classes([Rappel], registre) == []


@isolate_apps("lot_portal.rgpd")
def test_an_unregistered_many_to_many_field_is_named_too():
    class Lieu(models.Model):
        class Meta:
            app_label = "rgpd"

        def __str__(self):
            return str(self.pk)

    class Souhait(models.Model):
        lieux = models.ManyToManyField(Lieu)

        class Meta:
            app_label = "rgpd"

        def __str__(self):
            return str(self.pk)

    registre = copy.deepcopy(REGISTRE)
    registre.modeles["rgpd.Souhait"] = Modele(
        label="rgpd.Souhait", finalite="compte", personnels={}, non_personnels=()
    )
    assert champs_non_classes([Souhait], registre) == ["rgpd.Souhait.lieux"]
    registre.modeles["rgpd.Souhait"].personnels["lieux"] = Champ("Projet d'installation")
    assert champs_non_classes([Souhait], registre) == []


def test_a_declaration_naming_a_missing_field_is_reported():
    registre = copy.deepcopy(REGISTRE)
    registre.modeles["agenda.Inscription"].personnels["telephone"] = Champ("Coordonnées")
    assert "agenda.Inscription.telephone: champ inconnu" in declarations_invalides(registre)


def test_the_treatments_table_groups_by_purpose_with_basis_and_retention():
    table = {t["slug"]: t for t in traitements()}
    assert {"compte", "accueil", "ambassadeurs", "opportunites", "jeunesse", "agenda"} <= set(table)
    accueil = table["accueil"]
    assert "Trois ans après le dernier contact" in accueil["conservation"]
    assert accueil["base_legale"].startswith("Consentement")
    assert {"Identité", "Coordonnées", "Situation familiale"} <= set(accueil["categories"])
    assert "Dossier d'accueil" in accueil["modeles"]
    for traitement in table.values():
        assert traitement["finalite"] and traitement["base_legale"] and traitement["conservation"]


def test_one_daily_task_runs_every_retention_rule():
    entree = settings.CELERY_BEAT_SCHEDULE["rgpd-conservation"]
    assert entree["task"] == "lot_portal.rgpd.tasks.conservation_appliquer_task"
    # The apps' former daily sweeps now run through it, never twice.
    taches = [e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "accueil.tasks.parcours_inactifs_anonymiser_task" not in taches
    assert "jeunesse.tasks.conservation_appliquer" not in taches
    regles = dict(regles_de_conservation())
    for label in (
        "accueil.ParcoursAccueil",
        "accueil.BrouillonInscription",
        "jeunesse.Candidature",
        "opportunites.Alerte",
        "agenda.Inscription",
        "ambassadeurs.Ambassadeur",
        "ambassadeurs.Question",
        "courriels.Courriel",
    ):
        assert f"{label}:0" in regles
