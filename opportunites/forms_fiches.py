"""Forms of the opportunities' pages: a would-be buyer writes to a takeover's accompanying body."""

import re

from django import forms

from lot_portal.cms.formulaires import ChampsAccessiblesMixin

MESSAGE_MIN = 20
MESSAGE_MAX = 4000
TELEPHONE = re.compile(r"^\+?[0-9 .()-]{6,25}$")


class ContactRepriseForm(ChampsAccessiblesMixin, forms.Form):
    """Name, email, optional phone, message and the consent to forward them to the body.

    ``site_internet`` is a honeypot: hidden from people (CSS and ``aria-hidden``), filled by
    naive robots; the view drops such messages without telling them.
    """

    nom = forms.CharField(
        label="Nom et prénom",
        max_length=150,
        error_messages={
            "required": "Indiquez votre nom.",
            "max_length": "Votre nom ne doit pas dépasser 150 caractères.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Adresse électronique",
        max_length=254,
        help_text="Format attendu : prenom.nom@exemple.fr. L'organisme vous répondra à "
        "cette adresse.",
        error_messages={
            "required": "Indiquez votre adresse électronique.",
            "invalid": "Saisissez une adresse électronique valide, "
            "au format prenom.nom@exemple.fr.",
            "max_length": "Votre adresse électronique ne doit pas dépasser 254 caractères.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    telephone = forms.CharField(
        label="Téléphone",
        required=False,
        max_length=30,
        help_text="Par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.",
        error_messages={"max_length": "Le numéro ne doit pas dépasser 30 caractères."},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    message = forms.CharField(
        label="Votre message",
        min_length=MESSAGE_MIN,
        max_length=MESSAGE_MAX,
        help_text="Présentez-vous et votre projet de reprise en quelques lignes "
        f"({MESSAGE_MIN} à {MESSAGE_MAX} caractères).",
        error_messages={
            "required": "Écrivez votre message.",
            "min_length": f"Votre message est trop court : au moins {MESSAGE_MIN} caractères.",
            "max_length": f"Votre message ne doit pas dépasser {MESSAGE_MAX} caractères.",
        },
        widget=forms.Textarea(attrs={"rows": 7}),
    )
    consentement = forms.BooleanField(
        label="J'accepte que mes coordonnées et mon message soient transmis à l'organisme "
        "qui accompagne la cession, pour qu'il me réponde.",
        error_messages={
            "required": "Cochez cette case : sans votre accord, nous ne pouvons pas "
            "transmettre votre message."
        },
    )
    site_internet = forms.CharField(
        label="Ne remplissez pas ce champ",
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "tabindex": "-1", "class": "opp-fiche__piege"}
        ),
    )

    def __init__(self, *args, organisme: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if organisme:
            self.fields["consentement"].label = (
                f"J'accepte que mes coordonnées et mon message soient transmis à {organisme}, "
                "qui accompagne la cession, pour qu'il me réponde."
            )

    def clean_nom(self):
        return " ".join(self.cleaned_data["nom"].split())

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_telephone(self):
        telephone = self.cleaned_data["telephone"].strip()
        if telephone and (
            not TELEPHONE.match(telephone) or sum(c.isdigit() for c in telephone) < 6
        ):
            raise forms.ValidationError(
                "Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78.",
                code="invalid",
            )
        return telephone

    def clean_message(self):
        return self.cleaned_data["message"].strip()

    @property
    def piege_rempli(self) -> bool:
        return bool(self.cleaned_data.get("site_internet", "").strip())
