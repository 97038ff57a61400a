"""The partners page groups partners by type, with their logos and links."""

import pytest

from lot_portal.territoire.models import CommunauteDeCommunes
from lot_portal.vitrine.models import Partenaire, PartenairesPage

pytestmark = pytest.mark.django_db


def test_partners_page_groups_by_type_in_a_fixed_order(client, site_demo, sans_cache):
    page = PartenairesPage.objects.get()
    assert page.title == "Nos partenaires" and page.url == "/partenaires/"
    html = client.get("/partenaires/").content.decode()
    titres = ["Le Département", "L&#x27;État", "Les intercommunalités", "Les chambres consulaires"]
    positions = [html.index(f">{titre}</h2>") for titre in titres]
    assert positions == sorted(positions)
    intercommunalites = html.split(">Les intercommunalités</h2>")[1].split("</section>")[0]
    for epci in CommunauteDeCommunes.objects.all():
        assert epci.nom.replace("'", "&#x27;") in intercommunalites
    assert "CCI du Lot" not in intercommunalites


def test_partners_link_to_their_site_with_the_logo_named_after_them(client, site_demo, sans_cache):
    html = client.get("/partenaires/").content.decode()
    assert '<a class="partenaire__lien" href="https://lot.fr">' in html
    assert 'alt="Département du Lot"' in html
    sans_lien = Partenaire.objects.filter(lien="").first()
    assert '<div class="partenaire__lien">' in html and sans_lien.nom in html


def test_partners_page_query_count_does_not_grow_with_partners(
    client, site_demo, sans_cache, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/partenaires/")  # renditions of the seeded logos are created once
    with CaptureQueriesContext(connection) as avant:
        client.get("/partenaires/")
    Partenaire.objects.bulk_create(
        Partenaire(nom=f"Entreprise {numero}", type="entreprise") for numero in range(15)
    )
    with django_assert_max_num_queries(len(avant.captured_queries)):
        html = client.get("/partenaires/").content.decode()
    assert ">Les entreprises</h2>" in html and "Entreprise 14" in html


def test_empty_partners_page_says_so(client, site_demo, sans_cache):
    Partenaire.objects.all().delete()
    reponse = client.get("/partenaires/")
    assert reponse.status_code == 200
    assert "sera bientôt publiée" in reponse.content.decode()
