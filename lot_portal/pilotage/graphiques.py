"""Charts of the dashboard: inline SVG drawn on the server (no JavaScript, no library).

Each chart is an image (``role="img"``) named by the visible title of its table
(``aria-labelledby``); the table itself always follows it, so nothing is only in the chart.
Every bar carries its value as text. Colours on a white background keep a contrast of at
least 4.5:1 for text and 3:1 for the bars.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .formatage import est_nombre, nombre_fr, valeur_numerique
from .registre import Tableau

COULEUR_BARRE = "#1f4e8c"  # 8.3:1 on white
COULEUR_TEXTE = "#1a1a1a"
COULEUR_AXE = "#595959"  # 7:1 on white
FOND = "#ffffff"

LARGEUR = 640
HAUTEUR_LIGNE = 28
MARGE = 8


def colonne_numerique(tableau: Tableau) -> int | None:
    """Index of the first column (after the label) holding numbers only (None allowed)."""
    for index in range(1, len(tableau.colonnes)):
        valeurs = [ligne[index] for ligne in tableau.lignes if index < len(ligne)]
        if any(est_nombre(v) for v in valeurs) and all(v is None or est_nombre(v) for v in valeurs):
            return index
    return None


def _court(texte, longueur: int = 30) -> str:
    texte = str(texte)
    return texte if len(texte) <= longueur else texte[: longueur - 1] + "…"


def _svg(largeur: float, hauteur: float, id_titre: str, contenu: list[str], classe: str) -> str:
    return (
        f'<svg class="pilotage-graphique pilotage-graphique--{classe}" role="img" '
        f'aria-labelledby="{escape(id_titre)}" viewBox="0 0 {largeur:g} {hauteur:g}" '
        f'width="{largeur:g}" height="{hauteur:g}" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="system-ui, sans-serif" font-size="13">'
        f'<rect width="100%" height="100%" fill="{FOND}"/>' + "".join(contenu) + "</svg>"
    )


def _barres(tableau: Tableau, index: int, id_titre: str) -> str:
    valeurs = [max(valeur_numerique(ligne[index]) or 0, 0) for ligne in tableau.lignes]
    maximum = max(valeurs, default=0) or 1
    debut_barres, largeur_barres = 230, LARGEUR - 230 - 90
    contenu = []
    for rang, (ligne, valeur) in enumerate(zip(tableau.lignes, valeurs, strict=True)):
        y = MARGE + rang * HAUTEUR_LIGNE
        largeur = largeur_barres * valeur / maximum
        contenu.append(
            f'<text x="{debut_barres - 8}" y="{y + 18}" text-anchor="end" '
            f'fill="{COULEUR_TEXTE}">{escape(_court(ligne[0]))}</text>'
            f'<rect x="{debut_barres}" y="{y + 4}" width="{largeur:.1f}" height="20" '
            f'fill="{COULEUR_BARRE}"/>'
            f'<text x="{debut_barres + largeur + 6:.1f}" y="{y + 18}" '
            f'fill="{COULEUR_TEXTE}">{escape(nombre_fr(ligne[index]))}</text>'
        )
    contenu.append(
        f'<line x1="{debut_barres}" y1="{MARGE}" x2="{debut_barres}" '
        f'y2="{MARGE + len(valeurs) * HAUTEUR_LIGNE}" stroke="{COULEUR_AXE}"/>'
    )
    return _svg(LARGEUR, 2 * MARGE + len(valeurs) * HAUTEUR_LIGNE, id_titre, contenu, "barres")


def _courbe(tableau: Tableau, index: int, id_titre: str) -> str:
    """Columns over the periods, in the table's order, each with its value above it."""
    gauche, hauteur_zone, haut, bas = 64, 180, 24, 90
    valeurs = [max(valeur_numerique(ligne[index]) or 0, 0) for ligne in tableau.lignes]
    maximum = max(valeurs, default=0) or 1
    # Columns spread over the width; beyond 14 periods the chart widens (and scrolls).
    pas = min(80, max(40, (LARGEUR - gauche - 16) // max(len(valeurs), 1)))
    largeur_colonne = round(pas * 0.7)
    largeur = max(LARGEUR, gauche + 16 + pas * len(valeurs))
    base = haut + hauteur_zone
    contenu = []
    for rang, (ligne, valeur) in enumerate(zip(tableau.lignes, valeurs, strict=True)):
        x = gauche + rang * pas
        hauteur = hauteur_zone * valeur / maximum
        centre = x + largeur_colonne / 2
        contenu.append(
            f'<rect x="{x}" y="{base - hauteur:.1f}" width="{largeur_colonne}" '
            f'height="{hauteur:.1f}" fill="{COULEUR_BARRE}"/>'
            f'<text x="{centre:g}" y="{base - hauteur - 6:.1f}" text-anchor="middle" '
            f'font-size="11" fill="{COULEUR_TEXTE}">{escape(nombre_fr(ligne[index]))}</text>'
            f'<text x="{centre:g}" y="{base + 14}" text-anchor="end" font-size="11" '
            f'transform="rotate(-40 {centre:g} {base + 14})" '
            f'fill="{COULEUR_TEXTE}">{escape(_court(ligne[0], 16))}</text>'
        )
    contenu.append(
        f'<line x1="{gauche - 4}" y1="{base}" x2="{largeur - 12}" y2="{base}" '
        f'stroke="{COULEUR_AXE}"/>'
    )
    return _svg(largeur, base + bas, id_titre, contenu, "courbe")


def _entonnoir(tableau: Tableau, index: int, id_titre: str) -> str:
    """Centred bars, one per step in order, with the share kept from the step before."""
    debut_barres, largeur_barres = 210, 260
    valeurs = [max(valeur_numerique(ligne[index]) or 0, 0) for ligne in tableau.lignes]
    maximum = max(valeurs, default=0) or 1
    contenu = []
    precedente = None
    for rang, (ligne, valeur) in enumerate(zip(tableau.lignes, valeurs, strict=True)):
        y = MARGE + rang * HAUTEUR_LIGNE
        largeur = largeur_barres * valeur / maximum
        x = debut_barres + (largeur_barres - largeur) / 2
        texte = nombre_fr(ligne[index])
        if precedente is not None:
            taux = nombre_fr(100 * valeur / precedente) + " %" if precedente else "—"
            texte += f" · {taux}"
        precedente = valeur
        contenu.append(
            f'<text x="{debut_barres - 8}" y="{y + 18}" text-anchor="end" '
            f'fill="{COULEUR_TEXTE}">{escape(_court(ligne[0], 28))}</text>'
            f'<rect x="{x:.1f}" y="{y + 4}" width="{largeur:.1f}" height="20" '
            f'fill="{COULEUR_BARRE}"/>'
            f'<text x="{debut_barres + largeur_barres + 10}" y="{y + 18}" '
            f'fill="{COULEUR_TEXTE}">{escape(texte)}</text>'
        )
    bas = MARGE + len(valeurs) * HAUTEUR_LIGNE
    contenu.append(
        f'<text x="{MARGE}" y="{bas + 16}" font-size="11" '
        f'fill="{COULEUR_TEXTE}">% : part de l’étape précédente</text>'
    )
    return _svg(LARGEUR, bas + 24, id_titre, contenu, "entonnoir")


DESSINS = {"barres": _barres, "courbe": _courbe, "entonnoir": _entonnoir}


def graphique_svg(tableau: Tableau, id_titre: str) -> SafeString:
    """The chart of ``tableau`` as inline SVG ("" when it has none or nothing to draw)."""
    dessin = DESSINS.get(tableau.graphique or "")
    if dessin is None or not tableau.lignes:
        return mark_safe("")  # noqa: S308
    index = colonne_numerique(tableau)
    if index is None:
        return mark_safe("")  # noqa: S308
    return mark_safe(dessin(tableau, index, id_titre))  # noqa: S308  (every text is escaped)
