"""Forms of the team, mentors and messages pages (format checks only: the rules are in
``services.equipe``)."""

from datetime import date

from django import forms

from lot_portal.cms.formulaires import ChampsAccessiblesMixin

from .forms_mineurs import consentement_notice_champ, consentement_verifier
from .models.choix import LienLot, TypeMentor
from .services.equipe import COMMENTAIRE_MAX, MESSAGE_MAX


def _texte_court(label, max_length, requis, aide="", requis_champ=True, **attrs):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=requis_champ,
        help_text=aide,
        widget=forms.TextInput(attrs=attrs),
        error_messages={
            "required": requis,
            "max_length": f"{label} : {max_length} caractères au plus.",
        },
    )


def _email(label, aide):
    return forms.EmailField(
        label=label,
        max_length=254,
        help_text=aide,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": "Indiquez l'adresse électronique.",
            "invalid": "Cette adresse électronique n'est pas valide (exemple : prenom@exemple.fr).",
            "max_length": "Cette adresse électronique est trop longue.",
        },
    )


def _texte_long(label, max_length, requis, aide):
    return forms.CharField(
        label=label,
        max_length=max_length,
        help_text=aide,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": requis,
            "max_length": f"Le texte ne doit pas dépasser {max_length} caractères "
            "(vous en avez écrit %(show_value)d).",
        },
    )


class InvitationMembreForm(ChampsAccessiblesMixin, forms.Form):
    prenom = _texte_court("Prénom", 100, "Indiquez le prénom.", autocomplete="off")
    nom = _texte_court("Nom", 100, "Indiquez le nom.", autocomplete="off")
    email = _email(
        "Adresse électronique",
        "L'invitation y est envoyée : la personne devra se connecter avec cette adresse.",
    )
    role = _texte_court(
        "Rôle dans le projet",
        100,
        "Indiquez son rôle dans le projet.",
        aide="Par exemple « Communication », « Trésorerie », « Programmation ».",
    )


class AdhesionForm(ChampsAccessiblesMixin, forms.Form):
    """What an invited member gives when joining (or corrects later)."""

    date_naissance = forms.DateField(
        label="Date de naissance",
        help_text="Au format JJ/MM/AAAA. L'âge est vérifié à la date de clôture de l'appel.",
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Indiquez votre date de naissance.",
            "invalid": "Cette date n'est pas valide : écrivez-la au format JJ/MM/AAAA.",
        },
    )
    lien_lot = forms.ChoiceField(
        label="Votre lien avec le Lot",
        choices=LienLot.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez votre lien avec le Lot.",
            "invalid_choice": "Choisissez l'une des réponses proposées.",
        },
    )
    role = _texte_court(
        "Votre rôle dans le projet",
        100,
        "Indiquez votre rôle dans le projet.",
        aide="Proposé par le porteur du projet : vous pouvez le préciser.",
    )

    consentement_notice = consentement_notice_champ()

    def __init__(self, *args, appel=None, deja_consenti=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.appel = appel
        self.deja_consenti = deja_consenti
        self.fields["consentement_notice"].initial = deja_consenti

    def clean(self):
        donnees = super().clean()
        consentement_verifier(
            self, donnees.get("date_naissance"), self.appel, deja_donne=self.deja_consenti
        )
        return donnees

    def clean_date_naissance(self):
        valeur = self.cleaned_data["date_naissance"]
        aujourd_hui = date.today()
        if valeur >= aujourd_hui:
            raise forms.ValidationError("La date de naissance doit être passée.")
        if valeur.year < aujourd_hui.year - 120:
            raise forms.ValidationError("Vérifiez l'année de naissance.")
        return valeur


class InvitationMentorForm(ChampsAccessiblesMixin, forms.Form):
    nom = _texte_court("Nom et prénom", 150, "Indiquez le nom de la personne.", autocomplete="off")
    email = _email(
        "Adresse électronique",
        "L'invitation y est envoyée : la personne devra se connecter avec cette adresse.",
    )
    type_mentor = forms.ChoiceField(
        label="Type de structure",
        choices=TypeMentor.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez le type de structure.",
            "invalid_choice": "Choisissez l'une des réponses proposées.",
        },
    )
    structure = _texte_court(
        "Nom de la structure",
        150,
        "",
        aide="Par exemple « PIJ de Cahors » ou « Mission locale du Lot ».",
        requis_champ=False,
    )


class CommentaireForm(ChampsAccessiblesMixin, forms.Form):
    texte = _texte_long(
        "Votre commentaire",
        COMMENTAIRE_MAX,
        "Écrivez votre commentaire.",
        f"{COMMENTAIRE_MAX} caractères au plus. L'équipe du projet est prévenue par courriel.",
    )


class MessageForm(ChampsAccessiblesMixin, forms.Form):
    texte = _texte_long(
        "Votre message",
        MESSAGE_MAX,
        "Écrivez votre message.",
        f"{MESSAGE_MAX} caractères au plus. Les personnes qui examinent votre dossier "
        "vous répondront ici.",
    )
