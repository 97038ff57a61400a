"""A visitor in Chromium registers for an upcoming event, fixing a bad email on the way."""

import re

import pytest

pytestmark = [pytest.mark.navigateur, pytest.mark.celery_reel]


def test_visitor_registers_for_an_upcoming_event(page, live_server, site_demo_transactionnel):
    page.goto(live_server.url + "/agenda/")
    assert page.locator("h1").inner_text() == "Agenda"
    page.get_by_role("link", name="Rencontre des ambassadeurs à Gramat").click()
    page.wait_for_url(re.compile(r"/agenda/rencontre-des-ambassadeurs-a-gramat/$"))
    page.get_by_role("link", name=re.compile("^M'inscrire")).click()
    page.wait_for_url(re.compile(r"/inscription/$"))

    page.get_by_label("Prénom").fill("Claire")
    page.locator("#id_nom").fill("Martin")
    page.locator("#id_email").fill("claire.martin@exemple")
    page.locator("#id_nombre_personnes").fill("2")
    page.locator("#id_message").fill("Nous venons de Bordeaux.")
    page.locator("#id_consentement").check()
    page.get_by_role("button", name="Confirmer mon inscription").click()

    erreur = page.locator("#id_email_erreur")
    assert "Saisissez une adresse électronique valide" in erreur.inner_text()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert "id_email_erreur" in page.locator("#id_email").get_attribute("aria-describedby")
    assert page.locator("#id_prenom").input_value() == "Claire"
    assert page.locator("#id_nombre_personnes").input_value() == "2"
    assert page.locator("#id_message").input_value() == "Nous venons de Bordeaux."
    assert page.title().startswith("Erreur : ")

    page.locator("#id_email").fill("claire.martin@exemple.fr")
    page.locator("#id_consentement").check()
    page.get_by_role("button", name="Confirmer mon inscription").click()
    page.wait_for_url(re.compile(r"/inscription/confirmation/$"))
    assert page.locator("h1").inner_text() == "Inscription confirmée"
    assert "vous êtes inscrits à 2" in page.locator("main").inner_text()
