"""Takeovers from the partner space: photos cleaned with their alt text, errors kept."""

import io

import pytest
from django.urls import reverse
from PIL import Image
from wagtail.models import WorkflowState

from opportunites.models import ReprisePage
from opportunites.services.partenaires import COLLECTION_REPRISES

URL_NOUVELLE = "/opportunites/partenaires/reprises/nouvelle/"


def _jpeg(couleur=(120, 60, 30)):
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (44.0, 36.0, 30.0)})
    tampon = io.BytesIO()
    Image.new("RGB", (90, 60), couleur).save(tampon, format="JPEG", exif=exif.tobytes())
    tampon.seek(0)
    tampon.name = "vitrine.jpg"
    return tampon


def _formulaire(fabrique, **valeurs):
    donnees = {
        "title": "Boulangerie à reprendre à Gramat",
        "activite": "Boulangerie-pâtisserie",
        "secteur": "artisanat",
        "commune": fabrique.commune("Gramat").pk,
        "motif_cession": "Départ à la retraite",
        "tranche_ca": "100-300",
        "tranche_effectif": "1-5",
        "tranche_prix": "50-150",
        "locaux_inclus": "on",
        "description": "Belle affaire.\n\nClientèle fidèle.",
        "organisme": "cma",
        "organisme_email": "transmission@cma-lot.exemple.fr",
        "action": "soumettre",
    }
    donnees.update(valeurs)
    return {k: v for k, v in donnees.items() if v is not None}


@pytest.mark.django_db
def test_takeover_with_photos_errors_kept_and_read_only(client, acteurs, fabrique_opp):
    client.force_login(acteurs.partenaire_b)
    # A photo without its description, a file that is not an image, « autre » without a name.
    faux = io.BytesIO(b"%PDF-1.4 pas une image")
    faux.name = "photo.jpg"
    reponse = client.post(
        URL_NOUVELLE,
        {
            **_formulaire(fabrique_opp, organisme="autre", title="Garage à Souillac"),
            "photo_1": _jpeg(),
            "photo_2": faux,
        },
    )
    assert reponse.status_code == 200
    erreurs = reponse.context["form"].errors
    assert "alt_1" in erreurs and "photo_2" in erreurs and "organisme_nom" in erreurs
    contenu = reponse.content.decode()
    assert 'value="Garage à Souillac"' in contenu
    assert "sélectionnez-les à nouveau" in contenu
    assert not ReprisePage.objects.exists()

    reponse = client.post(
        URL_NOUVELLE,
        {**_formulaire(fabrique_opp), "photo_1": _jpeg(), "alt_1": "La vitrine de la boulangerie."},
    )
    assert reponse.status_code == 302
    reprise = ReprisePage.objects.get()
    assert reprise.owner == acteurs.partenaire_b and not reprise.live
    assert reprise.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    brouillon = reprise.get_latest_revision_as_object()
    assert brouillon.description == "<p>Belle affaire.</p><p>Clientèle fidèle.</p>"
    assert brouillon.locaux_inclus and not brouillon.logement_inclus
    photos = list(brouillon.photos.all())
    assert [p.alt for p in photos] == ["La vitrine de la boulangerie."]
    assert photos[0].image.collection.name == COLLECTION_REPRISES
    with photos[0].image.open_file() as f, Image.open(f) as decodee:
        assert not decodee.getexif()

    # In moderation: read-only, POST refused without change.
    modifier = reverse("opportunites:partenaires_reprise_modifier", args=[reprise.pk])
    assert "Envoyer en modération" not in client.get(modifier).content.decode()
    client.post(modifier, _formulaire(fabrique_opp, title="Changé"))
    assert ReprisePage.objects.get().get_latest_revision_as_object().title != "Changé"

    # Sent back, revised keeping the photo (new alt text), resubmitted.
    etat = reprise.current_workflow_state
    tache = etat.current_task_state
    tache.task.specific.on_action(tache, acteurs.moderateur, "reject", comment="Le prix ?")
    formulaire = client.get(modifier)
    assert formulaire.status_code == 200 and "Le prix ?" in formulaire.content.decode()
    reponse = client.post(modifier, _formulaire(fabrique_opp, alt_1="La vitrine, rue principale."))
    assert reponse.status_code == 302
    reprise = ReprisePage.objects.get()
    assert [p.alt for p in reprise.get_latest_revision_as_object().photos.all()] == [
        "La vitrine, rue principale."
    ]
    assert reprise.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
