"""Attachments of the youth calls: PDF, JPEG or PNG, checked by their content.

``piece_nettoyer`` is the single door for every file an applicant, a laureate or a team
member uploads: size first, then the file's signature (never its name or the browser's
type). Images are re-encoded without metadata (``lot_portal.cms.images``); a PDF must start
with ``%PDF-``, end with ``%%EOF`` and carry no JavaScript or launch action. The result gets
a random name; the original is kept as text only. ``piece_reponse`` streams a stored file as
a download (``Content-Disposition: attachment``, ``nosniff``) to views that checked access.
"""

import re
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404

from lot_portal.cms.images import image_nettoyer

TYPES_ACCEPTES = "application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png"
AIDE_FORMATS = "PDF, JPEG ou PNG"

# Active content a PDF applicant file has no reason to carry.
PDF_ACTIF = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|OpenAction|AA)\b")


def taille_lisible(octets: int) -> str:
    mo = octets / (1024 * 1024)
    return (f"{mo:.0f}" if mo >= 10 or mo == int(mo) else f"{mo:.1f}").replace(".", ",") + " Mo"


def nom_original_propre(nom: str) -> str:
    """The name to show and to offer on download: no path, no control character."""
    nom = nom.replace("\\", "/").rsplit("/", 1)[-1]
    nom = "".join(c for c in nom if c.isprintable() and c not in '"<>|:*?')
    return (nom.strip(" .") or "fichier")[:150]


def _pdf_verifier(donnees: bytes) -> None:
    if not donnees.startswith(b"%PDF-"):
        raise ValidationError(
            f"Ce fichier n'est ni un PDF, ni une image JPEG ou PNG ({AIDE_FORMATS} seulement).",
            code="piece_format",
        )
    if b"%%EOF" not in donnees[-2048:]:
        raise ValidationError(
            "Ce PDF est incomplet ou endommagé : enregistrez-le à nouveau puis réessayez.",
            code="piece_illisible",
        )
    if PDF_ACTIF.search(donnees):
        raise ValidationError(
            "Ce PDF contient du contenu actif (script, lancement d'application ou fichier "
            "intégré) : enregistrez-le avec « Imprimer en PDF » puis réessayez.",
            code="piece_active",
        )


def piece_nettoyer(fichier, *, taille_max: int) -> tuple[ContentFile, str, str]:
    """A safe copy of the upload: ``(contenu, type_mime, nom_original)`` or a French
    ``ValidationError`` (oversized, empty, wrong type, damaged, active PDF content)."""
    nom_original = nom_original_propre(getattr(fichier, "name", "") or "fichier")
    taille = getattr(fichier, "size", None)
    if taille is not None and taille > taille_max:
        raise ValidationError(
            f"Ce fichier pèse {taille_lisible(taille)} : la limite est de "
            f"{taille_lisible(taille_max)}. Réduisez-le puis réessayez.",
            code="piece_trop_lourde",
        )
    fichier.seek(0)
    donnees = fichier.read(taille_max + 1)
    fichier.seek(0)
    if not donnees:
        raise ValidationError("Ce fichier est vide.", code="piece_vide")
    if len(donnees) > taille_max:
        raise ValidationError(
            f"Ce fichier dépasse la limite de {taille_lisible(taille_max)}.",
            code="piece_trop_lourde",
        )
    if donnees.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")):
        propre = image_nettoyer(fichier, taille_max=taille_max)
        type_mime = "image/png" if propre.name.endswith(".png") else "image/jpeg"
        return propre, type_mime, nom_original
    _pdf_verifier(donnees)
    return ContentFile(donnees, name=f"{uuid.uuid4().hex}.pdf"), "application/pdf", nom_original


def piece_reponse(piece) -> FileResponse:
    """Stream a ``PieceJointe`` as a download. The caller has checked who may read it."""
    try:
        flux = piece.fichier.open("rb")
    except (FileNotFoundError, OSError, ValueError) as erreur:
        raise Http404("Fichier introuvable") from erreur
    reponse = FileResponse(
        flux, as_attachment=True, filename=piece.nom_original, content_type=piece.type_mime
    )
    reponse["X-Content-Type-Options"] = "nosniff"
    reponse["Cache-Control"] = "private, no-store"
    return reponse
