"""Hostile uploads at every upload point of the portal (issue #9).

Upload points (inventory of every ``FileField``/``ImageField``, form file field and Wagtail
upload; the admin's multiple and chooser uploads use the same Wagtail forms):

- newcomer CV (``accueil.forms.parcours.CVForm``): PDF, private storage;
- ambassador application and profile photo (``ProfilForm.photo_fichier``) and story images
  (``HistoireForm.image_1..3``): public, re-encoded;
- takeover offer photos of the partner space (``RepriseForm.photo_1..3``): public, re-encoded;
  employer logos are Wagtail images (chooser);
- youth calls: pieces, parental authorisation, complements (``FichierNettoyeChamp``), the
  laureates' reports (``RapportDeposerForm``): private; project journal photos
  (``EntreeJournalForm.image``): public, re-encoded;
- Wagtail admin images and documents (staff; events, partners, pages and stories pick them
  with choosers).

The offers' CSV import (staff, ``opportunites.admin_donnees``) is parsed, never stored.

Each hostile sample of ``_fichiers.HOSTILES`` goes through each point: refused, with a French
message on the field itself. Through the views: the French error next to the field, no row
and no file written.
"""

import os
import re
from pathlib import Path

import pytest
from _fichiers import HOSTILES, NOMS_PIEGES, valide
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from fabriques import UtilisateurFactory
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import Collection

from accueil.forms.parcours import CVForm
from ambassadeurs.forms.candidature import CandidatureForm, EspaceProfilForm
from ambassadeurs.forms.histoires import HistoireForm
from jeunesse.forms_candidatures import FichierNettoyeChamp
from jeunesse.forms_laureats import EntreeJournalForm, RapportDeposerForm
from lot_portal.fichiers import wagtail as fichiers_wagtail
from lot_portal.fichiers.signatures import nom_original_propre
from opportunites.forms_partenaires import RepriseForm

TYPES = {"pdf": "application/pdf", "jpeg": "image/jpeg", "png": "image/png"}
EXTENSIONS = {"pdf": "pdf", "jpeg": "jpg", "png": "png"}


def _fichier(donnees, nom, type_mime):
    return SimpleUploadedFile(nom, donnees, content_type=type_mime)


class _PieceForm(forms.Form):
    piece = FichierNettoyeChamp(label="Pièce", taille_max=10 * 1024 * 1024, required=False)


def _wagtail_image(fichier):
    formulaire = get_image_form(get_image_model())
    return formulaire({"title": "Visuel"}, {"file": fichier})


def _wagtail_document(fichier):
    formulaire = get_document_form(get_document_model())
    return formulaire({"title": "Brochure"}, {"file": fichier})


# id -> (build a bound form from an upload, the field, the valid genres it takes)
POINTS = {
    "accueil-cv": (lambda f: CVForm({"titulaire": "arrivant"}, {"fichier": f}), "fichier", {"pdf"}),
    "ambassadeurs-candidature-photo": (
        lambda f: CandidatureForm({}, {"photo_fichier": f}),
        "photo_fichier",
        {"jpeg", "png"},
    ),
    "ambassadeurs-profil-photo": (
        lambda f: EspaceProfilForm({}, {"photo_fichier": f}),
        "photo_fichier",
        {"jpeg", "png"},
    ),
    "ambassadeurs-histoire-image": (
        lambda f: HistoireForm({}, {"image_1": f}),
        "image_1",
        {"jpeg", "png"},
    ),
    "opportunites-reprise-photo": (
        lambda f: RepriseForm({}, {"photo_1": f}),
        "photo_1",
        {"jpeg", "png"},
    ),
    "jeunesse-piece": (lambda f: _PieceForm({}, {"piece": f}), "piece", {"pdf", "jpeg", "png"}),
    "jeunesse-rapport": (
        lambda f: RapportDeposerForm({}, {"fichier": f}, taille_max=10 * 1024 * 1024),
        "fichier",
        {"pdf", "jpeg", "png"},
    ),
    "jeunesse-journal-photo": (
        lambda f: EntreeJournalForm({"titre": "Étape", "texte": "Récit"}, {"image": f}),
        "image",
        {"jpeg", "png"},
    ),
    "wagtail-image": (_wagtail_image, "file", {"jpeg", "png"}),
    "wagtail-document": (_wagtail_document, "file", {"pdf"}),
}

# Wagtail documents may be heavier than 12 Mo (brochures, podcasts): their own limit is
# tested below with a smaller ceiling.
SANS_OBJET = {("wagtail-document", "trop-lourd-pdf")}
MATRICE = [
    pytest.param(point, echantillon, id=f"{point}-{echantillon.id}")
    for point in POINTS
    for echantillon in HOSTILES
    if (point, echantillon.id) not in SANS_OBJET
]

ANGLAIS = re.compile(
    r"\b(the|file|upload|uploaded|valid|submitted|please|image format|not|allowed)\b", re.I
)
FRANCAIS = re.compile(r"[éèêàçù]|\b(le|la|ce|cette|les|un|une|est|fichier|image)\b", re.I)


def _assert_francais(messages):
    assert messages, "aucun message"
    for message in messages:
        assert not ANGLAIS.search(message), message
        assert FRANCAIS.search(message), message


@pytest.fixture
def racine_collections(db):
    """Wagtail's root collection (the image and document forms need one)."""
    return Collection.get_first_root_node() or Collection.add_root(name="Racine")


@pytest.mark.django_db
@pytest.mark.parametrize(("point", "echantillon"), MATRICE)
def test_hostile_sample_refused_with_a_french_error_on_the_field(
    point, echantillon, racine_collections
):
    construire, champ, _genres = POINTS[point]
    formulaire = construire(_fichier(echantillon.donnees, echantillon.nom, echantillon.type_mime))
    assert not formulaire.is_valid()
    assert champ in formulaire.errors, (champ, formulaire.errors.get(champ))
    _assert_francais(formulaire.errors[champ])


@pytest.mark.django_db
@pytest.mark.parametrize("point", list(POINTS))
def test_valid_samples_accepted(point, racine_collections):
    construire, champ, genres = POINTS[point]
    for genre in genres:
        formulaire = construire(
            _fichier(valide(genre), f"Mon fichier.{EXTENSIONS[genre]}", TYPES[genre])
        )
        formulaire.is_valid()
        assert champ not in formulaire.errors, (genre, formulaire.errors.get(champ))


@pytest.mark.django_db
@pytest.mark.parametrize("point", ["accueil-cv", "jeunesse-piece", "jeunesse-rapport"])
@pytest.mark.parametrize("nom", list(NOMS_PIEGES.values()), ids=list(NOMS_PIEGES))
def test_trapped_names_never_kept_as_sent(point, nom):
    construire, champ, _genres = POINTS[point]
    fichier = _fichier(valide("pdf"), nom, "application/pdf")
    formulaire = construire(fichier)
    if not formulaire.is_valid() and champ in formulaire.errors:
        _assert_francais(formulaire.errors[champ])  # e.g. a name too long: refused
        return
    nettoye = formulaire.cleaned_data[champ]
    if point == "jeunesse-piece":
        garde, stocke = nettoye["nom"], nettoye["contenu"].name
    elif point == "jeunesse-rapport":
        garde, stocke = formulaire.piece_propre[2], formulaire.piece_propre[0].name
    else:
        garde, stocke = nettoye.name, None
    for interdit in ("/", "\\", "\x00", "\u202e", "\r", "\n", ":"):
        assert interdit not in garde, repr(garde)
    assert ".." not in garde.split("/")
    assert len(garde) <= 200
    if stocke is not None:
        assert re.fullmatch(r"[0-9a-f]{32}\.pdf", stocke), stocke


def test_clean_name_keeps_the_extension_of_a_long_name():
    assert nom_original_propre("c" * 300 + ".pdf").endswith(".pdf")
    assert len(nom_original_propre("c" * 300 + ".pdf")) == 150
    assert nom_original_propre("../../") == "fichier"
    assert nom_original_propre("cv\u202efdp.exe") == "cvfdp.exe"


@pytest.mark.django_db
def test_wagtail_document_size_limit(racine_collections, monkeypatch):
    monkeypatch.setattr(fichiers_wagtail, "TAILLE_MAX_DOCUMENT", 1024 * 1024)
    gros = _fichier(valide("pdf") + b"%" + b"0" * (1024 * 1024) + b"\n%%EOF\n", "a.pdf", "")
    formulaire = _wagtail_document(gros)
    assert not formulaire.is_valid()
    _assert_francais(formulaire.errors["file"])
    assert "1 Mo" in formulaire.errors["file"][0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("nom", "donnees", "accepte"),
    [
        pytest.param("notes.txt", "Réunion du 3 mars.\n".encode("cp1252"), True, id="ok-notes.txt"),
        pytest.param(
            "sous-titres.vtt",
            b"WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour\n",
            True,
            id="ok-sous-titres.vtt",
        ),
        pytest.param("liste.csv", b"nom;commune\nLea;Figeac\n", True, id="ok-liste.csv"),
        pytest.param(
            "page.txt",
            b"<html><body><script>alert(1)</script></body></html>",
            False,
            id="refus-page.txt",
        ),
        pytest.param("liste.csv", b"nom\n<svg onload=alert(1)>\n", False, id="refus-liste.csv"),
        pytest.param("rapport.docx", valide("pdf"), False, id="refus-rapport.docx"),
        pytest.param("rapport.docx", b"PK\x03\x04" + b"\x00" * 100, True, id="ok-rapport.docx"),
        pytest.param("podcast.mp3", b"ID3\x04\x00" + b"\x00" * 100, True, id="ok-podcast.mp3"),
        pytest.param(
            "podcast.mp3", b"<html><script>alert(1)</script></html>", False, id="refus-podcast.mp3"
        ),
        pytest.param(
            "video.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100, True, id="ok-video.mp4"
        ),
        pytest.param("video.webm", b"\x7fELF" + b"\x00" * 100, False, id="refus-video.webm"),
        pytest.param("texte.txt", b"abc\x00def", False, id="refus-texte.txt"),
    ],
)
def test_wagtail_document_content_matches_its_extension(racine_collections, nom, donnees, accepte):
    formulaire = _wagtail_document(_fichier(donnees, nom, "application/octet-stream"))
    formulaire.is_valid()
    assert ("file" not in formulaire.errors) is accepte, formulaire.errors.get("file")
    if not accepte:
        _assert_francais(formulaire.errors["file"])


# --- Through the views: error next to the field, nothing stored ------------------------------


def _fichiers_sous(*racines) -> set[str]:
    trouves = set()
    for racine in racines:
        for dossier, _sous, noms in os.walk(racine):
            trouves.update(os.path.join(dossier, nom) for nom in noms)
    return trouves


def _racines():
    return [settings.MEDIA_ROOT, settings.STORAGES["prive"]["OPTIONS"]["location"]]


VUES_HOSTILES = [e for e in HOSTILES if e.id not in ("trop-lourd-jpg",)]


@pytest.mark.django_db
@pytest.mark.parametrize("echantillon", VUES_HOSTILES, ids=[e.id for e in VUES_HOSTILES])
def test_cv_view_refuses_and_stores_nothing(client, echantillon):
    from accueil.models import CurriculumVitae, ParcoursAccueil

    compte = UtilisateurFactory()
    ParcoursAccueil.objects.create(
        utilisateur=compte, prenom="Léa", nom="Martin", consentement_le=timezone.now()
    )
    client.force_login(compte)
    avant = _fichiers_sous(*_racines())
    reponse = client.post(
        "/accueil/mon-parcours/cv/",
        {
            "titulaire": "arrivant",
            "fichier": _fichier(echantillon.donnees, echantillon.nom, echantillon.type_mime),
        },
    )
    assert reponse.status_code in (200, 400)
    page = reponse.content.decode()
    bloc = re.search(r'id="id_fichier_erreur"[^>]*>(.*?)</', page, re.S)
    assert bloc and bloc.group(1).strip(), "pas d'erreur à côté du champ"
    assert not CurriculumVitae.objects.exists()
    assert _fichiers_sous(*_racines()) == avant


@pytest.fixture
def administrateur(client, racine_collections):
    compte = UtilisateurFactory(is_staff=True, is_superuser=True)
    client.force_login(compte)
    return compte


@pytest.mark.django_db
@pytest.mark.parametrize("echantillon", VUES_HOSTILES, ids=[e.id for e in VUES_HOSTILES])
def test_wagtail_admin_image_upload_refused_nothing_stored(
    client, administrateur, racine_collections, echantillon
):
    avant = _fichiers_sous(*_racines())
    reponse = client.post(
        "/admin/images/add/",
        {
            "title": "Visuel",
            "collection": racine_collections.pk,
            "file": _fichier(echantillon.donnees, echantillon.nom, echantillon.type_mime),
        },
    )
    assert reponse.status_code == 200  # the form again, with its errors
    assert not get_image_model().objects.exists()
    assert _fichiers_sous(*_racines()) == avant
    _assert_francais(reponse.context["form"].errors["file"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "echantillon",
    [e for e in VUES_HOSTILES if not e.id.startswith("trop-lourd")],
    ids=[e.id for e in VUES_HOSTILES if not e.id.startswith("trop-lourd")],
)
def test_wagtail_admin_document_upload_refused_nothing_stored(
    client, administrateur, racine_collections, echantillon
):
    avant = _fichiers_sous(*_racines())
    reponse = client.post(
        "/admin/documents/add/",
        {
            "title": "Brochure",
            "collection": racine_collections.pk,
            "file": _fichier(echantillon.donnees, echantillon.nom, echantillon.type_mime),
        },
    )
    assert reponse.status_code == 200
    assert not get_document_model().objects.exists()
    assert _fichiers_sous(*_racines()) == avant
    _assert_francais(reponse.context["form"].errors["file"])


def test_the_private_storage_is_outside_the_served_media():
    prive = Path(settings.STORAGES["prive"]["OPTIONS"]["location"]).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    assert media not in prive.parents and prive != media
    assert settings.STORAGES["prive"]["OPTIONS"]["base_url"] is None


MULTIPLES = [e for e in HOSTILES if e.id in ("polyglotte-png-html", "svg-en-png", "elf-en-jpg")]


@pytest.mark.django_db
@pytest.mark.parametrize("echantillon", MULTIPLES, ids=[e.id for e in MULTIPLES])
@pytest.mark.parametrize(
    ("adresse", "modele"),
    [
        ("/admin/images/multiple/add/", get_image_model),
        ("/admin/documents/multiple/add/", get_document_model),
    ],
    ids=["images", "documents"],
)
def test_wagtail_multiple_upload_refused_nothing_stored(
    client, administrateur, racine_collections, echantillon, adresse, modele
):
    avant = _fichiers_sous(*_racines())
    envoi = _fichier(echantillon.donnees, echantillon.nom, echantillon.type_mime)
    if "documents" in adresse:
        envoi.name = "brochure.pdf"
    reponse = client.post(adresse, {"collection": racine_collections.pk, "files[]": envoi})
    assert reponse.status_code == 200
    assert reponse.json()["success"] is False
    assert not modele().objects.exists()
    assert _fichiers_sous(*_racines()) == avant


@pytest.mark.django_db
@pytest.mark.parametrize("adresse", ["/admin/images/add/", "/admin/images/multiple/add/"])
def test_wagtail_images_are_stored_under_a_random_name(
    client, administrateur, racine_collections, adresse
):
    """The original and its renditions are public media: the uploaded name is not kept in
    the file's path (the title still comes from it)."""
    envoi = _fichier(valide("jpeg"), "Photo de Léa Durand.jpg", "image/jpeg")
    if "multiple" in adresse:
        reponse = client.post(adresse, {"collection": racine_collections.pk, "files[]": envoi})
        assert reponse.json()["success"] is True
    else:
        donnees = {"title": "Photo", "collection": racine_collections.pk, "file": envoi}
        assert client.post(adresse, donnees).status_code == 302
    image = get_image_model().objects.get()
    chemin = image.file.name
    assert "durand" not in chemin.lower() and "photo" not in chemin.lower()
    assert re.fullmatch(r"original_images/[0-9a-f]{24}\.jpg", chemin), chemin
    rendu = image.get_rendition("fill-40x30")
    assert "durand" not in rendu.file.name.lower()
    if "multiple" in adresse:
        assert "Durand" in image.title  # Wagtail's title from the uploaded name
