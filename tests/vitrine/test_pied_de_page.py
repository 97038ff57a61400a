"""The footer lists the partners marked for it, in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from lot_portal.cms.models import ParametresSite
from lot_portal.vitrine.models import Partenaire

pytestmark = pytest.mark.django_db


def _pied(html):
    return html.split('id="pied-partenaires"')[1].split("</section>")[0]


def _ajouter(nombre, depart):
    Partenaire.objects.bulk_create(
        Partenaire(
            nom=f"Partenaire {numero:02d}",
            lien=f"https://partenaire-{numero}.example",
            pied_de_page=True,
            ordre=1000 + numero,
        )
        for numero in range(depart, depart + nombre)
    )


def test_footer_shows_footer_partners_as_links(client, site_demo, sans_cache):
    pied = _pied(client.get("/").content.decode())
    assert '<a href="https://lot.fr">Département du Lot</a>' in pied
    assert "CA du Grand Cahors" not in pied  # not marked for the footer


def test_footer_query_count_is_the_same_for_3_and_20_partners(client, site_demo, sans_cache):
    Partenaire.objects.update(pied_de_page=False)
    _ajouter(3, 0)
    client.get("/mentions-legales/")  # warm the per-process caches
    with CaptureQueriesContext(connection) as trois:
        html = client.get("/mentions-legales/").content.decode()
    assert _pied(html).count("Partenaire ") == 3
    _ajouter(17, 3)
    with CaptureQueriesContext(connection) as vingt:
        html = client.get("/mentions-legales/").content.decode()
    assert _pied(html).count("Partenaire ") == 20
    assert len(vingt.captured_queries) == len(trois.captured_queries)
    requetes = [q["sql"] for q in vingt.captured_queries if "vitrine_" in q["sql"]]
    assert len(requetes) == 1  # the footer costs one query


def test_footer_falls_back_to_the_settings_text_without_footer_partners(
    client, site_demo, sans_cache
):
    Partenaire.objects.update(pied_de_page=False)
    parametres = ParametresSite.for_site(Site.objects.get(is_default_site=True))
    parametres.partenaires = "Partenaire historique\nAutre partenaire"
    parametres.save()
    pied = _pied(client.get("/").content.decode())
    assert "<li>Partenaire historique</li>" in pied


def test_no_partner_section_when_there_is_nothing_to_show(client, site_demo, sans_cache):
    Partenaire.objects.update(pied_de_page=False)
    parametres = ParametresSite.for_site(Site.objects.get(is_default_site=True))
    parametres.partenaires = ""
    parametres.save()
    assert 'id="pied-partenaires"' not in client.get("/").content.decode()
