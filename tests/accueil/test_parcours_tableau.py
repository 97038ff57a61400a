"""The journey page: progress, steps and their content, step status, stay request, budgets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accueil.models import ModeleEtape, SejourDecouverte
from accueil.models.choix import StatutEtape
from accueil.services import parcours as services

pytestmark = pytest.mark.django_db
URL = "/accueil/mon-parcours/"


def test_adresse_francaise():
    assert reverse("accueil:parcours") == URL


@pytest.fixture
def secteur(fabrique):
    communaute = fabrique.communaute(nom="CC Grand-Figeac")
    return communaute, fabrique.commune(nom="Figeac", communaute=communaute)


def _parcours(fabrique, secteur, **kwargs):
    parcours = fabrique.parcours(prenom="Léa", **kwargs)
    parcours.communautes.set([secteur[0]])
    return parcours


def test_progression_et_etapes_dans_l_ordre(client, fabrique, secteur):
    fabrique.modele_etape(code="b", titre="Trouver un médecin", ordre=20)
    fabrique.modele_etape(code="a", titre="Lire le kit", ordre=10, contenu="kit")
    parcours = _parcours(fabrique, secteur)
    etapes = services.etapes_generer(parcours=parcours)
    services.etape_statut_changer(etape=etapes[0], statut=StatutEtape.FAIT)
    client.force_login(parcours.utilisateur)
    contenu = client.get(URL).content.decode()
    assert "Bonjour Léa" in contenu
    assert "1 étape sur 2" in contenu
    assert '<progress class="progression__barre" max="2" value="1"' in contenu
    assert contenu.index("Lire le kit") < contenu.index("Trouver un médecin")
    assert reverse("accueil:parcours_kit") in contenu
    # Status in words, not by colour alone.
    assert '<span class="sr-only">Statut : </span><span aria-hidden="true">✓ </span>Fait' in contenu
    assert "À faire" in contenu


def test_changer_le_statut_d_une_etape(client, fabrique, secteur):
    fabrique.modele_etape(code="medecin", titre="Trouver un médecin")
    parcours = _parcours(fabrique, secteur)
    (etape,) = services.etapes_generer(parcours=parcours)
    client.force_login(parcours.utilisateur)
    url = reverse("accueil:parcours_etape", args=[etape.pk])
    response = client.post(url, {f"etape-{etape.pk}-statut": "en_cours"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#etape-{etape.pk}")
    etape.refresh_from_db()
    assert etape.statut == StatutEtape.EN_COURS
    # Odd input: an unknown status, nothing, a GET.
    for donnees in ({f"etape-{etape.pk}-statut": "termine"}, {}):
        response = client.post(url, donnees, follow=True)
        assert response.status_code == 200
        assert "choisissez « À faire », « En cours » ou « Fait »" in response.content.decode()
    assert client.get(url).status_code == 405
    etape.refresh_from_db()
    assert etape.statut == StatutEtape.EN_COURS


def test_logements_du_secteur_seulement(client, fabrique, secteur):
    fabrique.modele_etape(code="logement", contenu=ModeleEtape.Contenu.LOGEMENTS_TEMPORAIRES)
    ailleurs = fabrique.commune(nom="Souillac")
    fabrique.logement(nom="Meublé de Figeac", commune=secteur[1], prix_min=400, prix_max=500)
    fabrique.logement(nom="Gîte de Souillac", commune=ailleurs)
    parcours = _parcours(fabrique, secteur)
    services.etapes_generer(parcours=parcours)
    client.force_login(parcours.utilisateur)
    contenu = client.get(URL).content.decode()
    assert "Meublé de Figeac" in contenu
    assert "de 400 à 500 € par mois" in contenu
    assert "Gîte de Souillac" not in contenu


def test_logements_par_les_communes_choisies(client, fabrique, secteur):
    fabrique.modele_etape(code="logement", contenu=ModeleEtape.Contenu.LOGEMENTS_TEMPORAIRES)
    voisine = fabrique.commune(nom="Capdenac", communaute=secteur[0])
    fabrique.logement(nom="Meublé de Capdenac", commune=voisine)
    parcours = fabrique.parcours()
    parcours.communes.set([secteur[1]])
    services.etapes_generer(parcours=parcours)
    client.force_login(parcours.utilisateur)
    assert "Meublé de Capdenac" in client.get(URL).content.decode()


def test_tous_les_logements_quand_le_secteur_est_inconnu(client, fabrique, secteur):
    fabrique.modele_etape(code="logement", contenu=ModeleEtape.Contenu.LOGEMENTS_TEMPORAIRES)
    fabrique.logement(nom="Meublé de Figeac", commune=secteur[1])
    fabrique.logement(nom="Gîte de Souillac", commune=fabrique.commune(nom="Souillac"))
    parcours = fabrique.parcours(zone_inconnue=True)
    services.etapes_generer(parcours=parcours)
    client.force_login(parcours.utilisateur)
    contenu = client.get(URL).content.decode()
    assert "Meublé de Figeac" in contenu and "Gîte de Souillac" in contenu
    assert "dans tout le Lot" in contenu


def test_etapes_ambassadeurs_et_offres_menent_a_l_annuaire_et_aux_offres(
    client, fabrique, secteur, site_demo
):
    from opportunites.structure import structure_creer

    structure_creer(site_demo)
    fabrique.modele_etape(
        code="ambassadeur", titre="Rencontrer un ambassadeur", contenu="ambassadeurs"
    )
    fabrique.modele_etape(code="emploi", titre="Trouver un emploi", contenu="offres_emploi")
    parcours = _parcours(fabrique, secteur)
    services.etapes_generer(parcours=parcours)
    client.force_login(parcours.utilisateur)
    contenu = client.get(URL).content.decode()
    assert "Rencontrer un ambassadeur" in contenu
    suffixe = f"?communaute={parcours.communaute.siren}" if parcours.communaute else ""
    assert f'href="/ambassadeurs/{suffixe}"' in contenu
    suffixe = suffixe.replace("communaute", "territoire")
    assert f'href="/opportunites/emplois/{suffixe}"' in contenu


def test_carte_du_referent_ou_de_l_equipe(client, fabrique, secteur):
    parcours = _parcours(fabrique, secteur)
    client.force_login(parcours.utilisateur)
    assert "L'équipe départementale d'accueil" in client.get(URL).content.decode()
    referent = fabrique.referent(
        communaute=secteur[0],
        telephone="05 65 00 00 00",
        fonction="Référente accueil",
        presentation="Je vous aide à vous installer.",
        utilisateur__first_name="Nadia",
        utilisateur__last_name="Vidal",
        utilisateur__email="nadia.vidal@lot.fr",
    )
    parcours.referent = referent
    parcours.save()
    contenu = client.get(URL).content.decode()
    assert "Nadia Vidal" in contenu
    assert "05 65 00 00 00" in contenu
    assert "Je vous aide à vous installer." in contenu
    assert "nadia.vidal@lot.fr" not in contenu


@pytest.fixture
def avec_sejour(fabrique, secteur):
    fabrique.modele_etape(code="sejour", contenu=ModeleEtape.Contenu.SEJOUR_DECOUVERTE)
    parcours = _parcours(fabrique, secteur)
    services.etapes_generer(parcours=parcours)
    return parcours


def test_demander_un_sejour_puis_voir_son_etat(
    client, fabrique, avec_sejour, mailoutbox, django_capture_on_commit_callbacks
):
    parcours = avec_sejour
    fabrique.referent(communaute=None, utilisateur__email="equipe@lot.fr")
    client.force_login(parcours.utilisateur)
    url = reverse("accueil:parcours_sejour")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"periode_souhaitee": "Un week-end en mai", "nombre_personnes": "3", "souhaits": ""},
        )
    assert response.status_code == 302
    sejour = SejourDecouverte.objects.get(parcours=parcours)
    assert sejour.statut == SejourDecouverte.Statut.DEMANDE
    assert [m.to for m in mailoutbox] == [["equipe@lot.fr"]]
    assert parcours.utilisateur.email not in mailoutbox[0].body
    # A second request while the first is open: refused, nothing created.
    response = client.post(url, {"periode_souhaitee": "Juin", "nombre_personnes": "2"}, follow=True)
    assert "déjà une demande de séjour découverte en cours" in response.content.decode()
    assert SejourDecouverte.objects.filter(parcours=parcours).count() == 1
    # The team schedules it: the newcomer sees dates, programme and message.
    sejour.statut = SejourDecouverte.Statut.PLANIFIE
    sejour.date_debut = sejour.cree_le.date()
    sejour.programme = "Visite de Figeac et de l'IUT"
    sejour.message_equipe = "Nous vous attendons à la gare."
    sejour.save()
    contenu = client.get(URL).content.decode()
    assert "Planifié" in contenu
    assert "Visite de Figeac et de l&#x27;IUT" in contenu
    assert "Nous vous attendons à la gare." in contenu
    assert "Envoyer ma demande" not in contenu


@pytest.mark.parametrize(
    ("donnees", "erreur"),
    [
        ({"periode_souhaitee": "", "nombre_personnes": "2"}, "Indiquez la période"),
        ({"periode_souhaitee": "x" * 201, "nombre_personnes": "2"}, "200 caractères"),
        ({"periode_souhaitee": "Mai", "nombre_personnes": "beaucoup"}, "nombre entier"),
        ({"periode_souhaitee": "Mai", "nombre_personnes": "0"}, "au moins 1 personne"),
        ({"periode_souhaitee": "Mai", "nombre_personnes": "99"}, "au plus 12 personnes"),
        (
            {"periode_souhaitee": "Mai", "nombre_personnes": "2", "souhaits": "x" * 2001},
            "2 000 caractères",
        ),
    ],
)
def test_sejour_mauvaises_saisies(client, avec_sejour, donnees, erreur):
    client.force_login(avec_sejour.utilisateur)
    response = client.post(reverse("accueil:parcours_sejour"), donnees)
    assert response.status_code == 400
    contenu = response.content.decode()
    assert erreur in contenu
    if donnees["periode_souhaitee"]:
        assert f'value="{donnees["periode_souhaitee"]}"' in contenu
    assert not SejourDecouverte.objects.exists()


def test_sejour_sans_etape_sejour_404(client, fabrique, secteur):
    parcours = _parcours(fabrique, secteur)
    client.force_login(parcours.utilisateur)
    response = client.post(
        reverse("accueil:parcours_sejour"), {"periode_souhaitee": "Mai", "nombre_personnes": "1"}
    )
    assert response.status_code == 404


def _remplir(fabrique, secteur, parcours, debut, fin):
    contenus = [
        ModeleEtape.Contenu.LOGEMENTS_TEMPORAIRES,
        ModeleEtape.Contenu.SEJOUR_DECOUVERTE,
        ModeleEtape.Contenu.KIT,
        ModeleEtape.Contenu.AUCUN,
    ]
    for i in range(debut, fin):
        fabrique.modele_etape(
            code=f"etape-{i}", titre=f"Étape {i}", contenu=contenus[i % 4], ordre=i
        )
        fabrique.logement(nom=f"Logement {i}", commune=secteur[1])
    etapes = services.etapes_generer(parcours=parcours)
    services.etape_statut_changer(etape=etapes[-1], statut=StatutEtape.FAIT)


def _requetes(client, url):
    client.get(url)  # warm caches (site settings, menu)
    with CaptureQueriesContext(connection) as requetes:
        assert client.get(url).status_code == 200
    return len(requetes)


def test_budget_de_requetes_du_parcours(client, fabrique, secteur):
    """2 then 12 steps and housing solutions: the same number of queries."""
    parcours = _parcours(fabrique, secteur)
    SejourDecouverte.objects.create(parcours=parcours, periode_souhaitee="Mai")
    client.force_login(parcours.utilisateur)
    _remplir(fabrique, secteur, parcours, 0, 2)
    avec_deux = _requetes(client, URL)
    _remplir(fabrique, secteur, parcours, 2, 12)
    assert parcours.etapes.count() == 12
    avec_douze = _requetes(client, URL)
    assert avec_deux == avec_douze
