"""The hospitality-offer form of the ambassador's space."""

from django import forms

from lot_portal.cms.formulaires import ChampsAccessiblesMixin
from lot_portal.territoire.models import Commune

from ..models import OffreHospitalite, TypeHospitalite


class _CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.nom


class OffreHospitaliteForm(ChampsAccessiblesMixin, forms.ModelForm):
    type = forms.ChoiceField(
        label="Ce que vous proposez",
        choices=TypeHospitalite.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez ce que vous proposez.",
            "invalid_choice": "Choisissez une proposition de la liste.",
        },
    )
    commune = _CommuneChoiceField(
        label="Commune",
        queryset=Commune.objects.order_by("nom"),
        error_messages={
            "required": "Indiquez la commune où vous recevez.",
            "invalid_choice": "Choisissez une commune du Lot dans la liste.",
        },
    )
    capacite = forms.IntegerField(
        label="Nombre de personnes que vous pouvez accueillir",
        min_value=1,
        max_value=20,
        error_messages={
            "required": "Indiquez combien de personnes vous pouvez accueillir.",
            "invalid": "Saisissez un nombre entier.",
            "min_value": "Indiquez au moins 1 personne.",
            "max_value": "Indiquez 20 personnes au plus.",
        },
    )
    periode = forms.CharField(
        label="Période ou disponibilités",
        max_length=200,
        help_text="Par exemple « les week-ends d'avril à juin ».",
        error_messages={
            "required": "Indiquez quand vous pouvez recevoir.",
            "max_length": "200 caractères au plus.",
        },
    )
    notes = forms.CharField(
        label="Précisions (facultatif)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "1 000 caractères au plus."},
    )

    class Meta:
        model = OffreHospitalite
        fields = ["type", "commune", "capacite", "periode", "notes"]
