"""Record staff accesses to people's data (see ``models.JournalAcces``).

``acces_journaliser(request=…, action=Action.CONSULTATION, objet=dossier)`` in a staff view
records who opened whose file; an export passes ``objets`` (a queryset, a list or the model)
and is one row with the count. Nothing of the content is ever written: the reference is the
model and primary key, the label is built from the model's name, and the filters are the
names of the query parameters (their values may be names or emails).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from .models import Action, JournalAcces

__all__ = ["Action", "acces_journaliser", "journal_purger"]

# Query parameters that are paging or presentation, not filters.
PARAMETRES_IGNORES = {"export", "p", "page", "ordering", "o", "per_page", "csrfmiddlewaretoken"}


def _libelle_objet(objet) -> str:
    return f"{str(objet._meta.verbose_name).capitalize()} n° {objet.pk}"


def _modele(objets):
    if isinstance(objets, models.QuerySet):
        return objets.model
    if isinstance(objets, type) and issubclass(objets, models.Model):
        return objets
    objets = list(objets)
    return type(objets[0]) if objets else None


def _nombre(objets) -> int | None:
    if isinstance(objets, models.QuerySet):
        return objets.count()
    if isinstance(objets, type):
        return None
    return len(list(objets))


def filtres_decrire(request) -> str:
    """The names of the filters of ``request`` (never their values), e.g. « statut, q »."""
    if request is None:
        return ""
    noms = sorted(
        {
            cle
            for cle, valeurs in request.GET.lists()
            if cle not in PARAMETRES_IGNORES and any(v.strip() for v in valeurs)
        }
    )
    return ", ".join(noms)[:500]


def acces_journaliser(
    *,
    action: str,
    request=None,
    utilisateur=None,
    objet=None,
    objets=None,
    libelle: str = "",
    nombre: int | None = None,
    filtres: str | None = None,
    motif: str = "",
) -> JournalAcces:
    """Record one access of a staff member (``request.user`` or ``utilisateur``).

    ``objet``: the file opened or downloaded from; ``objets``: what an export holds.
    """
    if utilisateur is None and request is not None:
        utilisateur = request.user
    if utilisateur is not None and not getattr(utilisateur, "is_authenticated", False):
        utilisateur = None
    vue = ""
    if request is not None and getattr(request, "resolver_match", None):
        vue = request.resolver_match.view_name or ""
    if objet is not None:
        objet_type = objet._meta.label_lower
        objet_id = str(objet.pk)
        libelle = libelle or _libelle_objet(objet)
    else:
        modele = _modele(objets) if objets is not None else None
        objet_type = modele._meta.label_lower if modele else "inconnu"
        objet_id = ""
        if nombre is None and objets is not None:
            nombre = _nombre(objets)
        if not libelle:
            noms = str(modele._meta.verbose_name_plural) if modele else "lignes"
            libelle = f"Export : {noms}" if nombre is None else f"Export : {nombre} {noms}"
    if filtres is None:
        filtres = filtres_decrire(request) if action == Action.EXPORT else ""
    return JournalAcces.objects.create(
        utilisateur=utilisateur,
        utilisateur_email=getattr(utilisateur, "email", "") or "",
        action=action,
        objet_type=objet_type,
        objet_id=objet_id,
        objet_libelle=libelle[:200],
        nombre=nombre,
        filtres=filtres[:500],
        vue=vue[:200],
        motif=motif[:200],
    )


def journal_purger(maintenant=None) -> int:
    """Delete the rows older than ``JOURNAL_ACCES_CONSERVATION_JOURS`` (1 year by default)."""
    maintenant = maintenant or timezone.now()
    limite = maintenant - timedelta(days=settings.JOURNAL_ACCES_CONSERVATION_JOURS)
    supprimees, _ = JournalAcces.objects.filter(quand__lt=limite).delete()
    return supprimees
