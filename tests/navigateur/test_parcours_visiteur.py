"""A visitor in Chromium: the home page, then sign-up, confirmation and login."""

import re
import time

import pytest
from django.core import mail

pytestmark = [pytest.mark.navigateur, pytest.mark.celery_reel]

MOT_DE_PASSE = "Vallee-du-Lot-2026"


def _attendre_courriel(limite=30):
    fin = time.monotonic() + limite
    while time.monotonic() < fin and not mail.outbox:
        time.sleep(0.2)
    assert mail.outbox, "aucun courriel reçu"
    return mail.outbox[-1]


def test_home_page_renders(page, live_server, site_demo_transactionnel):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "producteur d'opportunités" in page.locator("h1").inner_text()
    assert page.get_by_role("link", name="Aller au contenu").count() == 1
    assert page.get_by_role("navigation", name="Navigation principale").is_visible()


def test_visitor_signs_up_confirms_and_logs_in(
    page, live_server, site_demo_transactionnel, celery_worker_reel
):
    courriel = "claire.martin@exemple.fr"
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Créer un compte").click()
    page.locator("#id_email").fill(courriel)
    page.locator("#id_password1").fill(MOT_DE_PASSE)
    page.locator("#id_password2").fill(MOT_DE_PASSE)
    page.locator("form.formulaire--signup [type=submit]").click()
    page.wait_for_url(re.compile(r"/compte/confirm-email/$"))

    message = _attendre_courriel()
    assert courriel in message.to
    lien = re.search(r"https?://[^/\s]+(/compte/confirm-email/[^\s]+/)", message.body).group(1)
    page.goto(live_server.url + lien)
    page.get_by_role("button", name="Confirmer").click()

    # Confirming logs the visitor in; log out, then log in with the form.
    page.wait_for_url(re.compile(r"/compte/$"))
    page.get_by_role("button", name="Se déconnecter").click()
    page.goto(live_server.url + "/compte/login/")
    page.locator("#id_login").fill(courriel)
    page.locator("#id_password").fill(MOT_DE_PASSE)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/compte/$"))
    assert courriel in page.locator("main").inner_text()


def test_staff_reaches_the_wagtail_admin_through_the_allauth_login(
    page, live_server, site_demo_transactionnel, django_user_model
):
    from allauth.account.models import EmailAddress

    equipe = django_user_model.objects.create_superuser(
        email="redaction@lot.fr", password=MOT_DE_PASSE
    )
    EmailAddress.objects.create(user=equipe, email=equipe.email, verified=True, primary=True)
    page.goto(live_server.url + "/admin/")
    page.wait_for_url(re.compile(r"/compte/login/"))
    page.locator("#id_login").fill(equipe.email)
    page.locator("#id_password").fill(MOT_DE_PASSE)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))
    assert page.get_by_role("link", name="Pages").count() >= 1
