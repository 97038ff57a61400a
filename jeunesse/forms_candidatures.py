"""Forms of the application sections. A draft may stay incomplete: these forms only check the
format of what was typed (dates, amounts, lengths); ``services.candidatures.blocages_depot``
checks completeness at submission."""

import re
from datetime import date
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.utils import timezone

from lot_portal.cms.formulaires import ChampsAccessiblesMixin
from lot_portal.territoire.models import Commune

from .fichiers import AIDE_FORMATS, TYPES_ACCEPTES, piece_nettoyer, taille_lisible
from .forms_mineurs import consentement_notice_champ, consentement_verifier
from .models import Candidature, LigneBudget, MembreEquipe
from .models.choix import LienLot, NatureBudget, TypeQuestion
from .services.candidatures import montant_fr

MESSAGE_MONTANT = "Indiquez un montant positif en euros, avec au plus deux décimales (ex. 250,50)."


class CommuneChamp(forms.CharField):
    """A commune of the Lot typed by name or INSEE code (a datalist suggests « Nom (code) »)."""

    motif_insee = re.compile(r"\((\w{5})\)\s*$")

    def clean(self, valeur):
        valeur = super().clean(valeur)
        if not valeur:
            return None
        trouvee = self.motif_insee.search(valeur)
        if trouvee:
            commune = Commune.objects.filter(insee=trouvee.group(1)).first()
        elif re.fullmatch(r"\w{5}", valeur) and valeur[:2].isdigit():
            commune = Commune.objects.filter(insee=valeur).first()
        else:
            communes = list(Commune.objects.filter(nom__iexact=valeur.strip())[:2])
            if len(communes) > 1:
                raise ValidationError(
                    "Plusieurs communes portent ce nom : choisissez-la dans la liste proposée.",
                    code="commune_ambigue",
                )
            commune = communes[0] if communes else None
        if commune is None:
            raise ValidationError(
                f"« {valeur} » n'est pas une commune du Lot : choisissez-la dans la liste "
                "proposée.",
                code="commune_inconnue",
            )
        return commune


def montant_champ(**kwargs) -> forms.DecimalField:
    return forms.DecimalField(
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0"),
        localize=True,
        error_messages={
            "invalid": MESSAGE_MONTANT,
            "min_value": "Le montant ne peut pas être négatif.",
            "max_decimal_places": MESSAGE_MONTANT,
            "max_digits": "Ce montant est trop élevé.",
            "max_whole_digits": "Ce montant est trop élevé.",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        **kwargs,
    )


class ProjetForm(ChampsAccessiblesMixin, forms.ModelForm):
    commune = CommuneChamp(
        label="Commune principale du projet",
        required=False,
        max_length=160,
        help_text="Tapez le nom de la commune du Lot puis choisissez-la dans la liste.",
        widget=forms.TextInput(attrs={"list": "communes-du-lot", "autocomplete": "off"}),
    )

    class Meta:
        model = Candidature
        fields = ["titre", "type_projet", "commune", "resume", "objectifs", "calendrier"]
        widgets = {
            "resume": forms.Textarea(attrs={"rows": 5}),
            "objectifs": forms.Textarea(attrs={"rows": 6}),
            "calendrier": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "resume": "En quelques phrases : quoi, pour qui, où (2 000 caractères au plus).",
            "calendrier": "Les grandes étapes, de la préparation au bilan.",
        }

    def __init__(self, *args, appel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["titre"].error_messages["required"] = "Donnez un titre à votre projet."
        types = appel.types_projet_liste
        if types:
            choix = [("", "Choisir un type de projet")] + [(t, t) for t in types]
            courant = self.instance.type_projet
            if courant and courant not in types:
                choix.append((courant, courant))
            self.fields["type_projet"] = forms.ChoiceField(
                label="Type de projet",
                choices=choix,
                required=False,
                error_messages={"invalid_choice": "Choisissez un type de projet de la liste."},
            )
        for nom in ("resume", "objectifs", "calendrier"):
            self.fields[nom].widget.attrs["maxlength"] = self.fields[nom].max_length
        if self.instance.commune_id and not self.is_bound:
            commune = self.instance.commune
            self.initial["commune"] = f"{commune.nom} ({commune.insee})"


class MoiForm(ChampsAccessiblesMixin, forms.ModelForm):
    class Meta:
        model = MembreEquipe
        fields = ["prenom", "nom", "role", "date_naissance", "lien_lot"]
        widgets = {"date_naissance": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {
            "date_naissance": "Votre âge à la date de clôture de l'appel compte pour "
            "l'éligibilité.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date_naissance"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.fields["date_naissance"].error_messages["invalid"] = (
            "Indiquez une date valide, par exemple 12/05/2006."
        )
        self.fields["lien_lot"].choices = [("", "Choisir")] + list(LienLot.choices)
        self.fields["prenom"].error_messages["required"] = "Indiquez votre prénom."
        self.fields["nom"].error_messages["required"] = "Indiquez votre nom."
        self.fields["consentement_notice"] = consentement_notice_champ()
        self.fields["consentement_notice"].initial = (
            self.instance.consentement_notice_le is not None
        )

    def clean_date_naissance(self):
        jour = self.cleaned_data.get("date_naissance")
        if jour and (jour > date.today() or jour.year < 1900):
            raise ValidationError("Cette date de naissance n'est pas plausible.")
        return jour

    def clean(self):
        donnees = super().clean()
        consentement_verifier(
            self,
            donnees.get("date_naissance"),
            self.instance.candidature.appel,
            deja_donne=self.instance.consentement_notice_le is not None,
        )
        return donnees

    def consentement_appliquer(self) -> bool:
        """Timestamp the young person's consent on the instance (once); True if new."""
        if (
            self.cleaned_data.get("consentement_notice")
            and self.instance.consentement_notice_le is None
        ):
            self.instance.consentement_notice_le = timezone.now()
            return True
        return False

    def save(self, commit=True):
        self.consentement_appliquer()
        return super().save(commit)


class MontantDemandeForm(ChampsAccessiblesMixin, forms.Form):
    montant_demande = montant_champ(
        label="Aide demandée au Département (€)",
        required=False,
    )

    def __init__(self, *args, appel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["montant_demande"].help_text = (
            f"Au plus {montant_fr(appel.montant_max)} pour cet appel. "
            "Cette aide fait partie de vos ressources."
        )


class LigneBudgetForm(forms.ModelForm):
    montant = montant_champ(label="Montant (€)", required=True)

    class Meta:
        model = LigneBudget
        fields = ["nature", "libelle", "montant"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nature"].choices = list(NatureBudget.choices)
        self.fields["libelle"].error_messages["required"] = "Indiquez l'intitulé de la ligne."
        self.fields["montant"].error_messages["required"] = "Indiquez le montant de la ligne."
        self.fields["montant"].validators.append(MinValueValidator(Decimal("0")))


class LignesBaseFormSet(forms.BaseModelFormSet):
    def __init__(self, *args, candidature, **kwargs):
        self.candidature = candidature
        kwargs.setdefault("queryset", LigneBudget.objects.filter(candidature=candidature))
        super().__init__(*args, **kwargs)

    def enregistrer(self):
        lignes = self.save(commit=False)
        for objet in self.deleted_objects:
            objet.delete()
        for position, ligne in enumerate(lignes):
            ligne.candidature = self.candidature
            ligne.ordre = position
            ligne.save()


def lignes_formset(extra: int = 0):
    return forms.modelformset_factory(
        LigneBudget,
        form=LigneBudgetForm,
        formset=LignesBaseFormSet,
        extra=extra,
        can_delete=True,
        max_num=60,
        validate_max=True,
    )


def nom_champ_question(question) -> str:
    return f"question_{question.pk}"


def nom_champ_document(document) -> str:
    return f"document_{document.pk}"


class FichierNettoyeChamp(forms.FileField):
    """An upload checked by ``fichiers.piece_nettoyer``: cleaned to (ContentFile, mime, name)."""

    def __init__(self, *args, taille_max: int, **kwargs):
        self.taille_max = taille_max
        kwargs.setdefault(
            "help_text",
            f"{AIDE_FORMATS}, {taille_lisible(taille_max)} au plus.",
        )
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": TYPES_ACCEPTES}))
        super().__init__(*args, **kwargs)

    def clean(self, valeur, initial=None):
        valeur = super().clean(valeur, initial)
        if not valeur or valeur is initial:
            return None
        contenu, type_mime, nom = piece_nettoyer(valeur, taille_max=self.taille_max)
        return {"contenu": contenu, "type_mime": type_mime, "nom": nom, "taille": contenu.size}


class QuestionsForm(ChampsAccessiblesMixin, forms.Form):
    """One field per question of the call (none required before submission)."""

    def __init__(self, *args, appel, questions, reponses, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            nom = nom_champ_question(question)
            commun = {"label": question.libelle, "required": False, "help_text": question.aide}
            reponse = reponses.get(question.pk)
            if question.type_question == TypeQuestion.TEXTE_LONG:
                champ = forms.CharField(
                    max_length=4000, widget=forms.Textarea(attrs={"rows": 5}), **commun
                )
            elif question.type_question == TypeQuestion.NOMBRE:
                champ = forms.DecimalField(
                    max_digits=12,
                    decimal_places=2,
                    localize=True,
                    widget=forms.TextInput(attrs={"inputmode": "decimal"}),
                    error_messages={"invalid": "Indiquez un nombre (ex. 12 ou 12,5)."},
                    **commun,
                )
            elif question.type_question == TypeQuestion.CHOIX:
                champ = forms.ChoiceField(
                    choices=[("", "Choisir")] + [(c, c) for c in question.choix_liste],
                    error_messages={"invalid_choice": "Choisissez une réponse de la liste."},
                    **commun,
                )
            elif question.type_question == TypeQuestion.FICHIER:
                if not commun["help_text"]:
                    commun.pop("help_text")
                champ = FichierNettoyeChamp(taille_max=appel.taille_max_octets, **commun)
            else:
                champ = forms.CharField(max_length=250, **commun)
            self.fields[nom] = champ
            if reponse is not None and question.type_question != TypeQuestion.FICHIER:
                valeur = reponse.valeur
                if question.type_question == TypeQuestion.NOMBRE and valeur:
                    try:
                        valeur = Decimal(valeur)
                    except ArithmeticError:
                        valeur = ""
                self.initial[nom] = valeur

    def est_fichier(self, nom) -> bool:
        return isinstance(self.fields[nom], FichierNettoyeChamp)


class PiecesForm(ChampsAccessiblesMixin, forms.Form):
    """One upload per document of the call, plus any other piece."""

    def __init__(self, *args, appel, documents, **kwargs):
        super().__init__(*args, **kwargs)
        for document in documents:
            aide = document.aide + (" " if document.aide else "")
            self.fields[nom_champ_document(document)] = FichierNettoyeChamp(
                label=document.libelle,
                required=False,
                taille_max=appel.taille_max_octets,
                help_text=aide
                + f"{AIDE_FORMATS}, {taille_lisible(appel.taille_max_octets)} au plus.",
            )
        self.fields["autre"] = FichierNettoyeChamp(
            label="Autre pièce utile à votre dossier",
            required=False,
            taille_max=appel.taille_max_octets,
        )


class AutorisationFichierForm(ChampsAccessiblesMixin, forms.Form):
    def __init__(self, *args, appel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fichier"] = FichierNettoyeChamp(
            label="Autorisation parentale signée",
            required=False,
            taille_max=appel.taille_max_octets,
        )


class AutorisationDeclarationForm(ChampsAccessiblesMixin, forms.Form):
    nom_parent = forms.CharField(
        label="Nom et prénom du parent ou tuteur", max_length=150, required=False
    )
    email_parent = forms.EmailField(
        label="Adresse électronique du parent ou tuteur",
        required=False,
        error_messages={"invalid": "Indiquez une adresse électronique valide (nom@exemple.fr)."},
    )
    consentement = forms.BooleanField(
        label="Je suis le parent ou le tuteur légal et j'autorise ce projet et le dépôt de ce "
        "dossier.",
        required=False,
    )

    def clean(self):
        donnees = super().clean()
        if donnees.get("consentement"):
            if not donnees.get("nom_parent"):
                self.add_error("nom_parent", "Indiquez le nom du parent qui donne son accord.")
            if not donnees.get("email_parent") and "email_parent" not in self.errors:
                self.add_error("email_parent", "Indiquez l'adresse du parent.")
        return donnees
