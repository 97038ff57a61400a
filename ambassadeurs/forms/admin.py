"""Staff forms of the ambassador network (Wagtail admin)."""

import django_filters
from django import forms
from wagtail.admin.filters import WagtailFilterSet

from lot_portal.territoire.models import CommunauteDeCommunes

from ..models import Ambassadeur, Secteur, StatutAmbassadeur


class AmbassadeurFilterSet(WagtailFilterSet):
    statut = django_filters.ChoiceFilter(label="Statut", choices=StatutAmbassadeur.choices)
    communaute = django_filters.ModelChoiceFilter(
        label="Communauté de communes",
        field_name="commune__communaute",
        queryset=CommunauteDeCommunes.objects.order_by("nom"),
    )
    secteur = django_filters.ChoiceFilter(label="Secteur d'activité", choices=Secteur.choices)

    class Meta:
        model = Ambassadeur
        fields = ["statut", "communaute", "secteur"]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Décision",
        choices=[("accepter", "Accepter la candidature"), ("refuser", "Refuser la candidature")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez d'accepter ou de refuser.",
            "invalid_choice": "Choisissez d'accepter ou de refuser.",
        },
    )
    message = forms.CharField(
        label="Message au candidat",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Envoyé par courriel avec la décision. Obligatoire en cas de refus.",
        error_messages={"max_length": "Le message est trop long (2000 caractères au plus)."},
    )

    def clean(self):
        donnees = super().clean()
        if donnees.get("decision") == "refuser" and not donnees.get("message", "").strip():
            self.add_error("message", "Expliquez en quelques mots la raison du refus.")
        return donnees
