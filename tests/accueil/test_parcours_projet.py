"""Updating the project from the newcomer's space: validation, then steps and score."""

import pytest
from django.urls import reverse

from accueil.models import ModeleEtape
from accueil.services import parcours as services
from accueil.services import reseau

pytestmark = pytest.mark.django_db
URL = "/accueil/mon-parcours/projet/"


@pytest.fixture
def parcours(fabrique, client):
    communaute = fabrique.communaute(nom="CC Grand-Figeac")
    fabrique.commune(nom="Figeac", communaute=communaute)
    fabrique.commune(nom="Saint-Céré")
    parcours = fabrique.parcours(enfants=[{"age": 4, "niveau": "MS"}])
    parcours.communautes.set([communaute])
    client.force_login(parcours.utilisateur)
    return parcours


def _valide(**kwargs):
    donnees = {
        "adultes": "2",
        "enfants_texte": "7 ans, CE1\n15 ans seconde",
        "metier_recherche": "Infirmière",
        "secteur_recherche": "Santé",
        "projet_entreprise": "aucun",
        "teletravail": "partiel",
        "conjoint_metier": "Menuisier",
        "conjoint_cherche_emploi": "on",
        "communes_texte": "figeac, Saint-Céré",
        "horizon": "moins_6_mois",
        "date_installation": "",
        "besoin_logement": "location",
        "logement_temporaire": "on",
    }
    donnees.update(kwargs)
    return {k: v for k, v in donnees.items() if v is not None}


def test_adresse_francaise():
    assert reverse("accueil:parcours_projet") == URL


def test_le_formulaire_reprend_le_dossier(client, parcours):
    contenu = client.get(URL).content.decode()
    assert "4 ans, MS" in contenu
    assert "<legend>Votre foyer</legend>" in contenu


def test_mise_a_jour_puis_etapes_adaptees(client, parcours, fabrique):
    fabrique.modele_etape(code="conjoint", condition=ModeleEtape.Condition.CONJOINT_CHERCHE_EMPLOI)
    reseau.regles_par_defaut_creer()
    response = client.post(URL, _valide())
    assert response.status_code == 302, response.content.decode()[:3000]
    parcours.refresh_from_db()
    assert parcours.adultes == 2
    assert parcours.enfants == [{"age": 7, "niveau": "CE1"}, {"age": 15, "niveau": "seconde"}]
    assert parcours.conjoint_cherche_emploi
    assert sorted(c.nom for c in parcours.communes.all()) == ["Figeac", "Saint-Céré"]
    assert parcours.communautes.count() == 0
    assert [e.modele.code for e in parcours.etapes.all()] == ["conjoint"]
    assert parcours.score_maturite > 0  # the maturity score was recomputed


def test_je_ne_sais_pas_encore(client, parcours):
    response = client.post(URL, _valide(communes_texte="", zone_inconnue="on"))
    assert response.status_code == 302
    parcours.refresh_from_db()
    assert parcours.zone_inconnue
    assert not parcours.communautes.exists()


@pytest.mark.parametrize(
    ("modif", "erreur"),
    [
        ({"adultes": "0"}, "au moins 1 adulte"),
        ({"adultes": "deux"}, "nombre entier d&#x27;adultes"),
        ({"adultes": "99"}, "au plus 10 adultes"),
        ({"enfants_texte": "30 ans"}, "de 0 à 25 ans"),
        ({"enfants_texte": "\n".join(["5 ans"] * 11)}, "au plus 10 enfants"),
        ({"communes_texte": "Figeac, Atlantis"}, "Commune inconnue dans le Lot : Atlantis"),
        ({"communes_texte": "", "communautes": None}, "Choisissez au moins une communauté"),
        ({"zone_inconnue": "on"}, "décochez « Je ne sais pas encore »"),
        ({"date_installation": "31/02/2027"}, "Saisissez une date valide"),
        ({"date_installation": "2001-01-01"}, "passée depuis plus d&#x27;un an"),
        ({"horizon": "demain"}, "Choisissez une réponse dans la liste"),
        ({"communautes": "999999"}, "Ce secteur n&#x27;existe pas"),
        ({"adultes": "1"}, "un seul adulte"),
        ({"metier_recherche": "x" * 151}, "150 caractères"),
    ],
)
def test_mauvaises_saisies(client, parcours, modif, erreur):
    response = client.post(URL, _valide(**modif))
    assert response.status_code == 400
    contenu = response.content.decode()
    assert erreur in contenu
    assert 'class="resume-erreurs"' in contenu
    # What was typed is kept.
    assert _valide(**modif)["metier_recherche"] in contenu
    parcours.refresh_from_db()
    assert parcours.adultes == 1
    assert parcours.metier_recherche == ""


def test_service_idempotent(parcours):
    donnees = {"adultes": 3, "communautes": [], "communes": [], "zone_inconnue": True}
    services.projet_mettre_a_jour(parcours=parcours, donnees=donnees)
    services.projet_mettre_a_jour(parcours=parcours, donnees=donnees)
    parcours.refresh_from_db()
    assert parcours.adultes == 3
