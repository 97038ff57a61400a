"""A visitor in Chromium filters the job listing, opens an offer, and uses the map."""

import datetime
import os
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

pytestmark = [pytest.mark.navigateur]


@pytest.fixture
def offres_en_ligne(transactional_db):
    from lot_portal.cms.models import HomePage
    from lot_portal.territoire.models import Commune
    from opportunites.models import Contrat, Employeur, OffreEmploiPage, Secteur
    from opportunites.structure import structure_creer

    call_command("seed_demo", "--noyau", stdout=open(os.devnull, "w"))  # noqa: SIM115
    structure = structure_creer(HomePage.objects.get())
    employeur = Employeur.objects.create(nom="Centre hospitalier de Figeac", secteur=Secteur.SANTE)
    aujourd_hui = timezone.localdate()
    for titre, commune, secteur, contrat in [
        ("Infirmier de nuit", "Figeac", Secteur.SANTE, Contrat.CDI),
        ("Kinésithérapeute", "Capdenac", Secteur.SANTE, Contrat.LIBERAL),
        ("Développeur Python", "Cahors", Secteur.NUMERIQUE, Contrat.CDI),
        ("Technicien de maintenance", "Gramat", Secteur.INGENIERIE, Contrat.CDD),
    ]:
        page = OffreEmploiPage(
            title=titre,
            employeur=employeur,
            commune=Commune.objects.get(nom=commune),
            secteur=secteur,
            contrat=contrat,
            description="<p>Un poste dans le Lot.</p>",
            candidature_url="https://exemple.fr/candidater",
            date_publication=aujourd_hui,
            date_expiration=aujourd_hui + datetime.timedelta(days=30),
        )
        structure.offres.add_child(instance=page)
        page.save_revision().publish()
    return structure


def test_visiteur_filtre_les_offres_et_en_ouvre_une(page, live_server, offres_en_ligne):
    page.goto(live_server.url + "/opportunites/emplois/")
    assert page.locator("h1").inner_text() == "Offres d'emploi"
    assert "4 offres" in page.get_by_role("status").inner_text()

    page.get_by_label(re.compile(r"^Santé et social")).check()
    page.get_by_role("button", name="Afficher les offres").click()
    page.wait_for_url(re.compile(r"secteur=sante"))
    assert "2 offres pour ces critères" in page.get_by_role("status").inner_text()

    page.get_by_label("Autour de la commune").select_option(label="Figeac")
    page.get_by_label("Dans un rayon de").select_option("10")
    page.get_by_label("Trier par").select_option("proche")
    page.get_by_role("button", name="Afficher les offres").click()
    page.wait_for_url(re.compile(r"rayon=10"))
    assert "secteur=sante" in page.url  # the filters combine
    titres = page.locator(".carte-offre__titre").all_inner_texts()
    assert titres == ["Infirmier de nuit", "Kinésithérapeute"]

    page.get_by_role("link", name="Kinésithérapeute").click()
    page.wait_for_url(re.compile(r"/opportunites/emplois/kinesitherapeute/$"))
    assert page.locator("h1").inner_text() == "Kinésithérapeute"


def test_carte_au_clavier(page, live_server, offres_en_ligne, settings):
    # Tiles from the test server itself: no request leaves the machine.
    settings.OPPORTUNITES_CARTE_TUILES = (
        live_server.url + "/static/vendor/leaflet/images/layers.png?z={z}&x={x}&y={y}"
    )
    page.goto(live_server.url + "/opportunites/emplois/?secteur=sante&territoire=200067361")
    bouton = page.locator(".opp-carte__bascule")
    assert bouton.inner_text() == "Afficher la carte"
    bouton.click()
    assert bouton.get_attribute("aria-expanded") == "true"
    assert bouton.inner_text() == "Masquer la carte"
    marqueurs = page.locator(".opp-marqueur")
    marqueurs.first.wait_for()
    assert "Carte : 2 offres" in page.locator(".opp-carte__etat").inner_text()
    marqueurs.first.focus()
    page.keyboard.press("Enter")
    lien = page.locator(".leaflet-popup a").first
    lien.wait_for()
    assert lien.inner_text() in {"Infirmier de nuit", "Kinésithérapeute"}
    lien.click()
    page.wait_for_url(re.compile(r"/opportunites/emplois/[a-z-]+/$"))
