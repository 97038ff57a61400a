"""What an uploaded file really is, read from its bytes.

Nothing here trusts a file's name or the type the browser declares: ``nature`` reads the
first bytes (magic numbers), ``marquage_actif`` finds HTML, SVG or script hidden in a file
that must not carry any (PNG/HTML polyglots, PDF with an HTML page appended…), and
``pdf_verifier`` refuses a PDF that is not one, is truncated, or carries active content
(JavaScript, automatic actions, launch of an application, embedded files).
"""

import re
import unicodedata

from django.core.exceptions import ValidationError

# Leading bytes -> nature. Order matters: longer, more specific signatures first.
_SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"PK\x03\x04", "zip"),
    (b"OggS", "ogg"),
    (b"ID3", "mp3"),
    (b"\x1a\x45\xdf\xa3", "webm"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"\xca\xfe\xba\xbe", "executable"),
    (b"\xfe\xed\xfa\xce", "executable"),
    (b"\xfe\xed\xfa\xcf", "executable"),
    (b"\xce\xfa\xed\xfe", "executable"),
    (b"\xcf\xfa\xed\xfe", "executable"),
    (b"#!", "executable"),
)

# HTML, SVG or script markup: at least six distinctive bytes each, so that the compressed
# data of a real image or PDF practically never matches by chance.
MARQUAGE_ACTIF = re.compile(
    rb"<(?:script|iframe|object|embed|html[\s>]|body[\s>]|svg[\s>]|!doctype\s+html|\?php)"
    rb"|javascript:|vbscript:",
    re.IGNORECASE,
)

# Active content a PDF sent to the portal has no reason to carry.
PDF_ACTIF = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|OpenAction|AA)\b")

MESSAGE_PDF_FORMAT = "Ce fichier n'est pas un PDF."
MESSAGE_PDF_ILLISIBLE = (
    "Ce PDF est incomplet ou endommagé : enregistrez-le à nouveau puis réessayez."
)
MESSAGE_PDF_ACTIF = (
    "Ce PDF contient du contenu actif (script, lancement d'application ou fichier "
    "intégré) : enregistrez-le avec « Imprimer en PDF » puis réessayez."
)
MESSAGE_MARQUAGE = (
    "Ce fichier contient du code (HTML ou script) caché : enregistrez-le à nouveau depuis "
    "votre appareil ou votre logiciel, puis réessayez."
)


def nature(donnees: bytes) -> str | None:
    """``"pdf"``, ``"jpeg"``, ``"png"``, ``"webp"``, ``"gif"``, ``"avif"``, ``"zip"``,
    ``"ogg"``, ``"mp3"``, ``"mp4"``, ``"wav"``, ``"webm"``, ``"executable"`` or ``None``."""
    for signature, genre in _SIGNATURES:
        if donnees.startswith(signature):
            return genre
    if donnees[:4] == b"RIFF" and donnees[8:12] == b"WEBP":
        return "webp"
    if donnees[:4] == b"RIFF" and donnees[8:12] == b"WAVE":
        return "wav"
    if donnees[4:8] == b"ftyp":
        return "avif" if donnees[8:12] in (b"avif", b"avis") else "mp4"
    if len(donnees) > 1 and donnees[0] == 0xFF and donnees[1] & 0xE0 == 0xE0:
        return "mp3"  # an MPEG audio frame without an ID3 tag
    return None


def marquage_actif(donnees: bytes) -> bool:
    """True when ``donnees`` carries HTML, SVG or script markup anywhere."""
    return MARQUAGE_ACTIF.search(donnees) is not None


def pdf_verifier(donnees: bytes, *, message_format: str = MESSAGE_PDF_FORMAT) -> None:
    """A French ``ValidationError`` unless ``donnees`` is a complete, passive PDF."""
    if nature(donnees) != "pdf":
        raise ValidationError(message_format, code="piece_format")
    if b"%%EOF" not in donnees[-2048:]:
        raise ValidationError(MESSAGE_PDF_ILLISIBLE, code="piece_illisible")
    if PDF_ACTIF.search(donnees):
        raise ValidationError(MESSAGE_PDF_ACTIF, code="piece_active")
    if marquage_actif(donnees):
        raise ValidationError(MESSAGE_MARQUAGE, code="piece_marquage")


def taille_lisible(octets: int) -> str:
    mo = octets / (1024 * 1024)
    return (f"{mo:.0f}" if mo >= 10 or mo == int(mo) else f"{mo:.1f}").replace(".", ",") + " Mo"


def nom_original_propre(nom: str, *, longueur_max: int = 150) -> str:
    """The name to show and to offer on download: no path, no control or invisible
    formatting character (NUL, right-to-left override…), never empty."""
    nom = unicodedata.normalize("NFC", nom or "")
    nom = nom.replace("\\", "/").rsplit("/", 1)[-1]
    nom = "".join(
        c for c in nom if c.isprintable() and unicodedata.category(c) != "Cf" and c not in '"<>|:*?'
    )
    nom = nom.strip(" .")
    if len(nom) > longueur_max:
        racine, point, extension = nom.rpartition(".")
        if point and 0 < len(extension) <= 10:
            nom = racine[: longueur_max - len(extension) - 1] + "." + extension
        else:
            nom = nom[:longueur_max]
    return nom or "fichier"
