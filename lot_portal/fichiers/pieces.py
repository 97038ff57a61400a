"""Private attachments (PDF, JPEG or PNG) and their download.

``piece_nettoyer`` is the single door for a document a user sends to be read by staff
(youth calls' pieces, reports, parental authorisations): size first, then the file's
signature. Images are re-encoded without metadata (``lot_portal.cms.images``); a PDF must be
complete and passive (``signatures.pdf_verifier``). The result gets a random name; the
original one is only kept as text. ``reponse_telechargement`` streams such a stored file as a
download (``Content-Disposition: attachment``, ``nosniff``, never cached) to views that
checked who asks.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404

from lot_portal.cms.images import image_nettoyer

from .signatures import nature, nom_original_propre, pdf_verifier, taille_lisible

TYPES_ACCEPTES = "application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png"
AIDE_FORMATS = "PDF, JPEG ou PNG"
MESSAGE_FORMAT = f"Ce fichier n'est ni un PDF, ni une image JPEG ou PNG ({AIDE_FORMATS} seulement)."


def piece_nettoyer(fichier, *, taille_max: int) -> tuple[ContentFile, str, str]:
    """A safe copy of the upload: ``(contenu, type_mime, nom_original)`` or a French
    ``ValidationError`` (oversized, empty, wrong type, damaged, active content)."""
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
    if nature(donnees) in ("jpeg", "png"):
        propre = image_nettoyer(fichier, taille_max=taille_max)
        type_mime = "image/png" if propre.name.endswith(".png") else "image/jpeg"
        return propre, type_mime, nom_original
    pdf_verifier(donnees, message_format=MESSAGE_FORMAT)
    return ContentFile(donnees, name=f"{uuid.uuid4().hex}.pdf"), "application/pdf", nom_original


def reponse_telechargement(champ_fichier, *, nom: str, type_mime: str) -> FileResponse:
    """Stream a stored private file as a download. The caller has checked who may read it."""
    try:
        flux = champ_fichier.open("rb")
    except (FileNotFoundError, OSError, ValueError) as erreur:
        raise Http404("Fichier introuvable") from erreur
    reponse = FileResponse(
        flux,
        as_attachment=True,
        filename=nom_original_propre(nom),
        content_type=type_mime or "application/octet-stream",
    )
    reponse["X-Content-Type-Options"] = "nosniff"
    reponse["Cache-Control"] = "private, no-store"
    return reponse
