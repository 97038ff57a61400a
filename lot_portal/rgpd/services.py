"""Export and erasure of a person, driven by the registry (``registre.py``).

- ``personne_exporter(utilisateur=… or courriel=…)``: every registered row of the person,
  grouped by purpose (right of access and portability);
- ``personne_effacer(utilisateur=… or courriel=…)``: the right to erasure: the apps' own
  steps (``effaceur``), pending emails cancelled and sent ones deleted, every registered row
  deleted or scrubbed as declared, files deleted after commit, Wagtail revisions and log
  entries scrubbed, the search index updated, the account's sessions closed, then the
  account deleted. Afterwards
  ``personne_exporter`` for the same account or address returns no row.
"""

import logging
from functools import partial, reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from .registre import REGISTRE, Effacement, Modele

logger = logging.getLogger(__name__)

ADRESSE_ANONYME = "anonyme.invalid"


class EffacementRefuse(Exception):
    """Staff accounts are removed by an administrator, not by this procedure."""


# --- Finding a person's rows -------------------------------------------------------------


def adresses_verifiees(utilisateur) -> set[str]:
    """The account's addresses that prove the person: the login address and the verified
    ones (an unverified address added to an account must not open someone else's rows)."""
    from allauth.account.models import EmailAddress

    adresses = {utilisateur.email.strip().lower()} if utilisateur.email else set()
    adresses |= {
        a.strip().lower()
        for a in EmailAddress.objects.filter(user=utilisateur, verified=True).values_list(
            "email", flat=True
        )
    }
    return adresses


def _chemins(entree: Modele) -> tuple[str, ...]:
    if entree.personne is None:
        return ()
    return (entree.personne,) if isinstance(entree.personne, str) else tuple(entree.personne)


def lignes(entree: Modele, *, utilisateur, adresses: set[str]):
    """The rows of ``entree`` that belong to the person (None if it has no lookup)."""
    if entree.lignes is not None:
        return entree.lignes(utilisateur, adresses)
    conditions = []
    if utilisateur is not None:
        conditions += [models.Q(**{chemin: utilisateur.pk}) for chemin in _chemins(entree)]
    if entree.courriel and adresses:
        conditions += [models.Q(**{f"{entree.courriel}__iexact": a}) for a in sorted(adresses)]
    if not conditions:
        return None
    qs = entree.modele._base_manager.filter(reduce(or_, conditions))
    if utilisateur is not None and len(_chemins(entree)) > 1:
        qs = qs.distinct()
    return qs.order_by("pk")


# --- Export ------------------------------------------------------------------------------


def _valeur(instance, f):
    if f.many_to_many:
        return [str(objet) for objet in getattr(instance, f.name).all()]
    valeur = getattr(instance, f.attname)
    if valeur in (None, ""):
        return valeur
    if f.choices:
        return getattr(instance, f"get_{f.name}_display")()
    if f.is_relation:
        objet = getattr(instance, f.name)
        return str(objet) if objet is not None else None
    if isinstance(f, models.FileField):
        return valeur.rsplit("/", 1)[-1] if isinstance(valeur, str) else valeur.name
    return valeur


def _champs_exportes(entree: Modele) -> list:
    modele = entree.modele
    noms = [nom for nom, champ in entree.personnels.items() if champ.exporte]
    if not noms:  # only links to the account: the row itself is the data (a vote, a reply)
        noms = [n for n in entree.non_personnels if n not in ("id",)]
    return [modele._meta.get_field(nom) for nom in noms]


def personne_exporter(*, utilisateur=None, courriel: str | None = None) -> dict:
    """Everything registered about the person, grouped by purpose.

    ``{"genere_le": datetime, "finalites": [{"slug", "finalite", "base_legale",
    "conservation", "donnees": [{"modele", "libelles": {champ: libellé},
    "lignes": [{champ: valeur}]}]}]}``; only purposes and models with rows are listed.
    Values are JSON-friendly with ``DjangoJSONEncoder``; choices by their French label,
    links by their name; secrets (password hash, tokens) and staff members' names are
    never exported. No side effects.
    """
    adresses = _adresses(utilisateur, courriel)
    resultat = {"genere_le": timezone.now(), "finalites": []}
    for finalite in REGISTRE.finalites.values():
        donnees = []
        for entree in REGISTRE.modeles.values():
            if entree.finalite != finalite.slug:
                continue
            qs = lignes(entree, utilisateur=utilisateur, adresses=adresses)
            if qs is None:
                continue
            champs = _champs_exportes(entree)
            if not champs:  # only secrets or traces (revisions, log entries): not exported
                continue
            rangees = [{f.name: _valeur(objet, f) for f in champs} for objet in qs]
            if rangees:
                donnees.append(
                    {
                        "modele": entree.nom,
                        "libelles": {f.name: str(f.verbose_name) for f in champs},
                        "lignes": rangees,
                    }
                )
        if donnees:
            resultat["finalites"].append(
                {
                    "slug": finalite.slug,
                    "finalite": finalite.libelle,
                    "base_legale": finalite.base_legale,
                    "conservation": finalite.conservation,
                    "donnees": donnees,
                }
            )
    return resultat


def _adresses(utilisateur, courriel) -> set[str]:
    if utilisateur is None and not courriel:
        raise ValueError("Indiquez un compte ou une adresse électronique.")
    adresses = adresses_verifiees(utilisateur) if utilisateur is not None else set()
    if courriel:
        adresses.add(courriel.strip().lower())
    return adresses


# --- Erasure -----------------------------------------------------------------------------


def _fichiers_effacer(fichiers: list[tuple[object, str]]) -> None:
    for stockage, nom in fichiers:
        try:
            stockage.delete(nom)
        except OSError:  # already gone, or the disk refuses: log, never fail the caller
            logger.warning("RGPD : suppression du fichier %s impossible.", nom)


def _valeur_effacee(f, champ, objet):
    if f.many_to_many:
        return []
    if champ.effacement == Effacement.ANONYMISER and champ.remplacement is not None:
        return champ.remplacement(objet) if callable(champ.remplacement) else champ.remplacement
    if isinstance(f, models.EmailField) and not f.null:
        return f"{f.name}-{objet.pk}@{ADRESSE_ANONYME}"
    if f.null:
        return None
    if isinstance(f, models.JSONField):
        defaut = f.get_default()
        return type(defaut)() if isinstance(defaut, (list, dict)) else None
    if isinstance(f, models.BooleanField):
        return False
    if isinstance(f, (models.CharField, models.TextField)):
        return ""
    return f.get_default()


def _a_effacer(entree: Modele, objet) -> dict:
    """{attname: value} for the fields of ``objet`` to blank or anonymise."""
    modifications = {}
    for nom, champ in entree.personnels.items():
        if champ.effacement == Effacement.CONSERVER:
            continue
        f = objet._meta.get_field(nom)
        if f.many_to_many:
            continue  # cleared by ``_relations_multiples_vider``
        if f.is_relation and not f.null:
            continue  # a compulsory link: the row goes with the account (CASCADE)
        modifications[f.attname if f.is_relation else f.name] = _valeur_effacee(f, champ, objet)
    return modifications


def _relations_multiples_vider(entree: Modele, objet) -> None:
    """Clear the person's many-to-many fields that are not kept."""
    for nom, champ in entree.personnels.items():
        if champ.effacement != Effacement.CONSERVER and objet._meta.get_field(nom).many_to_many:
            getattr(objet, nom).clear()


def _revisions_nettoyer(modele, pks: list, entree: Modele) -> int:
    """Scrub the person's fields in every Wagtail revision of these objects."""
    from wagtail.models import Revision

    if not pks:
        return 0
    ct = ContentType.objects.get_for_model(modele, for_concrete_model=True)
    revisions = Revision.objects.filter(
        models.Q(content_type=ct) | models.Q(base_content_type=ct),
        object_id__in=[str(pk) for pk in pks],
    )
    nombre = 0
    for revision in revisions:
        contenu = dict(revision.content or {})
        change = False
        for nom, champ in entree.personnels.items():
            if champ.effacement == Effacement.CONSERVER or nom not in contenu:
                continue
            f = modele._meta.get_field(nom)
            objet = modele(pk=int(revision.object_id))
            valeur = _valeur_effacee(f, champ, objet)
            contenu[nom] = valeur
            if f.is_relation and f.attname in contenu:
                contenu[f.attname] = valeur
            change = True
        if change:
            revision.content = contenu
            revision.save(update_fields=["content"])
            nombre += 1
    return nombre


def _journaux_detacher(utilisateur) -> None:
    """Revisions and admin log entries keep the action, not the person who made it."""
    from wagtail.models import ModelLogEntry, PageLogEntry, Revision

    Revision.objects.filter(user=utilisateur).update(user=None)
    ModelLogEntry.objects.filter(user_id=utilisateur.pk).update(user=None)
    PageLogEntry.objects.filter(user_id=utilisateur.pk).update(user=None)


def _journaux_objets_nettoyer(modele, objets: list) -> None:
    """Log entries of the scrubbed objects: their label becomes the scrubbed name."""
    from wagtail.models import ModelLogEntry, PageLogEntry

    ct = ContentType.objects.get_for_model(modele, for_concrete_model=True)
    for objet in objets:
        libelle = str(objet)
        ModelLogEntry.objects.filter(content_type=ct, object_id=str(objet.pk)).update(
            label=libelle, data={}
        )
        PageLogEntry.objects.filter(page_id=objet.pk, content_type=ct).update(
            label=libelle, data={}
        )


def _index_mettre_a_jour(objets: list) -> None:
    from wagtail.search import index

    for objet in objets:
        if isinstance(objet, index.Indexed):
            index.insert_or_update_object(objet)


def _sessions_supprimer(utilisateur) -> None:
    """The account's other open sessions (database sessions hold no user column: decoded)."""
    from django.conf import settings
    from django.contrib.sessions.models import Session

    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return
    cle = str(utilisateur.pk)
    a_supprimer = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == cle
    ]
    Session.objects.filter(session_key__in=a_supprimer).delete()


def courriels_effacer(adresses: set[str]) -> int:
    """Outbox rows to these addresses: pending ones cancelled, sent or failed ones deleted.
    A row also addressed to others keeps them and loses only these addresses. Rows being
    sent right now are left to finish. Returns how many rows were touched."""
    from lot_portal.courriels.models import Courriel

    entree = REGISTRE.modeles["courriels.Courriel"]
    ids = list(lignes(entree, utilisateur=None, adresses=adresses).values_list("pk", flat=True))
    touches = 0
    for courriel in Courriel.objects.select_for_update().filter(pk__in=ids):
        if courriel.statut == Courriel.Statut.EN_COURS:
            continue
        listes = {
            nom: [a for a in getattr(courriel, nom) if str(a).strip().lower() not in adresses]
            for nom in ("destinataires", "copies", "copies_cachees")
        }
        touches += 1
        if listes["destinataires"]:
            for nom, valeur in listes.items():
                setattr(courriel, nom, valeur)
            courriel.save(update_fields=list(listes))
        else:
            courriel.delete()
    return touches


def personne_effacer(*, utilisateur=None, courriel: str | None = None) -> dict:
    """Erase the person (see the module docstring); returns {label: rows handled}.

    With ``utilisateur``: everything linked to the account and to its verified addresses,
    then the account itself. With ``courriel`` only: the rows registered by that address
    (event registrations, alerts, invitations, outbox…); an account with that address is
    not touched (pass it as ``utilisateur``). Raises ``EffacementRefuse`` for staff.
    """
    if utilisateur is not None and (utilisateur.is_staff or utilisateur.is_superuser):
        raise EffacementRefuse(
            "Les comptes de l'équipe sont supprimés par un administrateur du portail."
        )
    bilan: dict[str, int] = {}
    with transaction.atomic():
        adresses = _adresses(utilisateur, courriel)
        toutes = set(adresses)
        if utilisateur is not None:
            from allauth.account.models import EmailAddress

            toutes |= {
                a.strip().lower()
                for a in EmailAddress.objects.filter(user=utilisateur).values_list(
                    "email", flat=True
                )
            }
        for fonction in list(REGISTRE.effaceurs):
            fonction(utilisateur=utilisateur, adresses=adresses)
        bilan["courriels.Courriel"] = courriels_effacer(toutes)
        fichiers: list[tuple[object, str]] = []
        for entree in REGISTRE.modeles.values():
            if entree.effacement == Effacement.APPLICATION:
                continue
            qs = lignes(entree, utilisateur=utilisateur, adresses=adresses)
            if qs is None:
                continue
            objets = list(qs)
            if not objets:
                continue
            bilan[entree.label] = len(objets)
            modele = entree.modele
            champs_fichiers = [
                f for f in modele._meta.concrete_fields if isinstance(f, models.FileField)
            ]
            if entree.effacement == Effacement.SUPPRIMER:
                for objet in objets:
                    fichiers += [
                        (getattr(objet, f.name).storage, getattr(objet, f.name).name)
                        for f in champs_fichiers
                        if getattr(objet, f.name)
                    ]
                _revisions_nettoyer(modele, [o.pk for o in objets], entree)
                modele._base_manager.filter(pk__in=[o.pk for o in objets]).delete()
                continue
            for objet in objets:
                modifications = _a_effacer(entree, objet)
                for f in champs_fichiers:
                    if f.name in modifications and getattr(objet, f.name):
                        fichiers.append(
                            (getattr(objet, f.name).storage, getattr(objet, f.name).name)
                        )
                for nom, valeur in modifications.items():
                    setattr(objet, nom, valeur)
                if modifications:
                    modele._base_manager.filter(pk=objet.pk).update(**modifications)
                _relations_multiples_vider(entree, objet)
            _revisions_nettoyer(modele, [o.pk for o in objets], entree)
            _journaux_objets_nettoyer(modele, objets)
            _index_mettre_a_jour(objets)
        if utilisateur is not None:
            _journaux_detacher(utilisateur)
            _sessions_supprimer(utilisateur)
            utilisateur.delete()
            bilan["comptes.Utilisateur"] = 1
        if fichiers:
            transaction.on_commit(partial(_fichiers_effacer, fichiers), robust=True)
    return bilan
