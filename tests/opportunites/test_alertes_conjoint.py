"""A newcomer's spouse gets the job alerts: link from the newcomer's space, opt-in by the spouse."""

import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from fabriques import CommunauteFactory, UtilisateurFactory

from accueil.models import ParcoursAccueil
from accueil.models.choix import ProfilArrivant
from lot_portal.courriels.models import Courriel
from opportunites.models import Alerte

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _limites_vides():
    cache.clear()


@pytest.fixture
def arrivant(opp):
    utilisateur = UtilisateurFactory(email="lea@exemple.fr", first_name="Léa", last_name="Martin")
    parcours = ParcoursAccueil.objects.create(
        utilisateur=utilisateur,
        prenom="Léa",
        nom="Martin",
        profil=ProfilArrivant.SECONDES_VIES,
        lieu_actuel="Lyon",
        consentement_le=timezone.now(),
        adultes=2,
        conjoint_metier="Infirmier",
        conjoint_cherche_emploi=True,
    )
    communaute = CommunauteFactory(siren="209999991", nom="Causses de test")
    parcours.communautes.add(communaute)
    return utilisateur


def _lien(html: str) -> str:
    trouve = re.search(r'href="(/opportunites/alertes/nouvelle/\?pour=conjoint[^"]*)"', html)
    assert trouve, "lien vers les alertes du conjoint absent"
    return trouve.group(1).replace("&amp;", "&")


def test_the_newcomers_space_links_to_alerts_for_the_spouse(client, arrivant):
    client.force_login(arrivant)
    html = client.get("/accueil/mon-parcours/").content.decode()
    assert "Alertes emploi pour mon conjoint" in html
    lien = _lien(html)
    assert "q=Infirmier" in lien and "territoire=209999991" in lien


def test_the_spouse_confirms_from_their_own_address(client, arrivant):
    client.force_login(arrivant)
    lien = _lien(client.get("/accueil/mon-parcours/").content.decode())
    page = client.get(lien)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Alertes emploi pour votre conjoint" in html
    assert "« Infirmier » · Causses de test" in html
    assert 'value="lea@exemple.fr"' not in html  # never the newcomer's own address
    assert "L&#x27;adresse électronique de votre conjoint" in html
    reponse = client.post(lien, {"email": "sam@exemple.fr", "frequence": "hebdomadaire"})
    assert reponse.status_code == 302
    alerte = Alerte.objects.get()
    assert alerte.email == "sam@exemple.fr"
    assert alerte.pour_conjoint and alerte.compte is None
    assert alerte.filtres == {"q": "Infirmier", "territoire": ["209999991"]}
    assert alerte.confirmee_le is None  # the spouse's own consent
    (courriel,) = Courriel.objects.all()
    assert courriel.destinataires == ["sam@exemple.fr"]
    assert "Léa Martin" in courriel.corps_texte
    assert "/opportunites/alertes/confirmer/" in courriel.corps_texte
    assert "Votre conjoint doit cliquer" in client.get(reponse["Location"]).content.decode()


def test_even_the_newcomers_verified_address_needs_a_confirmation_for_a_spouse_alert(
    client, arrivant
):
    client.force_login(arrivant)
    client.post(
        "/opportunites/alertes/nouvelle/?pour=conjoint&q=Infirmier",
        {"email": "lea@exemple.fr", "frequence": "quotidienne"},
    )
    assert Alerte.objects.get().confirmee_le is None
    assert Courriel.objects.count() == 1


def test_no_link_without_a_spouse(client, arrivant):
    ParcoursAccueil.objects.update(adultes=1, conjoint_metier="", conjoint_cherche_emploi=False)
    client.force_login(arrivant)
    html = client.get("/accueil/mon-parcours/").content.decode()
    assert "Alertes emploi pour mon conjoint" not in html
