"""Factories and fixtures of the welcome-journey tests.

Test modules get the factories through fixtures (``fabrique``), since test folders are
not packages here. Each area's tests live in their own modules (``test_<behaviour>.py``).
"""

from types import SimpleNamespace

import factory
import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from accueil.models import (
    KitBienvenue,
    LogementTemporaire,
    ModeleEtape,
    ModeleRelance,
    ParcoursAccueil,
    Referent,
)
from accueil.models.choix import ProfilArrivant
from lot_portal.territoire.models import CommunauteDeCommunes, Commune

MOT_DE_PASSE = "Lot-accueil-2026!"


class UtilisateurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.fr")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    password = factory.PostGenerationMethodCall("set_password", MOT_DE_PASSE)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:  # save the hashed password once (factory_boy no longer does it)
            instance.save(update_fields=["password"])

    @factory.post_generation
    def email_verifie(obj, create, extracted, **kwargs):
        """allauth's verified address, so the account can log in (``email_verifie=False``
        to skip)."""
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class CommunauteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommunauteDeCommunes
        django_get_or_create = ("siren",)

    siren = factory.Sequence(lambda n: f"{200000000 + n}")
    nom = factory.Sequence(lambda n: f"Communauté de communes {n}")


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune
        django_get_or_create = ("insee",)

    insee = factory.Sequence(lambda n: f"46{n:03d}")
    nom = factory.Sequence(lambda n: f"Commune {n}")
    latitude = 44.45
    longitude = 1.44
    communaute = factory.SubFactory(CommunauteFactory)


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
