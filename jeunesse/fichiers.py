"""Attachments of the youth calls: PDF, JPEG or PNG, checked by their content.

The checks are shared with the rest of the portal (``lot_portal.fichiers``): ``piece_nettoyer``
is the single door for every file an applicant, a laureate or a team member uploads (size,
then the file's signature, never its name; images re-encoded without metadata; a PDF complete
and without JavaScript, launch action, embedded file or hidden HTML). The result gets a
random name; the original is kept as text only. ``piece_reponse`` streams a stored file as a
download (``Content-Disposition: attachment``, ``nosniff``) to views that checked access.
"""

from lot_portal.fichiers.pieces import (
    AIDE_FORMATS,
    TYPES_ACCEPTES,
    piece_nettoyer,
    reponse_telechargement,
)
from lot_portal.fichiers.signatures import PDF_ACTIF, nom_original_propre, taille_lisible

__all__ = [
    "AIDE_FORMATS",
    "PDF_ACTIF",
    "TYPES_ACCEPTES",
    "nom_original_propre",
    "piece_nettoyer",
    "piece_reponse",
    "taille_lisible",
]


def piece_reponse(piece):
    """Stream a ``PieceJointe`` as a download. The caller has checked who may read it."""
    return reponse_telechargement(piece.fichier, nom=piece.nom_original, type_mime=piece.type_mime)
