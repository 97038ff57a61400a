"""Export and erasure of a person, driven by the registry: files removed, pending emails
cancelled, revisions, logs and search index scrubbed; a fresh export is empty."""

import json
import os

import pytest
from _rgpd import (
    alerte,
    ambassadeur,
    candidature,
    commune,
    courriel,
    evenement,
    image,
    inscription,
    personne_complete,
)
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from fabriques import MOT_DE_PASSE, UtilisateurFactory
from wagtail.models import ModelLogEntry, Page, Revision

from accueil.models import CurriculumVitae, Message, ParcoursAccueil
from jeunesse.models import Candidature, Idee, MembreEquipe, Mentor, PieceJointe
from lot_portal.cms.models import HistoirePage
from lot_portal.courriels.models import Courriel
from lot_portal.rgpd.services import EffacementRefuse, personne_effacer, personne_exporter
from opportunites.models import Alerte

pytestmark = pytest.mark.django_db


def _finalites(export) -> set[str]:
    return {f["slug"] for f in export["finalites"]}


def _histoire(auteur):
    racine = Page.objects.get(depth=1)
    histoire = HistoirePage(
        title="Mon installation à Figeac",
        slug="installation-figeac",
        chapo="Un témoignage.",
        auteur=auteur,
        auteur_nom="Léa Durand",
        image=image(),
        image_alt="Léa devant sa maison",
        commune=commune(),
    )
    racine.add_child(instance=histoire)
    histoire.save_revision(user=auteur)
    return histoire


def test_export_finds_the_person_everywhere_then_erasure_leaves_nothing(
    django_capture_on_commit_callbacks,
):
    utilisateur, objets = personne_complete()
    email, pk = utilisateur.email, utilisateur.pk
    histoire = _histoire(utilisateur)
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Candidature),
        label="Candidature",
        action="wagtail.edit",
        object_id=str(objets["candidature"].pk),
        user=utilisateur,
        timestamp=timezone.now(),
    )
    en_attente = courriel([email])
    envoye = courriel([email], statut=Courriel.Statut.ENVOYE)
    partage = courriel([email, "equipe@lot.fr"])
    autre = courriel(["autre@exemple.fr"])
    chemins = [objets["cv"].fichier.path, objets["piece"].fichier.path]
    souhaitee = commune()
    objets["parcours"].communes.add(souhaitee)  # a many-to-many field of the registry

    avant = personne_exporter(utilisateur=utilisateur)
    assert {"compte", "accueil", "opportunites", "jeunesse", "idees", "courriels", "contenus"} <= (
        _finalites(avant)
    )
    texte = json.dumps(avant, default=str, ensure_ascii=False)
    assert "06 11 22 33 44" in texte and "Un skatepark" in texte
    assert "Léa Durand" in texte  # the story's signature
    assert souhaitee.nom in texte  # the communes she wishes to live in
    # Secrets and the staff's names are never exported.
    assert utilisateur.password not in texte

    with django_capture_on_commit_callbacks(execute=True):
        bilan = personne_effacer(utilisateur=utilisateur)
    assert bilan["comptes.Utilisateur"] == 1

    # A fresh export, by the old address, finds nothing.
    assert personne_exporter(courriel=email)["finalites"] == []
    assert not get_user_model().objects.filter(email=email).exists()
    # Files gone from the disk and the database.
    assert not any(os.path.exists(c) for c in chemins)
    assert not CurriculumVitae.objects.exists() and not PieceJointe.objects.exists()
    # The welcome file and the application are anonymised, kept for statistics.
    parcours = ParcoursAccueil.objects.get(pk=objets["parcours"].pk)
    assert parcours.utilisateur is None and parcours.telephone == "" and parcours.nom == ""
    assert Message.objects.get().texte == "[effacé]"
    candidature_ = Candidature.objects.get(pk=objets["candidature"].pk)
    assert candidature_.porteur is None and candidature_.anonymise_le is not None
    assert not MembreEquipe.objects.filter(email=email).exists()
    assert not Idee.objects.exists() and not Alerte.objects.exists()
    # Emails: pending and sent ones to them gone, a shared one keeps the others only.
    assert not Courriel.objects.filter(pk__in=[en_attente.pk, envoye.pk]).exists()
    partage.refresh_from_db()
    assert partage.destinataires == ["equipe@lot.fr"]
    assert Courriel.objects.filter(pk=autre.pk).exists()
    # The story stays published, signed « Anonyme »; its revisions are scrubbed too.
    histoire = HistoirePage.objects.get(pk=histoire.pk)
    assert histoire.auteur_id is None and histoire.auteur_nom == "Anonyme"
    for revision in Revision.objects.filter(object_id=str(histoire.pk)):
        assert "Léa Durand" not in json.dumps(revision.content, ensure_ascii=False)
        assert revision.user_id is None
    # Admin log entries no longer point to the account.
    assert not ModelLogEntry.objects.filter(user_id=pk).exists()
    assert ModelLogEntry.objects.filter(object_id=str(objets["candidature"].pk)).exists()


def test_erasure_by_address_reaches_accountless_rows_only():
    compte = UtilisateurFactory(email="compte@exemple.fr")
    alerte("sans.compte@exemple.fr")
    alerte("compte@exemple.fr", compte=compte)
    candidature_ = candidature(compte)
    MembreEquipe.objects.create(
        candidature=candidature_, prenom="Hugo", nom="Petit", email="sans.compte@exemple.fr"
    )
    Mentor.objects.create(candidature=candidature_, email="sans.compte@exemple.fr", nom="Hugo")
    courriel(["sans.compte@exemple.fr"])

    avant = personne_exporter(courriel="sans.compte@exemple.fr")
    assert {"opportunites", "jeunesse", "courriels"} <= _finalites(avant)
    personne_effacer(courriel="SANS.compte@exemple.fr ")
    assert personne_exporter(courriel="sans.compte@exemple.fr")["finalites"] == []
    # The account holder's own rows are untouched.
    assert Alerte.objects.filter(compte=compte).exists()
    assert MembreEquipe.objects.filter(utilisateur=compte).exists()


def test_staff_accounts_are_refused():
    agent = UtilisateurFactory(is_staff=True)
    with pytest.raises(EffacementRefuse):
        personne_effacer(utilisateur=agent)
    assert get_user_model().objects.filter(pk=agent.pk).exists()


def test_an_unverified_address_does_not_open_someone_elses_rows():
    from allauth.account.models import EmailAddress

    intrus = UtilisateurFactory(email="intrus@exemple.fr")
    EmailAddress.objects.create(user=intrus, email="victime@exemple.fr", verified=False)
    alerte("victime@exemple.fr")
    assert "opportunites" not in _finalites(personne_exporter(utilisateur=intrus))


def test_my_data_page_and_json_download(client):
    utilisateur, _ = personne_complete("page@exemple.fr")
    client.force_login(utilisateur)
    reponse = client.get("/compte/mes-donnees/")
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "Mes données personnelles" in contenu
    assert "Accompagnement des nouveaux arrivants" in contenu
    assert "Trois ans après le dernier contact" in contenu
    assert "06 11 22 33 44" in contenu
    assert "no-store" in reponse["Cache-Control"]
    fichier = client.get("/compte/mes-donnees.json")
    assert fichier["Content-Disposition"].startswith("attachment;")
    donnees = json.loads(fichier.content)
    assert "accueil" in {f["slug"] for f in donnees["finalites"]}


def test_my_data_needs_login(client):
    reponse = client.get("/compte/mes-donnees/")
    assert reponse.status_code == 302
    assert "mes-donnees" in reponse["Location"]  # back here after logging in


def test_any_person_can_delete_their_account_from_the_deletion_page(client):
    """Not only newcomers: a young applicant without a welcome file."""
    jeune = UtilisateurFactory(email="jeune@exemple.fr")
    c = candidature(jeune)
    piece = PieceJointe(candidature=c, nom_original="devis.pdf", taille=10)
    piece.fichier.save("devis.pdf", ContentFile(b"%PDF-1.4"), save=True)
    client.force_login(jeune)
    reponse = client.post("/accueil/mon-parcours/supprimer/", {"mot_de_passe": MOT_DE_PASSE})
    assert reponse.status_code == 302
    assert not get_user_model().objects.filter(email="jeune@exemple.fr").exists()
    assert personne_exporter(courriel="jeune@exemple.fr")["finalites"] == []


def test_an_ambassador_registered_to_an_event_is_erased_too(django_capture_on_commit_callbacks):
    from wagtail.images import get_image_model

    from lot_portal.agenda.models import Inscription

    compte = UtilisateurFactory(email="paul@exemple.fr")
    photo = ambassadeur(compte).photo
    rencontre = evenement()
    inscription(rencontre, "Paul@exemple.fr")  # registered without logging in
    inscription(rencontre, "autre@exemple.fr")
    assert {"ambassadeurs", "agenda"} <= _finalites(personne_exporter(utilisateur=compte))
    with django_capture_on_commit_callbacks(execute=True):
        personne_effacer(utilisateur=compte)
    assert personne_exporter(courriel="paul@exemple.fr")["finalites"] == []
    assert not get_image_model().objects.filter(pk=photo.pk).exists()
    assert list(Inscription.objects.values_list("email", flat=True)) == ["autre@exemple.fr"]
