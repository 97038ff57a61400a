"""RGPD right of access: the newcomer reads and downloads everything held about them."""

import json
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accueil.models import (
    Bilan,
    ChangementStatut,
    CurriculumVitae,
    EtapeParcours,
    Message,
    NoteSuivi,
    Relance,
    SejourDecouverte,
    TransmissionCV,
)
from accueil.services.donnees import donnees_exporter

pytestmark = pytest.mark.django_db

URL = "/accueil/mon-parcours/mes-donnees/"
URL_JSON = "/accueil/mon-parcours/mes-donnees.json"


def _dossier_complet(fabrique, *, marque: str, elements: int = 2):
    """A file with ``elements`` rows of every kind, each text carrying ``marque``."""
    referent = fabrique.referent(utilisateur__first_name="Agnès", utilisateur__last_name="Delpech")
    parcours = fabrique.parcours(
        referent=referent,
        communaute=referent.communaute,
        telephone="06 12 34 56 78",
        metier_recherche=f"Infirmière {marque}",
        enfants=[{"age": 7, "niveau": "CE1"}],
        source={"utm_source": "salon", "campagne": "vivre-2026"},
    )
    modele_relance = fabrique.modele_relance()
    Relance.objects.create(
        parcours=parcours, modele=modele_relance, due_le=timezone.now() + timedelta(days=7)
    )
    for n in range(elements):
        EtapeParcours.objects.create(
            parcours=parcours, modele=fabrique.modele_etape(titre=f"Étape {marque} {n}")
        )
        Message.objects.create(
            parcours=parcours,
            auteur=parcours.utilisateur,
            de_l_arrivant=n % 2 == 0,
            texte=f"Message {marque} {n}",
        )
        cv = CurriculumVitae.objects.create(
            parcours=parcours,
            titulaire=CurriculumVitae.Titulaire.ARRIVANT,
            fichier=ContentFile(b"%PDF-1.4 cv", name=f"cv-{marque}-{n}.pdf"),
            nom_original=f"cv-{marque}-{n}.pdf",
            taille=11,
        )
        TransmissionCV.objects.create(
            cv=cv, destinataire=f"Clinique {marque} {n}", par=referent.utilisateur
        )
        SejourDecouverte.objects.create(
            parcours=parcours, periode_souhaitee=f"Printemps {marque} {n}"
        )
        ChangementStatut.objects.create(
            parcours=parcours, nouveau="premier_contact", commentaire=f"Appel {marque} {n}"
        )
        NoteSuivi.objects.create(
            parcours=parcours, auteur=referent.utilisateur, texte=f"Note {marque} {n}"
        )
        Bilan.objects.create(parcours=parcours, commentaire=f"Bilan {marque} {n}")
    return parcours


def test_export_holds_every_kind_of_data_of_the_account(fabrique):
    parcours = _dossier_complet(fabrique, marque="alpha")
    export = donnees_exporter(utilisateur=parcours.utilisateur)

    assert export["compte"]["email"] == parcours.utilisateur.email
    assert export["compte"]["adresses_electroniques"][0]["verifiee"] is True
    dossier = export["dossier"]
    assert dossier["reference"] == str(parcours.reference)
    assert dossier["telephone"] == "06 12 34 56 78"
    assert dossier["profil"].startswith("Seconde vie")
    assert dossier["enfants"] == [{"age": 7, "niveau": "CE1"}]
    assert dossier["referent"]["nom"] == "Agnès Delpech"
    assert [e["titre"] for e in export["etapes"]] == ["Étape alpha 0", "Étape alpha 1"]
    assert [m["de"] for m in export["messages"]] == ["Vous", "Votre référent accueil"]
    assert export["cv"][0]["transmissions"][0]["employeur"].startswith("Clinique alpha")
    assert len(export["sejours_decouverte"]) == 2
    assert {n["texte"] for n in export["notes_de_suivi"]} == {"Note alpha 0", "Note alpha 1"}
    assert export["relances"][0]["statut"] == "Prévue"
    assert len(export["bilans"]) == 2


def test_staff_notes_are_exported_without_the_staff_member(fabrique):
    parcours = _dossier_complet(fabrique, marque="alpha", elements=1)
    texte = json.dumps(donnees_exporter(utilisateur=parcours.utilisateur), default=str)
    assert "Note alpha 0" in texte
    referent = parcours.referent.utilisateur
    assert referent.email not in texte
    # The referent is named once, as the newcomer's referent, never as an author.
    assert texte.count("Delpech") == 1


def test_another_users_data_never_appears_in_an_export(client, fabrique):
    moi = _dossier_complet(fabrique, marque="alpha")
    autre = _dossier_complet(fabrique, marque="omega")
    client.force_login(moi.utilisateur)

    reponse = client.get(URL_JSON)

    texte = reponse.content.decode()
    assert "alpha" in texte
    assert "omega" not in texte
    assert autre.utilisateur.email not in texte
    assert str(autre.reference) not in texte
    page = client.get(URL).content.decode()
    assert "Message alpha 0" in page
    assert "omega" not in page


def test_json_download_is_an_attachment_and_private(client, fabrique):
    parcours = _dossier_complet(fabrique, marque="alpha", elements=1)
    client.force_login(parcours.utilisateur)

    reponse = client.get(URL_JSON)

    assert reponse.status_code == 200
    assert reponse["Content-Type"] == "application/json; charset=utf-8"
    assert reponse["Content-Disposition"].startswith('attachment; filename="mes-donnees-lot-')
    assert "no-store" in reponse["Cache-Control"]
    donnees = json.loads(reponse.content)
    assert donnees["dossier"]["prenom"] == parcours.prenom
    assert donnees["messages"][0]["texte"] == "Message alpha 0"


def test_the_page_lists_the_data_and_links_the_download(client, fabrique):
    parcours = _dossier_complet(fabrique, marque="alpha", elements=1)
    client.force_login(parcours.utilisateur)

    reponse = client.get(URL)

    assert reponse.status_code == 200
    assert "no-store" in reponse["Cache-Control"]
    page = reponse.content.decode()
    assert "<h1>Mes données personnelles</h1>" in page
    assert f'href="{URL_JSON}"' in page
    assert "Télécharger mes données (JSON)" in page
    assert "sans le nom de l'agent" in page
    for texte in ("06 12 34 56 78", "Infirmière alpha", "Clinique alpha 0", "Note alpha 0"):
        assert texte in page
    assert "7 ans, CE1" in page
    assert 'href="/accueil/mon-parcours/supprimer/"' in page


def test_an_account_without_file_sees_its_account_and_the_registration_link(client, fabrique):
    utilisateur = fabrique.utilisateur()
    client.force_login(utilisateur)

    reponse = client.get(URL)

    page = reponse.content.decode()
    assert reponse.status_code == 200
    assert utilisateur.email in page
    assert "Vous n'avez pas de dossier d'accueil" in page
    assert 'href="/accueil/inscription/"' in page
    assert json.loads(client.get(URL_JSON).content)["dossier"] is None


@pytest.mark.parametrize("url", [URL, URL_JSON])
def test_anonymous_visitors_are_sent_to_the_login(client, url):
    reponse = client.get(url)
    assert reponse.status_code == 302
    assert reponse["Location"].startswith("/compte/login/")


def test_post_is_refused_on_the_read_only_pages(client, fabrique):
    client.force_login(fabrique.utilisateur())
    assert client.post(URL).status_code == 405
    assert client.post(URL_JSON).status_code == 405


@pytest.mark.parametrize("url", [URL, URL_JSON])
def test_query_budget_does_not_grow_with_the_number_of_items(client, fabrique, url):
    petit = _dossier_complet(fabrique, marque="petit", elements=2)
    grand = _dossier_complet(fabrique, marque="grand", elements=12)

    def requetes(parcours):
        client.force_login(parcours.utilisateur)
        client.get(url)  # warm the session and site caches
        with CaptureQueriesContext(connection) as contexte:
            assert client.get(url).status_code == 200
        return len(contexte.captured_queries)

    assert requetes(petit) == requetes(grand)


def test_a_registration_in_progress_is_listed(client, fabrique):
    from accueil.models import BrouillonInscription

    utilisateur = fabrique.utilisateur()
    BrouillonInscription.objects.create(
        utilisateur=utilisateur, donnees={"qui": {"lieu_actuel": "Nantes"}}, etape_atteinte=2
    )
    client.force_login(utilisateur)

    assert "(étape 2 sur 5)" in client.get(URL).content.decode()
    donnees = json.loads(client.get(URL_JSON).content)
    assert donnees["inscription_en_cours"]["donnees"] == {"qui": {"lieu_actuel": "Nantes"}}


@pytest.mark.parametrize("role", ["arrivant_a", "arrivant_b", "referent", "superutilisateur"])
def test_each_role_only_ever_gets_its_own_data(client, fabrique, django_user_model, role):
    arrivant_a = _dossier_complet(fabrique, marque="alpha", elements=1)
    arrivant_b = _dossier_complet(fabrique, marque="omega", elements=1)
    comptes = {
        "arrivant_a": arrivant_a.utilisateur,
        "arrivant_b": arrivant_b.utilisateur,
        "referent": arrivant_a.referent.utilisateur,
        "superutilisateur": django_user_model.objects.create_superuser(
            email="admin@lot.fr", password=fabrique.mot_de_passe
        ),
    }
    attendu = {"arrivant_a": arrivant_a, "arrivant_b": arrivant_b}.get(role)
    client.force_login(comptes[role])

    donnees = json.loads(client.get(URL_JSON).content)

    assert donnees["compte"]["email"] == comptes[role].email
    if attendu is None:
        assert donnees["dossier"] is None
        assert donnees["messages"] == donnees["notes_de_suivi"] == []
    else:
        assert donnees["dossier"]["reference"] == str(attendu.reference)
    autres = {arrivant_a, arrivant_b} - {attendu}
    for autre in autres:
        assert str(autre.reference) not in json.dumps(donnees)
