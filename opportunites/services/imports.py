"""CSV import of job offers (``manage.py import_offres`` and the admin upload).

The file is read whole, then every row is validated with ``LigneOffreForm`` before anything is
written: one error anywhere and nothing is imported. Then all rows are written in one
transaction through ``offre_depuis_donnees`` (keyed on the ``reference`` column, so a re-import
updates and never duplicates). Errors read « Ligne 7, colonne « contrat » : … », line 1 being
the header.
"""

from __future__ import annotations

import csv
import html
import io
import unicodedata
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import transaction

from lot_portal.territoire.models import Commune

from ..models import (
    Contrat,
    Employeur,
    OffreEmploiPage,
    OffresIndexPage,
    PeriodeSalaire,
    Secteur,
    Teletravail,
    TempsTravail,
)
from .offres import Resultat, offre_depuis_donnees

# (column, required, what it holds): the documentation of the upload page and the README.
COLONNES = [
    ("reference", True, "Identifiant unique de l'offre chez vous (80 caractères au plus)."),
    ("titre", True, "Intitulé du poste."),
    ("employeur", True, "Nom de l'employeur (créé s'il n'existe pas)."),
    ("siret", False, "SIRET de l'employeur, 14 chiffres : il retrouve l'employeur."),
    ("secteur", True, "Code ou libellé : " + ", ".join(Secteur.values) + "."),
    ("contrat", True, "Code ou libellé : " + ", ".join(Contrat.values) + "."),
    ("temps_travail", False, "plein (par défaut) ou partiel."),
    ("teletravail", False, "non (par défaut), partiel ou total."),
    ("salaire_min", False, "Nombre entier d'euros, par exemple 32000."),
    ("salaire_max", False, "Nombre entier d'euros, au moins égal au minimum."),
    ("salaire_periode", False, "annee (par défaut), mois ou heure."),
    ("date_debut", False, "Prise de poste, JJ/MM/AAAA ou AAAA-MM-JJ ; vide : dès que possible."),
    ("commune", True, "Code INSEE (46042) ou nom d'une commune du Lot (Figeac)."),
    ("description", True, "Description du poste, en texte ; une ligne vide sépare les "
                          "paragraphes."),
    ("profil", False, "Profil recherché, en texte."),
    ("candidature_url", False, "Adresse web pour candidater (ou l'adresse électronique)."),
    ("candidature_email", False, "Adresse électronique pour candidater (ou l'adresse web)."),
    ("date_publication", False, "JJ/MM/AAAA ou AAAA-MM-JJ ; vide : aujourd'hui."),
    ("date_expiration", False, "JJ/MM/AAAA ou AAAA-MM-JJ ; après cette date l'offre quitte "
                               "les listes."),
    ("profil_recherche", False, "oui ou non (par défaut) : métier rare mis en avant."),
]  # fmt: skip
NOMS_COLONNES = [nom for nom, _, _ in COLONNES]
OBLIGATOIRES = [nom for nom, obligatoire, _ in COLONNES if obligatoire]

TAILLE_MAX = 5 * 1024 * 1024  # bytes
LIGNES_MAX = 5000  # data rows
ERREURS_MAX = 200  # errors listed in a report

FORMATS_DATE = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%y"]
OUI = {"oui", "o", "vrai", "true", "1", "x", "yes", "y"}
NON = {"non", "n", "faux", "false", "0", "no", ""}


def _normaliser(texte: str) -> str:
    """Lower case, no accents, single spaces: « Intérim » and « interim » compare equal."""
    sans_accents = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode()
    return " ".join(sans_accents.lower().replace("’", "'").split())


def texte_en_html(texte: str) -> str:
    """Plain text to safe HTML paragraphs (blank lines split them, newlines become <br>)."""
    paragraphes = [p.strip() for p in texte.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(ligne.strip()) for ligne in p.split("\n")) + "</p>"
        for p in paragraphes
    )


# --- The form of one row ------------------------------------------------------------------


class ChoixSoupleField(forms.CharField):
    """A choice given by its code or its French label, any case, with or without accents."""

    def __init__(self, *, choix, nom: str, defaut=None, **kwargs):
        self.choix, self.nom, self.defaut = choix, nom, defaut
        self.table = {}
        for code, libelle in choix.choices:
            self.table[_normaliser(code)] = code
            self.table[_normaliser(libelle)] = code
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return self.defaut
        code = self.table.get(_normaliser(value))
        if code is None:
            raise ValidationError(
                f"« {value} » n'est pas {self.nom} reconnu. Valeurs acceptées : "
                + ", ".join(self.choix.values)
                + "."
            )
        return code


class EurosField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        brut = value.replace("\u202f", "").replace("\xa0", "").replace(" ", "").rstrip("€")
        brut = brut.replace(",", ".")
        try:
            montant = round(float(brut))
        except ValueError:
            raise ValidationError(
                f"« {value} » n'est pas un montant : écrivez un nombre d'euros, par exemple 32000."
            ) from None
        if montant < 0 or montant > 10_000_000:
            raise ValidationError("Le montant doit être compris entre 0 et 10 000 000 €.")
        return montant


class OuiNonField(forms.CharField):
    def clean(self, value):
        value = _normaliser(super().clean(value) or "")
        if value in OUI:
            return True
        if value in NON:
            return False
        raise ValidationError(f"« {value} » : écrivez « oui » ou « non ».")


class DateSoupleField(forms.DateField):
    input_formats = FORMATS_DATE
    default_error_messages = {
        "invalid": "Date invalide : écrivez-la JJ/MM/AAAA (par exemple 15/09/2026)."
    }


class LigneOffreForm(forms.Form):
    """One CSV row. ``communes`` maps normalised names and INSEE codes to communes."""

    reference = forms.CharField(max_length=80)
    titre = forms.CharField(max_length=255)
    employeur = forms.CharField(max_length=150)
    siret = forms.CharField(
        required=False,
        validators=[RegexValidator(r"^\d{14}$", "Le SIRET compte 14 chiffres.")],
    )
    secteur = ChoixSoupleField(choix=Secteur, nom="un secteur")
    contrat = ChoixSoupleField(choix=Contrat, nom="un contrat")
    temps_travail = ChoixSoupleField(
        choix=TempsTravail, nom="un temps de travail", required=False, defaut=TempsTravail.PLEIN
    )
    teletravail = ChoixSoupleField(
        choix=Teletravail, nom="un mode de télétravail", required=False, defaut=Teletravail.NON
    )
    salaire_min = EurosField(required=False)
    salaire_max = EurosField(required=False)
    salaire_periode = ChoixSoupleField(
        choix=PeriodeSalaire,
        nom="une période de salaire",
        required=False,
        defaut=PeriodeSalaire.ANNEE,
    )
    date_debut = DateSoupleField(required=False)
    commune = forms.CharField(max_length=150)
    description = forms.CharField(max_length=20000)
    profil = forms.CharField(max_length=10000, required=False)
    candidature_url = forms.URLField(
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={"invalid": "Adresse web invalide : elle commence par https://."},
    )
    candidature_email = forms.EmailField(
        required=False, error_messages={"invalid": "Adresse électronique invalide."}
    )
    date_publication = DateSoupleField(required=False)
    date_expiration = DateSoupleField(required=False)
    profil_recherche = OuiNonField(required=False)

    def __init__(self, *args, communes: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.communes = communes
        for champ in self.fields.values():
            champ.error_messages["required"] = "Cette colonne est obligatoire."
            champ.error_messages["max_length"] = "Trop long : %(limit_value)d caractères au plus."

    def clean_siret(self):
        return self.cleaned_data["siret"].replace(" ", "")

    def clean_commune(self):
        valeur = self.cleaned_data["commune"]
        commune = self.communes.get(valeur.strip()) or self.communes.get(_normaliser(valeur))
        if commune is None:
            raise ValidationError(
                f"Commune « {valeur} » introuvable dans le Lot : donnez son code INSEE "
                "(46042) ou son nom exact."
            )
        return commune

    def clean(self):
        donnees = super().clean()
        minimum, maximum = donnees.get("salaire_min"), donnees.get("salaire_max")
        if minimum is not None and maximum is not None and minimum > maximum:
            self.add_error("salaire_max", "Le salaire maximum est au moins égal au minimum.")
        sans_erreur = not (
            self.errors.get("candidature_url") or self.errors.get("candidature_email")
        )
        if sans_erreur and not (donnees.get("candidature_url") or donnees.get("candidature_email")):
            self.add_error(
                "candidature_url",
                "Indiquez comment candidater : candidature_url ou candidature_email.",
            )
        publication, expiration = donnees.get("date_publication"), donnees.get("date_expiration")
        if publication and expiration and expiration < publication:
            self.add_error("date_expiration", "La date d'expiration suit la date de publication.")
        return donnees

    def valeurs_offre(self) -> dict:
        """The ``offre_depuis_donnees`` data of this row."""
        d = self.cleaned_data
        valeurs = {
            "reference_externe": d["reference"],
            "title": d["titre"],
            "secteur": d["secteur"],
            "contrat": d["contrat"],
            "temps_travail": d["temps_travail"],
            "teletravail": d["teletravail"],
            "salaire_min": d["salaire_min"],
            "salaire_max": d["salaire_max"],
            "salaire_periode": d["salaire_periode"],
            "date_debut": d["date_debut"],
            "commune": d["commune"],
            "description": texte_en_html(d["description"]),
            "profil": texte_en_html(d["profil"]),
            "candidature_url": d["candidature_url"],
            "candidature_email": d["candidature_email"],
            "profil_recherche": d["profil_recherche"],
            "date_expiration": d["date_expiration"],
        }
        # Empty: today for a new offer, unchanged for an existing one (a re-import on another
        # day must not move its publication date).
        if d["date_publication"]:
            valeurs["date_publication"] = d["date_publication"]
        return valeurs


# --- The report ---------------------------------------------------------------------------


@dataclass
class ErreurImport:
    message: str
    ligne: int | None = None
    colonne: str | None = None

    def __str__(self):
        debut = []
        if self.ligne is not None:
            debut.append(f"Ligne {self.ligne}")
        if self.colonne:
            debut.append(f"colonne « {self.colonne} »")
        return f"{', '.join(debut)} : {self.message}" if debut else self.message


@dataclass
class RapportImport:
    simulation: bool = False
    lignes: int = 0
    erreurs: list[ErreurImport] = field(default_factory=list)
    erreurs_omises: int = 0
    creees: int = 0
    modifiees: int = 0
    inchangees: int = 0
    employeurs_crees: int = 0

    @property
    def ok(self) -> bool:
        return not self.erreurs

    def erreur(self, message, *, ligne=None, colonne=None):
        if len(self.erreurs) >= ERREURS_MAX:
            self.erreurs_omises += 1
        else:
            self.erreurs.append(ErreurImport(message, ligne, colonne))

    def resume(self) -> str:
        if not self.ok:
            total = len(self.erreurs) + self.erreurs_omises
            return (
                f"{total} erreur{'s' if total > 1 else ''} : aucune offre n'a été importée. "
                "Corrigez le fichier puis importez-le de nouveau."
            )
        verbe = "seraient" if self.simulation else "ont été"
        return (
            f"{self.lignes} ligne(s) lue(s) : {self.creees} offre(s) {verbe} créée(s), "
            f"{self.modifiees} mise(s) à jour, "
            f"{self.inchangees} inchangée(s) ; {self.employeurs_crees} employeur(s) "
            f"{'seraient créés' if self.simulation else 'créé(s)'}."
        )


class FichierInvalide(Exception):
    pass


# --- Reading ------------------------------------------------------------------------------


def _decoder(contenu: bytes) -> str:
    if b"\x00" in contenu[:8192]:
        raise FichierInvalide(
            "Ce fichier n'est pas un fichier CSV (texte) : enregistrez votre tableau au format "
            "« CSV » (séparateur point-virgule ou virgule)."
        )
    if contenu.startswith(b"\xef\xbb\xbf"):
        contenu = contenu[3:]
    try:
        return contenu.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return contenu.decode("cp1252")
    except UnicodeDecodeError:
        raise FichierInvalide(
            "L'encodage du fichier n'est pas reconnu : enregistrez-le en CSV UTF-8."
        ) from None


def _entete(ligne: str) -> tuple[str, list[str]]:
    """The delimiter (« ; » or « , ») giving the most known columns, and the column names."""
    meilleur = None
    for separateur in (";", ","):
        noms = next(csv.reader([ligne], delimiter=separateur), [])
        noms = [_normaliser(nom).replace(" ", "_") for nom in noms]
        connus = sum(nom in NOMS_COLONNES for nom in noms)
        if meilleur is None or connus > meilleur[0]:
            meilleur = (connus, separateur, noms)
    return meilleur[1], meilleur[2]


def lire_csv(contenu: bytes, rapport: RapportImport) -> list[tuple[int, dict]]:
    """The data rows as (line number, {column: value}); errors of form go to ``rapport``."""
    if len(contenu) > TAILLE_MAX:
        rapport.erreur(
            f"Le fichier dépasse {TAILLE_MAX // (1024 * 1024)} Mo : découpez-le en plusieurs "
            "fichiers."
        )
        return []
    if not contenu.strip():
        rapport.erreur("Le fichier est vide.")
        return []
    try:
        texte = _decoder(contenu)
    except FichierInvalide as erreur:
        rapport.erreur(str(erreur))
        return []
    premiere = texte.splitlines()[0] if texte.splitlines() else ""
    separateur, noms = _entete(premiere)
    inconnues = [nom for nom in noms if nom and nom not in NOMS_COLONNES]
    manquantes = [nom for nom in OBLIGATOIRES if nom not in noms]
    doubles = sorted({nom for nom in noms if nom and noms.count(nom) > 1})
    if not any(nom in NOMS_COLONNES for nom in noms):
        rapport.erreur(
            "La première ligne ne contient pas les noms de colonnes attendus. Elle doit "
            "commencer par : " + ";".join(NOMS_COLONNES[:4]) + "… (voir le modèle).",
            ligne=1,
        )
        return []
    for nom in inconnues:
        rapport.erreur(f"Colonne inconnue « {nom} ».", ligne=1)
    for nom in manquantes:
        rapport.erreur(f"Colonne obligatoire « {nom} » absente.", ligne=1)
    for nom in doubles:
        rapport.erreur(f"Colonne « {nom} » en double.", ligne=1)
    if not rapport.ok:
        return []

    lecteur = csv.reader(io.StringIO(texte, newline=""), delimiter=separateur)
    lignes = []
    fin_precedente = 0
    try:
        next(lecteur)
        fin_precedente = lecteur.line_num
        for valeurs in lecteur:
            numero = fin_precedente + 1
            fin_precedente = lecteur.line_num
            if not any(v.strip() for v in valeurs):
                continue
            if len(lignes) >= LIGNES_MAX:
                rapport.erreur(
                    f"Le fichier dépasse {LIGNES_MAX} lignes d'offres : découpez-le en "
                    "plusieurs fichiers."
                )
                return []
            if len(valeurs) > len(noms):
                rapport.erreur(
                    f"{len(valeurs)} valeurs pour {len(noms)} colonnes : vérifiez le "
                    f"séparateur (« {separateur} ») et les guillemets.",
                    ligne=numero,
                )
                continue
            lignes.append(
                (numero, {nom: v.strip() for nom, v in zip(noms, valeurs, strict=False) if nom})
            )
    except csv.Error as erreur:
        rapport.erreur(f"Fichier CSV mal formé ({erreur}).", ligne=fin_precedente + 1)
        return []
    if not lignes and rapport.ok:
        rapport.erreur("Le fichier ne contient aucune offre (seulement la ligne des colonnes).")
    return lignes


def _communes() -> dict:
    table = {}
    for commune in Commune.objects.only("pk", "insee", "nom"):
        table[commune.insee] = commune
        table.setdefault(_normaliser(commune.nom), commune)
        table.setdefault(_normaliser(commune.nom.replace("-", " ")), commune)
    return table


# --- Importing ----------------------------------------------------------------------------


class _Annuler(Exception):
    """Rolls the import's transaction back."""


def _employeur(donnees, cache, rapport, *, simulation) -> Employeur | None:
    siret, nom = donnees["siret"], donnees["employeur"]
    cle = siret or _normaliser(nom)
    if cle in cache:
        return cache[cle]
    employeur = None
    if siret:
        employeur = Employeur.objects.filter(siret=siret).first()
    if employeur is None:
        employeur = Employeur.objects.filter(nom__iexact=nom).filter(siret__in=["", siret]).first()
        if employeur is not None and siret and not employeur.siret and not simulation:
            employeur.siret = siret
            employeur.save(update_fields=["siret"])
    if employeur is None:
        rapport.employeurs_crees += 1
        if not simulation:
            employeur = Employeur.objects.create(
                nom=nom, siret=siret, secteur=donnees["secteur"], commune=donnees["commune"]
            )
    cache[cle] = employeur
    return employeur


def importer_offres(
    contenu: bytes, *, simulation: bool = False, index: OffresIndexPage | None = None
) -> RapportImport:
    """Validate every row of the CSV ``contenu``, then import them all or none.

    Side effects (unless ``simulation`` or any error): employers created when missing, offers
    created or updated (published revisions) in one transaction. Never raises on bad input:
    everything wrong is in the returned report.
    """
    rapport = RapportImport(simulation=simulation)
    lignes = lire_csv(contenu, rapport)
    rapport.lignes = len(lignes)
    if not rapport.ok:
        return rapport
    index = index or OffresIndexPage.objects.first()
    if index is None:
        rapport.erreur("La page « Offres d'emploi » n'existe pas encore : créez-la d'abord.")
        return rapport

    communes = _communes()
    formulaires = []
    vues: dict[str, int] = {}
    for numero, valeurs in lignes:
        formulaire = LigneOffreForm(data=valeurs, communes=communes)
        if not formulaire.is_valid():
            for colonne, erreurs in formulaire.errors.items():
                for message in erreurs:
                    rapport.erreur(
                        message,
                        ligne=numero,
                        colonne=None if colonne == "__all__" else colonne,
                    )
            continue
        reference = formulaire.cleaned_data["reference"]
        if reference in vues:
            rapport.erreur(
                f"La référence « {reference} » figure déjà ligne {vues[reference]}.",
                ligne=numero,
                colonne="reference",
            )
            continue
        vues[reference] = numero
        formulaires.append((numero, formulaire))
    if not rapport.ok:
        return rapport

    if simulation:
        existantes = set(
            OffreEmploiPage.objects.filter(reference_externe__in=vues).values_list(
                "reference_externe", flat=True
            )
        )
        cache = {}
        for _, formulaire in formulaires:
            _employeur(formulaire.cleaned_data, cache, rapport, simulation=True)
        rapport.modifiees = len(existantes)
        rapport.creees = len(formulaires) - len(existantes)
        return rapport

    try:
        with transaction.atomic():
            cache = {}
            for numero, formulaire in formulaires:
                employeur = _employeur(formulaire.cleaned_data, cache, rapport, simulation=False)
                try:
                    _, resultat = offre_depuis_donnees(
                        formulaire.valeurs_offre(), index=index, employeur=employeur
                    )
                except ValidationError as erreur:
                    for colonne, messages in erreur.message_dict.items():
                        for message in messages:
                            rapport.erreur(message, ligne=numero, colonne=_colonne(colonne))
                    raise _Annuler from erreur
                if resultat == Resultat.CREEE:
                    rapport.creees += 1
                elif resultat == Resultat.MODIFIEE:
                    rapport.modifiees += 1
                else:
                    rapport.inchangees += 1
    except _Annuler:
        rapport.creees = rapport.modifiees = rapport.inchangees = rapport.employeurs_crees = 0
    return rapport


_COLONNE_DU_CHAMP = {"title": "titre", "reference_externe": "reference", "slug": "titre"}


def _colonne(champ: str) -> str | None:
    if champ == "__all__":
        return None
    return _COLONNE_DU_CHAMP.get(champ, champ)


def modele_csv() -> bytes:
    """A model file (UTF-8 with BOM for spreadsheets, « ; » separated) with two example rows."""
    sortie = io.StringIO()
    ecrivain = csv.writer(sortie, delimiter=";", lineterminator="\r\n")
    ecrivain.writerow(NOMS_COLONNES)
    ecrivain.writerow(
        [
            "REF-2026-001", "Infirmier ou infirmière de bloc opératoire", "Centre hospitalier "
            "de Figeac", "", "sante", "CDI", "plein", "non", "28000", "34000", "annee",
            "01/09/2026", "46102", "Au sein d'une équipe de huit IBODE…\n\nHoraires en 12 h.",
            "Diplôme d'État IBODE.", "https://exemple.fr/candidater", "", "", "31/12/2026",
            "oui",
        ]
    )  # fmt: skip
    ecrivain.writerow(
        [
            "REF-2026-002", "Développeur ou développeuse Python", "Quercy Numérique",
            "12345678900011", "Numérique", "CDD", "plein", "partiel", "", "", "",
            "", "Cahors", "Développement d'applications web.", "", "",
            "recrutement@exemple.fr", "", "", "non",
        ]
    )  # fmt: skip
    return ("\ufeff" + sortie.getvalue()).encode("utf-8")
