"""The hostile upload corpus, generated in memory (issue #9).

``HOSTILES`` is every file the portal must refuse wherever it takes an upload; ``NOMS_PIEGES``
are names that must never reach the disk nor a download header as sent; ``valide(genre)``
gives a real PDF, JPEG or PNG that each upload point accepts. Imported as
``from _fichiers import …`` (tests/ has no packages).
"""

import io
import struct
import zlib
from dataclasses import dataclass

from PIL import Image

# Over every upload limit of the portal (5 Mo photos and CVs, 8 Mo journal photos, 10 Mo
# pieces and Wagtail images) but a sparse ``bytes`` object, built only when asked.
TAILLE_TROP_LOURDE = 12 * 1024 * 1024

SCRIPT = b"<script>alert(document.cookie)</script>"
HTML = b"<!DOCTYPE html><html><body>" + SCRIPT + b"</body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script type="text/javascript">alert(document.cookie)</script></svg>'
)
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 400
MZ = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 50 + b"This program cannot be run in DOS mode"


def image(format_image="JPEG", taille=(64, 48)) -> bytes:
    tampon = io.BytesIO()
    Image.new("RGB", taille, (200, 80, 40)).save(tampon, format=format_image)
    return tampon.getvalue()


def pdf(corps: bytes = b"") -> bytes:
    """A small, complete PDF (one empty page); ``corps`` goes into its catalogue."""
    return (
        b"%PDF-1.7\n"
        b"1 0 obj<</Type/Catalog/Pages 2 0 R" + corps + b">>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def png_bombe(largeur=30_000, hauteur=30_000) -> bytes:
    """A PNG of a few hundred bytes whose header announces 900 megapixels."""

    def bloc(genre, donnees):
        corps = genre + donnees
        return struct.pack(">I", len(donnees)) + corps + struct.pack(">I", zlib.crc32(corps))

    entete = struct.pack(">IIBBBBB", largeur, hauteur, 8, 0, 0, 0, 0)
    lignes = zlib.compress(b"\x00" * (largeur + 1) * 16)
    return b"\x89PNG\r\n\x1a\n" + bloc(b"IHDR", entete) + bloc(b"IDAT", lignes) + bloc(b"IEND", b"")


@dataclass(frozen=True)
class Echantillon:
    """One sample: its id, the name and type the browser sends, how to build its bytes."""

    id: str
    nom: str
    type_mime: str
    fabriquer: object  # () -> bytes

    @property
    def donnees(self) -> bytes:
        return self.fabriquer()

    @property
    def extension(self) -> str:
        return self.nom.rsplit(".", 1)[-1]


def _trop_lourd_pdf():
    return pdf() + b"%" + b"0" * TAILLE_TROP_LOURDE + b"\n%%EOF\n"


def _trop_lourd_jpeg():
    return image("JPEG") + b"\x00" * TAILLE_TROP_LOURDE


HOSTILES = [
    Echantillon("html-en-pdf", "cv.pdf", "application/pdf", lambda: HTML),
    Echantillon("script-en-jpg", "photo.jpg", "image/jpeg", lambda: SCRIPT),
    Echantillon("script-en-png", "photo.png", "image/png", lambda: SCRIPT),
    # A valid PNG, then an HTML page: decodes as an image, runs as a page if sniffed.
    Echantillon("polyglotte-png-html", "photo.png", "image/png", lambda: image("PNG") + HTML),
    Echantillon("polyglotte-jpeg-html", "photo.jpg", "image/jpeg", lambda: image("JPEG") + HTML),
    # HTML first, a real PNG inside a comment.
    Echantillon(
        "polyglotte-html-png",
        "photo.png",
        "image/png",
        lambda: b"<html>" + SCRIPT + b"<!--" + image("PNG") + b"-->",
    ),
    # A PDF that is also an HTML page.
    Echantillon("polyglotte-pdf-html", "cv.pdf", "application/pdf", lambda: pdf() + HTML),
    Echantillon("svg-script", "logo.svg", "image/svg+xml", lambda: SVG),
    Echantillon("svg-en-png", "logo.png", "image/png", lambda: SVG),
    Echantillon("svg-en-pdf", "logo.pdf", "application/pdf", lambda: SVG),
    Echantillon(
        "pdf-javascript",
        "cv.pdf",
        "application/pdf",
        lambda: pdf(b"/Names<</JavaScript<</Names[(x) 4 0 R]>>>>"),
    ),
    Echantillon(
        "pdf-openaction",
        "cv.pdf",
        "application/pdf",
        lambda: pdf(b"/OpenAction<</S/JavaScript/JS(app.alert(1))>>"),
    ),
    Echantillon(
        "pdf-launch",
        "cv.pdf",
        "application/pdf",
        lambda: pdf(b"/OpenAction<</S/Launch/F(cmd.exe)>>"),
    ),
    Echantillon(
        "pdf-fichier-integre",
        "cv.pdf",
        "application/pdf",
        lambda: pdf(b"/Names<</EmbeddedFiles<</Names[(a.exe) 5 0 R]>>>>/EmbeddedFile 5 0 R"),
    ),
    Echantillon("pdf-tronque", "cv.pdf", "application/pdf", lambda: pdf()[:-7]),
    Echantillon("elf-en-pdf", "cv.pdf", "application/pdf", lambda: ELF),
    Echantillon("elf-en-jpg", "photo.jpg", "image/jpeg", lambda: ELF),
    Echantillon("mz-en-pdf", "cv.pdf", "application/pdf", lambda: MZ),
    Echantillon("mz-en-jpg", "photo.jpg", "image/jpeg", lambda: MZ),
    Echantillon("bombe-png", "bombe.png", "image/png", png_bombe),
    Echantillon("trop-lourd-pdf", "gros.pdf", "application/pdf", _trop_lourd_pdf),
    Echantillon("trop-lourd-jpg", "gros.jpg", "image/jpeg", _trop_lourd_jpeg),
    Echantillon("vide", "vide.pdf", "application/pdf", lambda: b""),
]

# Names a browser (or a script) may send; the file itself is valid.
NOMS_PIEGES = {
    "traversee": "../../etc/passwd",
    "traversee-windows": "..\\..\\windows\\system32\\cv.pdf",
    "nul": "cv.pdf\x00.html",
    "rtl": "cv\u202efdp.exe",  # displays as « cvexe.pdf »
    "tres-long": "c" * 180 + ".pdf",
    "controle": "cv\r\nX-Injection: 1.pdf",
}


def valide(genre: str) -> bytes:
    """A valid sample: ``"pdf"``, ``"jpeg"`` or ``"png"``."""
    return {"pdf": pdf, "jpeg": lambda: image("JPEG"), "png": lambda: image("PNG")}[genre]()
