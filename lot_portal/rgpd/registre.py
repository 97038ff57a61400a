"""The registry of personal data (RGPD): what the portal holds about people, why, how long.

Each app declares, in its ``rgpd.py`` (imported by ``RgpdConfig.ready``), every model it owns:

- ``finalite(slug, libelle, base_legale=…, conservation=…, destinataires=…)``: a purpose;
- ``enregistrer("app.Modele", finalite=…, personnels={champ: Champ(…)}, non_personnels=(…),
  personne="chemin__vers__utilisateur", courriel="champ_email", effacement=…, conservation=…)``:
  a model holding personal data. Every concrete field of the model (its own fields: those a
  Wagtail page inherits are declared once on ``wagtailcore.Page``) is either personal (a
  ``Champ``: data category, how it is erased) or listed in ``non_personnels``. ``personne``
  is the lookup from the model to the account (``"pk"`` for the account itself), ``courriel``
  the field holding the email address of a person without an account (alerts, event
  registrations); export and erasure find a person's rows through them;
- ``sans_donnees_personnelles("app.Modele", …)``: models holding nobody's data, one line;
- ``effaceur(fonction)``: a per-app step of the erasure (files, pending emails, state held
  elsewhere), called ``fonction(utilisateur=…, adresses=…)`` before the registry's own pass.

``champs_non_classes()`` lists every « app.Modele.champ » not classified: a test keeps it
empty, so a new personal field cannot be added without saying why and for how long.

For the legal page « Données personnelles » (helper « journal »):

    traitements() -> list[dict]
        One dict per purpose, in declaration order:
        {"slug": str, "finalite": str, "base_legale": str, "destinataires": str,
         "conservation": str, "categories": list[str]  (data categories, sorted, French),
         "modeles": list[str]  (French verbose names of the models concerned)}

The export (``services.personne_exporter``), the erasure (``services.personne_effacer``) and
the daily retention task (``tasks.conservation_appliquer_task``) are driven by this registry.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps


# The app labels whose models must all be classified: every app whose code lives in the
# project (not in the virtualenv), so a new app is checked as soon as it is installed.
def apps_du_projet() -> tuple[str, ...]:
    from pathlib import Path

    from django.conf import settings

    racine = Path(settings.BASE_DIR).resolve()
    labels = []
    for config in apps.get_app_configs():
        chemin = Path(config.path).resolve()
        if chemin.is_relative_to(racine) and ".venv" not in chemin.relative_to(racine).parts:
            labels.append(config.label)
    return tuple(labels)


class Effacement:
    """How a personal field, or a model's rows, are erased."""

    SUPPRIMER = "supprimer"  # the row is deleted
    VIDER = "vider"  # the field is blanked ("" / None / empty JSON)
    ANONYMISER = "anonymiser"  # replaced by a neutral value (``Champ.remplacement``)
    CONSERVER = "conserver"  # kept (statistics, legal obligation): never identifying alone
    APPLICATION = "application"  # the app's own ``effaceur`` handles the rows

    LIBELLES = {
        SUPPRIMER: "supprimée",
        VIDER: "effacée",
        ANONYMISER: "anonymisée",
        CONSERVER: "conservée (statistiques anonymes)",
        APPLICATION: "anonymisée",
    }


class Categorie:
    """Categories of data shared by several apps' ``rgpd.py`` (the treatments table and the
    export group fields by these words: one spelling for all)."""

    IDENTITE = "Identité"
    COORDONNEES = "Coordonnées"
    TEXTES_LIBRES = "Échanges et textes libres"
    LIEN_COMPTE = "Lien au compte"
    AGENT = "Agent (traçabilité)"
    CONNEXION = "Connexion"
    SECRET = "Secret de connexion"
    CONSENTEMENTS = "Consentements"
    PROVENANCE = "Provenance"


@dataclass(frozen=True)
class Finalite:
    slug: str
    libelle: str
    base_legale: str
    conservation: str
    destinataires: str = "Les agents habilités du Département du Lot."


@dataclass(frozen=True)
class Champ:
    """A personal field. ``categorie``: the data category in French (« Identité »,
    « Coordonnées », « Vie familiale »…). ``exporte``: shown in the person's export (not
    secrets such as the password hash). ``remplacement``: the value set by ANONYMISER."""

    categorie: str
    effacement: str = Effacement.VIDER
    exporte: bool = True
    remplacement: object = None


@dataclass(frozen=True)
class Regle:
    """A retention rule: ``appliquer(maintenant) -> int`` (rows handled)."""

    description: str
    appliquer: Callable


@dataclass
class Modele:
    label: str
    finalite: str
    personnels: dict[str, Champ]
    non_personnels: tuple[str, ...]
    personne: str | None = None
    courriel: str | None = None
    effacement: str = Effacement.SUPPRIMER
    conservation: tuple[Regle, ...] = ()
    libelle: str = ""
    # A custom lookup: ``lignes(utilisateur, adresses) -> QuerySet`` (JSON lists of addresses…)
    lignes: Callable | None = None

    @property
    def modele(self):
        return apps.get_model(self.label)

    @property
    def nom(self) -> str:
        return self.libelle or str(self.modele._meta.verbose_name_plural)


@dataclass
class Registre:
    finalites: dict[str, Finalite] = field(default_factory=dict)
    modeles: dict[str, Modele] = field(default_factory=dict)
    sans_donnees: set[str] = field(default_factory=set)
    effaceurs: list[Callable] = field(default_factory=list)
    regles: list[tuple[str, Regle]] = field(default_factory=list)


REGISTRE = Registre()


def finalite(slug: str, libelle: str, *, base_legale: str, conservation: str, **autres) -> None:
    REGISTRE.finalites[slug] = Finalite(slug, libelle, base_legale, conservation, **autres)


def enregistrer(
    label: str,
    *,
    finalite: str,
    personnels: dict[str, Champ],
    non_personnels: Iterable[str] = (),
    conservation: Regle | Iterable[Regle] = (),
    **options,
) -> Modele:
    if isinstance(conservation, Regle):
        conservation = (conservation,)
    modele = Modele(
        label=label,
        finalite=finalite,
        personnels=dict(personnels),
        non_personnels=tuple(non_personnels),
        conservation=tuple(conservation),
        **options,
    )
    REGISTRE.modeles[label] = modele
    return modele


def sans_donnees_personnelles(*labels: str) -> None:
    REGISTRE.sans_donnees.update(labels)


def effaceur(fonction: Callable) -> Callable:
    """Decorator: a per-app erasure step, ``fonction(*, utilisateur, adresses)``."""
    if fonction not in REGISTRE.effaceurs:
        REGISTRE.effaceurs.append(fonction)
    return fonction


def regle(nom: str, description: str) -> Callable:
    """Decorator: a retention rule not tied to one model, ``fonction(maintenant) -> int``."""

    def decorer(fonction):
        REGISTRE.regles[:] = [(n, r) for n, r in REGISTRE.regles if n != nom]
        REGISTRE.regles.append((nom, Regle(description, fonction)))
        return fonction

    return decorer


def supprimer_apres(label: str, champ: str, *, mois: str = "", jours: str = "") -> Callable:
    """A retention function for ``Regle``: delete the rows of the model ``label`` whose date
    ``champ`` is older than the setting named ``mois`` (months) or ``jours`` (days), read at
    each run; it returns the number of rows of that model deleted."""

    def supprimer(maintenant) -> int:
        from dateutil.relativedelta import relativedelta
        from django.conf import settings

        if mois:
            limite = maintenant - relativedelta(months=getattr(settings, mois))
        else:
            limite = maintenant - relativedelta(days=getattr(settings, jours))
        anciens = apps.get_model(label)._default_manager.filter(**{f"{champ}__lt": limite})
        return anciens.delete()[1].get(label, 0)

    return supprimer


def regles_de_conservation() -> list[tuple[str, Regle]]:
    """Every retention rule: the models' then the free ones, in registration order."""
    resultat = [
        (f"{modele.label}:{numero}", regle_)
        for modele in REGISTRE.modeles.values()
        for numero, regle_ in enumerate(modele.conservation)
    ]
    return resultat + list(REGISTRE.regles)


# --- Completeness --------------------------------------------------------------------------


def champs_propres(modele) -> list:
    """The concrete and many-to-many fields ``modele`` declares itself (not those of a
    concrete parent such as Wagtail's Page, classified on the parent), without the automatic
    primary key. A many-to-many through a model of its own is classified on that model."""
    return [
        f
        for f in modele._meta.concrete_fields
        if f.model is modele and not (f.primary_key and f.auto_created)
    ] + [
        f
        for f in modele._meta.local_many_to_many
        if f.model is modele and f.remote_field.through._meta.auto_created
    ]


def champs_non_classes(modeles=None, registre: Registre | None = None) -> list[str]:
    """« app.Modele.champ » for every concrete field nobody classified, and « app.Modele »
    for a model not registered at all. ``modeles`` defaults to every non-proxy model of the
    project's apps (``apps_du_projet()``)."""
    registre = registre or REGISTRE
    if modeles is None:
        modeles = [
            m
            for m in apps.get_models()
            if m._meta.app_label in apps_du_projet() and not m._meta.proxy
        ]
    manquants = []
    for modele in modeles:
        label = modele._meta.label
        if label in registre.sans_donnees:
            continue
        entree = registre.modeles.get(label)
        if entree is None:
            manquants.append(f"{label} (modèle non déclaré / model not registered)")
            continue
        classes = set(entree.personnels) | set(entree.non_personnels)
        for f in champs_propres(modele):
            if f.name not in classes:
                manquants.append(f"{label}.{f.name}")
    return manquants


def declarations_invalides(registre: Registre | None = None) -> list[str]:
    """Declarations naming a field or purpose that does not exist (typos, removed fields)."""
    registre = registre or REGISTRE
    erreurs = []
    for label, entree in registre.modeles.items():
        try:
            modele = apps.get_model(label)
        except LookupError:
            erreurs.append(f"{label}: modèle inconnu")
            continue
        noms = {f.name for f in [*modele._meta.concrete_fields, *modele._meta.many_to_many]}
        for nom in [*entree.personnels, *entree.non_personnels]:
            if nom not in noms:
                erreurs.append(f"{label}.{nom}: champ inconnu")
        if entree.finalite not in registre.finalites:
            erreurs.append(f"{label}: finalité « {entree.finalite} » inconnue")
    for label in registre.sans_donnees:
        try:
            apps.get_model(label)
        except LookupError:
            erreurs.append(f"{label}: modèle inconnu")
    return erreurs


# --- The public treatments table -------------------------------------------------------------


def traitements() -> list[dict]:
    """The treatments grouped by purpose, for the legal page (see the module docstring)."""
    resultat = []
    for finalite_ in REGISTRE.finalites.values():
        entrees = [m for m in REGISTRE.modeles.values() if m.finalite == finalite_.slug]
        categories = sorted({c.categorie for m in entrees for c in m.personnels.values()})
        resultat.append(
            {
                "slug": finalite_.slug,
                "finalite": finalite_.libelle,
                "base_legale": finalite_.base_legale,
                "destinataires": finalite_.destinataires,
                "conservation": finalite_.conservation,
                "categories": categories,
                "modeles": [m.nom for m in entrees],
            }
        )
    return [t for t in resultat if t["modeles"]]
