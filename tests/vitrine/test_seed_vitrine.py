"""The demo content of the section is complete and seeding twice changes nothing."""

import os

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page

from lot_portal.vitrine.demo import seed
from lot_portal.vitrine.models import (
    CampagnePage,
    Partenaire,
    PartenairesPage,
    VivreIndexPage,
    VivrePage,
)

pytestmark = pytest.mark.django_db


def _compter():
    return {
        "pages": Page.objects.count(),
        "vivre": VivrePage.objects.live().count(),
        "index": VivreIndexPage.objects.count(),
        "campagnes": CampagnePage.objects.count(),
        "partenaires": Partenaire.objects.count(),
        "page_partenaires": PartenairesPage.objects.count(),
        "images": get_image_model().objects.count(),
    }


def test_seed_creates_the_section_and_is_idempotent(site_demo):
    avant = _compter()
    assert avant["vivre"] == 9 and avant["index"] == 1 and avant["page_partenaires"] == 1
    assert avant["campagnes"] == 1 and avant["partenaires"] >= 10
    campagne = CampagnePage.objects.get()
    assert campagne.code == "opportunites-2026" and not campagne.show_in_menus
    assert not Partenaire.objects.filter(logo=None).exists()
    call_command("seed_demo", "--noyau", stdout=open(os.devnull, "w"))  # noqa: SIM115
    seed(accueil=site_demo, stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert _compter() == avant


def test_every_topic_has_facts_body_and_a_chapo(site_demo):
    for page in VivrePage.objects.all():
        assert page.chapo and page.corps and page.faits_cles, page.slug
