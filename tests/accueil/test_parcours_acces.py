"""Who may see what in the newcomer's space: anonymous, newcomer A vs B, staff without a file."""

import pytest
from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.urls import reverse

from accueil.models import CurriculumVitae, EtapeParcours, SejourDecouverte
from accueil.models.choix import StatutEtape
from accueil.services import parcours as services

pytestmark = pytest.mark.django_db

PAGES = [
    "accueil:parcours",
    "accueil:parcours_messages",
    "accueil:parcours_projet",
    "accueil:parcours_kit",
    "accueil:parcours_cv",
]


@pytest.fixture
def deux_parcours(fabrique):
    modele = fabrique.modele_etape(code="medecin", titre="Trouver un médecin")
    a = fabrique.parcours(prenom="Alice")
    b = fabrique.parcours(prenom="Bruno")
    for parcours in (a, b):
        services.etapes_generer(parcours=parcours)
    cv_b = CurriculumVitae.objects.create(
        parcours=b, titulaire="arrivant", nom_original="bruno.pdf", taille=10
    )
    cv_b.fichier.save("b.pdf", ContentFile(b"%PDF-1.4 bruno"), save=True)
    services.message_envoyer(
        parcours=b, auteur=b.utilisateur, texte="Secret de B", de_l_arrivant=True
    )
    return a, b, modele, cv_b


@pytest.mark.parametrize("nom", PAGES)
def test_anonyme_envoye_a_la_connexion_avec_next(client, nom):
    url = reverse(nom)
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert "next=" in response["Location"]


@pytest.mark.parametrize("nom", PAGES)
def test_compte_sans_dossier_envoye_a_l_inscription(client, fabrique, nom):
    referent = fabrique.referent()
    client.force_login(referent.utilisateur)
    response = client.get(reverse(nom))
    assert response.status_code == 302
    assert response["Location"] == "/accueil/inscription/"


def test_adresse_non_verifiee_renvoyee_vers_la_page_des_adresses(client, fabrique):
    parcours = fabrique.parcours()
    EmailAddress.objects.filter(user=parcours.utilisateur).update(verified=False)
    client.force_login(parcours.utilisateur)
    response = client.get(reverse("accueil:parcours"))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email")


def test_a_ne_change_pas_l_etape_de_b(client, deux_parcours):
    a, b, _, _ = deux_parcours
    etape_b = EtapeParcours.objects.get(parcours=b)
    client.force_login(a.utilisateur)
    response = client.post(
        reverse("accueil:parcours_etape", args=[etape_b.pk]),
        {f"etape-{etape_b.pk}-statut": StatutEtape.FAIT},
    )
    assert response.status_code == 404
    etape_b.refresh_from_db()
    assert etape_b.statut == StatutEtape.A_FAIRE


def test_a_ne_lit_pas_les_messages_de_b(client, deux_parcours):
    a, b, _, _ = deux_parcours
    client.force_login(a.utilisateur)
    response = client.get(reverse("accueil:parcours_messages"))
    assert response.status_code == 200
    assert "Secret de B" not in response.content.decode()


@pytest.mark.parametrize(
    "action", ["accueil:parcours_cv_telecharger", "accueil:parcours_cv_supprimer"]
)
def test_a_n_atteint_pas_le_cv_de_b(client, deux_parcours, action):
    a, _, _, cv_b = deux_parcours
    client.force_login(a.utilisateur)
    assert client.get(reverse(action, args=[cv_b.pk])).status_code == 404
    assert client.post(reverse(action, args=[cv_b.pk])).status_code in (404, 405)
    assert CurriculumVitae.objects.filter(pk=cv_b.pk).exists()


def test_b_telecharge_son_cv(client, deux_parcours):
    _, b, _, cv_b = deux_parcours
    client.force_login(b.utilisateur)
    response = client.get(reverse("accueil:parcours_cv_telecharger", args=[cv_b.pk]))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_ne_voit_pas_le_sejour_de_b(client, fabrique, deux_parcours):
    a, b, _, _ = deux_parcours
    fabrique.modele_etape(code="sejour", titre="Séjour", contenu="sejour_decouverte")
    for parcours in (a, b):
        services.etapes_generer(parcours=parcours)
    SejourDecouverte.objects.create(
        parcours=b, periode_souhaitee="Pâques chez Bruno", message_equipe="Message pour B"
    )
    client.force_login(a.utilisateur)
    contenu = client.get(reverse("accueil:parcours")).content.decode()
    assert "Pâques chez Bruno" not in contenu
    assert "Message pour B" not in contenu
    assert "Demander un séjour découverte" in contenu


def test_les_pages_ne_sont_pas_mises_en_cache(client, deux_parcours):
    a, *_ = deux_parcours
    client.force_login(a.utilisateur)
    for nom in PAGES:
        response = client.get(reverse(nom))
        assert response.status_code == 200, nom
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
