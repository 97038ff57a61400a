"""Hostile uploads through the three forms that take images: the application photo, the
profile photo and the story images.

``test_images_nettoyage.py`` tests ``image_nettoyer`` itself; here each hostile file goes
through the real form and view: a clear French error next to the field (linked to it by
``aria-describedby``), everything else typed kept, nothing stored, and a story's draft
untouched. Accepted images are stored re-encoded, without EXIF (GPS included), under a
random name, and so are their renditions.
"""

import html
import io
import re
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from ambassadeurs.models import Ambassadeur
from ambassadeurs.services import histoires as services_histoires
from lot_portal.cms.images import MESSAGE_CODE, MESSAGE_DIMENSIONS, MESSAGE_FORMAT, TAILLE_MAX

URL_CANDIDATURE = "/ambassadeurs/devenir-ambassadeur/"
URL_ESPACE = "/ambassadeurs/espace/"
URL_NOUVELLE = "/ambassadeurs/espace/histoires/nouvelle/"
MESSAGE_TROP_LOURD = "L'image dépasse 5 Mo."
GPS_IFD = 0x8825
MARQUE_ESPIONNE = "Appareil espion"


# --- The corpus -------------------------------------------------------------------------------


def _image(format_image="JPEG", taille=(64, 48), **options) -> bytes:
    tampon = io.BytesIO()
    Image.new("RGB", taille, (200, 80, 40)).save(tampon, format=format_image, **options)
    return tampon.getvalue()


def _jpeg_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = MARQUE_ESPIONNE  # Make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (44.0, 26.0, 52.0), 3: "E", 4: (1.0, 26.0, 27.0)})
    donnees = _image("JPEG", taille=(120, 80), exif=exif.tobytes())
    with Image.open(io.BytesIO(donnees)) as source:  # the sample really carries GPS
        assert source.getexif().get_ifd(GPS_IFD)
    return donnees


def _png_bombe(largeur=30_000, hauteur=30_000) -> bytes:
    """A small PNG whose header announces 900 megapixels."""

    def bloc(genre, donnees):
        corps = genre + donnees
        return struct.pack(">I", len(donnees)) + corps + struct.pack(">I", zlib.crc32(corps))

    entete = struct.pack(">IIBBBBB", largeur, hauteur, 8, 0, 0, 0, 0)
    lignes = zlib.compress(b"\x00" * (largeur + 1) * 16)
    return b"\x89PNG\r\n\x1a\n" + bloc(b"IHDR", entete) + bloc(b"IDAT", lignes) + bloc(b"IEND", b"")


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SCRIPT = b"<script>alert(document.cookie)</script>"

HOSTILES = [
    pytest.param(SVG, "logo.svg", "image/svg+xml", MESSAGE_FORMAT, id="svg-avec-script"),
    pytest.param(HTML, "photo.jpg", "image/jpeg", MESSAGE_FORMAT, id="html-renomme-jpg"),
    # HTML first, a real PNG inside a comment: a browser sniffing it would run the script.
    pytest.param(
        b"<html>" + SCRIPT + b"<!--" + _image("PNG") + b"-->",
        "photo.png",
        "image/png",
        MESSAGE_FORMAT,
        id="polyglotte-html-png",
    ),
    pytest.param(
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 400,
        "photo.jpg",
        "image/jpeg",
        MESSAGE_FORMAT,
        id="executable-elf-renomme",
    ),
    pytest.param(
        b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 400 + b"This program cannot be run in DOS mode",
        "photo.webp",
        "image/webp",
        MESSAGE_FORMAT,
        id="executable-mz-renomme",
    ),
    pytest.param(_png_bombe(), "bombe.png", "image/png", MESSAGE_DIMENSIONS, id="bombe-png"),
    # A real PNG followed by an HTML page: refused since issue #9 (it used to be cleaned).
    pytest.param(
        _image("PNG") + HTML, "affiche.png", "image/png", MESSAGE_CODE, id="png-suivi-de-html"
    ),
    pytest.param(
        _image("JPEG") + b"\x00" * TAILLE_MAX,
        "lourde.jpg",
        "image/jpeg",
        MESSAGE_TROP_LOURD,
        id="trop-lourd",
    ),
]


def _fichier(donnees, nom="photo.jpg", type_mime="image/jpeg"):
    return SimpleUploadedFile(nom, donnees, content_type=type_mime)


# --- Reading the answer -----------------------------------------------------------------------


def _erreur_du_champ(page: str, nom: str) -> str:
    """The text of the error block next to field ``nom`` ('' when there is none)."""
    bloc = re.search(rf'<div class="champ__erreur" id="id_{nom}_erreur">(.*?)</div>', page, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", bloc.group(1))) if bloc else ""


def _decrit_par(page: str, nom: str) -> str:
    champ = re.search(rf'<input[^>]*name="{nom}"[^>]*>', page)
    assert champ, f"champ {nom} introuvable"
    decrit = re.search(r'aria-describedby="([^"]*)"', champ.group(0))
    return decrit.group(1) if decrit else ""


def _assert_erreur_a_cote(reponse, nom, message):
    assert reponse.status_code == 200
    page = reponse.content.decode()
    assert message in _erreur_du_champ(page, nom), _erreur_du_champ(page, nom)
    assert f"id_{nom}_erreur" in _decrit_par(page, nom).split()
    return page


def _sans_exif(fichier_image) -> bytes:
    with fichier_image.open("rb") as f:
        donnees = f.read()
    with Image.open(io.BytesIO(donnees)) as decodee:
        decodee.load()
        assert not decodee.getexif(), dict(decodee.getexif())
        assert "exif" not in decodee.info
    assert MARQUE_ESPIONNE.encode() not in donnees
    return donnees


def _image_stockee_propre(image, *, nom_envoye):
    assert nom_envoye.rsplit(".", 1)[0] not in image.file.name  # a random name
    _sans_exif(image.file)
    rendu = image.get_rendition("fill-40x40")
    _sans_exif(rendu.file)


# --- Application photo ------------------------------------------------------------------------


def _candidature(commune, **autres):
    donnees = {
        "prenom": "Léa",
        "nom": "Martin",
        "commune": commune.pk,
        "profession": "Infirmière de nuit",
        "secteur": "sante",
        "origine": "revenu",
        "arrive_de": "",
        "histoire": "Partie à Toulouse pour mes études, revenue à Figeac en 2021.",
        "interets": "rugby, cèpes",
        "offres": ["questions", "accueil"],
        "profils": ["jeunes"],
        "champs_publics": ["commune", "photo"],
        "charte": "on",
    }
    donnees.update(autres)
    return donnees


@pytest.mark.django_db
@pytest.mark.parametrize(("donnees", "nom", "type_mime", "message"), HOSTILES)
def test_application_photo_refused_next_to_the_field_and_input_kept(
    client, fabrique_amb, donnees, nom, type_mime, message
):
    commune = fabrique_amb.commune()
    client.force_login(fabrique_amb.utilisateur())
    images_avant = get_image_model().objects.count()
    reponse = client.post(
        URL_CANDIDATURE,
        _candidature(commune, photo_fichier=_fichier(donnees, nom, type_mime)),
    )
    page = _assert_erreur_a_cote(reponse, "photo_fichier", message)
    for saisi in ("Infirmière de nuit", "revenue à Figeac en 2021", "rugby, cèpes"):
        assert saisi in html.unescape(page)
    assert not Ambassadeur.objects.exists()
    assert get_image_model().objects.count() == images_avant


@pytest.mark.django_db
def test_application_photo_is_stored_reencoded_without_gps(client, fabrique_amb):
    commune = fabrique_amb.commune()
    compte = fabrique_amb.utilisateur()
    client.force_login(compte)
    reponse = client.post(
        URL_CANDIDATURE,
        _candidature(commune, photo_fichier=_fichier(_jpeg_gps(), "vacances-gps.jpg")),
    )
    assert reponse.status_code == 302
    photo = Ambassadeur.objects.get(utilisateur=compte).photo
    _image_stockee_propre(photo, nom_envoye="vacances-gps.jpg")


# --- Profile photo ----------------------------------------------------------------------------


def _profil(ambassadeur, **autres):
    donnees = {
        "prenom": ambassadeur.prenom,
        "nom": ambassadeur.nom,
        "commune": ambassadeur.commune_id,
        "profession": "Potière tournasseuse",
        "secteur": ambassadeur.secteur,
        "origine": ambassadeur.origine,
        "arrive_de": ambassadeur.arrive_de,
        "histoire": "Nouvelle version de mon histoire avec le causse.",
        "interets": "jardinage",
        "offres": ["questions"],
        "profils": ["jeunes"],
        "champs_publics": ["profession", "photo"],
    }
    donnees.update(autres)
    return donnees


@pytest.mark.django_db
@pytest.mark.parametrize(("donnees", "nom", "type_mime", "message"), HOSTILES)
def test_profile_photo_refused_next_to_the_field_and_profile_untouched(
    client, fabrique_amb, donnees, nom, type_mime, message
):
    ambassadeur = fabrique_amb.ambassadeur(profession="Céramiste")
    client.force_login(ambassadeur.utilisateur)
    reponse = client.post(
        URL_ESPACE, _profil(ambassadeur, photo_fichier=_fichier(donnees, nom, type_mime))
    )
    page = html.unescape(_assert_erreur_a_cote(reponse, "photo_fichier", message))
    assert "Potière tournasseuse" in page and "Nouvelle version de mon histoire" in page
    ambassadeur.refresh_from_db()
    assert ambassadeur.profession == "Céramiste" and ambassadeur.photo_id is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("donnees", "nom"),
    [
        pytest.param(_jpeg_gps(), "vacances-gps.jpg", id="jpeg-gps"),
        pytest.param(_image("WEBP"), "photo.webp", id="webp"),
        # Exactly the stated size is still accepted (the trailing bytes are dropped).
        pytest.param(
            _jpeg_gps() + b"\x00" * (TAILLE_MAX - len(_jpeg_gps())), "pile.jpg", id="taille-max"
        ),
    ],
)
def test_profile_photo_is_stored_reencoded_without_metadata(client, fabrique_amb, donnees, nom):
    ambassadeur = fabrique_amb.ambassadeur()
    client.force_login(ambassadeur.utilisateur)
    reponse = client.post(URL_ESPACE, _profil(ambassadeur, photo_fichier=_fichier(donnees, nom)))
    assert reponse.status_code == 302
    ambassadeur.refresh_from_db()
    photo = ambassadeur.photo
    _image_stockee_propre(photo, nom_envoye=nom)
    with photo.file.open("rb") as f:
        stocke = f.read()
    assert b"<script>" not in stocke and b"<html" not in stocke
    assert len(stocke) < len(donnees) or nom.endswith(".webp")


# --- Story images -----------------------------------------------------------------------------


@pytest.fixture
def index_histoires(db):
    racine = Page.get_first_root_node()
    from lot_portal.cms.models import HistoireIndexPage, HomePage

    accueil = HomePage(title="Le Lot", slug="lot-televersements")
    racine.add_child(instance=accueil)
    site = Site.objects.get(is_default_site=True)
    site.root_page = accueil
    site.save()
    index = HistoireIndexPage(title="Histoires", slug="histoires")
    accueil.add_child(instance=index)
    return index


def _histoire(commune, **autres):
    donnees = {
        "titre": "Claire, céramiste à Figeac",
        "chapo": "Elle a quitté Lyon pour ouvrir son atelier.",
        "texte": "Premier paragraphe du brouillon.\n\nDeuxième paragraphe.",
        "commune": commune.pk,
        "profils": ["secondes_vies"],
        "alt_1": "Claire dans son atelier, les mains dans la terre.",
        "action": "brouillon",
    }
    donnees.update(autres)
    return donnees


@pytest.mark.django_db
@pytest.mark.parametrize(("donnees", "nom", "type_mime", "message"), HOSTILES)
def test_new_story_image_refused_next_to_the_field_and_text_kept(
    client, fabrique_amb, index_histoires, donnees, nom, type_mime, message
):
    from lot_portal.cms.models import HistoirePage

    ambassadeur = fabrique_amb.ambassadeur()
    client.force_login(ambassadeur.utilisateur)
    reponse = client.post(
        URL_NOUVELLE,
        _histoire(ambassadeur.commune, image_1=_fichier(donnees, nom, type_mime)),
    )
    page = html.unescape(_assert_erreur_a_cote(reponse, "image_1", message))
    for saisi in (
        "Claire, céramiste à Figeac",
        "Premier paragraphe du brouillon.",
        "Claire dans son atelier, les mains dans la terre.",
    ):
        assert saisi in page
    assert "sélectionnez-les à nouveau" in page
    assert not HistoirePage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("donnees", "nom", "type_mime", "message"), HOSTILES)
def test_story_draft_kept_when_a_revision_brings_a_bad_image(
    client, fabrique_amb, index_histoires, donnees, nom, type_mime, message
):
    from lot_portal.cms.images import image_nettoyer

    ambassadeur = fabrique_amb.ambassadeur()
    brouillon = services_histoires.histoire_soumettre(
        ambassadeur=ambassadeur,
        donnees={
            "titre": "Mon premier brouillon",
            "chapo": "Un résumé.",
            "texte": "Un paragraphe.",
            "commune": ambassadeur.commune,
            "profils": ["jeunes"],
            "thematiques": [],
            "images": [
                {
                    "fichier": image_nettoyer(_fichier(_image("JPEG"))),
                    "alt": "Une photo.",
                    "retirer": False,
                },
                {"fichier": None, "alt": "", "retirer": False},
                {"fichier": None, "alt": "", "retirer": False},
            ],
        },
        soumettre=False,
    )
    revisions = brouillon.revisions.count()
    image_avant = brouillon.get_latest_revision_as_object().image_id
    client.force_login(ambassadeur.utilisateur)
    reponse = client.post(
        f"/ambassadeurs/espace/histoires/{brouillon.pk}/modifier/",
        _histoire(
            ambassadeur.commune,
            titre="Titre modifié",
            alt_2="Une deuxième photo.",
            image_2=_fichier(donnees, nom, type_mime),
        ),
    )
    page = html.unescape(_assert_erreur_a_cote(reponse, "image_2", message))
    assert "Titre modifié" in page and "Une deuxième photo." in page
    brouillon.refresh_from_db()
    assert brouillon.revisions.count() == revisions
    dernier = brouillon.get_latest_revision_as_object()
    assert dernier.title == "Mon premier brouillon" and dernier.image_id == image_avant


@pytest.mark.django_db
def test_story_images_are_stored_reencoded_without_gps(client, fabrique_amb, index_histoires):
    from lot_portal.cms.models import HistoirePage

    ambassadeur = fabrique_amb.ambassadeur()
    client.force_login(ambassadeur.utilisateur)
    reponse = client.post(
        URL_NOUVELLE,
        _histoire(
            ambassadeur.commune,
            image_1=_fichier(_jpeg_gps(), "randonnee-gps.jpg"),
            image_2=_fichier(_image("WEBP"), "riviere.webp", "image/webp"),
            alt_2="La rivière au petit matin.",
        ),
    )
    assert reponse.status_code == 302
    page = HistoirePage.objects.get().get_latest_revision_as_object()
    _image_stockee_propre(page.image, nom_envoye="randonnee-gps.jpg")
    images = [bloc.value["image"] for bloc in page.corps if bloc.block_type == "image"]
    assert images, [bloc.block_type for bloc in page.corps]
    for image in images:
        _image_stockee_propre(image, nom_envoye="riviere.webp")


def test_every_upload_field_states_the_size_and_formats():
    from ambassadeurs.forms.candidature import CandidatureForm, ProfilForm
    from ambassadeurs.forms.histoires import HistoireForm

    assert TAILLE_MAX == 5 * 1024 * 1024
    aides = [
        CandidatureForm.base_fields["photo_fichier"].help_text,
        ProfilForm.base_fields["photo_fichier"].help_text,
        *(HistoireForm().fields[f"image_{n}"].help_text for n in (1, 2, 3)),
    ]
    for aide in aides:
        assert "5 Mo" in aide and "JPEG" in aide and "PNG" in aide and "WebP" in aide
