"""A visitor registers for an event: form, confirmation, email."""

import pytest
from django.core import mail

from lot_portal.agenda.models import Inscription

pytestmark = pytest.mark.django_db


def _url(evenement):
    return evenement.url + "inscription/"


def test_event_page_links_to_the_registration_form(client, creer_evenement):
    evenement = creer_evenement(capacite=20)
    html = client.get(evenement.url).content.decode()
    assert 'href="' + _url(evenement) + '"' in html
    assert "20 places restantes sur 20" in html
    # The event page itself carries no form, so it stays cacheable.
    assert "csrfmiddlewaretoken" not in html


def test_form_is_a_real_post_form_with_csrf_and_labels(client, creer_evenement):
    evenement = creer_evenement()
    html = client.get(_url(evenement)).content.decode()
    assert 'method="post"' in html
    assert "csrfmiddlewaretoken" in html
    for libelle in ("Prénom", "Nom", "Adresse électronique", "Nombre de personnes", "Message"):
        assert libelle in html
    assert "<legend>Vos coordonnées</legend>" in html
    assert 'href="/donnees-personnelles/"' in html


def test_registration_happy_path(
    client, creer_evenement, formulaire, django_capture_on_commit_callbacks
):
    evenement = creer_evenement(capacite=10)
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(_url(evenement), formulaire(nombre_personnes="3", message="Merci !"))
    assert reponse.status_code == 302
    assert reponse["Location"] == _url(evenement) + "confirmation/"
    inscription = evenement.inscriptions.get()
    assert inscription.statut == Inscription.Statut.INSCRITE
    assert inscription.nombre_personnes == 3
    assert inscription.message == "Merci !"

    confirmation = client.get(reponse["Location"]).content.decode()
    assert "Inscription confirmée" in confirmation
    assert "vous êtes inscrits à 3" in confirmation

    assert len(mail.outbox) == 1
    courriel = mail.outbox[0]
    assert courriel.to == ["claire.martin@exemple.fr"]
    assert courriel.subject == f"Inscription confirmée : {evenement.title}"
    assert "vous êtes inscrits pour 3 personnes" in courriel.body
    assert f"/agenda/annulation/{inscription.jeton}/" in courriel.body
    html = {t: c for c, t in courriel.alternatives}["text/html"]
    assert f"/agenda/annulation/{inscription.jeton}/" in html
    assert "5 places restantes" not in client.get(evenement.url).content.decode()
    assert "7 places restantes sur 10" in client.get(evenement.url).content.decode()


def test_email_is_normalised(client, creer_evenement, formulaire):
    evenement = creer_evenement()
    client.post(_url(evenement), formulaire(email="  Claire.MARTIN@Exemple.fr "))
    assert evenement.inscriptions.get().email == "claire.martin@exemple.fr"


def test_confirmation_without_a_registration_redirects_to_the_event(client, creer_evenement):
    evenement = creer_evenement()
    reponse = client.get(_url(evenement) + "confirmation/")
    assert reponse.status_code == 302
    assert reponse["Location"] == evenement.url


def test_registration_pages_are_never_cached(client, creer_evenement):
    evenement = creer_evenement()
    reponse = client.get(_url(evenement))
    assert "no-store" in reponse["Cache-Control"]
