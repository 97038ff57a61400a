"""Forms of the newcomer's space: step status, messages, stay request, project, CVs."""

import re
from datetime import timedelta

from django import forms
from django.utils import timezone

from lot_portal.cms.formulaires import ChampsAccessiblesMixin
from lot_portal.fichiers.signatures import nom_original_propre, pdf_verifier
from lot_portal.territoire.models import CommunauteDeCommunes, Commune

from ..models import CurriculumVitae, ParcoursAccueil
from ..models.choix import StatutEtape

TAILLE_MAX_CV = 5 * 1024 * 1024
MESSAGE_MAX = 5000
ENFANTS_MAX = 10


class EtapeStatutForm(ChampsAccessiblesMixin, forms.Form):
    """The newcomer marks one step « à faire », « en cours » or « fait »."""

    statut = forms.ChoiceField(
        label="Où en êtes-vous ?",
        choices=StatutEtape.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez où vous en êtes pour cette étape.",
            "invalid_choice": "Choisissez « À faire », « En cours » ou « Fait ».",
        },
    )


class MessageForm(ChampsAccessiblesMixin, forms.Form):
    texte = forms.CharField(
        label="Votre message",
        max_length=MESSAGE_MAX,
        help_text="5 000 caractères au plus. Votre référent vous répond ici ; vous recevez "
        "un courriel quand il a écrit.",
        error_messages={
            "required": "Écrivez votre message avant de l'envoyer.",
            "max_length": "Votre message ne doit pas dépasser 5 000 caractères "
            "(il en compte %(show_value)d) : coupez-le en deux messages.",
        },
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def clean_texte(self):
        texte = self.cleaned_data["texte"].strip()
        if not texte:
            raise forms.ValidationError("Écrivez votre message avant de l'envoyer.")
        return texte


class SejourForm(ChampsAccessiblesMixin, forms.Form):
    """A discovery stay request (immersion weekend…)."""

    periode_souhaitee = forms.CharField(
        label="Période souhaitée",
        max_length=200,
        help_text="Par exemple : « un week-end en mai » ou « pendant les vacances de la "
        "Toussaint ».",
        error_messages={
            "required": "Indiquez la période qui vous conviendrait.",
            "max_length": "La période ne doit pas dépasser 200 caractères.",
        },
    )
    nombre_personnes = forms.IntegerField(
        label="Nombre de personnes",
        min_value=1,
        max_value=12,
        initial=1,
        help_text="Vous compris, de 1 à 12.",
        error_messages={
            "required": "Indiquez le nombre de personnes, de 1 à 12.",
            "invalid": "Indiquez un nombre entier de personnes, de 1 à 12.",
            "min_value": "Indiquez au moins 1 personne.",
            "max_value": "Un séjour découverte accueille au plus 12 personnes.",
        },
    )
    souhaits = forms.CharField(
        label="Ce que vous aimeriez découvrir",
        required=False,
        max_length=2000,
        help_text="Des communes, une école, un employeur, des logements, des associations…",
        error_messages={"max_length": "Vos souhaits ne doivent pas dépasser 2 000 caractères."},
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def enfants_lire(texte: str) -> list[dict]:
    """« 7 ans, CE1 » per line → ``[{"age": 7, "niveau": "CE1"}]`` (ValidationError)."""
    enfants = []
    for numero, ligne in enumerate(texte.splitlines(), start=1):
        ligne = ligne.strip(" \t,;-")
        if not ligne:
            continue
        enfant = {}
        age = re.match(r"^(\d{1,3})\s*(ans?\b)?[\s,;-]*", ligne)
        if age:
            valeur = int(age.group(1))
            if valeur > 25:
                raise forms.ValidationError(
                    f"Ligne {numero} : un enfant a de 0 à 25 ans (vous avez écrit {valeur})."
                )
            enfant["age"] = valeur
            ligne = ligne[age.end() :].strip()
        if ligne:
            if len(ligne) > 60:
                raise forms.ValidationError(
                    f"Ligne {numero} : le niveau scolaire ne doit pas dépasser 60 caractères."
                )
            enfant["niveau"] = ligne
        enfants.append(enfant)
    if len(enfants) > ENFANTS_MAX:
        raise forms.ValidationError(f"Indiquez au plus {ENFANTS_MAX} enfants.")
    return enfants


def enfants_ecrire(enfants) -> str:
    lignes = []
    for enfant in enfants or []:
        if not isinstance(enfant, dict):
            continue
        morceaux = []
        if enfant.get("age") is not None:
            morceaux.append(f"{enfant['age']} ans")
        if enfant.get("niveau"):
            morceaux.append(str(enfant["niveau"]))
        lignes.append(", ".join(morceaux))
    return "\n".join(lignes)


class ProjetForm(ChampsAccessiblesMixin, forms.ModelForm):
    """The household, project, where and when of a file, as the newcomer updates them."""

    enfants_texte = forms.CharField(
        label="Enfants",
        required=False,
        help_text="Une ligne par enfant : son âge et, s'il est scolarisé, sa classe. "
        "Par exemple : « 7 ans, CE1 ». Laissez vide si vous n'avez pas d'enfant avec vous.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    communautes = forms.ModelMultipleChoiceField(
        label="Communautés de communes souhaitées",
        queryset=CommunauteDeCommunes.objects.order_by("nom"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Ce secteur n'existe pas : choisissez dans la liste."},
    )
    communes_texte = forms.CharField(
        label="Communes souhaitées",
        required=False,
        max_length=1000,
        help_text="Séparez les noms par des virgules, par exemple : « Figeac, Souillac ».",
        error_messages={
            "max_length": "La liste des communes ne doit pas dépasser 1 000 caractères."
        },
    )

    class Meta:
        model = ParcoursAccueil
        fields = [
            "adultes",
            "metier_recherche",
            "secteur_recherche",
            "projet_entreprise",
            "teletravail",
            "conjoint_metier",
            "conjoint_cherche_emploi",
            "zone_inconnue",
            "date_installation",
            "horizon",
            "besoin_logement",
            "logement_temporaire",
        ]
        labels = {
            "adultes": "Nombre d'adultes",
            "metier_recherche": "Métier recherché",
            "secteur_recherche": "Secteur d'activité",
            "projet_entreprise": "Projet d'entreprise",
            "teletravail": "Garderez-vous votre emploi actuel en télétravail ?",
            "conjoint_metier": "Métier de votre conjoint",
            "conjoint_cherche_emploi": "Mon conjoint cherche un emploi dans le Lot",
            "zone_inconnue": "Je ne sais pas encore où m'installer",
            "date_installation": "Date d'installation prévue",
            "horizon": "Quand pensez-vous vous installer ?",
            "besoin_logement": "Votre projet de logement",
            "logement_temporaire": "J'ai besoin d'un logement temporaire en arrivant",
        }
        help_texts = {
            "adultes": "Vous compris, de 1 à 10.",
            "date_installation": "Au format jj/mm/aaaa, si vous la connaissez.",
        }
        widgets = {
            "projet_entreprise": forms.RadioSelect,
            "teletravail": forms.RadioSelect,
            "horizon": forms.RadioSelect,
            "besoin_logement": forms.RadioSelect,
            "date_installation": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "adultes": {
                "required": "Indiquez le nombre d'adultes, de 1 à 10.",
                "invalid": "Indiquez un nombre entier d'adultes, de 1 à 10.",
                "min_value": "Indiquez au moins 1 adulte.",
                "max_value": "Indiquez au plus 10 adultes.",
            },
            "metier_recherche": {"max_length": "Le métier ne doit pas dépasser 150 caractères."},
            "secteur_recherche": {"max_length": "Le secteur ne doit pas dépasser 100 caractères."},
            "conjoint_metier": {"max_length": "Le métier ne doit pas dépasser 150 caractères."},
            "date_installation": {
                "invalid": "Saisissez une date valide, au format jj/mm/aaaa (par exemple "
                "15/09/2027)."
            },
            "projet_entreprise": {"invalid_choice": "Choisissez une réponse dans la liste."},
            "teletravail": {"invalid_choice": "Choisissez une réponse dans la liste."},
            "horizon": {"invalid_choice": "Choisissez une réponse dans la liste."},
            "besoin_logement": {"invalid_choice": "Choisissez une réponse dans la liste."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date_installation"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        for nom in ("metier_recherche", "secteur_recherche", "conjoint_metier"):
            self.fields[nom].required = False
        if self.instance.pk and not self.is_bound:
            self.initial["enfants_texte"] = enfants_ecrire(self.instance.enfants)
            self.initial["communautes"] = list(self.instance.communautes.all())
            self.initial["communes_texte"] = ", ".join(c.nom for c in self.instance.communes.all())

    def clean_enfants_texte(self):
        return enfants_lire(self.cleaned_data.get("enfants_texte") or "")

    def clean_communes_texte(self):
        noms = [n.strip() for n in (self.cleaned_data.get("communes_texte") or "").split(",")]
        noms = [n for n in noms if n]
        if not noms:
            return []
        if len(noms) > 20:
            raise forms.ValidationError("Indiquez au plus 20 communes.")
        connues = {}
        for commune in Commune.objects.only("pk", "nom", "codes_postaux"):
            connues.setdefault(commune.nom.casefold(), commune)
        inconnues = [n for n in noms if n.casefold() not in connues]
        if inconnues:
            raise forms.ValidationError(
                "Commune inconnue dans le Lot : %(noms)s. Vérifiez l'orthographe "
                "(par exemple « Saint-Céré »).",
                params={"noms": ", ".join(inconnues)},
            )
        return list({connues[n.casefold()].pk: connues[n.casefold()] for n in noms}.values())

    def clean_date_installation(self):
        date = self.cleaned_data.get("date_installation")
        if date is None:
            return date
        aujourdhui = timezone.localdate()
        if date < aujourdhui - timedelta(days=366):
            raise forms.ValidationError(
                "Cette date est passée depuis plus d'un an : indiquez votre date d'installation "
                "prévue, ou laissez le champ vide."
            )
        if date > aujourdhui + timedelta(days=365 * 10):
            raise forms.ValidationError("Indiquez une date dans les dix prochaines années.")
        return date

    def clean(self):
        donnees = super().clean()
        choisi = donnees.get("communautes") or donnees.get("communes_texte")
        if donnees.get("zone_inconnue") and choisi:
            self.add_error(
                "zone_inconnue",
                "Vous avez choisi un secteur ou une commune : décochez « Je ne sais pas "
                "encore », ou retirez votre choix.",
            )
        elif not donnees.get("zone_inconnue") and not choisi and not self.errors:
            self.add_error(
                "communautes",
                "Choisissez au moins une communauté de communes ou une commune, ou cochez "
                "« Je ne sais pas encore où m'installer ».",
            )
        if donnees.get("conjoint_cherche_emploi") and (donnees.get("adultes") or 1) < 2:
            self.add_error(
                "conjoint_cherche_emploi",
                "Vous indiquez un seul adulte dans le foyer : passez le nombre d'adultes à 2 "
                "ou décochez cette case.",
            )
        return donnees

    def donnees_service(self) -> dict:
        """The cleaned values as ``services.parcours.projet_mettre_a_jour`` takes them."""
        donnees = {nom: self.cleaned_data[nom] for nom in self.Meta.fields}
        donnees["enfants"] = self.cleaned_data["enfants_texte"]
        donnees["communautes"] = self.cleaned_data["communautes"]
        donnees["communes"] = self.cleaned_data["communes_texte"]
        return donnees


class CVForm(ChampsAccessiblesMixin, forms.Form):
    """A PDF CV for the newcomer or their spouse: checked by its content, not its name."""

    titulaire = forms.ChoiceField(
        label="Ce CV est celui de",
        choices=CurriculumVitae.Titulaire.choices,
        widget=forms.RadioSelect,
        initial=CurriculumVitae.Titulaire.ARRIVANT,
        error_messages={
            "required": "Indiquez si ce CV est le vôtre ou celui de votre conjoint.",
            "invalid_choice": "Choisissez « Moi » ou « Mon conjoint ».",
        },
    )
    fichier = forms.FileField(
        label="Fichier du CV",
        help_text="Au format PDF, 5 Mo au plus.",
        max_length=200,
        error_messages={
            "required": "Choisissez le fichier PDF de votre CV.",
            "empty": "Ce fichier est vide : choisissez le PDF de votre CV.",
            "invalid": "Aucun fichier n'a été reçu : choisissez de nouveau votre PDF.",
            "max_length": "Le nom du fichier est trop long (200 caractères au plus) : renommez-le.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        if fichier.size > TAILLE_MAX_CV:
            taille = f"{fichier.size / (1024 * 1024):.1f}".replace(".", ",")
            raise forms.ValidationError(
                f"Ce fichier pèse {taille} Mo : le CV doit peser 5 Mo au plus. "
                "Enregistrez-le en qualité réduite, puis réessayez."
            )
        # Checked from its content (signature, complete, no script nor hidden HTML).
        fichier.seek(0)
        donnees = fichier.read(TAILLE_MAX_CV + 1)
        fichier.seek(0)
        pdf_verifier(
            donnees,
            message_format="Ce fichier n'est pas un PDF. Enregistrez votre CV au format PDF "
            "(« Exporter en PDF » dans votre traitement de texte), puis réessayez.",
        )
        # No path, NUL, control or bidirectional-override character in the name kept.
        fichier.name = nom_original_propre(fichier.name, longueur_max=200)
        return fichier


class ConsentementCVForm(forms.Form):
    consentement = forms.BooleanField(required=False)
