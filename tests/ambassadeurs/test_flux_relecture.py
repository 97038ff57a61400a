"""Emails to an ambassador when the editorial review publishes or sends back their story
(Wagtail workflow signals), once per decision, and only for ambassadors' stories."""

import io
import os

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.users.models import UserProfile

from ambassadeurs.models import Ambassadeur, NotificationRelecture, Secteur, StatutAmbassadeur
from ambassadeurs.models.choix import Origine
from ambassadeurs.services.histoires import histoire_soumettre
from ambassadeurs.services.relecture import relecture_notifier
from lot_portal.cms.models import HistoirePage
from lot_portal.courriels.models import Courriel
from lot_portal.territoire.models import Commune

pytestmark = pytest.mark.django_db


@pytest.fixture
def relecture(site_demo):
    from lot_portal.cms import demo

    demo._collection_racine()
    index = demo._index(site_demo, open(os.devnull, "w"))  # noqa: SIM115
    demo._groupes_et_relecture(site_demo, index)
    return index


def _compte(django_user_model, courriel, **champs):
    return django_user_model.objects.create_user(
        email=courriel, password="Vallee-du-Lot-2026", first_name="Claire", **champs
    )


@pytest.fixture
def ambassadeur(django_user_model, relecture):
    return Ambassadeur.objects.create(
        utilisateur=_compte(django_user_model, "claire.flux@exemple.fr"),
        statut=StatutAmbassadeur.ACCEPTE,
        prenom="Claire",
        nom="Delpech",
        commune=Commune.objects.get(nom="Figeac"),
        profession="Céramiste",
        secteur=Secteur.ARTISANAT,
        origine=Origine.ARRIVE,
        histoire="Arrivée de Lyon en 2019.",
        offres=["histoires"],
        charte_acceptee_le=timezone.now(),
    )


@pytest.fixture
def relecteur(django_user_model, relecture):
    compte = _compte(django_user_model, "relec.flux@lot.fr", is_staff=True)
    compte.groups.add(Group.objects.get(name="Relecteurs"))
    return compte


def _image():
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from lot_portal.cms.images import image_nettoyer

    tampon = io.BytesIO()
    Image.new("RGB", (120, 80), (180, 90, 30)).save(tampon, format="JPEG")
    return image_nettoyer(SimpleUploadedFile("p.jpg", tampon.getvalue()))


def _donnees(titre="Le causse au printemps"):
    return {
        "titre": titre,
        "chapo": "Un résumé.",
        "texte": "Un paragraphe.",
        "commune": Commune.objects.get(nom="Figeac"),
        "profils": ["jeunes"],
        "thematiques": [],
        "images": [
            {"fichier": _image(), "alt": "Le causse en fleurs.", "retirer": False},
            {"fichier": None, "alt": "", "retirer": False},
            {"fichier": None, "alt": "", "retirer": False},
        ],
    }


def _tache(page):
    return HistoirePage.objects.get(pk=page.pk).current_workflow_state.current_task_state


def _pour(adresse):
    return Courriel.objects.filter(destinataires=[adresse])


def test_sent_back_then_approved_emails_the_ambassador_once_each(ambassadeur, relecteur):
    page = histoire_soumettre(ambassadeur=ambassadeur, donnees=_donnees())
    # Wagtail's own approval/rejection emails (links to an admin they can't open) are off.
    profil = UserProfile.get_for_user(ambassadeur.utilisateur)
    assert not profil.approved_notifications and not profil.rejected_notifications
    assert not _pour("claire.flux@exemple.fr").exists()

    tache = _tache(page)
    tache.task.specific.on_action(tache, relecteur, "reject", comment="Ajoutez une photo du four.")
    courriel = _pour("claire.flux@exemple.fr").get()
    assert "à revoir" in courriel.sujet
    assert "Ajoutez une photo du four." in courriel.corps_texte
    assert "Ajoutez une photo du four." in courriel.corps_html
    assert f"/ambassadeurs/espace/histoires/{page.pk}/modifier/" in courriel.corps_texte

    # The signal again for the same decision: nothing more.
    etat = HistoirePage.objects.get(pk=page.pk).current_workflow_state
    assert relecture_notifier(etat=etat, approuvee=False) is None
    assert _pour("claire.flux@exemple.fr").count() == 1

    # Revised, resubmitted, approved: published, one more email with the public URL.
    histoire_soumettre(
        ambassadeur=ambassadeur, donnees=_donnees("Le causse en avril"), histoire=page
    )
    tache = _tache(page)
    tache.task.specific.on_action(tache, relecteur, "approve")
    page = HistoirePage.objects.get(pk=page.pk)
    assert page.live
    publiee = _pour("claire.flux@exemple.fr").exclude(pk=courriel.pk).get()
    assert "publiée" in publiee.sujet
    assert page.url in publiee.corps_texte
    etat = page.workflow_states.order_by("-pk").first()
    assert relecture_notifier(etat=etat, approuvee=True) is None
    assert _pour("claire.flux@exemple.fr").count() == 2
    assert NotificationRelecture.objects.count() == 2


def test_two_rejections_of_the_same_story_are_two_emails(ambassadeur, relecteur):
    page = histoire_soumettre(ambassadeur=ambassadeur, donnees=_donnees())
    tache = _tache(page)
    tache.task.specific.on_action(tache, relecteur, "reject", comment="Premier avis.")
    histoire_soumettre(ambassadeur=ambassadeur, donnees=_donnees(), histoire=page)
    tache = _tache(page)
    tache.task.specific.on_action(tache, relecteur, "reject", comment="Second avis.")
    textes = [c.corps_texte for c in _pour("claire.flux@exemple.fr").order_by("pk")]
    assert len(textes) == 2
    assert "Premier avis." in textes[0] and "Second avis." in textes[1]


def test_stories_of_editors_send_nothing(relecture, relecteur, django_user_model):
    from wagtail.images import get_image_model

    redacteur = _compte(django_user_model, "redac.flux@lot.fr")
    image = get_image_model().objects.create(title="Causse", file=_image())
    page = HistoirePage(
        image=image,
        image_alt="Le causse.",
        commune=Commune.objects.get(nom="Figeac"),
        title="Une histoire de la rédaction",
        slug="histoire-redaction",
        chapo="Résumé",
        auteur=redacteur,
        live=False,
    )
    relecture.add_child(instance=page)
    page.save_revision(user=redacteur)
    page.get_workflow().start(page, redacteur)
    tache = _tache(page)
    tache.task.specific.on_action(tache, relecteur, "approve")
    assert not NotificationRelecture.objects.exists()
    # Wagtail's own email to the editor stays; ours (« Votre histoire … ») is not sent.
    assert not _pour("redac.flux@lot.fr").filter(sujet__startswith="Votre histoire").exists()
