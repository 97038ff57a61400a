"""Factories and fixtures of the ambassador-network tests (``fabrique_amb``)."""

import io
from types import SimpleNamespace

import factory
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from ambassadeurs.models import Ambassadeur, Origine, Secteur, StatutAmbassadeur
from lot_portal.territoire.models import CommunauteDeCommunes, Commune

MOT_DE_PASSE = "Lot-ambassadeurs-2026!"


class UtilisateurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"amb{n}@exemple.fr")
    first_name = "Claire"
    last_name = "Delpech"
    password = factory.PostGenerationMethodCall("set_password", MOT_DE_PASSE)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save(update_fields=["password"])

    @factory.post_generation
    def email_verifie(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class CommunauteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommunauteDeCommunes
        django_get_or_create = ("siren",)

    siren = factory.Sequence(lambda n: f"{210000000 + n}")
    nom = factory.Sequence(lambda n: f"Communauté amb {n}")


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune
        django_get_or_create = ("insee",)

    insee = factory.Sequence(lambda n: f"46{(n % 900) + 100:03d}")
    nom = factory.Sequence(lambda n: f"Commune amb {n}")
    latitude = 44.45
    longitude = 1.44
    communaute = factory.SubFactory(CommunauteFactory)


class AmbassadeurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ambassadeur

    utilisateur = factory.SubFactory(UtilisateurFactory)
    statut = StatutAmbassadeur.ACCEPTE
    disponible = True
    prenom = factory.Sequence(lambda n: f"Prénom{n}")
    nom = factory.Sequence(lambda n: f"Nomsecret{n}")
    commune = factory.SubFactory(CommuneFactory)
    profession = "Céramiste"
    secteur = Secteur.ARTISANAT
    origine = Origine.ARRIVE
    arrive_de = "Lyon"
    histoire = "Arrivée en 2019, conquise par le causse."
    offres = factory.LazyFunction(lambda: ["questions", "histoires"])
    interets = "randonnée, poterie"
    profils = factory.LazyFunction(lambda: ["jeunes"])
    champs_publics = factory.LazyFunction(lambda: ["commune", "profession"])
    charte_acceptee_le = factory.LazyFunction(timezone.now)


def image_envoyee(format_image="JPEG", nom="photo.jpg", type_mime="image/jpeg"):
    tampon = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 80, 40)).save(tampon, format=format_image)
    return SimpleUploadedFile(nom, tampon.getvalue(), content_type=type_mime)


@pytest.fixture
def fabrique_amb(db):
    return SimpleNamespace(
        utilisateur=UtilisateurFactory,
        communaute=CommunauteFactory,
        commune=CommuneFactory,
        ambassadeur=AmbassadeurFactory,
        image=image_envoyee,
        mot_de_passe=MOT_DE_PASSE,
    )
