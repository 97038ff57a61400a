"""The cancellation link frees seats and promotes the first waiting people who fit."""

import pytest
from django.core import mail

from lot_portal.agenda import services
from lot_portal.agenda.models import Inscription

pytestmark = pytest.mark.django_db


def _inscrire(evenement, email, personnes=1):
    return services.inscription_creer(
        evenement=evenement, prenom="Inès", nom="Vidal", email=email, nombre_personnes=personnes
    )


def test_cancellation_link_asks_then_cancels_and_promotes(
    client, creer_evenement, django_capture_on_commit_callbacks
):
    evenement = creer_evenement(capacite=3)
    partant = _inscrire(evenement, "partant@exemple.fr", 3)
    gros_groupe = _inscrire(evenement, "groupe@exemple.fr", 3)
    premier = _inscrire(evenement, "premier@exemple.fr", 2)
    second = _inscrire(evenement, "second@exemple.fr", 2)
    assert {gros_groupe.statut, premier.statut, second.statut} == {Inscription.Statut.ATTENTE}

    url = f"/agenda/annulation/{partant.jeton}/"
    demande = client.get(url)
    assert demande.status_code == 200
    assert "Annuler mon inscription" in demande.content.decode()
    partant.refresh_from_db()
    assert partant.statut == Inscription.Statut.INSCRITE  # GET changes nothing

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(url)
    assert reponse.status_code == 200
    assert "Inscription annulée" in reponse.content.decode()
    statuts = dict(evenement.inscriptions.values_list("email", "statut"))
    assert statuts["partant@exemple.fr"] == Inscription.Statut.ANNULEE
    # The first in line (3 people) fits the 3 freed seats; the others keep waiting.
    assert statuts["groupe@exemple.fr"] == Inscription.Statut.INSCRITE
    assert statuts["premier@exemple.fr"] == Inscription.Statut.ATTENTE
    assert statuts["second@exemple.fr"] == Inscription.Statut.ATTENTE

    sujets = {m.to[0]: m.subject for m in mail.outbox}
    assert sujets == {
        "partant@exemple.fr": f"Inscription annulée : {evenement.title}",
        "groupe@exemple.fr": f"Une place s'est libérée : {evenement.title}",
    }
    premier.refresh_from_db()
    assert premier.position_attente() == 1


def test_promotion_skips_groups_that_do_not_fit(creer_evenement):
    evenement = creer_evenement(capacite=4)
    partant = _inscrire(evenement, "partant@exemple.fr", 2)
    _inscrire(evenement, "reste@exemple.fr", 2)
    trop_gros = _inscrire(evenement, "gros@exemple.fr", 3)
    petit = _inscrire(evenement, "petit@exemple.fr", 1)
    autre_petit = _inscrire(evenement, "autre@exemple.fr", 1)
    encore = _inscrire(evenement, "encore@exemple.fr", 1)
    promues = services.inscription_annuler(inscription=partant)
    assert [p.email for p in promues] == ["petit@exemple.fr", "autre@exemple.fr"]
    for inscription, statut in (
        (trop_gros, Inscription.Statut.ATTENTE),
        (petit, Inscription.Statut.INSCRITE),
        (autre_petit, Inscription.Statut.INSCRITE),
        (encore, Inscription.Statut.ATTENTE),
    ):
        inscription.refresh_from_db()
        assert inscription.statut == statut
    evenement.refresh_from_db()
    assert evenement.places_restantes == 0


def test_cancelling_twice_is_harmless(client, creer_evenement):
    evenement = creer_evenement(capacite=2)
    inscription = _inscrire(evenement, "a@exemple.fr", 1)
    url = f"/agenda/annulation/{inscription.jeton}/"
    client.post(url)
    mail.outbox.clear()
    reponse = client.post(url)
    assert reponse.status_code == 200
    assert "déjà annulée" in reponse.content.decode()
    assert mail.outbox == []


def test_unknown_or_malformed_token_is_a_404(client, agenda):
    assert client.get("/agenda/annulation/00000000-0000-4000-8000-000000000000/").status_code == 404
    assert client.get("/agenda/annulation/pas-un-jeton/").status_code == 404


def test_cancelling_frees_seats_on_the_page(client, creer_evenement):
    evenement = creer_evenement(capacite=5)
    inscription = _inscrire(evenement, "a@exemple.fr", 4)
    assert "1 place restante sur 5" in client.get(evenement.url).content.decode()
    client.post(f"/agenda/annulation/{inscription.jeton}/")
    assert "5 places restantes sur 5" in client.get(evenement.url).content.decode()
