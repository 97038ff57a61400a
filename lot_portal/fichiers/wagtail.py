"""Content checks for the images and documents staff upload in the Wagtail admin.

Wagtail already refuses an extension outside ``WAGTAILIMAGES_EXTENSIONS`` /
``WAGTAILDOCS_EXTENSIONS`` (no SVG, no HTML) and an image over
``WAGTAILIMAGES_MAX_IMAGE_PIXELS``; these base forms (settings ``WAGTAILIMAGES_IMAGE_FORM_BASE``
and ``WAGTAILDOCS_DOCUMENT_FORM_BASE``, so the single, multiple and chooser uploads all use
them) also check the bytes: an image must be one (no executable, no HTML/SVG polyglot), a
document must match its extension (a PDF complete and passive, an office file a ZIP, a text
file without HTML or script, a media file with its signature).
"""

import secrets

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .signatures import MESSAGE_MARQUAGE, marquage_actif, nature, pdf_verifier, taille_lisible

# Extension -> natures its content may have (None: plain text).
NATURES_DOCUMENTS = {
    "pdf": {"pdf"},
    "docx": {"zip"},
    "xlsx": {"zip"},
    "odt": {"zip"},
    "csv": {None},
    "txt": {None},
    "vtt": {None},
    "mp3": {"mp3"},
    "m4a": {"mp4"},
    "mp4": {"mp4"},
    "oga": {"ogg"},
    "ogg": {"ogg"},
    "ogv": {"ogg"},
    "opus": {"ogg"},
    "wav": {"wav"},
    "webm": {"webm"},
}
NATURES_IMAGES = {"jpeg", "png", "gif", "webp", "avif"}
EXTENSIONS_MEDIA = {"mp3", "m4a", "mp4", "oga", "ogg", "ogv", "opus", "wav", "webm"}
TAILLE_MAX_DOCUMENT = 20 * 1024 * 1024  # PDF, office and text files
TAILLE_MAX_DOCUMENT_MEDIA = 500 * 1024 * 1024  # podcasts and videos of the stories
TEXTE_MAX_CONTROLE = 64 * 1024 * 1024  # read at most this much of a document to check it

MESSAGE_EXECUTABLE = "Ce fichier est un programme exécutable : il ne peut pas être déposé."
MESSAGE_IMAGE = "Ce fichier n'est pas une image JPEG, PNG, GIF, WebP ou AVIF."


def _octets(fichier) -> bytes:
    fichier.seek(0)
    donnees = fichier.read(TEXTE_MAX_CONTROLE)
    fichier.seek(0)
    return donnees


def _extension(nom: str) -> str:
    return nom.rsplit(".", 1)[-1].lower() if "." in nom else ""


def document_verifier(fichier) -> None:
    """A French ``ValidationError`` unless the content matches the document's extension."""
    extension = _extension(fichier.name or "")
    limite = TAILLE_MAX_DOCUMENT_MEDIA if extension in EXTENSIONS_MEDIA else TAILLE_MAX_DOCUMENT
    if (fichier.size or 0) > limite:
        raise ValidationError(
            f"Ce fichier pèse {taille_lisible(fichier.size)} : la limite est de "
            f"{taille_lisible(limite)} pour un document « .{extension} ».",
            code="document_trop_lourd",
        )
    donnees = _octets(fichier)
    genre = nature(donnees)
    if genre == "executable":
        raise ValidationError(MESSAGE_EXECUTABLE, code="document_executable")
    attendues = NATURES_DOCUMENTS.get(extension)
    if attendues is None:
        return  # Wagtail's own extension check refuses it with its message
    if extension == "pdf":
        pdf_verifier(donnees)
        return
    if genre not in attendues:
        raise ValidationError(
            f"Le contenu de ce fichier ne correspond pas à son extension « .{extension} » : "
            "enregistrez-le à nouveau dans ce format, ou renommez-le.",
            code="document_format",
        )
    if genre is None:
        if b"\x00" in donnees:
            raise ValidationError(
                f"Ce fichier n'est pas un texte « .{extension} » (il contient des données "
                "binaires).",
                code="document_format",
            )
        if marquage_actif(donnees):
            raise ValidationError(MESSAGE_MARQUAGE, code="document_marquage")


def image_verifier(fichier) -> None:
    """A French ``ValidationError`` unless ``fichier`` is an image without hidden markup."""
    donnees = _octets(fichier)
    genre = nature(donnees)
    if genre == "executable":
        raise ValidationError(MESSAGE_EXECUTABLE, code="image_executable")
    if genre not in NATURES_IMAGES:
        raise ValidationError(MESSAGE_IMAGE, code="image_format")
    if marquage_actif(donnees):
        raise ValidationError(MESSAGE_MARQUAGE, code="image_marquage")


def nom_aleatoire(nom: str) -> str:
    """A random file name keeping the extension: images are served from the public media
    (the original and its renditions, named after the file), where the name a person gave
    a photo on their computer (« cv-lea-durand.jpg ») has no business."""
    extension = _extension(nom)
    return secrets.token_hex(12) + (f".{extension}" if extension else "")


class FormulaireImage(BaseImageForm):
    """``WAGTAILIMAGES_IMAGE_FORM_BASE``: Wagtail's image form, plus the content check; the
    file is stored under a random name (the title, filled from the name, is untouched)."""

    def clean_file(self):
        fichier = self.cleaned_data.get("file")
        if isinstance(fichier, UploadedFile):
            image_verifier(fichier)
            fichier.name = nom_aleatoire(fichier.name or "")
        return fichier


class FormulaireDocument(BaseDocumentForm):
    """``WAGTAILDOCS_DOCUMENT_FORM_BASE``: Wagtail's document form, plus the content check."""

    def clean_file(self):
        fichier = self.cleaned_data.get("file")
        if isinstance(fichier, UploadedFile):
            document_verifier(fichier)
        return fichier
