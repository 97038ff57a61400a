"""The admin's export of one person's data: superusers only, French errors, journaled."""

import json

import pytest
from _rgpd import alerte
from fabriques import UtilisateurFactory

pytestmark = pytest.mark.django_db

URL = "/admin/rgpd/export/"


def _superutilisateur(client):
    admin = UtilisateurFactory(email="dpo@lot.fr", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return admin


def test_a_superuser_exports_a_person_by_email(client):
    _superutilisateur(client)
    compte = UtilisateurFactory(email="personne.export@exemple.fr")
    alerte("personne.export@exemple.fr", compte=compte)
    alerte("personne.export@exemple.fr", empreinte="autre")  # the address, no account
    reponse = client.post(URL, {"courriel": "Personne.Export@exemple.fr", "motif": "Courrier 12"})
    assert reponse.status_code == 200
    assert reponse["Content-Disposition"].startswith("attachment;")
    export = json.loads(reponse.content)
    alertes = next(f for f in export["finalites"] if f["slug"] == "opportunites")
    assert len(alertes["donnees"][0]["lignes"]) == 2
    from lot_portal.journal.models import JournalAcces

    entree = JournalAcces.objects.get()
    assert entree.motif == "Courrier 12" and "personne.export" not in entree.objet_libelle


def test_errors_are_in_french_next_to_the_field_and_input_kept(client):
    _superutilisateur(client)
    reponse = client.post(URL, {"courriel": "pas-une-adresse", "motif": ""})
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "Saisissez une adresse électronique valide" in contenu
    assert "Indiquez le motif" in contenu
    assert 'value="pas-une-adresse"' in contenu


def test_other_staff_cannot_export(client):
    agent = UtilisateurFactory(email="agent@lot.fr", is_staff=True)
    client.force_login(agent)
    assert client.get(URL).status_code in (302, 403)
    assert client.post(URL, {"courriel": "a@exemple.fr", "motif": "x"}).status_code in (302, 403)
