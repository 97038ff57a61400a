"""Agenda fixtures: the seeded index page and a factory of events."""

import os
from datetime import timedelta
from itertools import count

import pytest
from django.core.management import call_command
from django.utils import timezone

from lot_portal.agenda.models import EvenementIndexPage, EvenementPage, Inscription
from lot_portal.territoire.models import Commune

_numeros = count(1)


@pytest.fixture
def site_minimal(db, monkeypatch):
    """The demo core (territory, home, legal pages) without the sections' demo content,
    which is slow to seed and would mix its events with each test's own."""
    from lot_portal.cms.management.commands import seed_demo
    from lot_portal.cms.models import HomePage

    monkeypatch.setattr(seed_demo, "SEEDERS", [])
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return HomePage.objects.get()


@pytest.fixture
def agenda(site_minimal):
    index = EvenementIndexPage(title="Agenda", slug="agenda", show_in_menus=True)
    site_minimal.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def creer_evenement(agenda):
    """Publish an event under the agenda; starts in 10 days unless told otherwise."""

    def creer(**champs):
        numero = next(_numeros)
        debut = champs.pop("debut", timezone.now() + timedelta(days=10))
        valeurs = {
            "title": f"Événement de test {numero}",
            "slug": f"evenement-test-{numero}",
            "type": "job_dating",
            "chapo": "Rencontrez les employeurs du Lot.",
            "debut": debut,
            "fin": debut + timedelta(hours=7),
            "commune": Commune.objects.get(nom="Cahors"),
            "lieu": "Espace Valentré",
            "adresse": "Allée des Soupirs",
            "publics": ["wanted"],
            "capacite": None,
            "inscriptions_ouvertes": True,
            **champs,
        }
        evenement = EvenementPage(**valeurs)
        agenda.add_child(instance=evenement)
        evenement.save_revision().publish()
        return EvenementPage.objects.get(pk=evenement.pk)

    return creer


@pytest.fixture
def inscrire():
    """Add a registration row directly (no email, no capacity check)."""

    def creer(evenement, email, personnes=1, statut=Inscription.Statut.INSCRITE):
        return Inscription.objects.create(
            evenement=evenement,
            prenom="Claire",
            nom="Martin",
            email=email,
            nombre_personnes=personnes,
            statut=statut,
        )

    return creer


def donnees_formulaire(**champs):
    return {
        "prenom": "Claire",
        "nom": "Martin",
        "email": "claire.martin@exemple.fr",
        "nombre_personnes": "1",
        "message": "",
        "consentement": "on",
        **champs,
    }


@pytest.fixture
def formulaire():
    return donnees_formulaire
