"""The five steps of the registration, one form each, every message in French.

Each form turns its cleaned data into JSON for the draft (``vers_donnees``) and back
into initial values (``initial_depuis``), so that going back shows what was typed.
"""

import re
import unicodedata
from datetime import date

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone

from lot_portal.cms.formulaires import ChampsAccessiblesMixin
from lot_portal.territoire.models import CommunauteDeCommunes, Commune

from ..models.choix import (
    BesoinLogement,
    ConnuPar,
    Horizon,
    ProfilArrivant,
    ProjetEntreprise,
    Teletravail,
)

ENFANTS_MAX = 8
ENFANTS_LIGNES_MIN = 2
COMMUNES_MAX = 3


class NiveauScolaire:
    CHOIX = [
        ("", "— Choisir —"),
        ("petite_enfance", "Pas encore scolarisé (crèche, assistante maternelle)"),
        ("maternelle", "École maternelle"),
        ("elementaire", "École élémentaire (CP au CM2)"),
        ("college", "Collège"),
        ("lycee", "Lycée"),
        ("superieur", "Études supérieures"),
        ("autre", "Autre (apprentissage, instruction en famille…)"),
    ]


def _texte(label, *, max_length, required=False, aide="", autocomplete=None, obligatoire=""):
    attrs = {"autocomplete": autocomplete} if autocomplete else {}
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=aide,
        widget=forms.TextInput(attrs=attrs),
        error_messages={
            "required": obligatoire or f"Indiquez {label[0].lower()}{label[1:]}.",
            "max_length": f"Ce champ ne doit pas dépasser {max_length} caractères "
            "(%(show_value)d saisis).",
        },
    )


def _choix_unique(label, choix, *, required=True, obligatoire="", aide="", initial=None):
    return forms.ChoiceField(
        label=label,
        choices=choix,
        required=required,
        initial=initial,
        help_text=aide,
        widget=forms.RadioSelect,
        error_messages={
            "required": obligatoire or "Choisissez une réponse.",
            "invalid_choice": "Choisissez une des réponses proposées.",
        },
    )


class EtapeForm(ChampsAccessiblesMixin, forms.Form):
    """A step of the registration: cleaned data <-> JSON stored in the draft."""

    def vers_donnees(self) -> dict:
        return dict(self.cleaned_data)

    @classmethod
    def initial_depuis(cls, donnees: dict) -> dict:
        return dict(donnees or {})


# --- 1. Qui -------------------------------------------------------------------------


class QuiForm(EtapeForm):
    profil = _choix_unique(
        "Vous êtes plutôt…",
        ProfilArrivant.choices,
        obligatoire="Choisissez le profil qui vous ressemble le plus.",
    )
    lieu_actuel = _texte(
        "Où vivez-vous aujourd'hui ?",
        max_length=150,
        required=True,
        aide="Ville et pays, par exemple : Lyon, ou Bruxelles (Belgique).",
        autocomplete="address-level2",
        obligatoire="Indiquez où vous vivez aujourd'hui (ville, pays).",
    )
    connu_par = forms.ChoiceField(
        label="Comment avez-vous connu le Lot ?",
        choices=[("", "— Choisir —"), *ConnuPar.choices],
        required=False,
        error_messages={"invalid_choice": "Choisissez une des réponses proposées."},
    )


# --- 2. Foyer ----------------------------------------------------------------------


class FoyerForm(EtapeForm):
    """Adults, then up to ``ENFANTS_MAX`` rows of children (age and/or school level).

    ``lignes`` rows are shown; « Ajouter un enfant » (a submit button, no JS) adds one.
    """

    adultes = forms.IntegerField(
        label="Nombre d'adultes dans le foyer",
        min_value=1,
        max_value=10,
        initial=1,
        help_text="Vous compris, de 1 à 10.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Indiquez le nombre d'adultes, de 1 à 10.",
            "invalid": "Indiquez un nombre entier d'adultes, de 1 à 10.",
            "min_value": "Indiquez au moins 1 adulte (vous).",
            "max_value": "Indiquez au plus 10 adultes.",
        },
    )

    def __init__(self, *args, lignes: int = ENFANTS_LIGNES_MIN, **kwargs):
        super().__init__(*args, **kwargs)
        self.lignes = max(ENFANTS_LIGNES_MIN, min(lignes, ENFANTS_MAX))
        if self.is_bound:
            # Keep every row that was typed in, even beyond the rows asked for.
            for i in range(ENFANTS_MAX, 0, -1):
                if self.data.get(f"enfant_{i}_age") or self.data.get(f"enfant_{i}_niveau"):
                    self.lignes = max(self.lignes, i)
                    break
        for i in range(1, ENFANTS_MAX + 1):
            self.fields[f"enfant_{i}_age"] = forms.IntegerField(
                label=f"Âge de l'enfant {i}",
                required=False,
                min_value=0,
                max_value=30,
                help_text="En années (0 pour un bébé de moins d'un an).",
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                error_messages={
                    "invalid": "Indiquez l'âge en années, par un nombre entier.",
                    "min_value": "L'âge ne peut pas être négatif.",
                    "max_value": "Indiquez un âge de 30 ans au plus.",
                },
            )
            self.fields[f"enfant_{i}_niveau"] = forms.ChoiceField(
                label=f"Niveau scolaire de l'enfant {i}",
                required=False,
                choices=NiveauScolaire.CHOIX,
                error_messages={"invalid_choice": "Choisissez un des niveaux proposés."},
            )

    def lignes_enfants(self):
        """The rows shown: (number, age field, level field)."""
        return [
            (i, self[f"enfant_{i}_age"], self[f"enfant_{i}_niveau"])
            for i in range(1, self.lignes + 1)
        ]

    def champs_hors_lignes(self):
        return [self["adultes"]]

    def vers_donnees(self) -> dict:
        enfants = []
        for i in range(1, ENFANTS_MAX + 1):
            age = self.cleaned_data.get(f"enfant_{i}_age")
            niveau = self.cleaned_data.get(f"enfant_{i}_niveau") or ""
            if age is None and not niveau:
                continue
            enfants.append({"age": age, "niveau": niveau})
        return {"adultes": self.cleaned_data["adultes"], "enfants": enfants}

    @classmethod
    def initial_depuis(cls, donnees: dict) -> dict:
        donnees = donnees or {}
        initial = {"adultes": donnees.get("adultes", 1)}
        for i, enfant in enumerate(donnees.get("enfants", [])[:ENFANTS_MAX], start=1):
            initial[f"enfant_{i}_age"] = enfant.get("age")
            initial[f"enfant_{i}_niveau"] = enfant.get("niveau", "")
        return initial


# --- 3. Projet ----------------------------------------------------------------------


class ProjetForm(EtapeForm):
    metier_recherche = _texte(
        "Métier que vous recherchez",
        max_length=150,
        aide="Par exemple : infirmière, technicien de maintenance, développeur.",
        autocomplete="organization-title",
    )
    secteur_recherche = _texte(
        "Secteur d'activité", max_length=100, aide="Par exemple : santé, industrie, tourisme."
    )
    projet_entreprise = _choix_unique(
        "Avez-vous un projet d'entreprise ?",
        ProjetEntreprise.choices,
        initial=ProjetEntreprise.AUCUN,
        obligatoire="Dites-nous si vous avez un projet d'entreprise.",
    )
    teletravail = _choix_unique(
        "Travaillerez-vous à distance ?",
        Teletravail.choices,
        initial=Teletravail.NON,
        obligatoire="Dites-nous si vous travaillerez à distance.",
    )
    conjoint_metier = _texte(
        "Métier de votre conjoint ou conjointe",
        max_length=150,
        aide="Laissez vide si vous venez seul ou seule.",
    )
    conjoint_cherche_emploi = forms.BooleanField(
        label="Mon conjoint ou ma conjointe cherchera un emploi dans le Lot",
        required=False,
    )


# --- 4. Où et quand -------------------------------------------------------------------


def _normaliser(nom: str) -> str:
    nom = unicodedata.normalize("NFKD", nom).encode("ascii", "ignore").decode()
    nom = re.sub(r"\s*\(.*\)\s*$", "", nom)  # « Figeac (46100) » → « Figeac »
    return re.sub(r"[\s\-']+", " ", nom).strip().lower()


def libelle_commune(commune: Commune) -> str:
    """The text a commune is typed (and suggested) as: « Figeac (46100) »."""
    return str(commune)


class OuQuandForm(EtapeForm):
    """Areas (EPCI checkboxes) and/or up to three communes (text + datalist), or « I don't
    know yet »; when; housing."""

    communautes = forms.ModelMultipleChoiceField(
        label="Communautés de communes qui vous intéressent",
        queryset=CommunauteDeCommunes.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Cochez-en autant que vous voulez.",
        error_messages={
            "invalid_choice": "Un des choix n'existe pas : cochez les communautés proposées.",
            "invalid_pk_value": "Un des choix n'existe pas : cochez les communautés proposées.",
            "invalid_list": "Cochez les communautés de communes proposées.",
        },
    )
    zone_inconnue = forms.BooleanField(
        label="Je ne sais pas encore où m'installer",
        required=False,
        help_text="L'équipe départementale vous aidera à choisir.",
    )
    date_installation = forms.DateField(
        label="Date d'installation prévue",
        required=False,
        help_text="Si vous la connaissez. Format : jj/mm/aaaa.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": "Saisissez une date valide, au format jj/mm/aaaa."},
    )
    horizon = _choix_unique(
        "Quand pensez-vous vous installer ?",
        Horizon.choices,
        initial=Horizon.NE_SAIT_PAS,
        obligatoire="Dites-nous quand vous pensez vous installer.",
    )
    logement_temporaire = forms.BooleanField(
        label="J'aurai besoin d'un logement temporaire en arrivant",
        required=False,
        help_text="Gîte pour un long séjour, logement passerelle, meublé proposé par une commune…",
    )
    besoin_logement = _choix_unique(
        "Pour votre logement, vous souhaitez…",
        BesoinLogement.choices,
        initial=BesoinLogement.NE_SAIT_PAS,
        obligatoire="Dites-nous ce que vous souhaitez pour votre logement.",
    )

    def __init__(self, *args, communes=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The communes, read once (for the datalist and to recognise what was typed).
        self.communes = list(communes) if communes is not None else []
        for i in range(1, COMMUNES_MAX + 1):
            self.fields[f"commune_{i}"] = forms.CharField(
                label=f"Commune souhaitée {i}",
                required=False,
                max_length=150,
                help_text="Tapez les premières lettres puis choisissez dans la liste."
                if i == 1
                else "",
                widget=forms.TextInput(attrs={"list": "communes-du-lot", "autocomplete": "off"}),
                error_messages={"max_length": "Ce nom de commune est trop long."},
            )
        # Order: areas, communes, « don't know », then the rest.
        ordre = ["communautes", *[f"commune_{i}" for i in range(1, COMMUNES_MAX + 1)]]
        self.order_fields(ordre + ["zone_inconnue"])

    def champs_communes(self):
        return [self[f"commune_{i}"] for i in range(1, COMMUNES_MAX + 1)]

    def _commune(self, texte: str) -> Commune | None:
        cle = _normaliser(texte)
        for commune in self.communes:
            if _normaliser(commune.nom) == cle:
                return commune
        return None

    def clean(self):
        donnees = super().clean()
        choisies = []
        for i in range(1, COMMUNES_MAX + 1):
            texte = (donnees.get(f"commune_{i}") or "").strip()
            if not texte:
                continue
            commune = self._commune(texte)
            if commune is None:
                self.add_error(
                    f"commune_{i}",
                    f"« {texte[:60]} » n'est pas une commune du Lot : choisissez un nom "
                    "dans la liste proposée, par exemple « Figeac (46100) ».",
                )
            elif commune not in choisies:
                choisies.append(commune)
        donnees["communes"] = choisies
        aucune = not donnees.get("communautes") and not choisies
        if aucune and not donnees.get("zone_inconnue") and not self.has_error("commune_1"):
            self.add_error(
                "communautes",
                "Cochez au moins une communauté de communes, indiquez une commune, "
                "ou cochez « Je ne sais pas encore où m'installer ».",
            )
        quand = donnees.get("date_installation")
        if quand:
            aujourd_hui = timezone.localdate()
            if quand < aujourd_hui:
                self.add_error("date_installation", "Indiquez une date à venir.")
            elif quand > date(aujourd_hui.year + 10, 12, 31):
                self.add_error(
                    "date_installation", "Indiquez une date dans les dix prochaines années."
                )
        return donnees

    def vers_donnees(self) -> dict:
        d = self.cleaned_data
        return {
            "communautes": [c.pk for c in d["communautes"]],
            "communes": [c.pk for c in d["communes"]],
            "zone_inconnue": d["zone_inconnue"],
            "date_installation": d["date_installation"].isoformat()
            if d["date_installation"]
            else None,
            "horizon": d["horizon"],
            "logement_temporaire": d["logement_temporaire"],
            "besoin_logement": d["besoin_logement"],
        }

    @classmethod
    def initial_depuis(cls, donnees: dict, communes=()) -> dict:
        donnees = dict(donnees or {})
        par_pk = {c.pk: c for c in communes}
        initial = {
            "communautes": donnees.get("communautes", []),
            "zone_inconnue": donnees.get("zone_inconnue", False),
            "date_installation": donnees.get("date_installation"),
            "horizon": donnees.get("horizon", Horizon.NE_SAIT_PAS),
            "logement_temporaire": donnees.get("logement_temporaire", False),
            "besoin_logement": donnees.get("besoin_logement", BesoinLogement.NE_SAIT_PAS),
        }
        pks = [pk for pk in donnees.get("communes", []) if pk in par_pk]
        for i, pk in enumerate(pks[:COMMUNES_MAX], start=1):
            initial[f"commune_{i}"] = libelle_commune(par_pk[pk])
        return initial


# --- 5. Consentements et compte -----------------------------------------------------------


class ConsentementsForm(EtapeForm):
    """Consents, who they are, and (anonymous visitors) the account to create."""

    CHAMPS_SECRETS = ("password1", "password2")

    consentement = forms.BooleanField(
        label="J'accepte que le Département du Lot et le référent accueil de mon secteur "
        "utilisent ces informations pour m'accompagner dans mon installation.",
        error_messages={
            "required": "Cochez cette case : sans votre accord, nous ne pouvons pas "
            "enregistrer votre inscription."
        },
    )
    newsletter = forms.BooleanField(
        label="Je souhaite recevoir la lettre d'information du Lot (une par mois au plus)",
        required=False,
    )
    consentement_transmission_cv = forms.BooleanField(
        label="J'accepte que mon référent transmette mon CV à des employeurs partenaires",
        required=False,
        help_text="Vous pourrez déposer votre CV dans votre parcours ; chaque transmission "
        "y sera indiquée. Vous pourrez retirer cet accord à tout moment.",
    )
    prenom = _texte(
        "Prénom",
        max_length=100,
        required=True,
        autocomplete="given-name",
        obligatoire="Indiquez votre prénom.",
    )
    nom = _texte(
        "Nom",
        max_length=100,
        required=True,
        autocomplete="family-name",
        obligatoire="Indiquez votre nom.",
    )
    telephone = forms.CharField(
        label="Téléphone",
        required=False,
        max_length=30,
        help_text="Pour que votre référent puisse vous appeler. Exemple : 06 12 34 56 78.",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages={"max_length": "Ce numéro est trop long (30 caractères au plus)."},
        validators=[
            RegexValidator(
                r"^\+?[0-9 .()\-]{6,30}$",
                "Saisissez un numéro de téléphone, par exemple 06 12 34 56 78 "
                "ou +33 6 12 34 56 78.",
            )
        ],
    )

    def __init__(self, *args, anonyme: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.anonyme = anonyme
        if anonyme:
            self.fields["email"] = forms.EmailField(
                label="Adresse électronique",
                max_length=254,
                help_text="Format attendu : prenom.nom@exemple.fr. Nous y envoyons un lien "
                "pour la confirmer.",
                widget=forms.EmailInput(attrs={"autocomplete": "email"}),
                error_messages={
                    "required": "Indiquez votre adresse électronique.",
                    "invalid": "Saisissez une adresse électronique valide, "
                    "au format prenom.nom@exemple.fr.",
                    "max_length": "Votre adresse ne doit pas dépasser 254 caractères.",
                },
            )
            self.fields["password1"] = forms.CharField(
                label="Mot de passe",
                strip=False,
                max_length=128,
                help_text="Au moins 8 caractères, pas uniquement des chiffres, ni trop courant, ni "
                "trop proche de votre nom ou de votre adresse.",
                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                error_messages={
                    "required": "Choisissez un mot de passe.",
                    "max_length": "Votre mot de passe ne doit pas dépasser 128 caractères.",
                },
            )
            self.fields["password2"] = forms.CharField(
                label="Confirmation du mot de passe",
                strip=False,
                max_length=128,
                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                error_messages={
                    "required": "Saisissez à nouveau votre mot de passe.",
                    "max_length": "Votre mot de passe ne doit pas dépasser 128 caractères.",
                },
            )

    def champs_consentement(self):
        return [self["consentement"], self["newsletter"], self["consentement_transmission_cv"]]

    def champs_identite(self):
        noms = ["prenom", "nom", "telephone"]
        if self.anonyme:
            noms += ["email", "password1", "password2"]
        return [self[nom] for nom in noms]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        donnees = super().clean()
        if not self.anonyme:
            return donnees
        mdp1, mdp2 = donnees.get("password1"), donnees.get("password2")
        if mdp1 and mdp2 and mdp1 != mdp2:
            self.add_error("password2", "Les deux mots de passe ne sont pas identiques.")
        elif mdp1:
            utilisateur = get_user_model()(
                email=donnees.get("email", ""),
                first_name=donnees.get("prenom", ""),
                last_name=donnees.get("nom", ""),
            )
            try:
                password_validation.validate_password(mdp1, utilisateur)
            except ValidationError as erreur:
                self.add_error("password1", erreur)
        return donnees

    def vers_donnees(self) -> dict:
        d = self.cleaned_data
        donnees = {
            "consentement": True,
            "newsletter": d["newsletter"],
            "consentement_transmission_cv": d["consentement_transmission_cv"],
            "prenom": d["prenom"],
            "nom": d["nom"],
            "telephone": d["telephone"],
        }
        if self.anonyme:
            donnees["email"] = d["email"]
        return donnees


FORMULAIRES = {
    "qui": QuiForm,
    "foyer": FoyerForm,
    "projet": ProjetForm,
    "ou-et-quand": OuQuandForm,
    "consentements": ConsentementsForm,
}
