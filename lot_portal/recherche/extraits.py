"""Excerpts of result pages, with the searched words wrapped in ``<mark>``.

Matching ignores case and accents (the text is compared once normalised), but
the marks surround the page's original characters. Everything that is not a
mark is HTML-escaped here: page text and query never reach the page raw.
"""

import html
import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

LONGUEUR_EXTRAIT = 250
CONTEXTE_AVANT = 60  # characters kept before the first match
# Text fields that page types use for a lead paragraph, in order of preference.
CHAMPS_CHAPO = ("chapo", "introduction", "resume", "accroche")
LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss"}
ESPACES = re.compile(r"\s+")
# End of a block in rich text: a space keeps "fin.</p><p>Début" two words.
FIN_DE_BLOC = re.compile(r"(</(?:p|li|h[1-6]|blockquote|div)>|<br\s*/?>)", re.IGNORECASE)


def normaliser(texte: str) -> tuple[str, list[int]]:
    """Lower-case, accent-free form of ``texte``, and for each of its
    characters the index of the original character it comes from."""
    sortie: list[str] = []
    origines: list[int] = []
    for position, caractere in enumerate(texte):
        forme = caractere.casefold()
        forme = LIGATURES.get(forme, forme)
        for morceau in unicodedata.normalize("NFKD", forme):
            if unicodedata.combining(morceau):
                continue
            sortie.append(morceau)
            origines.append(position)
    return "".join(sortie), origines


def racine(terme: str) -> str:
    """A crude French stem for highlighting: "randonnées" → "randonne"."""
    mot = normaliser(terme)[0]
    for suffixe in ("s", "x", "e"):
        if len(mot) > 4 and mot.endswith(suffixe):
            mot = mot[: -len(suffixe)]
    return mot


def _est_lettre(caractere: str) -> bool:
    return caractere.isalnum()


def _occurrences(texte: str, termes: list[str]) -> list[tuple[int, int]]:
    """Spans (in ``texte``) of the words that start with one of ``termes``."""
    if not texte or not termes:
        return []
    norme, origines = normaliser(texte)
    spans = []
    for terme in {racine(t) for t in termes if t}:
        if not terme:
            continue
        debut = norme.find(terme)
        while debut != -1:
            if debut == 0 or not _est_lettre(norme[debut - 1]):
                premier = origines[debut]
                dernier = origines[debut + len(terme) - 1] + 1
                # Mark the whole word: "ingenieur" marks "ingénieurs".
                while dernier < len(texte) and _est_lettre(texte[dernier]):
                    dernier += 1
                spans.append((premier, dernier))
            debut = norme.find(terme, debut + 1)
    spans.sort()
    fusionnes: list[tuple[int, int]] = []
    for debut, fin in spans:
        if fusionnes and debut <= fusionnes[-1][1]:
            fusionnes[-1] = (fusionnes[-1][0], max(fin, fusionnes[-1][1]))
        else:
            fusionnes.append((debut, fin))
    return fusionnes


def surligner(texte: str, termes: list[str]) -> SafeString:
    """``texte`` HTML-escaped, with each word matching ``termes`` in ``<mark>``."""
    morceaux = []
    curseur = 0
    for debut, fin in _occurrences(texte, termes):
        morceaux.append(escape(texte[curseur:debut]))
        morceaux.append(f"<mark>{escape(texte[debut:fin])}</mark>")
        curseur = fin
    morceaux.append(escape(texte[curseur:]))
    return mark_safe("".join(morceaux))  # noqa: S308 (every piece is escaped above)


def texte_brut(valeur: str) -> str:
    """Plain text of an HTML fragment, whitespace collapsed."""
    texte = strip_tags(FIN_DE_BLOC.sub(r"\1 ", valeur or ""))
    return ESPACES.sub(" ", html.unescape(texte)).strip()


def _textes_de_bloc(bloc, valeur, sortie: list[str]) -> None:
    # Walks the stored JSON with the block definitions: no query, no
    # rendering (rendering image or page choosers would query per result).
    if isinstance(bloc, ImageBlock | ImageChooserBlock):
        return
    if isinstance(bloc, blocks.RichTextBlock | blocks.TextBlock | blocks.CharBlock):
        if isinstance(valeur, str):
            sortie.append(texte_brut(valeur))
    elif isinstance(bloc, blocks.StructBlock) and isinstance(valeur, dict):
        for nom, enfant in bloc.child_blocks.items():
            _textes_de_bloc(enfant, valeur.get(nom), sortie)
    elif isinstance(bloc, blocks.ListBlock) and isinstance(valeur, list):
        for element in valeur:
            # Wagtail stores list items as {"type": "item", "value": …} now.
            if isinstance(element, dict) and element.get("type") == "item":
                element = element.get("value")
            _textes_de_bloc(bloc.child_block, element, sortie)
    elif isinstance(bloc, blocks.StreamBlock) and isinstance(valeur, list):
        for element in valeur:
            if isinstance(element, dict) and element.get("type") in bloc.child_blocks:
                _textes_de_bloc(bloc.child_blocks[element["type"]], element.get("value"), sortie)


def texte_des_streamfields(page) -> str:
    """Text of every StreamField of the (specific) page, in field order."""
    textes: list[str] = []
    for champ in page._meta.get_fields():
        if not isinstance(champ, StreamField):
            continue
        valeur = getattr(page, champ.attname, None)
        donnees = getattr(valeur, "raw_data", None)
        if donnees is None:
            continue
        _textes_de_bloc(champ.stream_block, list(donnees), textes)
    return " ".join(t for t in textes if t)


def _sources(page):
    yield texte_brut(getattr(page, "search_description", ""))
    for nom in CHAMPS_CHAPO:
        valeur = getattr(page, nom, "")
        if isinstance(valeur, str):
            yield texte_brut(valeur)
    yield texte_des_streamfields(page)


def _couper(texte: str, debut: int, longueur: int) -> str:
    """About ``longueur`` characters of ``texte`` from ``debut``, cut between words."""
    if debut > 0:
        espace = texte.rfind(" ", 0, debut)
        debut = espace + 1 if espace != -1 else 0
    fin = debut + longueur
    if fin < len(texte):
        espace = texte.rfind(" ", debut, fin)
        fin = espace if espace > debut else fin
    extrait = texte[debut:fin].strip()
    if debut > 0:
        extrait = "… " + extrait
    if fin < len(texte):
        extrait = extrait.rstrip(" ,;:.") + " …"
    return extrait


def extrait(page, termes: list[str], longueur: int = LONGUEUR_EXTRAIT) -> SafeString:
    """Highlighted excerpt of ``page``: its description, lead paragraph or body.

    The first source that contains a searched word wins, cut around that word;
    otherwise the first source that has text at all.
    """
    premier_texte = ""
    for texte in _sources(page):
        if not texte:
            continue
        premier_texte = premier_texte or texte
        occurrences = _occurrences(texte, termes)
        if occurrences:
            debut = max(0, occurrences[0][0] - CONTEXTE_AVANT)
            if len(texte) <= longueur:
                debut = 0
            return surligner(_couper(texte, debut, longueur), termes)
    return surligner(_couper(premier_texte, 0, longueur), termes)
