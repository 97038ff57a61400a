"""The legal pages: seeded, linked from the footer, complete, editable Wagtail pages."""

import re
from html import unescape

import pytest

from lot_portal.cms.models import PageSimple

TITRES = {
    "mentions-legales": [
        "Éditeur",
        "Directeur de la publication",
        "Hébergeur",
        "Crédits",
        "Propriété intellectuelle et licence des données",
    ],
    "donnees-personnelles": [
        "Responsable du traitement",
        "À quoi servent vos données\u00a0?",
        "Sur quelles bases légales\u00a0?",
        "Qui voit vos données ?",
        "Combien de temps ?",
        "Vos droits",
        "Délégué à la protection des données",
        "Réclamation auprès de la CNIL",
        "Cookies",
    ],
    "accessibilite": [
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Dérogations pour charge disproportionnée",
        "Établissement de cette déclaration d'accessibilité",
        "Retour d'information et contact",
        "Voies de recours",
    ],
}


def intertitres(html: str) -> list[str]:
    return [
        unescape(re.sub(r"<[^>]+>", "", t)).strip()
        for t in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)
    ]


@pytest.mark.parametrize("slug", TITRES)
def test_each_legal_page_is_seeded_linked_and_complete(client, site_demo, slug):
    accueil = client.get("/").content.decode()
    assert f'href="/{slug}/"' in accueil
    reponse = client.get(f"/{slug}/")
    assert reponse.status_code == 200
    html = reponse.content.decode()
    titres = intertitres(html)
    for titre in TITRES[slug]:
        assert titre in titres, (slug, titre, titres)


def test_personal_data_page_gives_rights_dpo_and_retention(client, site_demo):
    texte = unescape(client.get("/donnees-personnelles/").content.decode())
    for mot in (
        "Département du Lot",
        "accès",
        "rectification",
        "effacement",
        "opposition",
        "limitation",
        "portabilité",
        "dpo@lot.fr",
        "46005 Cahors Cedex 9",
        'href="/compte/mes-donnees/"',
        "CNIL",
        "trois ans après votre dernier contact",
        "Journal des accès des agents</strong> : un an",
        "Mission d'intérêt public",
        "Consentement",
        "aucun bandeau de consentement",
    ):
        assert mot in texte, mot


def test_personal_data_page_shows_the_registry_of_treatments(client, site_demo):
    from lot_portal.rgpd.registre import traitements

    html = unescape(client.get("/donnees-personnelles/").content.decode())
    assert "Registre des traitements" in html
    for traitement in traitements():
        assert f"<h3>{traitement['finalite']}</h3>" in html
    # Only on that page.
    assert "Registre des traitements" not in client.get("/mentions-legales/").content.decode()


def test_accessibility_statement_is_partially_compliant_and_the_footer_says_so(client, site_demo):
    html = unescape(client.get("/accessibilite/").content.decode())
    assert "<strong>partiellement conforme</strong>" in html
    assert "axe-core" in html and "Défenseur des droits" in html
    pied = unescape(client.get("/").content.decode())
    assert ">Accessibilité : partiellement conforme</a>" in pied


def test_legal_pages_are_editable_in_wagtail(client, site_demo, django_user_model):
    admin = django_user_model.objects.create_superuser(
        email="editeur.legal@lot.fr", password="x-Lot-2026-editeur"
    )
    client.force_login(admin)
    for slug in TITRES:
        page = PageSimple.objects.get(slug=slug)
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    # An edit published by the team shows on the site, footer included.
    page = PageSimple.objects.get(slug="accessibilite")
    page.title = "Accessibilité : totalement conforme"
    page.save_revision().publish()
    assert ">Accessibilité : totalement conforme</a>" in unescape(client.get("/").content.decode())
