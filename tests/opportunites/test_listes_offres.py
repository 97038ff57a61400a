"""The job listing /opportunites/emplois/: filters, counts, sort, pagination, RSS, map JSON."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from opportunites.models import Contrat, Secteur, Teletravail

URL = "/opportunites/emplois/"
FIGEAC = "46102"
GRAND_FIGEAC = "200067361"


@pytest.fixture
def offres(fabrique_opp):
    f = fabrique_opp
    employeur = f.employeur(nom="Hôpital de Figeac")
    return [
        f.offre(
            title="Infirmier de bloc",
            employeur=employeur,
            commune=f.commune("Figeac"),
            secteur=Secteur.SANTE,
            profil_recherche=True,
            salaire_min=2100,
            salaire_max=2600,
            salaire_periode="mois",
        ),
        f.offre(
            title="Développeuse web",
            commune=f.commune("Capdenac"),
            secteur=Secteur.NUMERIQUE,
            contrat=Contrat.CDD,
            teletravail=Teletravail.PARTIEL,
            date_publication=timezone.localdate() - datetime.timedelta(days=1),
        ),
        f.offre(
            title="Chaudronnier",
            commune=f.commune("Cahors"),
            date_publication=timezone.localdate() - datetime.timedelta(days=2),
        ),
    ]


def resultats(reponse) -> list[str]:
    html = reponse.content.decode()
    return re.findall(r'<h3 class="carte-offre__titre"><a href="[^"]+">([^<]+)</a>', html)


def test_liste_cartes_et_compteurs(client, offres):
    reponse = client.get(URL)
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert resultats(reponse) == ["Infirmier de bloc", "Développeuse web", "Chaudronnier"]
    assert 'role="status"' in html and "3 offres." in html
    assert "Hôpital de Figeac" in html
    assert "Profil recherché" in html
    assert "2\xa0100 à 2\xa0600\xa0€ par mois" in html
    assert "Télétravail partiel" in html
    # Counts per option, the other filters kept.
    assert re.search(r"Santé et social <span[^>]*>\(1\)", html)
    assert re.search(r"CDI <span[^>]*>\(2\)", html)
    assert re.search(r"CC Grand-Figeac <span[^>]*>\(2\)", html)
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/opportunites/emplois/infirmier-de-bloc/"' in html


def test_filtres_combines_et_compteurs(client, offres):
    reponse = client.get(URL, {"territoire": GRAND_FIGEAC, "contrat": "cdi"})
    assert resultats(reponse) == ["Infirmier de bloc"]
    html = reponse.content.decode()
    assert "1 offre pour ces critères." in html
    # The contract counts ignore the contract filter but keep the territory one.
    assert re.search(r"CDD <span[^>]*>\(1\)", html)
    assert re.search(r"CDI <span[^>]*>\(1\)", html)
    assert 'value="cdi" id="f-contrat-cdi" checked' in html
    assert "CDI · CC Grand-Figeac" in html
    assert "rss/?contrat=cdi&amp;territoire=200067361" in html


def test_aucun_resultat_avec_lien_pour_effacer(client, offres):
    reponse = client.get(URL, {"secteur": "tourisme"})
    html = reponse.content.decode()
    assert "Aucune offre ne correspond à ces critères." in html
    assert f'<a href="{URL}">Voir toutes les offres</a>' in html


def test_tri_par_distance(client, offres):
    reponse = client.get(URL, {"commune": "46042", "tri": "proche"})  # Cahors
    assert resultats(reponse) == ["Chaudronnier", "Infirmier de bloc", "Développeuse web"]
    assert "(à 0 km)" in reponse.content.decode()
    reponse = client.get(URL, {"commune": FIGEAC, "rayon": "10", "tri": "proche"})
    assert resultats(reponse) == ["Infirmier de bloc", "Développeuse web"]


def test_pagination(client, fabrique_opp):
    for _ in range(21):
        fabrique_opp.offre()
    premiere = client.get(URL)
    assert len(resultats(premiere)) == 20
    assert "page 1 sur 2" in premiere.content.decode()
    deuxieme = client.get(URL, {"page": "2"})
    assert len(resultats(deuxieme)) == 1
    for absurde in ("-1", "0", "abc", "999999999999", "2.5", ""):
        assert client.get(URL, {"page": absurde}).status_code == 200
    assert len(resultats(client.get(URL, {"page": "99"}))) == 1  # beyond the end: the last


@pytest.mark.parametrize(
    "requete",
    [
        "secteur=<script>alert(1)</script>",
        "rayon=abc",
        "commune=99999",
        "commune=99999&rayon=10&tri=proche",
        "page=-1",
        "tri=x",
        "territoire=%00",
        "q=%00%00",
        "profil_recherche=zzz&temps=%FF",
        "rayon=10&commune=" + "9" * 500,
        "secteur=sante&secteur=sante&secteur=sante",
    ],
)
def test_valeurs_absurdes(client, offres, requete):
    reponse = client.get(f"{URL}?{requete}")
    assert reponse.status_code == 200
    assert "<script>alert(1)" not in reponse.content.decode()
    assert client.get(f"{URL}rss/?{requete}").status_code == 200
    assert client.get(f"{URL}carte/?{requete}").status_code == 200


def test_offres_expirees_et_brouillons_absents(client, offres, fabrique_opp):
    hier = timezone.localdate() - datetime.timedelta(days=1)
    fabrique_opp.offre(
        title="Offre expirée", date_publication=hier - datetime.timedelta(5), date_expiration=hier
    )
    fabrique_opp.offre(title="Offre en brouillon", publier=False, live=False)
    assert "Offre expirée" not in resultats(client.get(URL))
    assert "Offre en brouillon" not in resultats(client.get(URL))


def test_flux_rss_filtre(client, offres):
    reponse = client.get(f"{URL}rss/", {"secteur": "sante"})
    assert reponse.status_code == 200
    assert reponse["Content-Type"].startswith("application/rss+xml")
    canal = ET.fromstring(reponse.content).find("channel")
    assert canal.findtext("title") == "Offres d'emploi dans le Lot : Santé et social"
    titres = [item.findtext("title") for item in canal.findall("item")]
    assert titres == ["Infirmier de bloc"]
    lien = canal.find("item").findtext("link")
    assert lien.endswith("/opportunites/emplois/infirmier-de-bloc/")
    tous = ET.fromstring(client.get(f"{URL}rss/").content).find("channel")
    assert tous.findtext("title") == "Offres d'emploi dans le Lot"
    assert len(tous.findall("item")) == 3


def test_carte_json(client, offres):
    reponse = client.get(f"{URL}carte/", {"territoire": GRAND_FIGEAC})
    assert reponse.status_code == 200
    donnees = reponse.json()
    communes = {c["commune"]: c for c in donnees["communes"]}
    assert set(communes) == {"Figeac", "Capdenac"}
    figeac = communes["Figeac"]
    assert round(figeac["lat"], 2) == 44.61 and round(figeac["lon"], 2) == 2.02
    assert figeac["offres"] == [
        {
            "titre": "Infirmier de bloc",
            "employeur": "Hôpital de Figeac",
            "url": "/opportunites/emplois/infirmier-de-bloc/",
        }
    ]


def test_carte_desactivee_par_defaut(client, offres, settings):
    settings.OPPORTUNITES_CARTE_TUILES = ""
    html = client.get(URL).content.decode()
    assert "leaflet" not in html
    assert "opp-carte" not in html


def test_carte_activee(client, offres, settings):
    settings.OPPORTUNITES_CARTE_TUILES = "https://tuiles.exemple.fr/{z}/{x}/{y}.png"
    html = client.get(URL, {"secteur": "sante"}).content.decode()
    assert "vendor/leaflet/leaflet" in html
    assert 'data-tuiles="https://tuiles.exemple.fr/{z}/{x}/{y}.png"' in html
    assert 'data-url="/opportunites/emplois/carte/?secteur=sante"' in html
    assert "Afficher la carte" in html


def _requete_complexe():
    return {
        "secteur": ["sante", "ingenierie"],
        "contrat": "cdi",
        "territoire": GRAND_FIGEAC,
        "commune": FIGEAC,
        "rayon": "50",
        "tri": "proche",
        "q": "technicien",
    }


@pytest.mark.parametrize("chemin", ["", "rss/", "carte/"])
def test_budget_de_requetes_constant(
    client, fabrique_opp, django_assert_max_num_queries, chemin, settings
):
    settings.OPPORTUNITES_CARTE_TUILES = "https://tuiles.exemple.fr/{z}/{x}/{y}.png"
    employeurs = [fabrique_opp.employeur() for _ in range(3)]
    communes = [fabrique_opp.commune(n) for n in ("Figeac", "Capdenac", "Cajarc", "Gramat")]

    def creer(n):
        for i in range(n):
            fabrique_opp.offre(
                employeur=employeurs[i % 3],
                commune=communes[i % 4],
                secteur=[Secteur.SANTE, Secteur.INGENIERIE][i % 2],
                salaire_min=1800 + i,
            )

    creer(5)
    client.get(URL + chemin)  # warm the site root cache
    # Each request resets Django's query log: read the counts right away.
    with django_assert_max_num_queries(25) as contexte:
        assert client.get(URL + chemin, _requete_complexe()).status_code == 200
    peu = len(contexte)
    with django_assert_max_num_queries(25) as contexte:
        assert client.get(URL + chemin).status_code == 200
    peu_tout = len(contexte)
    creer(55)
    with django_assert_max_num_queries(peu) as contexte:
        assert client.get(URL + chemin, _requete_complexe()).status_code == 200
    assert len(contexte) == peu
    with django_assert_max_num_queries(peu_tout) as contexte:
        assert client.get(URL + chemin).status_code == 200
    assert len(contexte) == peu_tout
