import json

import pytest
from wagtail.models import Page

from lot_portal.cms.models import HomePage, PageSimple

pytestmark = pytest.mark.django_db


def test_home_page_carries_the_brand_and_the_four_profiles(client, site_demo):
    reponse = client.get("/")
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert '<html lang="fr">' in html
    assert "Le Lot, producteur d&#x27;opportunités personnelles et professionnelles" in html
    for profil in ("secondes vies", "Les jeunes", "wanted", "Les touristes"):
        assert profil in html
    assert 'href="#contenu"' in html  # skip link
    assert "attractivite-departement@lot.fr" in html
    assert "05 65 53 43 40" in html


def test_footer_links_to_the_three_legal_pages(client, site_demo):
    html = client.get("/").content.decode()
    for slug in ("mentions-legales", "donnees-personnelles", "accessibilite"):
        assert f'href="/{slug}/"' in html
        assert client.get(f"/{slug}/").status_code == 200


def test_seed_demo_twice_changes_nothing(site_demo_complet):
    from django.core.management import call_command

    avant = (Page.objects.count(), PageSimple.objects.count(), HomePage.objects.count())
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Page.objects.count(), PageSimple.objects.count(), HomePage.objects.count()) == avant
    from lot_portal.territoire.models import CommunauteDeCommunes, Commune

    assert Commune.objects.count() == 312
    assert CommunauteDeCommunes.objects.count() == 10


def test_navigation_lists_only_live_sections_shown_in_menus(client, site_demo):
    site_demo.add_child(
        instance=PageSimple(title="Rubrique publiée", slug="rubrique-publiee", show_in_menus=True)
    )
    brouillon = PageSimple(
        title="Rubrique en brouillon", slug="rubrique-brouillon", show_in_menus=True, live=False
    )
    site_demo.add_child(instance=brouillon)
    html = client.get("/").content.decode()
    nav = html.split('aria-label="Navigation principale"')[1].split("</nav>")[0]
    assert "Rubrique publiée" in nav
    assert "Rubrique en brouillon" not in nav
    assert "Mentions légales" not in nav


def test_home_page_query_budget_does_not_grow_with_menu_items(
    client, site_demo, django_assert_max_num_queries
):
    from django.core.cache import cache

    cache.clear()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as avant:
        client.get("/")
    for numero in range(12):
        site_demo.add_child(
            instance=PageSimple(
                title=f"Rubrique {numero}", slug=f"rubrique-{numero}", show_in_menus=True
            )
        )
    cache.clear()
    with django_assert_max_num_queries(len(avant.captured_queries)):
        reponse = client.get("/")
    assert reponse.content.decode().count("Rubrique ") == 12
    assert len(avant.captured_queries) <= 15


def test_unknown_url_gets_the_french_404_page(client, site_demo):
    reponse = client.get("/cette-page-n-existe-pas/")
    assert reponse.status_code == 404
    assert "Cette page est introuvable" in reponse.content.decode()


def test_500_page_renders_without_any_context(rf):
    from lot_portal.cms.views import erreur_serveur

    reponse = erreur_serveur(rf.get("/"))
    assert reponse.status_code == 500
    assert "Une erreur est survenue" in reponse.content.decode()


def test_robots_and_sitemap(client, site_demo):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert "Sitemap: " in robots.content.decode()
    assert "Disallow: /admin/" in robots.content.decode()
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert b"/mentions-legales/" in sitemap.content


def test_health_reports_each_service(client, db):
    reponse = client.get("/sante/")
    assert reponse.status_code == 200
    assert json.loads(reponse.content) == {
        "statut": "ok",
        "base_de_donnees": "ok",
        "cache": "ok",
        "broker": "ok",
    }


def test_health_is_503_when_the_broker_is_down(client, db, monkeypatch):
    from lot_portal.cms import views

    def en_panne():
        raise ConnectionError("broker down")

    monkeypatch.setattr(views, "_broker", en_panne)
    reponse = client.get("/sante/")
    assert reponse.status_code == 503
    assert json.loads(reponse.content)["broker"] == "indisponible"


def test_security_headers_on_public_pages(client, site_demo):
    reponse = client.get("/")
    assert "default-src 'self'" in reponse["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in reponse["Content-Security-Policy"]
    assert reponse["X-Content-Type-Options"] == "nosniff"
    assert reponse["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert reponse["X-Frame-Options"] == "DENY"


def test_every_page_has_one_canonical_url_and_social_meta(client, site_demo):
    html = client.get("/mentions-legales/").content.decode()
    assert html.count('rel="canonical"') == 1
    assert 'href="http://127.0.0.1:8000/mentions-legales/"' in html
    assert 'property="og:title" content="Mentions légales"' in html
