"""An editor writes a story in the Wagtail admin; a reviewer approves it (Chromium)."""

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.navigateur, pytest.mark.celery_reel]

MOT_DE_PASSE = "Vallee-du-Lot-2026"
TITRE = "Julien, ébéniste à Albas"


def _membre(django_user_model, courriel, groupe):
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    membre = django_user_model.objects.create_user(email=courriel, password=MOT_DE_PASSE)
    membre.groups.add(Group.objects.get(name=groupe))
    EmailAddress.objects.create(user=membre, email=courriel, verified=True, primary=True)
    return membre


def _connexion(page, url, courriel):
    page.goto(url)
    page.wait_for_url(re.compile(r"/compte/login/"))
    page.locator("#id_login").fill(courriel)
    page.locator("#id_password").fill(MOT_DE_PASSE)
    page.locator("#id_password").press("Enter")


def test_editor_submits_a_story_and_a_reviewer_approves_it(
    page, browser, browser_context_args, live_server, site_demo_transactionnel, django_user_model
):
    from lot_portal.cms.models import HistoireIndexPage, HistoirePage

    index = HistoireIndexPage.objects.get()
    _membre(django_user_model, "redac@lot.fr", "Rédaction")
    _membre(django_user_model, "relec@lot.fr", "Relecteurs")

    # An editor adds a story under the index; image and commune come from their choosers.
    _connexion(page, f"{live_server.url}/admin/pages/{index.pk}/", "redac@lot.fr")
    page.wait_for_url(re.compile(rf"/admin/pages/{index.pk}/$"))
    page.get_by_role("link", name="Ajouter une sous-page").click()
    page.wait_for_url(re.compile(r"/admin/pages/add/"))
    page.locator("#id_title").fill(TITRE)
    page.locator("#id_chapo").fill("Il façonne des tables en noyer du Quercy.")
    page.get_by_role("button", name="Choisir une image").click()
    modale = page.locator(".modal-dialog")
    expect(modale).to_be_visible()
    modale.get_by_label("Terme de recherche").fill("Antoine")
    expect(modale.locator("a.image-choice")).to_have_count(1)
    # The link's title carries the collection path ("Root » …") once several exist.
    modale.locator("a.image-choice").filter(has_text="Antoine, pharmacien").click()
    expect(modale).to_be_hidden()
    expect(page.locator("#id_image-title")).to_have_text("Antoine, pharmacien")
    page.locator("#id_image_alt").fill("Un établi couvert de copeaux de noyer.")
    page.get_by_role("button", name="Choisir commune").click()
    expect(modale).to_be_visible()
    modale.get_by_role("link", name="Albas (46140)").click()
    expect(modale).to_be_hidden()
    expect(page.locator("#id_commune-title")).to_have_text("Albas (46140)")
    page.get_by_label("Wanted", exact=True).check()
    page.get_by_role("button", name="Plus d'actions").click()
    # An editor can't publish: the Relecture workflow is the only way out.
    expect(page.get_by_role("button", name="Publier", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Soumettre à Relecture").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{index.pk}/$"))
    expect(page.get_by_role("status")).to_contain_text("soumise pour modération")
    histoire = HistoirePage.objects.get(title=TITRE)
    assert not histoire.live
    assert histoire.current_workflow_state.workflow.name == "Relecture"
    adresse = f"{live_server.url}/histoires/{histoire.slug}/"

    # Anonymous visitors see nothing yet.
    contexte_anonyme = browser.new_context(**browser_context_args)
    anonyme = contexte_anonyme.new_page()
    assert anonyme.goto(adresse).status == 404
    anonyme.goto(f"{live_server.url}/histoires/")
    expect(anonyme.locator("h1")).to_have_text("Histoires")
    expect(anonyme.get_by_text(TITRE)).to_have_count(0)

    # The editor logs out through the admin account menu (a POST form).
    page.get_by_role("button", name="redac@lot.fr").click()
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url(re.compile(r"/login/"))

    # A reviewer logs in and approves the story from its edit page.
    _connexion(page, f"{live_server.url}/admin/pages/{histoire.pk}/edit/", "relec@lot.fr")
    page.wait_for_url(re.compile(rf"/admin/pages/{histoire.pk}/edit/$"))
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Approuver et Publier", exact=True).click()
    page.wait_for_url(re.compile(rf"/admin/pages/{index.pk}/$"))
    expect(page.get_by_role("status")).to_contain_text(TITRE)
    histoire.refresh_from_db()
    assert histoire.live
    assert histoire.commune.nom == "Albas"
    assert [ligne.profil for ligne in histoire.profils_cibles.all()] == ["wanted"]

    # Published: listed on /histoires/, served, and in the sitemap.
    anonyme.goto(f"{live_server.url}/histoires/")
    expect(anonyme.get_by_role("link", name=TITRE)).to_be_visible()
    assert anonyme.goto(adresse).status == 200
    expect(anonyme.locator("h1")).to_have_text(TITRE)
    plan = anonyme.request.get(f"{live_server.url}/sitemap.xml").text()
    # The sitemap names the Site record's host; the (unicode) slug is percent-encoded.
    assert quote(f"/histoires/{histoire.slug}/") in plan
    contexte_anonyme.close()
