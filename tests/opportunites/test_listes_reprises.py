"""The takeovers listing /opportunites/reprises/: filters, counts, photos, pagination."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from opportunites.models import ReprisePhoto, Secteur, TranchePrix

URL = "/opportunites/reprises/"
GRAND_CAHORS = "200023737"


def resultats(reponse) -> list[str]:
    html = reponse.content.decode()
    return re.findall(r'<h3 class="carte-reprise__titre"><a href="[^"]+">([^<]+)</a>', html)


def avec_photo(reprise):
    image = get_image_model().objects.create(title="Vitrine", file=get_test_image_file())
    ReprisePhoto.objects.create(page=reprise, image=image, alt="La vitrine")
    return reprise


@pytest.fixture
def reprises(fabrique_opp):
    f = fabrique_opp
    return [
        avec_photo(
            f.reprise(
                title="Boulangerie à Figeac",
                commune=f.commune("Figeac"),
                tranche_prix=TranchePrix.DE_50K_150K,
                locaux_inclus=True,
                logement_inclus=True,
            )
        ),
        f.reprise(
            title="Restaurant à Cahors",
            activite="Restaurant",
            secteur=Secteur.TOURISME,
            commune=f.commune("Cahors"),
            tranche_prix=TranchePrix.DE_150K_500K,
            locaux_inclus=True,
            date_publication=timezone.localdate() - datetime.timedelta(days=2),
        ),
    ]


def test_liste_et_compteurs(client, reprises):
    reponse = client.get(URL)
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert resultats(reponse) == ["Boulangerie à Figeac", "Restaurant à Cahors"]
    assert "2 entreprises à reprendre." in html
    assert "<picture" in html and 'alt=""' in html
    assert "Logement compris" in html
    assert re.search(r"Locaux compris <span[^>]*>\(2\)", html)
    assert re.search(r"Logement compris <span[^>]*>\(1\)", html)
    assert re.search(r"Artisanat <span[^>]*>\(1\)", html)


@pytest.mark.parametrize(
    ("parametres", "attendus"),
    [
        ({"secteur": "tourisme"}, ["Restaurant à Cahors"]),
        ({"territoire": GRAND_CAHORS}, ["Restaurant à Cahors"]),
        ({"prix": ["50-150"]}, ["Boulangerie à Figeac"]),
        ({"prix": ["50-150", "150-500"]}, ["Boulangerie à Figeac", "Restaurant à Cahors"]),
        ({"logement": "1"}, ["Boulangerie à Figeac"]),
        ({"locaux": "1", "secteur": "tourisme"}, ["Restaurant à Cahors"]),
        ({"logement": "1", "secteur": "tourisme"}, []),
    ],
)
def test_filtres(client, reprises, parametres, attendus):
    reponse = client.get(URL, parametres)
    assert reponse.status_code == 200
    assert resultats(reponse) == attendus
    if not attendus:
        assert "Aucune entreprise ne correspond à ces critères." in reponse.content.decode()


def test_cedees_et_expirees_absentes(client, reprises, fabrique_opp):
    hier = timezone.localdate() - datetime.timedelta(days=1)
    fabrique_opp.reprise(title="Cédée", cedee_le=hier)
    fabrique_opp.reprise(
        title="Expirée", date_publication=hier - datetime.timedelta(3), date_expiration=hier
    )
    assert resultats(client.get(URL)) == ["Boulangerie à Figeac", "Restaurant à Cahors"]


@pytest.mark.parametrize(
    "requete",
    ["secteur=<script>", "prix=zzz", "page=-1", "page=abc", "territoire=%00", "locaux=oui-non"],
)
def test_valeurs_absurdes(client, reprises, requete):
    assert client.get(f"{URL}?{requete}").status_code == 200


def test_budget_de_requetes_constant(client, fabrique_opp, django_assert_max_num_queries):
    def creer(n):
        for i in range(n):
            reprise = fabrique_opp.reprise(tranche_prix=TranchePrix.MOINS_50K)
            if i < 3 or i % 10 == 0:
                avec_photo(reprise)

    creer(5)
    client.get(URL)  # renditions of the first photos and the site root cache
    filtres = {"prix": "0-50", "secteur": "artisanat"}  # every takeover matches
    # Each request resets Django's query log: read the counts right away.
    with django_assert_max_num_queries(25) as contexte:
        assert client.get(URL, filtres).status_code == 200
    peu = len(contexte)
    with django_assert_max_num_queries(25) as contexte:
        assert client.get(URL).status_code == 200
    peu_tout = len(contexte)
    creer(25)
    client.get(URL)  # renditions of the new photos, made once
    with django_assert_max_num_queries(peu) as contexte:
        assert client.get(URL, filtres).status_code == 200
    assert len(contexte) == peu
    with django_assert_max_num_queries(peu_tout) as contexte:
        assert client.get(URL).status_code == 200
    assert len(contexte) == peu_tout
