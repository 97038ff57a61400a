"""Factories and fixtures of the ambassador-network tests (``fabrique_amb``)."""

import io
from types import SimpleNamespace

import fabriques  # tests/fabriques.py, shared with the accueil tests
import factory
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from ambassadeurs.models import Ambassadeur, Origine, Secteur, StatutAmbassadeur

MOT_DE_PASSE = "Lot-ambassadeurs-2026!"


class UtilisateurFactory(fabriques.UtilisateurFactory):
    email = factory.Sequence(lambda n: f"amb{n}@exemple.fr")
    first_name = "Claire"
    last_name = "Delpech"
    password = factory.PostGenerationMethodCall("set_password", MOT_DE_PASSE)


class CommunauteFactory(fabriques.CommunauteFactory):
    siren = factory.Sequence(lambda n: f"{210000000 + n}")
    nom = factory.Sequence(lambda n: f"Communauté amb {n}")


class CommuneFactory(fabriques.CommuneFactory):
    insee = factory.Sequence(lambda n: f"46{(n % 900) + 100:03d}")
    nom = factory.Sequence(lambda n: f"Commune amb {n}")
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
