"""The public directory: who is listed, which fields show, filters, pagination, queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ambassadeurs.models import StatutAmbassadeur

URL = "/ambassadeurs/"


@pytest.mark.django_db
def test_only_accepted_and_available_ambassadors_are_listed(client, fabrique_amb):
    fabrique_amb.ambassadeur(prenom="Visible")
    fabrique_amb.ambassadeur(prenom="Enpause", disponible=False)
    fabrique_amb.ambassadeur(prenom="Candidat", statut=StatutAmbassadeur.CANDIDATURE)
    refuse = fabrique_amb.ambassadeur(prenom="Refuse", statut=StatutAmbassadeur.REFUSE)
    page = client.get(URL).content.decode()
    assert "Visible" in page
    for absent in ("Enpause", "Candidat", "Refuse"):
        assert absent not in page
    assert client.get(f"/ambassadeurs/{refuse.pk}/").status_code == 404


@pytest.mark.django_db
def test_only_published_fields_show_never_surname_nor_email(client, fabrique_amb):
    discret = fabrique_amb.ambassadeur(
        prenom="Discret",
        profession="Luthier",
        champs_publics=[],
        histoire="Un secret de famille",
        interets="échecs",
    )
    ouvert = fabrique_amb.ambassadeur(
        prenom="Ouvert",
        profession="Boulangère",
        champs_publics=["profession", "histoire", "interets", "origine"],
        histoire="Revenue pour le pain",
        interets="vélo",
    )
    annuaire = client.get(URL).content.decode()
    assert "Luthier" not in annuaire and "Boulangère" in annuaire
    for ambassadeur in (discret, ouvert):
        page = client.get(f"/ambassadeurs/{ambassadeur.pk}/").content.decode()
        assert ambassadeur.prenom in page
        assert ambassadeur.nom not in page
        assert ambassadeur.utilisateur.email not in page
    page = client.get(f"/ambassadeurs/{discret.pk}/").content.decode()
    for cache in ("Luthier", "Un secret de famille", "échecs", discret.commune.nom):
        assert cache not in page
    page = client.get(f"/ambassadeurs/{ouvert.pk}/").content.decode()
    for montre in ("Boulangère", "Revenue pour le pain", "vélo", "Lyon"):
        assert montre in page


@pytest.mark.django_db
def test_filters_combine_and_bad_values_are_ignored(client, fabrique_amb):
    commune = fabrique_amb.commune()
    fabrique_amb.ambassadeur(prenom="Alpha", commune=commune, secteur="sante", profils=["jeunes"])
    fabrique_amb.ambassadeur(prenom="Bravo", commune=commune, secteur="sante", profils=["wanted"])
    fabrique_amb.ambassadeur(prenom="Charlie", secteur="sante", profils=["jeunes"])
    siren = commune.communaute.siren
    page = client.get(URL, {"communaute": siren, "secteur": "sante", "profil": "jeunes"})
    contenu = page.content.decode()
    assert "Alpha" in contenu and "Bravo" not in contenu and "Charlie" not in contenu
    assert "1 ambassadeur" in contenu
    bizarre = client.get(URL, {"communaute": "x" * 500, "secteur": "<script>", "page": "zz"})
    assert bizarre.status_code == 200
    assert "3 ambassadeurs" in bizarre.content.decode()


@pytest.mark.django_db
def test_pagination_keeps_filters(client, fabrique_amb):
    for numero in range(14):
        fabrique_amb.ambassadeur(prenom=f"P{numero:02d}", secteur="sante")
    contenu = client.get(URL, {"secteur": "sante"}).content.decode()
    assert "Page 1 sur 2" in contenu
    assert "?secteur=sante&amp;page=2" in contenu


def _requetes(client, url):
    with CaptureQueriesContext(connection) as requetes:
        assert client.get(url).status_code == 200
    return len(requetes)


@pytest.mark.django_db
def test_directory_query_count_does_not_grow(client, fabrique_amb):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    def creer(nombre):
        for _ in range(nombre):
            photo = get_image_model().objects.create(title="p", file=get_test_image_file())
            fabrique_amb.ambassadeur(photo=photo, champs_publics=["photo", "commune", "profession"])

    creer(2)
    _requetes(client, URL)  # warm caches (site, settings), renditions created
    petit = _requetes(client, URL)
    creer(10)
    _requetes(client, URL)
    assert _requetes(client, URL) == petit
    assert petit <= 10
