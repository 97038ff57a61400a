"""An ambassador's public profile lists their live stories, and only theirs."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as ImagePIL
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from lot_portal.cms.models import HistoireIndexPage, HistoirePage, HistoireProfil, HomePage


@pytest.fixture
def index_histoires(db):
    racine = Page.get_first_root_node()
    accueil = HomePage(title="Le Lot", slug="lot-amb")
    racine.add_child(instance=accueil)
    site = Site.objects.get(is_default_site=True)
    site.root_page = accueil
    site.save()
    index = HistoireIndexPage(title="Histoires", slug="histoires")
    accueil.add_child(instance=index)
    return index


def _image():
    tampon = io.BytesIO()
    ImagePIL.new("RGB", (64, 40), "#3f6b4a").save(tampon, "PNG")
    tampon.seek(0)
    return get_image_model().objects.create(
        title="Causse", description="Un causse", file=ImageFile(tampon, name="causse.png")
    )


def _histoire(index, titre, *, auteur, commune, live=True):
    page = HistoirePage(
        image=_image(),
        title=titre,
        slug=titre.lower().replace(" ", "-"),
        chapo=f"Le chapô de {titre}.",
        commune=commune,
        auteur=auteur,
        live=live,
        profils_cibles=[HistoireProfil(profil="jeunes")],
    )
    index.add_child(instance=page)
    return page


@pytest.mark.django_db
def test_profile_lists_only_their_live_stories(client, fabrique_amb, index_histoires):
    moi = fabrique_amb.ambassadeur(prenom="Claire")
    autre = fabrique_amb.ambassadeur(prenom="Paul")
    _histoire(index_histoires, "Mon causse", auteur=moi.utilisateur, commune=moi.commune)
    _histoire(
        index_histoires, "Mon brouillon", auteur=moi.utilisateur, commune=moi.commune, live=False
    )
    _histoire(index_histoires, "Sa riviere", auteur=autre.utilisateur, commune=autre.commune)
    page = client.get(f"/ambassadeurs/{moi.pk}/").content.decode()
    assert "Mon causse" in page
    assert "Mon brouillon" not in page
    assert "Sa riviere" not in page
    vide = client.get(f"/ambassadeurs/{fabrique_amb.ambassadeur().pk}/").content.decode()
    assert "n'a pas encore publié d'histoire" in vide
