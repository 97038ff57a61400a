from django import forms
from django.db import models
from django.utils.text import capfirst


class ChoixMultiplesField(models.JSONField):
    """A list of values from ``choix`` stored as JSON, edited as checkboxes.

    Shared by the feature apps (profiles a journey step applies to, what an ambassador
    offers…). Where a rule reads it, empty means « all ».
    """

    def __init__(self, *args, choix=(), **kwargs):
        self.choix = list(choix)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choix"] = self.choix
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choix,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )
