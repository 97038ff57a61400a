"""A visitor in Chromium opens a takeover and writes to its accompanying body, fixing a bad
email on the way; the body gets the message, the visitor an acknowledgement."""

import os
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command

pytestmark = [pytest.mark.navigateur]


@pytest.fixture
def reprise_en_ligne(transactional_db):
    from lot_portal.cms.models import HomePage
    from lot_portal.territoire.models import Commune
    from opportunites.models import Organisme, ReprisePage, Secteur
    from opportunites.structure import structure_creer

    call_command("seed_demo", "--noyau", stdout=open(os.devnull, "w"))  # noqa: SIM115
    structure = structure_creer(HomePage.objects.get())
    cache.clear()
    page = ReprisePage(
        title="Boulangerie du Causse",
        activite="Boulangerie-pâtisserie",
        secteur=Secteur.ARTISANAT,
        commune=Commune.objects.filter(nom="Figeac").first() or Commune.objects.first(),
        description="<p>Belle affaire en centre-bourg, clientèle fidèle.</p>",
        organisme=Organisme.CMA,
        organisme_email="transmission@cma-lot.exemple.fr",
    )
    structure.reprises.add_child(instance=page)
    page.save_revision().publish()
    return ReprisePage.objects.get(pk=page.pk)


def test_visitor_writes_to_the_body_of_a_takeover(page, live_server, reprise_en_ligne):
    from lot_portal.courriels.models import Courriel
    from opportunites.models import ContactReprise

    page.goto(live_server.url + "/opportunites/reprises/" + reprise_en_ligne.slug + "/")
    assert page.locator("h1").inner_text() == "Boulangerie du Causse"
    assert "transmission@cma-lot" not in page.content()
    page.get_by_role("link", name=re.compile("^Écrire à Chambre de métiers")).click()
    page.wait_for_url(re.compile(r"/opportunites/contact-reprise/\d+/$"))

    page.locator("#id_nom").fill("Claire Martin")
    page.locator("#id_email").fill("claire.martin@exemple")
    page.locator("#id_telephone").fill("06 12 34 56 78")
    page.locator("#id_message").fill("Boulangère à Bordeaux, je cherche une affaire pour 2027.")
    page.locator("#id_consentement").check()
    page.get_by_role("button", name="Envoyer mon message").click()

    erreur = page.locator("#id_email_erreur")
    assert "Saisissez une adresse électronique valide" in erreur.inner_text()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert "id_email_erreur" in page.locator("#id_email").get_attribute("aria-describedby")
    assert page.locator("#id_nom").input_value() == "Claire Martin"
    assert page.locator("#id_message").input_value().startswith("Boulangère à Bordeaux")
    assert page.title().startswith("Erreur : ")
    assert not page.locator("#id_site_internet").is_visible()

    page.locator("#id_email").fill("claire.martin@exemple.fr")
    if not page.locator("#id_consentement").is_checked():
        page.locator("#id_consentement").check()
    page.get_by_role("button", name="Envoyer mon message").click()
    page.wait_for_url(re.compile(r"/opportunites/reprises/boulangerie-du-causse/$"))
    assert "Votre message est transmis" in page.locator(".messages").inner_text()

    contact = ContactReprise.objects.get()
    assert contact.email == "claire.martin@exemple.fr"
    destinataires = sorted(Courriel.objects.values_list("destinataires", flat=True))
    assert len(destinataires) == 2
    assert any("transmission@cma-lot.exemple.fr" in str(d) for d in destinataires)
