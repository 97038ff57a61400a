"""Plain text typed in the portal's forms, as rich-text HTML and back (escaped)."""

import html
import re

from django.utils.html import escape


def paragraphes_en_html(texte: str) -> str:
    """Plain text (paragraphs separated by a blank line) as rich-text HTML, escaped."""
    texte = texte.replace("\r\n", "\n").replace("\r", "\n")
    paragraphes = [p.strip() for p in re.split(r"\n\s*\n", texte) if p.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(ligne.strip()) for ligne in p.split("\n")) + "</p>"
        for p in paragraphes
    )


def html_en_paragraphes(source: str) -> str:
    """The reverse of ``paragraphes_en_html``, for the edit form."""
    paragraphes = []
    for bloc in re.findall(r"<p[^>]*>(.*?)</p>", source or "", flags=re.S):
        bloc = re.sub(r"<br\s*/?>", "\n", bloc)
        paragraphes.append(html.unescape(re.sub(r"<[^>]+>", "", bloc)).strip())
    return "\n\n".join(p for p in paragraphes if p)
