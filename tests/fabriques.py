"""Factories shared by several test folders: accounts and territory.

Test folders are not packages: under pytest's default import mode the root conftest's
folder (``tests/``) is on ``sys.path``, so conftests import this module as ``fabriques``.
Each area's conftest exposes them through its own fixture (``fabrique``, ``fabrique_amb``)
and may subclass them to change the defaults.
"""

import factory
from django.contrib.auth import get_user_model

from lot_portal.territoire.models import CommunauteDeCommunes, Commune

MOT_DE_PASSE = "Lot-accueil-2026!"


class UtilisateurFactory(factory.django.DjangoModelFactory):
    """An account that can log in with ``MOT_DE_PASSE`` and a verified address."""

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

    # Subclasses share the counter: keep the INSEE code at five characters however long
    # the session.
    insee = factory.Sequence(lambda n: f"46{n % 1000:03d}")
    nom = factory.Sequence(lambda n: f"Commune {n}")
    latitude = 44.45
    longitude = 1.44
    communaute = factory.SubFactory(CommunauteFactory)
