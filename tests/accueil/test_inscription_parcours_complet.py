"""Registration end to end: five steps, account, file, emails, source, idempotency."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from accueil.models import BrouillonInscription, ParcoursAccueil
from accueil.services import inscription as services
from lot_portal.courriels.models import Courriel
from lot_portal.vitrine.campagne import COOKIE_NAME, signer

pytestmark = pytest.mark.django_db

MDP = "Quercy-Causses-2026!"


def etapes_valides(commune, email="lea.martin@exemple.fr"):
    return [
        ("qui", {"profil": "secondes_vies", "lieu_actuel": "Lyon", "connu_par": "vacances"}),
        (
            "foyer",
            {"adultes": "2", "lignes": "2", "enfant_1_age": "7", "enfant_1_niveau": "elementaire"},
        ),
        (
            "projet",
            {
                "metier_recherche": "Infirmière",
                "secteur_recherche": "Santé",
                "projet_entreprise": "aucun",
                "teletravail": "partiel",
                "conjoint_metier": "Menuisier",
                "conjoint_cherche_emploi": "on",
            },
        ),
        (
            "ou-et-quand",
            {
                "communautes": [str(commune.communaute_id)],
                "commune_1": commune.nom,
                "horizon": "6_12_mois",
                "besoin_logement": "location",
                "logement_temporaire": "on",
            },
        ),
        (
            "consentements",
            {
                "consentement": "on",
                "newsletter": "on",
                "prenom": "Léa",
                "nom": "Martin",
                "email": email,
                "password1": MDP,
                "password2": MDP,
            },
        ),
    ]


def remplir(client, commune, email="lea.martin@exemple.fr", jusqua=5):
    reponse = None
    for etape, data in etapes_valides(commune, email)[:jusqua]:
        reponse = client.post(f"/accueil/inscription/{etape}/", data)
    return reponse


@pytest.fixture
def commune(fabrique):
    return fabrique.commune(nom="Figeac", codes_postaux="46100")


def test_inscription_complete_cree_compte_parcours_et_courriels(
    client, commune, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reponse = remplir(client, commune)
    assert reponse.status_code == 302
    assert reponse["Location"] == "/accueil/inscription/merci/"
    utilisateur = get_user_model().objects.get(email="lea.martin@exemple.fr")
    assert utilisateur.check_password(MDP)
    adresse = EmailAddress.objects.get(user=utilisateur)
    assert not adresse.verified and adresse.primary
    parcours = ParcoursAccueil.objects.get()
    assert parcours.utilisateur == utilisateur
    assert (parcours.prenom, parcours.nom, parcours.profil) == ("Léa", "Martin", "secondes_vies")
    assert parcours.enfants == [{"age": 7, "niveau": "elementaire"}]
    assert parcours.conjoint_cherche_emploi and parcours.logement_temporaire
    assert list(parcours.communautes.all()) == [commune.communaute]
    assert list(parcours.communes.all()) == [commune]
    assert parcours.communaute == commune.communaute
    assert not BrouillonInscription.objects.exists()
    sujets = [c.sujet for c in Courriel.objects.filter(destinataires=[utilisateur.email])]
    assert any("onfirm" in s for s in sujets), sujets  # allauth's verification email
    assert len(sujets) == len(set(sujets))
    page = client.get("/accueil/inscription/merci/")
    assert "Confirmez votre adresse électronique" in page.content.decode()
    assert "lea.martin@exemple.fr" in page.content.decode()


def test_source_utm_et_parrainage_enregistres(client, commune):
    source = {"utm_source": "facebook", "utm_campaign": "printemps", "campagne": "printemps-2026"}
    client.cookies[COOKIE_NAME] = signer(source)
    client.get("/accueil/inscription/?parrain=AMB-042")
    remplir(client, commune)
    parcours = ParcoursAccueil.objects.get()
    assert parcours.code_campagne == "printemps-2026"
    assert parcours.code_parrainage == "AMB-042"
    assert parcours.source["utm_source"] == "facebook"
    assert "parrain" not in parcours.source


def test_parrainage_invalide_ignore(client, commune):
    client.get("/accueil/inscription/qui/?parrain=" + "<script>" * 20)
    remplir(client, commune)
    assert ParcoursAccueil.objects.get().code_parrainage == ""


def test_meme_adresse_deux_fois_un_seul_compte_un_seul_parcours(client, commune, fabrique):
    remplir(client, commune, email="deux@exemple.fr")
    autre = client.__class__()
    reponse = remplir(autre, commune, email="DEUX@exemple.fr")
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert "Un compte existe déjà avec cette adresse" in html
    assert "/compte/login/?next=%2Faccueil%2Finscription%2Fconsentements%2F" in html
    assert get_user_model().objects.filter(email__iexact="deux@exemple.fr").count() == 1
    assert ParcoursAccueil.objects.count() == 1
    # The second visitor's draft is kept, with what they typed (password excepted).
    brouillon = BrouillonInscription.objects.get()
    assert brouillon.donnees["saisie"]["consentements"]["prenom"] == ["Léa"]
    assert "password1" not in brouillon.donnees["saisie"]["consentements"]


def test_compte_existant_se_connecte_et_rattache_son_brouillon(client, commune, fabrique):
    utilisateur = fabrique.utilisateur(email="deja@exemple.fr")
    reponse = remplir(client, commune, email="deja@exemple.fr")
    assert "Un compte existe déjà" in reponse.content.decode()
    # allauth's login form, with the ``next`` of the link shown on the page.
    connexion = client.post(
        "/compte/login/?next=/accueil/inscription/consentements/",
        {"login": "deja@exemple.fr", "password": fabrique.mot_de_passe},
    )
    assert connexion["Location"] == "/accueil/inscription/consentements/"
    page = client.get("/accueil/inscription/consentements/")
    assert page.status_code == 200
    assert 'value="Léa"' in page.content.decode()  # what was typed is shown again
    brouillon = BrouillonInscription.objects.get()
    assert brouillon.utilisateur == utilisateur
    reponse = client.post(
        "/accueil/inscription/consentements/",
        {"consentement": "on", "prenom": "Léa", "nom": "Martin"},
    )
    assert reponse["Location"] == "/accueil/inscription/merci/"
    assert ParcoursAccueil.objects.get().utilisateur == utilisateur
    assert get_user_model().objects.count() == 1


def test_connexion_a_mi_parcours_fusionne_avec_le_brouillon_du_compte(client, commune, fabrique):
    utilisateur = fabrique.utilisateur()
    BrouillonInscription.objects.create(
        utilisateur=utilisateur,
        donnees={"qui": {"profil": "jeunes", "lieu_actuel": "Toulouse", "connu_par": ""}},
        source={"campagne": "ancienne"},
    )
    remplir(client, commune, jusqua=2)  # anonymous: qui + foyer
    assert BrouillonInscription.objects.count() == 2
    client.force_login(utilisateur)
    page = client.get("/accueil/inscription/")
    assert page["Location"] == "/accueil/inscription/projet/"
    brouillon = BrouillonInscription.objects.get()
    assert brouillon.utilisateur == utilisateur
    assert brouillon.donnees["qui"]["lieu_actuel"] == "Lyon"  # the latest typing wins
    assert brouillon.donnees["foyer"]["adultes"] == 2
    assert brouillon.source["campagne"] == "ancienne"


def test_double_soumission_un_seul_parcours(client, commune, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        remplir(client, commune, jusqua=4)
        data = etapes_valides(commune)[4][1]
        premiere = client.post("/accueil/inscription/consentements/", data)
        seconde = client.post("/accueil/inscription/consentements/", data)
    assert premiere["Location"] == seconde["Location"] == "/accueil/inscription/merci/"
    assert ParcoursAccueil.objects.count() == 1
    assert get_user_model().objects.count() == 1
    destinataires = [tuple(c.destinataires) for c in Courriel.objects.all()]
    sujets = [(tuple(c.destinataires), c.sujet) for c in Courriel.objects.all()]
    assert len(sujets) == len(set(sujets)), destinataires


def test_parcours_creer_idempotent_par_compte(fabrique):
    parcours = fabrique.parcours()
    brouillon = BrouillonInscription.objects.create(utilisateur=parcours.utilisateur)
    assert services.parcours_creer(brouillon=brouillon, utilisateur=parcours.utilisateur) == (
        parcours
    )
    assert ParcoursAccueil.objects.count() == 1
    assert not BrouillonInscription.objects.exists()


def test_brouillon_incomplet_refuse(fabrique):
    utilisateur = fabrique.utilisateur()
    brouillon = BrouillonInscription.objects.create(utilisateur=utilisateur, donnees={})
    with pytest.raises(services.BrouillonIncomplet):
        services.parcours_creer(brouillon=brouillon, utilisateur=utilisateur)


def test_deja_inscrit_renvoye_vers_mon_parcours(client, fabrique):
    parcours = fabrique.parcours()
    client.force_login(parcours.utilisateur)
    for url in ("/accueil/inscription/", "/accueil/inscription/foyer/"):
        reponse = client.get(url)
        assert reponse["Location"] == "/accueil/mon-parcours/"


def test_connecte_sans_parcours_rattache_a_son_compte(client, commune, fabrique):
    utilisateur = fabrique.utilisateur(first_name="Jo", last_name="Doe")
    client.force_login(utilisateur)
    remplir(client, commune, jusqua=4)
    page = client.get("/accueil/inscription/consentements/")
    assert 'name="password1"' not in page.content.decode()
    reponse = client.post(
        "/accueil/inscription/consentements/",
        {"consentement": "on", "prenom": "Jo", "nom": "Doe"},
    )
    assert reponse["Location"] == "/accueil/inscription/merci/"
    assert ParcoursAccueil.objects.get().utilisateur == utilisateur
    merci = client.get("/accueil/inscription/merci/").content.decode()
    assert "Votre inscription est enregistrée" in merci


def test_le_brouillon_d_un_autre_compte_reste_invisible(client, commune, fabrique):
    autre = fabrique.utilisateur()
    brouillon = BrouillonInscription.objects.create(
        utilisateur=autre,
        donnees={"qui": {"profil": "jeunes", "lieu_actuel": "Secret", "connu_par": ""}},
    )
    session = client.session
    session["accueil_inscription_brouillon"] = brouillon.pk  # even if the id leaked
    session.save()
    html = client.get("/accueil/inscription/qui/").content.decode()
    assert "Secret" not in html
    moi = fabrique.utilisateur()
    client.force_login(moi)
    session = client.session
    session["accueil_inscription_brouillon"] = brouillon.pk
    session.save()
    assert "Secret" not in client.get("/accueil/inscription/qui/").content.decode()
    assert BrouillonInscription.objects.get(pk=brouillon.pk).utilisateur == autre


@pytest.mark.django_db(transaction=True)
def test_soumissions_simultanees_un_seul_parcours(commune):
    """Two submits of step 5 at the same time (same session), then two visitors with the
    same address at the same time: one file, one account (PostgreSQL row locks)."""
    import threading

    from django.db import connection
    from django.test import Client

    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers need PostgreSQL (SQLite's test database is in memory).")

    def en_parallele(clients, data):
        barriere = threading.Barrier(len(clients))
        statuts = []

        def envoyer(c):
            barriere.wait()
            statuts.append(c.post("/accueil/inscription/consentements/", data).status_code)
            connection.close()

        fils = [threading.Thread(target=envoyer, args=(c,)) for c in clients]
        for f in fils:
            f.start()
        for f in fils:
            f.join()
        return statuts

    client = Client()
    remplir(client, commune, email="simultane@exemple.fr", jusqua=4)
    jumeau = Client()
    jumeau.cookies = client.cookies
    data = etapes_valides(commune, email="simultane@exemple.fr")[4][1]
    assert en_parallele([client, jumeau], data) == [302, 302]
    assert ParcoursAccueil.objects.count() == 1

    a, b = Client(), Client()
    remplir(a, commune, email="meme@exemple.fr", jusqua=4)
    remplir(b, commune, email="meme@exemple.fr", jusqua=4)
    data = etapes_valides(commune, email="meme@exemple.fr")[4][1]
    assert sorted(en_parallele([a, b], data)) == [200, 302]
    assert get_user_model().objects.filter(email="meme@exemple.fr").count() == 1
    assert ParcoursAccueil.objects.count() == 2


def test_lien_de_confirmation_connecte_et_mene_au_parcours(client, commune):
    import re

    remplir(client, commune, email="confirme@exemple.fr")
    courriel = Courriel.objects.get(
        destinataires=["confirme@exemple.fr"], sujet__icontains="onfirm"
    )
    chemin = re.search(r"/compte/confirm-email/[^/\s]+/", courriel.corps_texte).group(0)
    reponse = client.post(chemin)
    assert reponse.status_code == 302
    assert reponse["Location"] == "/accueil/mon-parcours/"
    assert EmailAddress.objects.get(email="confirme@exemple.fr").verified
    assert client.get("/accueil/inscription/")["Location"] == "/accueil/mon-parcours/"


def test_parrainage_arrive_en_cours_de_route_et_campagne_premiere_touche(client, commune):
    client.cookies[COOKIE_NAME] = signer({"utm_source": "presse", "utm_campaign": "hiver"})
    remplir(client, commune, jusqua=2)
    client.cookies[COOKIE_NAME] = signer({"utm_medium": "email", "utm_campaign": "ete"})
    client.get("/accueil/inscription/projet/?parrain=AMB-7")
    brouillon = BrouillonInscription.objects.get()
    assert brouillon.source["utm_campaign"] == "hiver"
    assert "utm_medium" not in brouillon.source  # never a mix of two campaigns
    assert brouillon.source["parrain"] == "AMB-7"


def test_trop_de_comptes_depuis_une_connexion_refuse_sans_perdre_la_saisie(
    client, commune, settings
):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "1/h/ip"}
    from django.core.cache import cache

    cache.clear()
    assert remplir(client, commune, email="premiere@exemple.fr").status_code == 302
    autre = client.__class__()
    reponse = remplir(autre, commune, email="seconde@exemple.fr")
    assert reponse.status_code == 429
    contenu = reponse.content.decode()
    assert "Trop de comptes ont été créés depuis votre connexion" in contenu
    assert 'value="seconde@exemple.fr"' in contenu
    assert not get_user_model().objects.filter(email="seconde@exemple.fr").exists()
    assert ParcoursAccueil.objects.count() == 1
