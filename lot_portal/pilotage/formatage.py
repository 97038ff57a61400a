"""Numbers written the French way: « 12 345 », « 12,5 », « 1 500,50 »."""

from decimal import Decimal

ESPACE_MILLIERS = "\u202f"  # narrow no-break space, as the French typography wants


def est_nombre(valeur) -> bool:
    return isinstance(valeur, int | float | Decimal) and not isinstance(valeur, bool)


def _milliers(entier: str) -> str:
    signe = "-" if entier.startswith("-") else ""
    chiffres = entier.lstrip("-")
    groupes = []
    while chiffres:
        groupes.insert(0, chiffres[-3:])
        chiffres = chiffres[:-3]
    return signe + ESPACE_MILLIERS.join(groupes)


def nombre_fr(valeur) -> str:
    """A value of a table as shown: ints grouped by thousands, floats with one decimal,
    amounts (Decimal) with two decimals unless whole; anything else as text, None as « — »."""
    if valeur is None:
        return "—"
    if not est_nombre(valeur):
        return str(valeur)
    if isinstance(valeur, int):
        return _milliers(str(valeur))
    if isinstance(valeur, Decimal):
        texte = f"{valeur:.0f}" if valeur == valeur.to_integral_value() else f"{valeur:.2f}"
    else:
        texte = f"{valeur:.1f}"
        if texte in ("-0.0",):
            texte = "0.0"
    entier, _, decimales = texte.partition(".")
    return _milliers(entier) + ("," + decimales if decimales else "")


def valeur_numerique(valeur) -> float | None:
    """The value as a float for a chart (None when it is not a number)."""
    return float(valeur) if est_nombre(valeur) else None
