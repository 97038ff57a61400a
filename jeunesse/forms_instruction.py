"""Forms of the file page of an application (Wagtail admin, area « instruction »)."""

from django import forms
from django.core.exceptions import ValidationError

from lot_portal.cms.formulaires import ChampsAccessiblesMixin

from .models.choix import MotifComplement, Statut
from .services.champs import champs_de_l_appel
from .services.instruction import LIBELLES_ACTIONS, Point


class MessageInstructionForm(ChampsAccessiblesMixin, forms.Form):
    texte = forms.CharField(
        label="Votre réponse à l'équipe",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text="L'équipe est prévenue par courriel et lit le message sur le portail.",
        error_messages={
            "required": "Écrivez le message à envoyer.",
            "max_length": "Le message est trop long (%(limit_value)d caractères au plus).",
        },
    )

    def clean_texte(self):
        texte = self.cleaned_data["texte"].strip()
        if not texte:
            raise ValidationError("Écrivez le message à envoyer.")
        return texte


class EtatForm(ChampsAccessiblesMixin, forms.Form):
    """Take the application in or close it; closing needs a reason the team will read."""

    vers = forms.ChoiceField(
        label="Action",
        choices=[],
        error_messages={
            "required": "Choisissez une action.",
            "invalid_choice": "Cette action n'est pas possible pour ce dossier.",
        },
    )
    commentaire = forms.CharField(
        label="Commentaire",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Obligatoire pour classer sans suite : l'équipe le lira dans le courriel.",
        error_messages={"max_length": "Le commentaire est trop long (2000 caractères au plus)."},
    )

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vers"].choices = [
            (vers, LIBELLES_ACTIONS[vers]) for vers in actions if vers in LIBELLES_ACTIONS
        ]

    def clean(self):
        donnees = super().clean()
        if donnees.get("vers") == Statut.SANS_SUITE and not donnees.get("commentaire", "").strip():
            self.add_error(
                "commentaire", "Expliquez à l'équipe pourquoi le dossier est classé sans suite."
            )
        return donnees


class ComplementForm(ChampsAccessiblesMixin, forms.Form):
    message = forms.CharField(
        label="Message à l'équipe",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text="Repris dans le courriel envoyé à l'équipe, avant la liste des points.",
        error_messages={
            "required": "Écrivez un message d'explication à l'équipe.",
            "max_length": "Le message est trop long (4000 caractères au plus).",
        },
    )


class PointForm(ChampsAccessiblesMixin, forms.Form):
    champ = forms.ChoiceField(
        label="Champ concerné",
        choices=[],
        required=False,
        error_messages={"invalid_choice": "Choisissez un champ du dossier dans la liste."},
    )
    motif = forms.ChoiceField(
        label="Motif",
        choices=[("", "—")] + MotifComplement.choices,
        required=False,
        error_messages={"invalid_choice": "Choisissez un motif dans la liste."},
    )
    precision = forms.CharField(
        label="Précision",
        required=False,
        max_length=500,
        help_text="Ce qu'il faut corriger ou ajouter.",
        error_messages={"max_length": "La précision est trop longue (500 caractères au plus)."},
    )

    def __init__(self, *args, champs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["champ"].choices = [("", "— Choisir un champ —"), *champs]

    @property
    def est_vide(self) -> bool:
        donnees = getattr(self, "cleaned_data", {})
        return not (donnees.get("champ") or donnees.get("motif") or donnees.get("precision"))

    def clean(self):
        donnees = super().clean()
        if self.errors or self.est_vide:
            return donnees
        if not donnees.get("champ"):
            self.add_error("champ", "Choisissez le champ à corriger.")
        if not donnees.get("motif"):
            self.add_error("motif", "Indiquez si ce champ est incorrect, incomplet ou périmé.")
        return donnees


class BasePointFormSet(forms.BaseFormSet):
    def __init__(self, *args, appel=None, **kwargs):
        self.champs = champs_de_l_appel(appel) if appel is not None else []
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "champs": self.champs}

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            champs=self.champs,
            renderer=self.renderer,
        )
        self.add_fields(form, None)
        return form

    def clean(self):
        if any(self.errors):
            return
        if not self.points():
            raise ValidationError(
                "Indiquez au moins un point à corriger : le champ concerné et le motif.",
                code="aucun_point",
            )
        vus = set()
        for form in self.forms:
            if form.est_vide:
                continue
            cle = form.cleaned_data["champ"]
            if cle in vus:
                form.add_error("champ", "Ce champ est déjà signalé : un point par champ.")
            vus.add(cle)
        if any(self.errors):
            raise ValidationError("Corrigez les points signalés ci-dessous.")

    def points(self) -> list[Point]:
        return [
            Point(
                champ=form.cleaned_data["champ"],
                motif=form.cleaned_data["motif"],
                precision=form.cleaned_data.get("precision", ""),
            )
            for form in self.forms
            if hasattr(form, "cleaned_data") and not form.est_vide
        ]


PointFormSet = forms.formset_factory(
    PointForm, formset=BasePointFormSet, extra=3, max_num=30, validate_max=True
)
