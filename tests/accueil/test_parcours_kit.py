"""The welcome kit: profile content, the area's practical information, print stylesheet."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from accueil.models import InfosPratiques
from accueil.models.choix import ProfilArrivant

pytestmark = pytest.mark.django_db
URL = "/accueil/mon-parcours/kit/"


@pytest.fixture
def secteurs(fabrique):
    figeac = fabrique.communaute(nom="CC Grand-Figeac")
    cahors = fabrique.communaute(nom="CA du Grand Cahors")
    InfosPratiques.objects.create(
        communaute=figeac,
        presentation="<p>Présentation de Figeac</p>",
        sante="<p>Centre hospitalier de Figeac</p>",
        contacts='<p><a href="https://www.ville-figeac.fr">Mairie de Figeac</a></p>',
    )
    InfosPratiques.objects.create(
        communaute=cahors,
        presentation="<p>Présentation de Cahors</p>",
        sante="<p>Centre hospitalier de Cahors</p>",
    )
    return figeac, cahors


def test_adresse_francaise():
    assert reverse("accueil:parcours_kit") == URL


def test_kit_du_profil_et_infos_du_secteur(client, fabrique, secteurs):
    fabrique.kit(
        profil=ProfilArrivant.WANTED,
        titre="Votre carrière continue ici",
        corps=[{"type": "texte", "value": "<p>Pour les soignants</p>"}],
    )
    fabrique.kit(profil=ProfilArrivant.AUTRE, titre="Kit général")
    referent = fabrique.referent(communaute=secteurs[0], telephone="05 65 00 00 01")
    parcours = fabrique.parcours(profil=ProfilArrivant.WANTED, referent=referent)
    parcours.communautes.set([secteurs[0]])
    client.force_login(parcours.utilisateur)
    contenu = client.get(URL).content.decode()
    assert "Votre carrière continue ici" in contenu
    assert "Pour les soignants" in contenu
    assert "Centre hospitalier de Figeac" in contenu
    assert "Centre hospitalier de Cahors" not in contenu
    assert "05 65 00 00 01" in contenu
    # Print: the stylesheet and a button only JavaScript reveals, with a sentence for Ctrl+P.
    assert "css/accueil-parcours.css" in contenu
    assert "js/accueil-parcours.js" in contenu
    assert (
        '<button class="bouton bouton--secondaire" type="button" data-imprimer hidden>' in contenu
    )
    assert "Ctrl+P" in contenu
    assert "<script>" not in contenu and 'style="' not in contenu


def test_repli_sur_le_kit_autre_et_resume_quand_le_secteur_est_inconnu(client, fabrique, secteurs):
    fabrique.kit(profil=ProfilArrivant.AUTRE, titre="Kit général")
    parcours = fabrique.parcours(profil=ProfilArrivant.JEUNES, zone_inconnue=True)
    client.force_login(parcours.utilisateur)
    contenu = client.get(URL).content.decode()
    assert "Kit général" in contenu
    assert "Présentation de Figeac" in contenu and "Présentation de Cahors" in contenu
    # Summarised: no detailed sections.
    assert "Centre hospitalier" not in contenu


def test_sans_kit_ni_infos(client, fabrique):
    parcours = fabrique.parcours()
    client.force_login(parcours.utilisateur)
    response = client.get(URL)
    assert response.status_code == 200
    assert "en cours de rédaction" in response.content.decode()


def test_feuille_d_impression():
    css = (Path(settings.BASE_DIR) / "static/css/accueil-parcours.css").read_text()
    impression = css[css.index("@media print") :]
    for attendu in (
        ".entete",
        ".pied",
        "display: none",
        "color: #000",
        "background: #fff",
        'content: " (" attr(href) ")"',
        "break-before: page",
        "break-inside: avoid",
    ):
        assert attendu in impression, attendu
    js = (Path(settings.BASE_DIR) / "static/js/accueil-parcours.js").read_text()
    assert "window.print()" in js


def test_budget_de_requetes_du_kit(client, fabrique):
    """Unknown area: every communauté's summary; 2 then 12 of them, the same queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fabrique.kit(profil=ProfilArrivant.SECONDES_VIES)
    parcours = fabrique.parcours(zone_inconnue=True)
    client.force_login(parcours.utilisateur)

    def ajouter(n):
        for _ in range(n):
            InfosPratiques.objects.create(
                communaute=fabrique.communaute(), presentation="<p>Un secteur</p>"
            )

    def compter():
        client.get(URL)
        with CaptureQueriesContext(connection) as requetes:
            assert client.get(URL).status_code == 200
        return len(requetes)

    ajouter(2)
    avec_deux = compter()
    ajouter(10)
    avec_douze = compter()
    assert InfosPratiques.objects.count() == 12
    assert avec_deux == avec_douze
