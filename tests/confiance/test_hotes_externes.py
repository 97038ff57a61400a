"""No public page loads anything from another host, so no consent banner is needed: a static
scan of templates/ and static/ (the browser test is test_hotes_externes_navigateur.py).

Only plain links (<a href>) may point elsewhere. Map tiles come from the
OPPORTUNITES_CARTE_TUILES setting, empty by default (no map)."""

import re
from pathlib import Path

from django.conf import settings

RACINE = Path(__file__).resolve().parents[2]
EXTERNE = r"(?:https?:)?//"

# <tag … attribute="//host…"> for every tag that makes the browser fetch something.
BALISE = re.compile(
    r"<(script|link|img|iframe|frame|source|video|audio|track|embed|object|input|image|use|form)"
    r"\b[^>]*?\b(src|href|srcset|data|poster|action|xlink:href)\s*=\s*[\"']?\s*" + EXTERNE,
    re.IGNORECASE | re.DOTALL,
)
CSS = re.compile(
    r"(@import\s+(?:url\()?\s*[\"']?\s*" + EXTERNE + r"|url\(\s*[\"']?\s*" + EXTERNE + ")",
    re.IGNORECASE,
)
STYLE_EN_LIGNE = re.compile(r"style\s*=\s*[\"'][^\"']*url\(\s*[\"']?\s*" + EXTERNE, re.IGNORECASE)
JS_URL = re.compile(r"[\"'`](?:https?:)?//[^\"'`\s]+", re.IGNORECASE)
# Strings of the scripts that are not requests: the SVG namespace, Leaflet's attribution link.
JS_PERMIS = {"http://www.w3.org/2000/svg", "https://leafletjs.com"}


def _fichiers(*motifs):
    for dossier in (RACINE / "templates", RACINE / "static"):
        for motif in motifs:
            yield from sorted(dossier.rglob(motif))


def _sans_commentaires_css(texte):
    return re.sub(r"/\*.*?\*/", "", texte, flags=re.DOTALL)


def test_templates_load_nothing_from_another_host():
    fautes = []
    for fichier in _fichiers("*.html", "*.svg", "*.txt", "*.xml"):
        texte = fichier.read_text(encoding="utf-8")
        sans_ns = re.sub(r"xmlns(?::\w+)?=\"http://www\.w3\.org/[^\"]*\"", "", texte)
        for trouve in BALISE.finditer(sans_ns):
            fautes.append(f"{fichier.relative_to(RACINE)} : {trouve.group(0)[:120]}")
        for trouve in (*CSS.finditer(sans_ns), *STYLE_EN_LIGNE.finditer(sans_ns)):
            fautes.append(f"{fichier.relative_to(RACINE)} : {trouve.group(0)[:120]}")
    assert not fautes, "\n".join(fautes)


def test_stylesheets_import_no_font_or_image_from_another_host():
    fautes = []
    for fichier in _fichiers("*.css"):
        texte = _sans_commentaires_css(fichier.read_text(encoding="utf-8"))
        for trouve in CSS.finditer(texte):
            fautes.append(f"{fichier.relative_to(RACINE)} : {trouve.group(0)}")
        if "@font-face" in texte:
            for bloc in re.findall(r"@font-face\s*{[^}]*}", texte):
                if re.search(EXTERNE, bloc):
                    fautes.append(f"{fichier.relative_to(RACINE)} : {bloc[:120]}")
    assert not fautes, "\n".join(fautes)


def test_scripts_name_no_other_host():
    fautes = []
    for fichier in _fichiers("*.js", "*.mjs"):
        texte = fichier.read_text(encoding="utf-8")
        for trouve in JS_URL.finditer(texte):
            url = trouve.group(0)[1:].rstrip("/")
            if url not in JS_PERMIS:
                fautes.append(f"{fichier.relative_to(RACINE)} : {url}")
    assert not fautes, "\n".join(fautes)


def test_the_scan_catches_what_it_must():
    """The patterns are not vacuous."""
    assert BALISE.search('<script src="https://cdn.example.org/x.js"></script>')
    assert BALISE.search('<link rel="stylesheet" href="//fonts.googleapis.com/css">')
    assert BALISE.search("<iframe\n  src='https://www.youtube.com/embed/x'>")
    assert not BALISE.search('<a href="https://www.lot.fr">Le Lot</a>')
    assert not BALISE.search('<img src="/static/img/logo-lot.svg" alt="">')
    assert CSS.search("@import url('https://fonts.googleapis.com/css2?family=Inter');")
    assert CSS.search("src: url(https://fonts.gstatic.com/a.woff2)")
    assert not CSS.search("background: url(../img/fond.svg)")
    assert JS_URL.search('fetch("https://api.example.org/")')


def test_map_tiles_are_off_by_default():
    assert settings.OPPORTUNITES_CARTE_TUILES == ""
    assert all(
        "//" not in source for source in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
    )
