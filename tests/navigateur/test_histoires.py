"""A visitor in Chromium filters the stories, opens one with audio and reads its transcript."""

import re

import pytest

pytestmark = [pytest.mark.navigateur]

LALBENQUE_LIMOGNE = "244600532"  # CC du Pays de Lalbenque-Limogne


def test_visitor_filters_stories_and_reads_a_transcript(
    page, live_server, site_demo_transactionnel
):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Histoires"
    ).click()
    page.wait_for_url(re.compile(r"/histoires/$"))
    assert page.locator("h1").inner_text() == "Histoires"

    page.get_by_label("Profil", exact=True).select_option("jeunes")
    page.get_by_role("button", name="Afficher les histoires").click()
    page.wait_for_url(re.compile(r"profil=jeunes"))
    statut = page.get_by_role("status")
    assert "pour ces critères" in statut.inner_text()
    titres = page.locator(".carte-histoire__titre").all_inner_texts()
    assert any("Lucie" in titre for titre in titres)

    page.get_by_label("Communauté de communes", exact=True).select_option(LALBENQUE_LIMOGNE)
    page.get_by_role("button", name="Afficher les histoires").click()
    page.wait_for_url(re.compile(rf"communaute={LALBENQUE_LIMOGNE}"))
    assert "profil=jeunes" in page.url  # the filters combine
    assert page.locator(".carte-histoire").count() == 1

    page.get_by_role("link", name=re.compile("Lucie, trufficultrice")).click()
    page.wait_for_url(re.compile(r"/histoires/trufficultrice-a-lalbenque/$"))
    assert page.locator("audio[controls]").count() == 1
    transcription = page.locator("details", has_text="Lire la transcription")
    assert not transcription.locator("text=coup de sifflet").is_visible()
    transcription.get_by_text("Lire la transcription").click()
    assert transcription.get_by_text("coup de sifflet", exact=False).is_visible()


def test_home_profile_card_leads_to_its_stories(page, live_server, site_demo_transactionnel):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name=re.compile(r"Leurs histoires\s*: Les « wanted »")).click()
    page.wait_for_url(re.compile(r"/histoires/\?profil=wanted$"))
    assert page.locator("#filtre-profil").input_value() == "wanted"
    assert page.locator(".carte-histoire").count() >= 3
