"""Next-action reminders go out once per file and date; the caseload's exports are scoped
and in French; the caseload list and the file page keep a fixed number of queries."""

import csv
import datetime
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from accueil.models import (
    ChangementStatut,
    EtapeParcours,
    Message,
    NoteSuivi,
    SejourDecouverte,
)
from accueil.services.reseau import (
    prochaine_action_definir,
    rappels_envoyer,
    referent_droits_accorder,
)
from accueil.tasks import rappels_prochaine_action_task
from lot_portal.courriels.models import Courriel

pytestmark = pytest.mark.django_db

LISTE = "/admin/accueil/nouveaux-arrivants/"


def courriels_a(email):
    return [c for c in Courriel.objects.order_by("pk") if email in c.destinataires]


def test_reminders_once_per_file_and_date(fabrique):
    aujourd_hui = timezone.localdate()
    a = fabrique.communaute()
    referent = fabrique.referent(communaute=a)
    dep = fabrique.referent(communaute=None)
    du = fabrique.parcours(communaute=a, referent=referent, prenom="Marc", nom="Valat")
    prochaine_action_definir(parcours=du, texte="Appeler Marc", le=aujourd_hui)
    en_retard = fabrique.parcours(communaute=a, referent=referent, prenom="Nadia", nom="Ortiz")
    prochaine_action_definir(
        parcours=en_retard, texte="Envoyer le kit", le=aujourd_hui - datetime.timedelta(days=3)
    )
    plus_tard = fabrique.parcours(communaute=a, referent=referent, prenom="Paul", nom="Roc")
    prochaine_action_definir(
        parcours=plus_tard, texte="Plus tard", le=aujourd_hui + datetime.timedelta(days=2)
    )
    clos = fabrique.parcours(communaute=a, referent=referent, statut="installe")
    prochaine_action_definir(parcours=clos, texte="Clos", le=aujourd_hui)
    orphelin = fabrique.parcours(communaute=None, referent=None, prenom="Zoé", nom="Sans")
    prochaine_action_definir(parcours=orphelin, texte="Qui s'en occupe ?", le=aujourd_hui)

    assert rappels_prochaine_action_task.delay().get() == 3
    (courriel,) = courriels_a(referent.utilisateur.email)
    assert "Appeler Marc" in courriel.corps_texte and "Envoyer le kit" in courriel.corps_texte
    assert "Plus tard" not in courriel.corps_texte and "Clos" not in courriel.corps_texte
    assert f"{LISTE}{du.pk}/" in courriel.corps_texte
    (au_departement,) = courriels_a(dep.utilisateur.email)
    assert "Qui s&#x27;en occupe" in au_departement.corps_html
    # Idempotent: the same day, the next day, nothing more.
    assert rappels_envoyer() == 0
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        assert rappels_envoyer() == 0
    # The later file comes due; a new date on a reminded file is reminded again.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2)):
        prochaine_action_definir(parcours=du, texte="Rappeler Marc", le=timezone.localdate())
        assert rappels_envoyer() == 2
        assert rappels_envoyer() == 0
    textes = [c.corps_texte for c in courriels_a(referent.utilisateur.email)]
    assert len(textes) == 2
    assert "Rappeler Marc" in textes[1] and "Plus tard" in textes[1]
    assert "Envoyer le kit" not in textes[1]


@pytest.fixture
def deux_secteurs(fabrique, client):
    a, b = fabrique.communaute(nom="Secteur A"), fabrique.communaute(nom="Secteur B")
    referent = fabrique.referent(communaute=a)
    referent_droits_accorder(referent=referent)
    fabrique.parcours(
        communaute=a,
        referent=referent,
        prenom="Anaïs",
        nom="Delmas",
        code_campagne="SALON-PARIS",
        score_maturite=60,
    )
    fabrique.parcours(communaute=a, prenom="Hugo", nom="Lafon", source={"utm_source": "facebook"})
    fabrique.parcours(communaute=b, prenom="Bérénice", nom="Hors-Secteur")
    fabrique.parcours(
        communaute=a, referent=referent, prenom="Eve", nom="Formule", lieu_actuel="=1+1"
    )
    client.force_login(referent.utilisateur)
    return referent


def _csv(client, **params):
    reponse = client.get(LISTE, {"export": "csv", **params})
    assert reponse.status_code == 200
    texte = b"".join(reponse.streaming_content).decode()
    return list(csv.reader(io.StringIO(texte)))


def test_exports_are_scoped_filtered_and_in_french(client, deux_secteurs):
    lignes = _csv(client)
    entetes = lignes[0]
    assert entetes[:3] == ["Prénom", "Nom", "Adresse électronique"]
    assert "Maturité du projet" in entetes and "Code de campagne" in entetes
    noms = {ligne[1] for ligne in lignes[1:]}
    assert noms == {"Delmas", "Lafon", "Formule"}
    # A formula typed by a newcomer is exported as text.
    lieu = entetes.index("Lieu de vie actuel")
    assert "'=1+1" in [ligne[lieu] for ligne in lignes[1:]]
    colonne = entetes.index("Secteur de suivi")
    assert {ligne[colonne] for ligne in lignes[1:]} == {"Secteur A"}
    # Filters apply to the export: by source.
    assert [ligne[1] for ligne in _csv(client, source="campagne")[1:]] == ["Delmas"]
    assert [ligne[1] for ligne in _csv(client, source="utm")[1:]] == ["Lafon"]
    assert _csv(client, source="parrainage")[1:] == []
    # No CV content, no note in the export.
    assert not any("cv" in e.lower() for e in entetes)
    xlsx = client.get(LISTE, {"export": "xlsx"})
    feuille = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    valeurs = [[c.value for c in rang] for rang in feuille.iter_rows()]
    assert valeurs[0][0] == "Prénom"
    assert {rang[1] for rang in valeurs[1:]} == {"Delmas", "Lafon", "Formule"}


def test_caseload_filters_search_and_sorting(client, deux_secteurs):
    page = client.get(LISTE).content.decode()
    assert "Anaïs Delmas" in page and "Hugo Lafon" in page and "Hors-Secteur" not in page
    # Default order: the most mature project first.
    assert page.index("Anaïs Delmas") < page.index("Hugo Lafon")
    page = client.get(LISTE, {"ordering": "score_maturite"}).content.decode()
    assert page.index("Hugo Lafon") < page.index("Anaïs Delmas")
    page = client.get(LISTE, {"q": "Lafon"}).content.decode()
    assert "Hugo Lafon" in page and "Anaïs Delmas" not in page
    page = client.get(LISTE, {"referent": deux_secteurs.pk}).content.decode()
    assert "Anaïs Delmas" in page and "Hugo Lafon" not in page
    page = client.get(LISTE, {"statut": "nouveau", "profil": "secondes_vies"}).content.decode()
    assert "Anaïs Delmas" in page
    for parametres in (
        {"statut": "nimporte"},
        {"referent": "abc"},
        {"communaute": "999999"},
        {"ordering": "utilisateur__password"},
        {"p": "9999"},
    ):
        assert client.get(LISTE, parametres).status_code in (200, 404), parametres


def _remplir(fabrique, secteur, referent, nombre):
    for i in range(nombre):
        parcours = fabrique.parcours(communaute=secteur, referent=referent, prenom=f"P{i}")
        ChangementStatut.objects.create(parcours=parcours, ancien="", nouveau="nouveau")


def _compter(client, url):
    with CaptureQueriesContext(connection) as requetes:
        reponse = client.get(url)
    assert reponse.status_code == 200
    return len(requetes)


def test_caseload_list_query_budget(client, fabrique):
    a = fabrique.communaute()
    referent = fabrique.referent(communaute=a)
    referent_droits_accorder(referent=referent)
    client.force_login(referent.utilisateur)
    _remplir(fabrique, a, referent, 2)
    client.get(LISTE)  # warm caches (content types, site…)
    petit = _compter(client, LISTE)
    _remplir(fabrique, a, fabrique.referent(communaute=a), 10)
    assert _compter(client, LISTE) == petit


def test_file_page_query_budget(client, fabrique):
    a = fabrique.communaute()
    referent = fabrique.referent(communaute=a)
    referent_droits_accorder(referent=referent)
    client.force_login(referent.utilisateur)
    parcours = fabrique.parcours(communaute=a, referent=referent)
    url = f"{LISTE}{parcours.pk}/"

    def ajouter(nombre):
        for i in range(nombre):
            NoteSuivi.objects.create(parcours=parcours, auteur=referent.utilisateur, texte=f"N{i}")
            Message.objects.create(
                parcours=parcours, auteur=parcours.utilisateur, de_l_arrivant=True, texte="Q"
            )
            Message.objects.create(
                parcours=parcours, auteur=referent.utilisateur, de_l_arrivant=False, texte="R"
            )
            ChangementStatut.objects.create(
                parcours=parcours, ancien="nouveau", nouveau="en_echange", par=referent.utilisateur
            )
            SejourDecouverte.objects.create(parcours=parcours, periode_souhaitee=f"S{i}")
            EtapeParcours.objects.create(parcours=parcours, modele=fabrique.modele_etape())

    ajouter(2)
    client.get(url)
    petit = _compter(client, url)
    ajouter(10)
    assert _compter(client, url) == petit
