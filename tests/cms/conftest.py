"""Stories' fixtures: a light page tree (faster than the whole demo seed), tiny
images and documents, and live stories created in numbers."""

import io

import factory
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as ImagePIL
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from lot_portal.cms.models import (
    HistoireIndexPage,
    HistoirePage,
    HistoireProfil,
    HomePage,
    Thematique,
)
from lot_portal.territoire.models import Commune
from lot_portal.territoire.services import territoire_charger


class ThematiqueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thematique
        django_get_or_create = ("slug",)

    nom = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.nom))


def image(titre="Causse au printemps", description="Un causse fleuri au printemps"):
    """A tiny PNG as a Wagtail image (renditions of it are quick to make)."""
    tampon = io.BytesIO()
    ImagePIL.new("RGB", (64, 40), "#3f6b4a").save(tampon, "PNG")
    tampon.seek(0)
    Image = get_image_model()
    return Image.objects.create(
        title=titre, description=description, file=ImageFile(tampon, name="causse.png")
    )


def document(titre, nom, contenu=b"0"):
    Document = get_document_model()
    doc = Document(title=titre)
    doc.file.save(nom, ContentFile(contenu), save=False)
    doc.save()
    return doc


def histoire(
    index,
    titre,
    *,
    commune,
    profils=("jeunes",),
    thematiques=(),
    illustration=None,
    corps=(),
    **champs,
):
    """A live story under ``index`` (no revision: quick to create in numbers)."""
    page = HistoirePage(
        title=titre,
        slug=champs.pop("slug", None) or slugify(titre)[:80],
        chapo=champs.pop("chapo", f"Le chapô de « {titre} »."),
        image=illustration or image(),
        commune=commune,
        corps=list(corps),
        profils_cibles=[HistoireProfil(profil=profil) for profil in profils],
        **champs,
    )
    page.thematiques = list(thematiques)
    index.add_child(instance=page)
    return page


@pytest.fixture
def accueil(db):
    territoire_charger()
    racine = Page.get_first_root_node()
    page = HomePage(title="Le Lot, terre d'opportunités", slug="lot")
    racine.add_child(instance=page)
    site = Site.objects.get(is_default_site=True)
    site.root_page = page
    site.save()
    return page


@pytest.fixture
def index_histoires(accueil):
    index = HistoireIndexPage(title="Histoires", slug="histoires", show_in_menus=True)
    accueil.add_child(instance=index)
    return index


@pytest.fixture
def communes(accueil):
    """A few communes in three communautés de communes, by name."""
    noms = ["Cahors", "Figeac", "Cajarc", "Gourdon", "Souillac"]
    return {c.nom: c for c in Commune.objects.filter(nom__in=noms).select_related("communaute")}


@pytest.fixture
def thematiques(db):
    return {
        slug: ThematiqueFactory(slug=slug, nom=nom)
        for slug, nom in [("sante", "Santé"), ("culture", "Culture"), ("nature", "Nature")]
    }


@pytest.fixture
def creer_histoire(index_histoires):
    """``creer_histoire(titre, commune=…, profils=…, thematiques=…)``: a live story."""

    def creer(titre, **champs):
        return histoire(champs.pop("index", index_histoires), titre, **champs)

    return creer


@pytest.fixture
def creer_image(db):
    return image


@pytest.fixture
def creer_document(db):
    return document
