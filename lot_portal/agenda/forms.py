from django import forms

from lot_portal.cms.formulaires import ChampsAccessiblesMixin
from lot_portal.territoire.models import CommunauteDeCommunes

from .models import TypeEvenement


class FiltresAgendaForm(forms.Form):
    """The index page's filters (GET). Invalid values are simply ignored."""

    PASSES = "passes"

    type = forms.ChoiceField(
        label="Type d'événement",
        required=False,
        choices=[("", "Tous les types"), *TypeEvenement.choices],
    )
    communaute = forms.ModelChoiceField(
        label="Communauté de communes",
        required=False,
        queryset=CommunauteDeCommunes.objects.all(),
        empty_label="Tout le Lot",
    )
    periode = forms.ChoiceField(
        label="Période",
        required=False,
        choices=[("", "À venir"), (PASSES, "Événements passés")],
    )


class InscriptionForm(ChampsAccessiblesMixin, forms.Form):
    """A visitor registers for an event; every message in French."""

    prenom = forms.CharField(
        label="Prénom",
        max_length=100,
        error_messages={
            "required": "Indiquez votre prénom.",
            "max_length": "Votre prénom ne doit pas dépasser 100 caractères.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    nom = forms.CharField(
        label="Nom",
        max_length=100,
        error_messages={
            "required": "Indiquez votre nom.",
            "max_length": "Votre nom ne doit pas dépasser 100 caractères.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label="Adresse électronique",
        max_length=254,
        help_text="Format attendu : prenom.nom@exemple.fr. Nous y envoyons la confirmation.",
        error_messages={
            "required": "Indiquez votre adresse électronique.",
            "invalid": "Saisissez une adresse électronique valide, "
            "au format prenom.nom@exemple.fr.",
            "max_length": "Votre adresse électronique ne doit pas dépasser 254 caractères.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    nombre_personnes = forms.IntegerField(
        label="Nombre de personnes",
        min_value=1,
        max_value=10,
        initial=1,
        help_text="Vous compris, de 1 à 10.",
        error_messages={
            "required": "Indiquez le nombre de personnes, de 1 à 10.",
            "invalid": "Indiquez un nombre entier de personnes, de 1 à 10.",
            "min_value": "Indiquez au moins 1 personne.",
            "max_value": "Une inscription compte au plus 10 personnes.",
        },
    )
    message = forms.CharField(
        label="Message",
        required=False,
        max_length=1000,
        help_text="Une question, un besoin d'accessibilité…",
        error_messages={"max_length": "Votre message ne doit pas dépasser 1 000 caractères."},
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consentement = forms.BooleanField(
        label="J'accepte que le Département du Lot utilise ces informations pour gérer "
        "mon inscription et me contacter au sujet de cet événement.",
        error_messages={
            "required": "Cochez cette case pour que nous puissions enregistrer votre inscription."
        },
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
