"""The audit log: which staff member opened or exported whose file, never the content."""

import datetime

import pytest
from _journal import conftest_charger, valeurs_de
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from fabriques import UtilisateurFactory

from lot_portal.journal.models import GROUPE_DPO, Action, JournalAcces
from lot_portal.journal.permissions import groupe_dpo_creer
from lot_portal.journal.services import acces_journaliser, journal_purger

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def prive(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "prive": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path), "base_url": None},
        },
    }


@pytest.fixture
def admin(client):
    compte = UtilisateurFactory(
        email="chef.equipe@lot.fr", is_staff=True, is_superuser=True, first_name="Chef"
    )
    client.force_login(compte)
    return compte


@pytest.fixture
def parcours():
    from accueil.models import ParcoursAccueil
    from accueil.models.choix import ProfilArrivant

    arrivant = UtilisateurFactory(email="ines.roux@exemple.fr", first_name="Inès", last_name="Roux")
    return ParcoursAccueil.objects.create(
        utilisateur=arrivant,
        prenom="Inès",
        nom="Roux",
        telephone="06 11 22 33 44",
        profil=ProfilArrivant.SECONDES_VIES,
        lieu_actuel="Lyon",
        consentement_le=timezone.now(),
    )


def une_ligne(**filtres) -> JournalAcces:
    lignes = list(JournalAcces.objects.filter(**filtres))
    assert len(lignes) == 1, lignes
    return lignes[0]


def sans_contenu(ligne, *valeurs):
    texte = valeurs_de(ligne)
    for valeur in valeurs:
        assert valeur.lower() not in texte.lower(), valeur


def test_opening_a_newcomer_file_records_one_row_without_content(client, admin, parcours):
    reponse = client.get(reverse("accueil_parcours:inspect", args=[parcours.pk]))
    assert reponse.status_code == 200
    ligne = une_ligne()
    assert ligne.action == Action.CONSULTATION
    assert ligne.utilisateur == admin and ligne.utilisateur_email == "chef.equipe@lot.fr"
    assert (ligne.objet_type, ligne.objet_id) == ("accueil.parcoursaccueil", str(parcours.pk))
    assert ligne.objet_libelle == f"Parcours d'accueil n° {parcours.pk}"
    assert ligne.vue == "accueil_parcours:inspect"
    sans_contenu(ligne, "Inès", "Roux", "ines.roux@exemple.fr", "06 11 22 33 44", "Lyon")


def test_downloading_a_cv_records_one_download(client, admin, parcours, prive):
    from accueil.models import CurriculumVitae

    cv = CurriculumVitae.objects.create(
        parcours=parcours,
        titulaire="arrivant",
        fichier=ContentFile(PDF, name="cv.pdf"),
        nom_original="CV Inès Roux.pdf",
        taille=len(PDF),
    )
    reponse = client.get(reverse("accueil_parcours:cv", args=[parcours.pk, cv.pk]))
    assert reponse.status_code == 200
    ligne = une_ligne()
    assert ligne.action == Action.TELECHARGEMENT and ligne.objet_id == str(parcours.pk)
    sans_contenu(ligne, "Inès", "Roux", "CV Inès")


def test_an_admin_export_is_one_row_with_the_count_and_the_filter_names(client, admin, parcours):
    url = reverse("accueil_parcours:index")
    reponse = client.get(url, {"export": "csv", "q": "Roux"})
    assert reponse.status_code == 200
    b"".join(reponse.streaming_content)
    ligne = une_ligne()
    assert ligne.action == Action.EXPORT
    assert ligne.objet_type == "accueil.parcoursaccueil" and ligne.objet_id == ""
    assert ligne.nombre == 1
    assert ligne.filtres == "q"
    sans_contenu(ligne, "Roux", "Inès")
    # The listing itself (not an export) is not an access to a file.
    client.get(url)
    assert JournalAcces.objects.count() == 1


def test_youth_file_attachment_and_ranking_export(client):
    jeunesse = conftest_charger("jeunesse")
    from jeunesse.models import PieceJointe
    from jeunesse.models.choix import NaturePiece, Statut

    fabrique = jeunesse.FabriqueJeunesse()
    instructeur = fabrique.instructeur()
    porteur = fabrique.compte("porteur.journal@exemple.fr", first_name="Léa", last_name="Delmas")
    candidature = fabrique.candidature(None, porteur, statut=Statut.DEPOSE, titre="Radio libre")
    piece = PieceJointe.objects.create(
        candidature=candidature,
        nature=NaturePiece.DOCUMENT,
        nom_original="devis.pdf",
        type_mime="application/pdf",
        taille=len(PDF),
        fichier=ContentFile(PDF, name="x.pdf"),
    )
    client.force_login(instructeur)

    assert client.get(reverse("jeunesse_dossier", args=[candidature.pk])).status_code == 200
    ligne = une_ligne()
    assert ligne.action == Action.CONSULTATION
    assert (ligne.objet_type, ligne.objet_id) == ("jeunesse.candidature", str(candidature.pk))
    sans_contenu(ligne, "Delmas", "Radio libre", "porteur.journal@exemple.fr")

    url_piece = reverse("jeunesse_dossier_piece", args=[candidature.pk, piece.pk])
    assert client.get(url_piece).status_code == 200
    assert une_ligne(action=Action.TELECHARGEMENT).objet_id == str(candidature.pk)

    reponse = client.get(reverse("jeunesse_candidatures:index"), {"export": "xlsx"})
    assert reponse.status_code == 200
    export = une_ligne(action=Action.EXPORT)
    assert export.objet_type == "jeunesse.candidature" and export.nombre == 1


def test_ambassador_application_page(client, admin):
    ambassadeurs = conftest_charger("ambassadeurs")
    candidat = ambassadeurs.AmbassadeurFactory(
        utilisateur__email="amb.journal@exemple.fr", utilisateur__last_name="Quercy"
    )
    reponse = client.get(reverse("ambassadeurs_admin:inspect", args=[candidat.pk]))
    assert reponse.status_code == 200
    ligne = une_ligne()
    assert (ligne.objet_type, ligne.objet_id) == ("ambassadeurs.ambassadeur", str(candidat.pk))
    sans_contenu(ligne, "amb.journal@exemple.fr", "Quercy")


def test_service_records_an_export_of_a_list_without_values(parcours):
    agent = UtilisateurFactory(email="agent.journal@lot.fr", is_staff=True)
    ligne = acces_journaliser(
        utilisateur=agent, action=Action.EXPORT, objets=[parcours], motif="Export manuel"
    )
    assert ligne.nombre == 1 and ligne.objet_libelle == "Export : 1 parcours d'accueil"
    agent.delete()
    ligne.refresh_from_db()
    # The staff member stays identifiable once their account is gone.
    assert ligne.utilisateur is None and ligne.utilisateur_email == "agent.journal@lot.fr"


# --- Who reads the log ---------------------------------------------------------------------


def test_only_superusers_and_the_dpo_read_the_log(client, parcours):
    acces_journaliser(action=Action.CONSULTATION, objet=parcours)
    url = reverse("journal_acces:index")
    agent = UtilisateurFactory(email="agent.sans.droit@lot.fr", is_staff=True)
    agent.groups.add(groupe_dpo_creer())  # access to the admin …
    agent.groups.remove(agent.groups.get(name=GROUPE_DPO))  # … but not in the DPO group
    from django.contrib.auth.models import Permission

    agent.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(agent)
    reponse = client.get(url)
    assert reponse.status_code == 403
    assert "délégué à la protection des données" in reponse.content.decode()
    ligne = JournalAcces.objects.get()
    assert client.get(reverse("journal_acces:inspect", args=[ligne.pk])).status_code == 403

    dpo = UtilisateurFactory(email="dpo.journal@lot.fr", is_staff=True)
    dpo.groups.add(groupe_dpo_creer())
    client.force_login(dpo)
    reponse = client.get(url)
    assert reponse.status_code == 200
    assert f"Parcours d&#x27;accueil n° {parcours.pk}" in reponse.content.decode()
    assert client.get(reverse("journal_acces:inspect", args=[ligne.pk])).status_code == 200
    # Read-only: no add, no edit.
    assert client.get(reverse("journal_acces:add")).status_code in (302, 403)
    assert client.post(reverse("journal_acces:edit", args=[ligne.pk]), {}).status_code in (
        302,
        403,
    )
    ligne.refresh_from_db()
    assert JournalAcces.objects.count() >= 1
    # The CSV export works for the DPO (and is itself recorded).
    reponse = client.get(url, {"export": "csv", "action": "consultation"})
    assert reponse.status_code == 200
    contenu = b"".join(reponse.streaming_content).decode()
    assert f"Parcours d'accueil n° {parcours.pk}" in contenu
    assert JournalAcces.objects.filter(objet_type="journal.journalacces").count() == 1


def test_log_filters_by_action(client, parcours):
    acces_journaliser(action=Action.CONSULTATION, objet=parcours)
    acces_journaliser(action=Action.EXPORT, objets=[parcours])
    admin = UtilisateurFactory(email="su.journal@lot.fr", is_staff=True, is_superuser=True)
    client.force_login(admin)
    html = client.get(reverse("journal_acces:index"), {"action": "export"}).content.decode()
    assert "Export : 1 parcours" in html
    assert f"Parcours d&#x27;accueil n° {parcours.pk}" not in html


def test_rows_older_than_the_retention_are_purged(settings, parcours):
    settings.JOURNAL_ACCES_CONSERVATION_JOURS = 365
    ancienne = acces_journaliser(action=Action.CONSULTATION, objet=parcours)
    recente = acces_journaliser(action=Action.CONSULTATION, objet=parcours)
    JournalAcces.objects.filter(pk=ancienne.pk).update(
        quand=timezone.now() - datetime.timedelta(days=366)
    )
    from lot_portal.journal.tasks import journal_purger_task

    assert journal_purger_task.delay().get() == 1
    assert list(JournalAcces.objects.values_list("pk", flat=True)) == [recente.pk]
    assert journal_purger() == 0


def test_the_purge_is_scheduled_daily(settings):
    entree = settings.CELERY_BEAT_SCHEDULE["journal-acces-purger"]
    assert entree["task"] == "lot_portal.journal.tasks.journal_purger_task"


def test_takeover_contact_message_and_export(client, admin, site_demo):
    from opportunites.models import ContactReprise
    from opportunites.structure import structure_creer

    opportunites = conftest_charger("opportunites")
    fabrique = opportunites.FabriqueOpportunites(structure_creer(site_demo))
    contact = ContactReprise.objects.create(
        reprise=fabrique.reprise(),
        nom="Paul Cayrac",
        email="paul.cayrac@exemple.fr",
        telephone="06 44 55 66 77",
        message="Je suis intéressé par la boulangerie.",
    )
    url = reverse("opportunites_contacts_reprises:inspect", args=[contact.pk])
    assert client.get(url).status_code == 200
    ligne = une_ligne()
    assert (ligne.objet_type, ligne.objet_id) == ("opportunites.contactreprise", str(contact.pk))
    sans_contenu(ligne, "Cayrac", "paul.cayrac@exemple.fr", "boulangerie")
    index = reverse("opportunites_contacts_reprises:index")
    reponse = client.get(index, {"export": "csv"})
    assert reponse.status_code == 200
    assert b"paul.cayrac@exemple.fr" in b"".join(reponse.streaming_content)
    export = une_ligne(action=Action.EXPORT)
    assert export.objet_type == "opportunites.contactreprise" and export.nombre == 1
    sans_contenu(export, "Cayrac", "paul.cayrac@exemple.fr")
