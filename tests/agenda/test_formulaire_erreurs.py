"""Bad input, field by field: French errors next to the field, input kept, never a 500."""

import re
from html import unescape

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db

CAS = [
    ("prenom", {"prenom": ""}, "Indiquez votre prénom."),
    ("prenom", {"prenom": "   "}, "Indiquez votre prénom."),
    ("prenom", {"prenom": "x" * 101}, "Votre prénom ne doit pas dépasser 100 caractères."),
    ("nom", {"nom": ""}, "Indiquez votre nom."),
    ("nom", {"nom": "y" * 101}, "Votre nom ne doit pas dépasser 100 caractères."),
    ("email", {"email": ""}, "Indiquez votre adresse électronique."),
    ("email", {"email": "pas-une-adresse"}, "Saisissez une adresse électronique valide"),
    ("email", {"email": "a@b"}, "Saisissez une adresse électronique valide"),
    ("nombre_personnes", {"nombre_personnes": ""}, "Indiquez le nombre de personnes"),
    ("nombre_personnes", {"nombre_personnes": "0"}, "Indiquez au moins 1 personne."),
    ("nombre_personnes", {"nombre_personnes": "-3"}, "Indiquez au moins 1 personne."),
    ("nombre_personnes", {"nombre_personnes": "11"}, "au plus 10 personnes"),
    ("nombre_personnes", {"nombre_personnes": "deux"}, "Indiquez un nombre entier"),
    ("nombre_personnes", {"nombre_personnes": "2.5"}, "Indiquez un nombre entier"),
    ("nombre_personnes", {"nombre_personnes": "9" * 30}, "au plus 10 personnes"),
    ("message", {"message": "z" * 1001}, "Votre message ne doit pas dépasser 1 000 caractères."),
    ("consentement", {"consentement": ""}, "Cochez cette case"),
]


@pytest.mark.parametrize(("champ", "saisie", "erreur"), CAS)
def test_each_field_error_is_french_linked_and_keeps_input(
    client, creer_evenement, formulaire, champ, saisie, erreur
):
    evenement = creer_evenement()
    donnees = formulaire(
        **{"prenom": "Jérôme", "nom": "Delpech", "message": "Au plaisir", **saisie}
    )
    if champ == "consentement":
        donnees.pop("consentement")
    reponse = client.post(evenement.url + "inscription/", donnees)
    assert reponse.status_code == 200
    html = unescape(reponse.content.decode())
    assert erreur in html
    assert f'id="id_{champ}_erreur"' in html
    balise = re.search(rf'<(?:input|textarea)[^>]*id="id_{champ}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in balise
    assert f"id_{champ}_erreur" in re.search(r'aria-describedby="([^"]*)"', balise).group(1)
    assert "<title>Erreur : " in html
    assert 'class="resume-erreurs"' in html
    # What was typed in the other fields is kept.
    if champ != "prenom":
        assert 'value="Jérôme"' in html
    if champ != "message":
        assert "Au plaisir</textarea>" in html
    assert evenement.inscriptions.count() == 0
    assert mail.outbox == []


def test_an_empty_post_lists_every_required_field(client, creer_evenement):
    evenement = creer_evenement()
    html = unescape(client.post(evenement.url + "inscription/", {}).content.decode())
    for erreur in (
        "Indiquez votre prénom.",
        "Indiquez votre nom.",
        "Indiquez votre adresse électronique.",
        "Indiquez le nombre de personnes",
        "Cochez cette case",
    ):
        assert erreur in html


def test_post_without_csrf_token_is_refused(creer_evenement, formulaire):
    from django.test import Client

    evenement = creer_evenement()
    reponse = Client(enforce_csrf_checks=True).post(evenement.url + "inscription/", formulaire())
    assert reponse.status_code == 403
    assert evenement.inscriptions.count() == 0
