"""The job offer page: what it shows, how to apply, closed offers, JobPosting JSON-LD, budget."""

import datetime
import json
import re

import pytest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from opportunites.models import Contrat, PeriodeSalaire, Teletravail, TempsTravail
from opportunites.services.fiches import (
    email_generique,
    fin_de_journee,
    salaire_libelle,
)

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"


def _json_ld(html: str) -> dict:
    trouve = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert trouve, "no JSON-LD on the page"
    return json.loads(trouve.group(1))


def _html(client, page) -> str:
    reponse = client.get(page.url)
    assert reponse.status_code == 200
    return reponse.content.decode()


def test_offer_page_shows_every_field(client, fabrique_opp):
    employeur = fabrique_opp.employeur(
        nom="Ratier-Figeac",
        presentation="Équipementier aéronautique depuis 1904.",
        site_web="https://ratier.exemple.fr",
    )
    offre = fabrique_opp.offre(
        title="Ingénieur méthodes",
        employeur=employeur,
        contrat=Contrat.CDI,
        temps_travail=TempsTravail.PARTIEL,
        teletravail=Teletravail.PARTIEL,
        salaire_min=32000,
        salaire_max=38000,
        salaire_periode=PeriodeSalaire.ANNEE,
        profil="<p>Cinq ans d'expérience en usinage.</p>",
        profil_recherche=True,
    )
    html = _html(client, offre)
    assert "<h1" in html and "Ingénieur méthodes" in html
    assert f"32{NBSP}000 à 38{NBSP}000{NBSP}€ par an" in html
    assert "Temps partiel" in html and "Télétravail partiel" in html
    assert "Dès que possible" in html
    assert "Cinq ans d&#x27;expérience" in html or "Cinq ans d'expérience" in html
    assert 'class="opp-badge">Profil recherché' in html
    assert "Équipementier aéronautique depuis 1904." in html
    assert 'href="https://ratier.exemple.fr"' in html
    assert "Figeac" in html
    assert 'aria-label="Fil d\'Ariane"' in html
    assert 'rel="canonical"' in html and 'property="og:title"' in html
    assert 'id="candidater"' in html and 'href="https://exemple.fr/candidater"' in html


def test_start_date_when_given(client, fabrique_opp):
    offre = fabrique_opp.offre(date_debut=datetime.date(2031, 3, 2))
    html = _html(client, offre)
    assert "2 mars 2031" in html and "Dès que possible" not in html


@pytest.mark.parametrize(
    ("mini", "maxi", "attendu"),
    [
        (32000, 38000, f"32{NBSP}000 à 38{NBSP}000{NBSP}€ par an"),
        (1900, None, f"À partir de 1{NBSP}900{NBSP}€ par an"),
        (None, 2500, f"Jusqu'à 2{NBSP}500{NBSP}€ par an"),
        (30000, 30000, f"30{NBSP}000{NBSP}€ par an"),
        (None, None, ""),
    ],
)
def test_salary_label(fabrique_opp, mini, maxi, attendu):
    offre = fabrique_opp.offre(salaire_min=mini, salaire_max=maxi, publier=False)
    assert salaire_libelle(offre) == attendu


@pytest.mark.parametrize(
    ("adresse", "generique"),
    [
        ("recrutement@ratier.fr", True),
        ("rh@mairie-cahors.fr", True),
        ("contact@boulangerie-lot.fr", True),
        ("service-rh@ch-cahors.fr", True),
        ("jean.dupont@ratier.fr", False),
        ("recrutement@gmail.com", False),
        ("marie@orange.fr", False),
        ("pas-une-adresse", False),
    ],
)
def test_role_addresses(adresse, generique):
    assert email_generique(adresse) is generique


def test_role_address_is_shown(client, fabrique_opp):
    offre = fabrique_opp.offre(candidature_url="", candidature_email="recrutement@ratier.fr")
    html = _html(client, offre)
    assert 'href="mailto:recrutement@ratier.fr?subject=' in html


def test_personal_address_without_consent_is_never_shown(client, fabrique_opp):
    offre = fabrique_opp.offre(candidature_email="jean.dupont@ratier.fr")
    html = _html(client, offre)
    assert "jean.dupont" not in html
    assert "Candidatez via le lien ci-dessus" in html


def test_personal_address_with_consent_is_shown(client, fabrique_opp):
    offre = fabrique_opp.offre(
        candidature_url="",
        candidature_email="jean.dupont@ratier.fr",
        candidature_email_personnelle=True,
    )
    assert "mailto:jean.dupont@ratier.fr" in _html(client, offre)


def test_personal_address_alone_sends_to_the_service(client, fabrique_opp):
    employeur = fabrique_opp.employeur(site_web="https://ratier.exemple.fr")
    offre = fabrique_opp.offre(
        employeur=employeur, candidature_url="", candidature_email="jean.dupont@gmail.com"
    )
    html = _html(client, offre)
    assert "jean.dupont" not in html
    assert "L'employeur ne publie pas d'adresse pour candidater" in html
    assert "service attractivité du Département du Lot" in html
    assert f"Référence de l&#x27;offre : {offre.pk}" in html or f"offre : {offre.pk}" in html


def test_expired_offer_says_so_and_hides_applying(client, fabrique_opp):
    hier = timezone.localdate() - datetime.timedelta(days=1)
    offre = fabrique_opp.offre(
        date_publication=hier - datetime.timedelta(days=20), date_expiration=hier
    )
    html = _html(client, offre)
    assert "Cette offre a expiré le" in html
    assert 'id="candidater"' not in html and "exemple.fr/candidater" not in html
    assert "application/ld+json" not in html
    assert 'href="/opportunites/emplois/"' in html


def test_filled_offer_says_so_and_hides_applying(client, fabrique_opp):
    offre = fabrique_opp.offre(pourvue_le=timezone.localdate())
    html = _html(client, offre)
    assert "Ce poste a été pourvu le" in html
    assert 'id="candidater"' not in html
    assert "application/ld+json" not in html


def test_offer_filled_in_the_future_is_still_open(client, fabrique_opp):
    offre = fabrique_opp.offre(pourvue_le=timezone.localdate() + datetime.timedelta(days=3))
    assert 'id="candidater"' in _html(client, offre)


def test_job_posting_json_ld(client, fabrique_opp):
    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    employeur = fabrique_opp.employeur(
        nom="Ratier & Fils <SA>", site_web="https://ratier.exemple.fr", logo=logo
    )
    commune = fabrique_opp.commune("Figeac")
    expiration = timezone.localdate() + datetime.timedelta(days=30)
    offre = fabrique_opp.offre(
        title="Ingénieur </script> méthodes",
        employeur=employeur,
        commune=commune,
        contrat=Contrat.CDD,
        teletravail=Teletravail.TOTAL,
        salaire_min=2100,
        salaire_max=2600,
        salaire_periode=PeriodeSalaire.MOIS,
        date_expiration=expiration,
        reference_externe="FT-123",
        description="<p>Le poste & ses missions.</p>",
        profil="<p>Rigueur.</p>",
    )
    html = _html(client, offre)
    assert "</script> méthodes" not in html.split("application/ld+json")[1].split("</script>")[0]
    donnees = _json_ld(html)
    assert donnees["@context"].startswith("https://schema.org")
    assert donnees["@type"] == "JobPosting"
    assert donnees["title"] == "Ingénieur </script> méthodes"
    assert "Le poste & ses missions." in donnees["description"]
    assert "Rigueur." in donnees["description"]
    assert donnees["datePosted"] == offre.date_publication.isoformat()
    assert donnees["validThrough"] == fin_de_journee(expiration).isoformat()
    assert donnees["validThrough"].startswith(f"{expiration.isoformat()}T23:59:59+0")
    assert donnees["employmentType"] == "TEMPORARY"
    assert donnees["directApply"] is False
    organisation = donnees["hiringOrganization"]
    assert organisation == {
        "@type": "Organization",
        "name": "Ratier & Fils <SA>",
        "sameAs": "https://ratier.exemple.fr",
        "logo": organisation["logo"],
    }
    assert organisation["logo"].startswith("http")
    adresse = donnees["jobLocation"]["address"]
    assert donnees["jobLocation"]["@type"] == "Place"
    assert adresse == {
        "@type": "PostalAddress",
        "addressLocality": commune.nom,
        "postalCode": commune.codes_postaux.split(",")[0].strip(),
        "addressRegion": "Occitanie",
        "addressCountry": "FR",
    }
    assert donnees["jobLocationType"] == "TELECOMMUTE"
    assert donnees["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 2100,
            "maxValue": 2600,
            "unitText": "MONTH",
        },
    }
    assert donnees["identifier"]["value"] == "FT-123"
    assert donnees["url"].endswith(offre.url)


def test_json_ld_without_salary_nor_remote(client, fabrique_opp):
    offre = fabrique_opp.offre(contrat=Contrat.CDI, temps_travail=TempsTravail.PARTIEL)
    donnees = _json_ld(_html(client, offre))
    assert "baseSalary" not in donnees
    assert "jobLocationType" not in donnees
    assert donnees["employmentType"] == "PART_TIME"
    assert donnees["identifier"]["value"] == str(offre.pk)


def test_similar_offers(client, fabrique_opp):
    offre = fabrique_opp.offre(title="Soudeur")
    fabrique_opp.offre(title="Chaudronnier")
    html = _html(client, offre)
    assert "Offres similaires" in html and "Chaudronnier" in html


@pytest.mark.parametrize("nombre", [1, 12])
def test_offer_page_query_budget(client, fabrique_opp, nombre, django_assert_max_num_queries):
    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    employeur = fabrique_opp.employeur(logo=logo)
    offre = fabrique_opp.offre(employeur=employeur)
    for _ in range(nombre):
        fabrique_opp.offre()
    client.get(offre.url)  # renditions are created on the first view
    with django_assert_max_num_queries(26):
        assert client.get(offre.url).status_code == 200


def test_offer_query_count_is_constant(client, fabrique_opp):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    offre = fabrique_opp.offre()
    client.get(offre.url)
    with CaptureQueriesContext(connection) as peu:
        client.get(offre.url)
    for _ in range(10):
        fabrique_opp.offre()
    with CaptureQueriesContext(connection) as beaucoup:
        client.get(offre.url)
    assert len(beaucoup) == len(peu)
