"""Safe image uploads: only real JPEG, PNG or WebP images, re-encoded without metadata.

``image_nettoyer`` is the single door for the images ambassadors send (stories, profile photo):
it checks the size, the file's signature (magic bytes) and that Pillow decodes the whole image
within a pixel budget (decompression bombs), then re-encodes it: EXIF orientation applied first,
dimensions capped, every metadata block (EXIF with GPS, XMP, ICC, text chunks) dropped, trailing
bytes gone; an image hiding HTML or script (a polyglot) is refused. The result gets a random
name with the right extension.
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from lot_portal.fichiers.signatures import marquage_actif

TAILLE_MAX = 5 * 1024 * 1024
COTE_MAX = 2400
# 40 megapixels: any real photo fits; a 30 000 × 30 000 "bomb" does not.
PIXELS_MAX = 40_000_000

MESSAGE_FORMAT = "Ce fichier n'est pas une image JPEG, PNG ou WebP."
MESSAGE_ILLISIBLE = (
    "Cette image est incomplète ou endommagée : enregistrez-la à nouveau depuis votre "
    "appareil puis réessayez."
)
MESSAGE_DIMENSIONS = "L'image est trop grande (plus de 40 millions de pixels) : réduisez-la."
MESSAGE_VIDE = "Le fichier est vide."
MESSAGE_CODE = (
    "Cette image contient du code caché (HTML ou script) : enregistrez-la à nouveau depuis "
    "votre appareil puis réessayez."
)

# Pillow format name -> (extension, save options).
FORMATS = {
    "JPEG": ("jpg", {"quality": 85, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 85}),
}


def _format_par_signature(entete: bytes) -> str | None:
    if entete.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if entete.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if entete[:4] == b"RIFF" and entete[8:12] == b"WEBP":
        return "WEBP"
    return None


def _taille_lisible(octets: int) -> str:
    return f"{octets / (1024 * 1024):.0f} Mo"


def _lire(fichier, taille_max: int) -> bytes:
    taille = getattr(fichier, "size", None)
    if taille is not None and taille > taille_max:
        raise ValidationError(
            f"L'image dépasse {_taille_lisible(taille_max)}.", code="image_trop_lourde"
        )
    if hasattr(fichier, "seek"):
        fichier.seek(0)
    donnees = fichier.read(taille_max + 1)
    if len(donnees) > taille_max:
        raise ValidationError(
            f"L'image dépasse {_taille_lisible(taille_max)}.", code="image_trop_lourde"
        )
    if not donnees:
        raise ValidationError(MESSAGE_VIDE, code="image_vide")
    return donnees


def _ouvrir(donnees: bytes, format_attendu: str) -> Image.Image:
    """Decode the whole image, refusing bombs, mismatched formats and damaged files."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(donnees), formats=[format_attendu]) as sonde:
                largeur, hauteur = sonde.size
                if largeur * hauteur > PIXELS_MAX:
                    raise ValidationError(MESSAGE_DIMENSIONS, code="image_dimensions")
                sonde.verify()
            image = Image.open(io.BytesIO(donnees), formats=[format_attendu])
            image.load()
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as erreur:
            raise ValidationError(MESSAGE_DIMENSIONS, code="image_dimensions") from erreur
        except Image.UnidentifiedImageError as erreur:
            raise ValidationError(MESSAGE_FORMAT, code="image_format") from erreur
        except (OSError, SyntaxError, ValueError, TypeError, EOFError) as erreur:
            # Truncated or corrupt data: Pillow raises OSError/SyntaxError and friends.
            raise ValidationError(MESSAGE_ILLISIBLE, code="image_illisible") from erreur
    return image


def _reencoder(image: Image.Image, format_image: str) -> bytes:
    image = ImageOps.exif_transpose(image)
    if format_image == "JPEG":
        mode = "RGB"
    else:
        mode = "RGBA" if ("A" in image.getbands() or "transparency" in image.info) else "RGB"
    propre = image.convert(mode)
    propre.thumbnail((COTE_MAX, COTE_MAX), Image.Resampling.LANCZOS)
    # A fresh image: no EXIF, GPS, XMP, ICC profile or text chunk can follow.
    nette = Image.new(mode, propre.size)
    nette.paste(propre)
    sortie = io.BytesIO()
    _extension, options = FORMATS[format_image]
    nette.save(sortie, format=format_image, **options)
    return sortie.getvalue()


def image_nettoyer(fichier, *, taille_max: int = TAILLE_MAX) -> ContentFile:
    """A clean copy of the uploaded ``fichier``, or ``ValidationError`` in French.

    Accepts only JPEG, PNG and WebP images up to ``taille_max`` bytes; the copy is
    re-encoded in the same format, without any metadata, at most ``COTE_MAX`` pixels
    on its longer side, under a random name (``<hex>.jpg|png|webp``).
    """
    donnees = _lire(fichier, taille_max)
    format_image = _format_par_signature(donnees[:16])
    if format_image is None:
        raise ValidationError(MESSAGE_FORMAT, code="image_format")
    if marquage_actif(donnees):  # an image/HTML polyglot: refused, not merely cleaned
        raise ValidationError(MESSAGE_CODE, code="image_code")
    image = _ouvrir(donnees, format_image)
    try:
        if image.format != format_image:
            raise ValidationError(MESSAGE_FORMAT, code="image_format")
        try:
            contenu = _reencoder(image, format_image)
        except (OSError, ValueError) as erreur:
            raise ValidationError(MESSAGE_ILLISIBLE, code="image_illisible") from erreur
    finally:
        image.close()
    extension, _options = FORMATS[format_image]
    return ContentFile(contenu, name=f"{uuid.uuid4().hex}.{extension}")
