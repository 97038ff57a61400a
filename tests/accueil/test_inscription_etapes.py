"""The five steps: French errors next to the fields, input kept, back and forth, junk input,
progress indicator and query budget."""

import html as html_lib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accueil.models import BrouillonInscription

pytestmark = pytest.mark.django_db

MDP = "Quercy-Causses-2026!"
QUI = {"profil": "wanted", "lieu_actuel": "Nantes", "connu_par": "salon"}
FOYER = {"adultes": "1", "lignes": "2"}
PROJET = {"projet_entreprise": "reprise", "teletravail": "non"}


@pytest.fixture
def commune(fabrique):
    return fabrique.commune(nom="Saint-Céré", codes_postaux="46400")


def poster(client, etape, data):
    return client.post(f"/accueil/inscription/{etape}/", data)


def jusqua_ou_et_quand(client):
    for etape, data in (("qui", QUI), ("foyer", FOYER), ("projet", PROJET)):
        assert poster(client, etape, data).status_code == 302


def jusqua_consentements(client, commune):
    jusqua_ou_et_quand(client)
    reponse = poster(
        client,
        "ou-et-quand",
        {"zone_inconnue": "on", "horizon": "ne_sait_pas", "besoin_logement": "achat"},
    )
    assert reponse["Location"] == "/accueil/inscription/consentements/"


def erreur_du_champ(html, identifiant):
    """The error block rendered next to a field (``<id>_erreur``)."""
    trouve = re.search(rf'id="{identifiant}_erreur">(.*?)</div>', html, re.S)
    return html_lib.unescape(trouve.group(1)) if trouve else ""


def test_debut_redirige_vers_la_premiere_etape_a_faire(client):
    assert client.get("/accueil/inscription/")["Location"] == "/accueil/inscription/qui/"
    poster(client, "qui", QUI)
    assert client.get("/accueil/inscription/")["Location"] == "/accueil/inscription/foyer/"
    # A later step cannot be skipped to.
    assert client.get("/accueil/inscription/ou-et-quand/")["Location"] == (
        "/accueil/inscription/foyer/"
    )
    assert client.get("/accueil/inscription/inconnue/").status_code == 404


def test_indicateur_de_progression(client):
    poster(client, "qui", QUI)
    html = client.get("/accueil/inscription/foyer/").content.decode()
    assert "Étape 2 sur 5" in html
    assert '<ol class="progression__liste">' in html
    courante = re.search(r'<li[^>]*aria-current="step"[^>]*>(.*?)</li>', html, re.S).group(1)
    assert "Votre foyer" in courante
    assert '<a href="/accueil/inscription/qui/">Qui êtes-vous ?</a>' in html
    assert "(faite)" in html and "(à venir)" in html  # not by colour alone
    assert 'value="precedent"' in html and 'value="suivant"' in html
    assert "no-store" in client.get("/accueil/inscription/foyer/")["Cache-Control"]


def test_qui_erreurs_en_francais_et_saisie_conservee(client):
    reponse = poster(client, "qui", {"lieu_actuel": "x" * 200, "connu_par": "martien"})
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert "Choisissez le profil qui vous ressemble le plus." in erreur_du_champ(html, "id_profil")
    assert "ne doit pas dépasser 150 caractères" in erreur_du_champ(html, "id_lieu_actuel")
    assert "Choisissez une des réponses proposées." in erreur_du_champ(html, "id_connu_par")
    assert 'value="' + "x" * 200 + '"' in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_profil_0"' in html  # the summary links to the group's first box
    # Not lost: the raw input is saved and shown again later, with its errors.
    html = client.get("/accueil/inscription/qui/").content.decode()
    assert 'value="' + "x" * 200 + '"' in html
    assert "Choisissez le profil" in html


def test_foyer_nombres_negatifs_et_texte(client):
    poster(client, "qui", QUI)
    reponse = poster(
        client,
        "foyer",
        {
            "adultes": "-3",
            "lignes": "2",
            "enfant_1_age": "-1",
            "enfant_2_age": "douze",
            "enfant_2_niveau": "doctorat",
        },
    )
    html = reponse.content.decode()
    assert "Indiquez au moins 1 adulte (vous)." in erreur_du_champ(html, "id_adultes")
    assert "L'âge ne peut pas être négatif." in erreur_du_champ(html, "id_enfant_1_age")
    assert "nombre entier" in erreur_du_champ(html, "id_enfant_2_age")
    assert "Choisissez un des niveaux proposés." in erreur_du_champ(html, "id_enfant_2_niveau")
    assert 'value="douze"' in html and 'value="-3"' in html


def test_foyer_ajouter_un_enfant_sans_js(client):
    poster(client, "qui", QUI)
    reponse = poster(
        client,
        "foyer",
        {
            "adultes": "2",
            "lignes": "2",
            "enfant_1_age": "4",
            "enfant_2_niveau": "college",
            "action": "ajouter_enfant",
        },
    )
    assert reponse["Location"] == "/accueil/inscription/foyer/#enfant-3"
    html = client.get("/accueil/inscription/foyer/").content.decode()
    assert 'id="enfant-3"' in html and 'id="enfant-4"' not in html
    assert 'value="4"' in html
    reponse = poster(
        client,
        "foyer",
        {
            "adultes": "2",
            "lignes": "3",
            "enfant_1_age": "4",
            "enfant_2_niveau": "college",
            "enfant_3_age": "0",
        },
    )
    assert reponse.status_code == 302
    enfants = BrouillonInscription.objects.get().donnees["foyer"]["enfants"]
    assert enfants == [
        {"age": 4, "niveau": ""},
        {"age": None, "niveau": "college"},
        {"age": 0, "niveau": ""},
    ]


def test_projet_choix_inconnus(client):
    poster(client, "qui", QUI)
    poster(client, "foyer", FOYER)
    html = poster(
        client, "projet", {"projet_entreprise": "braquage", "metier_recherche": "m" * 151}
    ).content.decode()
    assert "Choisissez une des réponses proposées." in erreur_du_champ(html, "id_projet_entreprise")
    assert "Dites-nous si vous travaillerez à distance." in erreur_du_champ(html, "id_teletravail")
    assert "150 caractères" in erreur_du_champ(html, "id_metier_recherche")


def test_ou_et_quand_rien_choisi_epci_inconnu_commune_inconnue(client, commune):
    jusqua_ou_et_quand(client)
    html = poster(
        client, "ou-et-quand", {"horizon": "6_12_mois", "besoin_logement": "achat"}
    ).content.decode()
    assert "Cochez au moins une communauté de communes" in erreur_du_champ(html, "id_communautes")
    html = poster(
        client,
        "ou-et-quand",
        {
            "communautes": ["999999", "abc"],
            "commune_1": "Paris",
            "date_installation": "2001-01-01",
            "horizon": "demain",
            "besoin_logement": "location",
        },
    ).content.decode()
    assert "cochez les communautés proposées" in erreur_du_champ(html, "id_communautes")
    assert "n'est pas une commune du Lot" in erreur_du_champ(html, "id_commune_1")
    assert "Choisissez une des réponses proposées." in erreur_du_champ(html, "id_horizon")
    assert 'value="Paris"' in html
    html = poster(
        client,
        "ou-et-quand",
        {
            "commune_1": "Paris",
            "date_installation": "31/02/2027",
            "horizon": "ne_sait_pas",
            "besoin_logement": "location",
        },
    ).content.decode()
    assert "Saisissez une date valide" in erreur_du_champ(html, "id_date_installation")


def test_ou_et_quand_commune_reconnue_sans_accents_et_datalist(client, commune):
    jusqua_ou_et_quand(client)
    html = client.get("/accueil/inscription/ou-et-quand/").content.decode()
    assert '<datalist id="communes-du-lot">' in html
    assert f'<option value="{commune}">' in html
    reponse = poster(
        client,
        "ou-et-quand",
        {
            "commune_1": "saint cere",
            "commune_2": str(commune),
            "horizon": "moins_6_mois",
            "besoin_logement": "location",
        },
    )
    assert reponse.status_code == 302
    assert BrouillonInscription.objects.get().donnees["ou-et-quand"]["communes"] == [commune.pk]
    html = client.get("/accueil/inscription/ou-et-quand/").content.decode()
    assert f'value="{commune}"' in html  # going back shows the commune chosen


def test_consentements_obligatoires_mot_de_passe_faible(client, commune, site_demo):
    jusqua_consentements(client, commune)
    page = client.get("/accueil/inscription/consentements/").content.decode()
    assert "3 ans après votre dernière activité" in page
    assert "référent accueil" in page
    assert "Données personnelles" in page
    html = poster(
        client,
        "consentements",
        {
            "prenom": "Léa",
            "nom": "Martin",
            "email": "pas-une-adresse",
            "password1": "123",
            "password2": "456",
        },
    ).content.decode()
    assert "sans votre accord" in erreur_du_champ(html, "id_consentement")
    assert "adresse électronique valide" in erreur_du_champ(html, "id_email")
    assert "Les deux mots de passe ne sont pas identiques." in erreur_du_champ(html, "id_password2")
    assert 'value="pas-une-adresse"' in html
    assert 'value="123"' not in html  # passwords are never sent back
    html = poster(
        client,
        "consentements",
        {
            "consentement": "on",
            "prenom": "Léa",
            "nom": "Martin",
            "email": "lea@exemple.fr",
            "password1": "12345678",
            "password2": "12345678",
        },
    ).content.decode()
    erreur = erreur_du_champ(html, "id_password1")
    assert "trop courant" in erreur or "entièrement numérique" in erreur


def test_precedent_garde_la_saisie_et_retour_montre_les_donnees(client):
    poster(client, "qui", QUI)
    # « Précédent » with an invalid page: nothing lost, no error page.
    reponse = poster(client, "foyer", {"adultes": "abc", "lignes": "2", "action": "precedent"})
    assert reponse["Location"] == "/accueil/inscription/qui/"
    html = client.get("/accueil/inscription/qui/").content.decode()
    assert 'value="Nantes"' in html
    assert re.search(r'value="wanted"[^>]*checked|checked[^>]*value="wanted"', html)
    html = client.get("/accueil/inscription/foyer/").content.decode()
    assert 'value="abc"' in html
    # Valid, then back: what was typed is shown.
    poster(client, "foyer", {"adultes": "3", "lignes": "2"})
    poster(client, "projet", {**PROJET, "metier_recherche": "Boulanger", "action": "precedent"})
    html = client.get("/accueil/inscription/projet/").content.decode()
    assert 'value="Boulanger"' in html


@pytest.mark.parametrize("etape", ["qui", "foyer", "projet", "ou-et-quand", "consentements"])
def test_saisies_absurdes_jamais_de_500(client, commune, etape):
    jusqua_consentements(client, commune)
    for data in (
        {},
        {"action": "n'importe quoi"},
        dict.fromkeys(
            ("profil", "lieu_actuel", "adultes", "communautes", "commune_1", "email", "password1"),
            "\x00" + "é" * 20000,
        ),
        {"lignes": "-99", "adultes": "1e9", "enfant_9_age": "3", "communautes": ["-1", "1.5"]},
        {f"cle_{i}": "v" for i in range(300)},
    ):
        reponse = poster(client, etape, data)
        assert reponse.status_code in (200, 302), (etape, data.keys())
    brouillon = BrouillonInscription.objects.get()
    assert len(str(brouillon.donnees)) < 200_000  # raw input is bounded


def _requetes(client, url):
    with CaptureQueriesContext(connection) as requetes:
        assert client.get(url).status_code == 200
    return len(requetes)


def test_budget_de_requetes_independant_du_territoire(client, fabrique):
    jusqua_ou_et_quand(client)
    for i in range(2):
        fabrique.commune(nom=f"Village {i}")
    client.get("/accueil/inscription/ou-et-quand/")  # warm-up: per-process caches (site…)
    petit = _requetes(client, "/accueil/inscription/ou-et-quand/")
    for i in range(10):
        fabrique.commune(nom=f"Bourg {i}")
    assert _requetes(client, "/accueil/inscription/ou-et-quand/") == petit
    assert petit <= 12
    assert _requetes(client, "/accueil/inscription/foyer/") <= 10


def test_telephone_invalide_et_merci_sans_inscription(client, commune):
    assert client.get("/accueil/inscription/merci/")["Location"] == "/accueil/inscription/"
    jusqua_consentements(client, commune)
    html = poster(
        client,
        "consentements",
        {"consentement": "on", "prenom": "Léa", "nom": "Martin", "telephone": "appelez-moi"},
    ).content.decode()
    assert "Saisissez un numéro de téléphone" in erreur_du_champ(html, "id_telephone")
    assert 'value="appelez-moi"' in html


def test_entree_dans_un_champ_du_foyer_vaut_suivant(client):
    poster(client, "qui", QUI)
    html = client.get("/accueil/inscription/foyer/").content.decode()
    formulaire = html[html.index("formulaire--inscription-accueil") :]
    premier_bouton = re.search(r"<button[^>]*>", formulaire).group(0)
    assert 'value="suivant"' in premier_bouton


def test_connecte_prenom_et_nom_proposes(client, commune, fabrique):
    client.force_login(fabrique.utilisateur(first_name="Aurore", last_name="Delpech"))
    jusqua_consentements(client, commune)
    html = client.get("/accueil/inscription/consentements/").content.decode()
    assert 'value="Aurore"' in html and 'value="Delpech"' in html
    assert 'name="email"' not in html


def test_retour_apres_precedent_sans_erreurs_affichees(client):
    poster(client, "qui", QUI)
    poster(
        client, "foyer", {"adultes": "", "lignes": "2", "enfant_1_age": "5", "action": "precedent"}
    )
    html = client.get("/accueil/inscription/foyer/").content.decode()
    assert 'value="5"' in html
    assert "champ__erreur" not in html  # errors come when « Suivant » is pressed
    html = poster(client, "foyer", {"adultes": "", "lignes": "2", "enfant_1_age": "5"}).content
    assert "Indiquez le nombre d&#x27;adultes" in html.decode()
