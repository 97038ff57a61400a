"""A partner submits a job offer from their space; a moderator approves it in the Wagtail
admin; it is online (Chromium)."""

import os
import re

import pytest
from django.core.management import call_command
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from playwright.sync_api import expect

pytestmark = [pytest.mark.navigateur]

MOT_DE_PASSE = "Vallee-du-Lot-2026"
TITRE = "Technicienne de scierie"


@pytest.fixture
def structure_transactionnelle(transactional_db):
    from lot_portal.cms.models import HomePage
    from opportunites.structure import structure_creer

    call_command("seed_demo", "--noyau", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return structure_creer(HomePage.objects.get())


def _membre(django_user_model, courriel, groupe):
    from allauth.account.models import EmailAddress

    membre = django_user_model.objects.create_user(email=courriel, password=MOT_DE_PASSE)
    membre.groups.add(groupe)
    EmailAddress.objects.create(user=membre, email=courriel, verified=True, primary=True)
    return membre


def _connexion(page, url, courriel):
    page.goto(url)
    page.wait_for_url(re.compile(r"/compte/login/"))
    page.locator("#id_login").fill(courriel)
    page.locator("#id_password").fill(MOT_DE_PASSE)
    page.locator("#id_password").press("Enter")


def test_partner_submits_an_offer_and_a_moderator_approves_it(
    page, browser, browser_context_args, live_server, structure_transactionnelle, django_user_model
):
    from lot_portal.territoire.models import Commune
    from opportunites.models import Employeur, OffreEmploiPage, Secteur

    structure = structure_transactionnelle
    partenaire = _membre(django_user_model, "rh@scierie.exemple.fr", structure.partenaires)
    _membre(django_user_model, "moderation@lot.fr", structure.moderation)
    employeur = Employeur.objects.create(nom="Scierie du Ségala", secteur=Secteur.INGENIERIE)
    employeur.partenaires.add(partenaire)
    commune = (
        Commune.objects.filter(nom="Figeac").first() or Commune.objects.order_by("nom").first()
    )

    # The partner writes the offer in their space and sends it to moderation.
    _connexion(page, f"{live_server.url}/opportunites/partenaires/", "rh@scierie.exemple.fr")
    page.wait_for_url(re.compile(r"/opportunites/partenaires/$"))
    expect(page.locator("h1")).to_have_text("Mon espace partenaire emploi")
    page.get_by_role("link", name="Publier une offre d'emploi").click()
    page.wait_for_url(re.compile(r"/offres/nouvelle/$"))
    # An error first: nothing typed is lost.
    page.get_by_label("Titre").fill(TITRE)
    page.get_by_role("button", name="Envoyer en modération").click()
    expect(page.locator(".resume-erreurs")).to_be_visible()
    expect(page.get_by_label("Titre")).to_have_value(TITRE)
    page.get_by_label("Contrat").select_option("cdi")
    page.get_by_label("Secteur").select_option("ingenierie")
    page.get_by_label("Commune").select_option(str(commune.pk))
    page.get_by_label("Description du poste").fill("Vous réglez les scies.\n\nÉquipe de 12.")
    page.get_by_label("Adresse web pour candidater").fill("https://scierie.exemple.fr/emplois")
    page.get_by_role("button", name="Envoyer en modération").click()
    page.wait_for_url(re.compile(r"/opportunites/partenaires/$"))
    expect(page.get_by_role("status")).to_contain_text("envoyée en modération")
    expect(page.get_by_text("État : En modération")).to_be_visible()
    offre = OffreEmploiPage.objects.get(title=TITRE)
    assert not offre.live

    # The moderator approves it in the Wagtail admin.
    contexte = browser.new_context(**browser_context_args)
    moderation = contexte.new_page()
    _connexion(moderation, f"{live_server.url}/admin/pages/{offre.pk}/edit/", "moderation@lot.fr")
    moderation.wait_for_url(re.compile(rf"/admin/pages/{offre.pk}/edit/$"))
    moderation.get_by_role("button", name="Plus d'actions").click()
    moderation.get_by_role("button", name="Approuver et Publier", exact=True).click()
    moderation.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    offre.refresh_from_db()
    assert offre.live
    contexte.close()

    # Online: the partner sees it published; anyone reads the offer (and the listing).
    page.reload()
    expect(page.get_by_text("État : Publiée")).to_be_visible()
    contexte_anonyme = browser.new_context(**browser_context_args)
    anonyme = contexte_anonyme.new_page()
    assert anonyme.goto(f"{live_server.url}{offre.url}").status == 200
    expect(anonyme.locator("h1")).to_contain_text(TITRE)
    try:
        get_template("opportunites/offres_index_page.html")
    except TemplateDoesNotExist:
        pass  # the listing (opp-listes) is not there yet
    else:
        anonyme.goto(f"{live_server.url}/opportunites/emplois/")
        expect(anonyme.get_by_role("link", name=TITRE)).to_be_visible()
    contexte_anonyme.close()
