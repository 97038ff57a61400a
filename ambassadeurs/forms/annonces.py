"""Forms of the network's announcements and events: the ambassador's RSVP."""

from django import forms

from lot_portal.cms.formulaires import ChampsAccessiblesMixin

from ..models import ReponseChoix


class ReponseEvenementForm(ChampsAccessiblesMixin, forms.Form):
    reponse = forms.ChoiceField(
        label="Ma réponse",
        choices=ReponseChoix.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": (
                "Choisissez une réponse : « Je viens », « Peut-être » ou « Je ne viens pas »."
            ),
            "invalid_choice": "Choisissez l'une des réponses proposées.",
        },
    )
