"""Factories and fixtures of the welcome-journey tests.

Test modules get the factories through fixtures (``fabrique``), since test folders are
not packages here. Each area's tests live in their own modules (``test_<behaviour>.py``).
"""

from types import SimpleNamespace

import factory
import pytest
from django.utils import timezone
from fabriques import (  # tests/fabriques.py, shared with the ambassadeurs tests
    MOT_DE_PASSE,
    CommunauteFactory,
    CommuneFactory,
    UtilisateurFactory,
)

from accueil.models import (
    KitBienvenue,
    LogementTemporaire,
    ModeleEtape,
    ModeleRelance,
    ParcoursAccueil,
    Referent,
)
from accueil.models.choix import ProfilArrivant


class ReferentFactory(factory.django.DjangoModelFactory):
    """A welcome referent (staff account) of one area; ``communaute=None``: departmental."""

    class Meta:
        model = Referent

    utilisateur = factory.SubFactory(UtilisateurFactory, is_staff=True)
    communaute = factory.SubFactory(CommunauteFactory)


class ParcoursFactory(factory.django.DjangoModelFactory):
    """A newcomer's file as registration leaves it (without steps nor follow-ups)."""

    class Meta:
        model = ParcoursAccueil

    utilisateur = factory.SubFactory(UtilisateurFactory)
    prenom = factory.LazyAttribute(lambda o: o.utilisateur.first_name if o.utilisateur else "Léa")
    nom = factory.LazyAttribute(lambda o: o.utilisateur.last_name if o.utilisateur else "Martin")
    profil = ProfilArrivant.SECONDES_VIES
    lieu_actuel = "Lyon"
    consentement_le = factory.LazyFunction(timezone.now)


class ModeleEtapeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModeleEtape
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"etape-{n}")
    titre = factory.Sequence(lambda n: f"Étape {n}")
    explication = "<p>Ce qu'il faut savoir.</p>"


class ModeleRelanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModeleRelance
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"relance-{n}")
    nom = factory.Sequence(lambda n: f"Relance {n}")
    declencheur = ModeleRelance.Declencheur.INSCRIPTION
    delai_jours = 7
    sujet = "Où en est votre projet, {prenom} ?"
    corps = "Bonjour {prenom},\n\nOù en est votre projet d'installation dans le Lot ?"


class KitBienvenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KitBienvenue
        django_get_or_create = ("profil",)

    profil = ProfilArrivant.SECONDES_VIES
    titre = "Bienvenue dans le Lot"
    introduction = "Tout pour bien commencer."


class LogementTemporaireFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LogementTemporaire

    nom = factory.Sequence(lambda n: f"Gîte {n}")
    type = LogementTemporaire.Type.GITE
    commune = factory.SubFactory(CommuneFactory)
    capacite = 4
    contact_nom = "Mairie"


@pytest.fixture
def fabrique():
    """The factories of the welcome journey: ``fabrique.parcours(...)``, …"""
    return SimpleNamespace(
        utilisateur=UtilisateurFactory,
        communaute=CommunauteFactory,
        commune=CommuneFactory,
        referent=ReferentFactory,
        parcours=ParcoursFactory,
        modele_etape=ModeleEtapeFactory,
        modele_relance=ModeleRelanceFactory,
        kit=KitBienvenueFactory,
        logement=LogementTemporaireFactory,
        mot_de_passe=MOT_DE_PASSE,
    )
