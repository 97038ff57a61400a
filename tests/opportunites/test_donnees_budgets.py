"""Query budgets: listings and pages keep the same number of SQL queries at 10 and 2,000 items.

The items are made with the bulk generator of ``opportunites/demo.py`` (live pages, correct
tree). Each URL is requested once to warm per-process caches (site root, content types), then
measured; the figures at 2,000 items must equal those at 10.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import Page

from opportunites import demo
from opportunites.models import (
    Organisme,
    ReprisePage,
    ReprisePhoto,
    Secteur,
)

pytestmark = pytest.mark.django_db

FILTRE = (
    "?secteur=sante&secteur=ingenierie&contrat=cdi&contrat=cdd&temps=plein&teletravail=non"
    "&commune=46102&rayon=50&tri=proche&profil_recherche=&q=technicien"
)
PEU, BEAUCOUP = 10, 2000


def _reprises(index, nombre, image):
    from lot_portal.territoire.models import Commune

    communes = list(Commune.objects.order_by("insee")[:40])
    debut = ReprisePage.objects.count()
    pages = [
        ReprisePage(
            title=f"Commerce à reprendre {debut + n}",
            slug=f"commerce-a-reprendre-{debut + n}",
            activite="Commerce",
            secteur=Secteur.values[n % len(Secteur.values)],
            commune_id=communes[n % len(communes)].pk,
            description="<p>Belle affaire.</p>",
            organisme=Organisme.CCI,
            organisme_email="transmission@cci.exemple.fr",
        )
        for n in range(nombre)
    ]
    cles = demo.pages_en_masse(index, pages)
    ReprisePhoto.objects.bulk_create(
        [ReprisePhoto(page_id=cle, image=image, alt="Devanture", sort_order=0) for cle in cles]
    )
    return cles


def _mesurer(client, urls):
    resultats = {}
    for nom, url in urls.items():
        client.get(url)  # warm-up
        with CaptureQueriesContext(connection) as requetes:
            reponse = client.get(url)
        assert reponse.status_code == 200, (nom, url, reponse.status_code)
        resultats[nom] = len(requetes)
    return resultats


@pytest.fixture
def image():
    import io

    from django.core.files.images import ImageFile

    return get_image_model().objects.create(
        title="Devanture",
        file=ImageFile(io.BytesIO(demo.photo_reprise("Commerce", graine=1)), name="d.jpg"),
    )


def test_queries_do_not_grow_with_the_number_of_offers(client, opp, settings, image):
    settings.PAGE_CACHE_SECONDS = 0
    accueil = opp.hub.get_parent()
    offres = demo.offres_generer(PEU, accueil=accueil, indexer=False)
    reprises = _reprises(opp.reprises, PEU, image)
    premiere_offre = Page.objects.get(pk=offres[0]).url
    premiere_reprise = Page.objects.get(pk=reprises[0]).url
    urls = {
        "liste des offres": opp.offres.url,
        "liste filtrée": opp.offres.url + FILTRE,
        "liste, page 2": opp.offres.url + "?page=2",
        "liste des reprises": opp.reprises.url,
        "offre": premiere_offre,
        "reprise": premiere_reprise,
    }
    peu = _mesurer(client, urls)

    demo.offres_generer(BEAUCOUP - PEU, accueil=accueil, indexer=False)
    _reprises(opp.reprises, BEAUCOUP - PEU, image)
    beaucoup = _mesurer(client, urls)
    assert beaucoup == peu, {"à 10": peu, "à 2 000": beaucoup}
