"""Forms of the job alerts: saving a search, managing an alert."""

from django import forms

from lot_portal.cms.formulaires import ChampsAccessiblesMixin

from .models import FrequenceAlerte

MESSAGES_EMAIL = {
    "required": "Indiquez l'adresse électronique où recevoir les offres.",
    "invalid": "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.",
    "max_length": "Cette adresse est trop longue (254 caractères au plus).",
}
MESSAGES_FREQUENCE = {
    "required": "Choisissez à quel rythme recevoir les offres.",
    "invalid_choice": "Choisissez « Chaque jour » ou « Chaque semaine ».",
}


def _champ_frequence() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Recevoir les nouvelles offres",
        choices=FrequenceAlerte.choices,
        initial=FrequenceAlerte.QUOTIDIENNE,
        widget=forms.RadioSelect,
        error_messages=MESSAGES_FREQUENCE,
        help_text="Un seul courriel par jour ou par semaine, et seulement s'il y a du nouveau.",
    )


class AlerteForm(ChampsAccessiblesMixin, forms.Form):
    """The address and the frequency of a new alert (the filters come from the query string)."""

    email = forms.EmailField(
        label="Votre adresse électronique",
        max_length=254,
        error_messages=MESSAGES_EMAIL,
        help_text="Nous vous écrivons pour confirmer : rien n'est envoyé avant votre accord.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    frequence = _champ_frequence()

    def __init__(self, *args, pour_conjoint: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if pour_conjoint:
            champ = self.fields["email"]
            champ.label = "L'adresse électronique de votre conjoint"
            champ.help_text = (
                "Votre conjoint reçoit un courriel pour confirmer : rien ne lui est envoyé "
                "sans son accord."
            )
            champ.widget.attrs["autocomplete"] = "off"
        for nom, champ in self.fields.items():
            if champ.help_text and nom != "frequence":
                champ.widget.attrs.setdefault("aria-describedby", f"id_{nom}_helptext")

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class AlerteGestionForm(ChampsAccessiblesMixin, forms.Form):
    """Changing the frequency of an alert (manage page)."""

    frequence = _champ_frequence()
