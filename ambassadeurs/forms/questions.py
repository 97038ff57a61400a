"""Forms of the questions to ambassadors: ask, reply, report."""

from django import forms

from lot_portal.cms.formulaires import ChampsAccessiblesMixin

TEXTE_MAX = 3000


def _texte(label, aide, requis_message):
    return forms.CharField(
        label=label,
        max_length=TEXTE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=aide,
        error_messages={
            "required": requis_message,
            "max_length": f"Le message ne doit pas dépasser {TEXTE_MAX} caractères.",
        },
    )


class QuestionForm(ChampsAccessiblesMixin, forms.Form):
    sujet = forms.CharField(
        label="Sujet",
        max_length=150,
        help_text="Par exemple « Trouver une école à Figeac ».",
        error_messages={
            "required": "Indiquez le sujet de votre question.",
            "max_length": "Le sujet ne doit pas dépasser 150 caractères.",
        },
    )
    texte = _texte(
        "Votre question",
        f"{TEXTE_MAX} caractères au plus. N'indiquez pas d'informations sensibles.",
        "Écrivez votre question.",
    )


class ReponseForm(ChampsAccessiblesMixin, forms.Form):
    texte = _texte("Votre message", f"{TEXTE_MAX} caractères au plus.", "Écrivez votre message.")


class SignalementForm(ChampsAccessiblesMixin, forms.Form):
    motif = forms.CharField(
        label="Motif du signalement",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Expliquez ce qui pose problème (2000 caractères au plus).",
        error_messages={
            "required": "Indiquez le motif du signalement.",
            "max_length": "Le motif ne doit pas dépasser 2000 caractères.",
        },
    )
