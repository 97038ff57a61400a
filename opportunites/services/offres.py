"""Writing job offers from data (CSV import, demo): one offer per external reference.

``offre_depuis_donnees`` creates the offer when its ``reference_externe`` is new and otherwise
publishes a new revision of the existing page with the new values: a second import of the same
file changes nothing and never makes a duplicate.
"""

from __future__ import annotations

import enum

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page

from ..models import Employeur, OffreEmploiPage, OffresIndexPage

# The offer's fields an import may set (model field names).
CHAMPS_OFFRE = (
    "title",
    "secteur",
    "commune",
    "contrat",
    "temps_travail",
    "teletravail",
    "salaire_min",
    "salaire_max",
    "salaire_periode",
    "date_debut",
    "description",
    "profil",
    "candidature_url",
    "candidature_email",
    "candidature_email_personnelle",
    "profil_recherche",
    "date_publication",
    "date_expiration",
    "pourvue_le",
    "search_description",
)


class Resultat(enum.StrEnum):
    CREEE = "creee"
    MODIFIEE = "modifiee"
    INCHANGEE = "inchangee"


def slug_libre(parent, base: str, *, exclure_pk: int | None = None) -> str:
    """A slug free among ``parent``'s children, from ``base`` (``base``, ``base-2``…)."""
    base = (slugify(base) or "offre")[:200].strip("-") or "offre"
    # Not parent.get_children(): treebeard answers none() from a stale numchild of 0.
    pris = set(
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .filter(slug__startswith=base)
        .exclude(pk=exclure_pk)
        .values_list("slug", flat=True)
    )
    if base not in pris:
        return base
    numero = 2
    while f"{base}-{numero}" in pris:
        numero += 1
    return f"{base}-{numero}"


def _valeurs_egales(page, valeurs: dict) -> bool:
    for champ, valeur in valeurs.items():
        actuelle = getattr(page, f"{champ}_id" if champ == "commune" else champ)
        attendue = valeur.pk if champ == "commune" and valeur is not None else valeur
        if actuelle != attendue:
            return False
    return True


@transaction.atomic
def offre_depuis_donnees(
    donnees: dict, *, index: OffresIndexPage, employeur: Employeur
) -> tuple[OffreEmploiPage, Resultat]:
    """Create or update the offer whose ``reference_externe`` is ``donnees["reference_externe"]``.

    ``donnees`` holds model field values (``title``, ``contrat``, ``commune`` as a ``Commune``…;
    see ``CHAMPS_OFFRE``). A new offer is added under ``index``; an existing one keeps its place
    and slug. Side effects: a revision is saved and published (which indexes the page for the
    search and bumps the anonymous page cache) only when something changed. Raises Django's
    ``ValidationError`` when the page does not validate (e.g. expiry before publication).
    """
    reference = donnees["reference_externe"]
    valeurs = {champ: donnees[champ] for champ in CHAMPS_OFFRE if champ in donnees}
    valeurs["employeur"] = employeur
    page = OffreEmploiPage.objects.filter(reference_externe=reference).first()
    if page is None:
        page = OffreEmploiPage(reference_externe=reference, **valeurs)
        page.slug = donnees.get("slug") or slug_libre(index, valeurs.get("title", reference))
        page.draft_title = page.title
        index.add_child(instance=page)  # Page.save() runs full_clean()
        page.save_revision().publish()
        return page, Resultat.CREEE

    comparees = {k: v for k, v in valeurs.items() if k != "employeur"}
    if page.employeur_id == employeur.pk and _valeurs_egales(page, comparees) and page.live:
        return page, Resultat.INCHANGEE
    for champ, valeur in valeurs.items():
        setattr(page, champ, valeur)
    page.draft_title = page.title
    page.full_clean()
    page.save_revision().publish()
    return page, Resultat.MODIFIEE
