"""``image_nettoyer`` against a hostile corpus generated here: only real JPEG/PNG/WebP pass,
re-encoded without metadata; everything else gets a clear French error."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from lot_portal.cms.images import COTE_MAX, MESSAGE_CODE, MESSAGE_FORMAT, image_nettoyer

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def _image(format_image, taille=(64, 48), couleur=(200, 80, 40), **options):
    tampon = io.BytesIO()
    mode = "RGBA" if format_image == "PNG" else "RGB"
    Image.new(mode, taille, couleur).save(tampon, format=format_image, **options)
    return tampon.getvalue()


def _fichier(donnees, nom="photo.jpg", type_mime="image/jpeg"):
    return SimpleUploadedFile(nom, donnees, content_type=type_mime)


def _jpeg_avec_gps(taille=(80, 40), orientation=None):
    exif = Image.Exif()
    exif[0x010F] = "Appareil espion"  # Make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (44.0, 26.0, 52.0), 3: "E", 4: (1.0, 26.0, 27.0)})
    if orientation:
        exif[ORIENTATION] = orientation
    return _image("JPEG", taille=taille, exif=exif.tobytes())


def _png_bombe(largeur=30_000, hauteur=30_000):
    """A tiny PNG whose header announces 900 megapixels."""

    def bloc(genre, donnees):
        corps = genre + donnees
        return struct.pack(">I", len(donnees)) + corps + struct.pack(">I", zlib.crc32(corps))

    entete = struct.pack(">IIBBBBB", largeur, hauteur, 8, 0, 0, 0, 0)
    lignes = zlib.compress(b"\x00" * (largeur + 1) * 16)
    return b"\x89PNG\r\n\x1a\n" + bloc(b"IHDR", entete) + bloc(b"IDAT", lignes) + bloc(b"IEND", b"")


@pytest.mark.parametrize(
    ("format_image", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")]
)
def test_real_images_are_accepted_and_reencoded_under_a_random_name(format_image, extension):
    propre = image_nettoyer(_fichier(_image(format_image), nom="../../etc/passwd.jpg"))
    assert propre.name.endswith(f".{extension}")
    assert "/" not in propre.name and "passwd" not in propre.name
    with Image.open(io.BytesIO(propre.read())) as image:
        assert image.format == format_image
        assert image.size == (64, 48)


def test_gps_and_every_exif_field_are_stripped():
    source = _jpeg_avec_gps()
    with Image.open(io.BytesIO(source)) as image:
        assert image.getexif().get_ifd(GPS_IFD)
    propre = image_nettoyer(_fichier(source)).read()
    with Image.open(io.BytesIO(propre)) as image:
        assert not image.getexif()
        assert "exif" not in image.info and "icc_profile" not in image.info
    assert b"Appareil espion" not in propre


def test_exif_orientation_is_applied_before_stripping():
    # Orientation 6: the camera was turned; the displayed image is 40 × 80.
    propre = image_nettoyer(_fichier(_jpeg_avec_gps(taille=(80, 40), orientation=6)))
    with Image.open(propre) as image:
        assert image.size == (40, 80)
        assert not image.getexif()


def test_large_images_are_scaled_down():
    propre = image_nettoyer(_fichier(_image("JPEG", taille=(4800, 1200))))
    with Image.open(propre) as image:
        assert image.size == (COTE_MAX, COTE_MAX // 4)


def test_png_text_chunk_hiding_a_script_is_refused():
    # Issue #9: an image hiding markup is refused (it used to be accepted, then cleaned).
    from PIL import PngImagePlugin

    infos = PngImagePlugin.PngInfo()
    infos.add_text("Comment", "<script>alert(1)</script>")
    tampon = io.BytesIO()
    Image.new("RGB", (10, 10)).save(tampon, format="PNG", pnginfo=infos)
    with pytest.raises(ValidationError) as erreur:
        image_nettoyer(_fichier(tampon.getvalue(), nom="a.png"))
    assert erreur.value.messages == [MESSAGE_CODE]


def test_png_text_chunks_are_dropped():
    from PIL import PngImagePlugin

    infos = PngImagePlugin.PngInfo()
    infos.add_text("Comment", "Appareil de Léa, Figeac")
    tampon = io.BytesIO()
    Image.new("RGB", (10, 10)).save(tampon, format="PNG", pnginfo=infos)
    propre = image_nettoyer(_fichier(tampon.getvalue(), nom="a.png")).read()
    assert b"Figeac" not in propre


def test_polyglot_trailing_payload_is_refused():
    polyglotte = _image("JPEG") + b"<html><script>alert(document.cookie)</script></html>"
    with pytest.raises(ValidationError) as erreur:
        image_nettoyer(_fichier(polyglotte))
    assert erreur.value.messages == [MESSAGE_CODE]


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)


@pytest.mark.parametrize(
    ("donnees", "nom"),
    [
        pytest.param(SVG, "logo.svg", id="svg-script"),
        pytest.param(SVG, "logo.jpg", id="svg-renamed-jpg"),
        pytest.param(b"<!DOCTYPE html><html><body>hi</body></html>", "page.jpg", id="html-jpg"),
        pytest.param(b"MZ\x90\x00\x03" + b"\x00" * 200, "setup.png", id="pe-exe-png"),
        pytest.param(b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "a.webp", id="elf-webp"),
        pytest.param(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "anim.gif", id="gif"),
        pytest.param(b"%PDF-1.7\n", "doc.jpg", id="pdf"),
        pytest.param(b"RIFF\x00\x00\x00\x00AVI LIST", "video.webp", id="riff-not-webp"),
    ],
)
def test_anything_but_jpeg_png_webp_is_refused(donnees, nom):
    with pytest.raises(ValidationError) as erreur:
        image_nettoyer(_fichier(donnees, nom=nom))
    assert erreur.value.messages == [MESSAGE_FORMAT]


def test_png_signature_with_jpeg_body_is_refused():
    faux = b"\x89PNG\r\n\x1a\n" + _image("JPEG")[8:]
    with pytest.raises(ValidationError):
        image_nettoyer(_fichier(faux, nom="a.png"))


def test_truncated_jpeg_is_refused():
    tronque = _image("JPEG", taille=(400, 300))[:300]
    with pytest.raises(ValidationError) as erreur:
        image_nettoyer(_fichier(tronque))
    assert "incomplète ou endommagée" in erreur.value.messages[0]


def test_decompression_bomb_is_refused():
    with pytest.raises(ValidationError) as erreur:
        image_nettoyer(_fichier(_png_bombe(), nom="bombe.png"))
    assert "trop grande" in erreur.value.messages[0]


def test_moderately_oversized_dimensions_are_refused():
    with pytest.raises(ValidationError) as erreur:
        image_nettoyer(_fichier(_png_bombe(8000, 6000), nom="bombe.png"))
    assert "trop grande" in erreur.value.messages[0]


def test_oversize_file_is_refused_with_the_limit():
    with pytest.raises(ValidationError) as erreur:
        image_nettoyer(_fichier(_image("JPEG") + b"\x00" * (5 * 1024 * 1024)))
    assert erreur.value.messages == ["L'image dépasse 5 Mo."]
    with pytest.raises(ValidationError, match="1 Mo"):
        image_nettoyer(_fichier(b"\xff\xd8\xff" + b"\x00" * (1024 * 1024)), taille_max=1024 * 1024)


def test_empty_file_is_refused():
    with pytest.raises(ValidationError, match="vide"):
        image_nettoyer(_fichier(b""))
