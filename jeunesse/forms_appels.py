"""Forms of the public calls: the type filter of the list and the eligibility check."""

import datetime

from django import forms
from django.utils import timezone

from lot_portal.cms.formulaires import ChampsAccessiblesMixin

from .models.choix import LienLot, TypeAppel

ANNEE_MIN = 1900


class FiltreAppelsForm(forms.Form):
    """``?type=jeunesse|creation``; an unknown value is simply ignored by the view."""

    type = forms.ChoiceField(
        label="Type d'appel",
        required=False,
        choices=[("", "Tous les appels"), *TypeAppel.choices],
    )


def _partie_date(label, minimum, maximum, requis, invalide, autocomplete, taille):
    return forms.IntegerField(
        label=label,
        min_value=minimum,
        max_value=maximum,
        error_messages={
            "required": requis,
            "invalid": invalide,
            "min_value": invalide,
            "max_value": invalide,
        },
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": autocomplete,
                "size": taille,
                "maxlength": taille,
                "class": f"jeu-date__partie jeu-date__partie--{taille}",
            }
        ),
    )


class EligibiliteForm(ChampsAccessiblesMixin, forms.Form):
    """What the call's rules need to know, nothing more; never saved.

    The birth date is asked only when the call has an age range, the link with the Lot only
    when it requires one, the project type only when it lists types."""

    naissance_jour = _partie_date(
        "Jour",
        1,
        31,
        "Indiquez le jour de votre naissance.",
        "Le jour doit être un nombre entre 1 et 31.",
        "bday-day",
        2,
    )
    naissance_mois = _partie_date(
        "Mois",
        1,
        12,
        "Indiquez le mois de votre naissance.",
        "Le mois doit être un nombre entre 1 et 12.",
        "bday-month",
        2,
    )
    naissance_annee = _partie_date(
        "Année",
        ANNEE_MIN,
        9999,
        "Indiquez l'année de votre naissance.",
        f"L'année doit comporter quatre chiffres (par exemple 2008) et suivre {ANNEE_MIN}.",
        "bday-year",
        4,
    )
    lien_lot = forms.ChoiceField(
        label="Votre lien avec le Lot",
        choices=LienLot.choices,
        widget=forms.RadioSelect,
        help_text="Choisissez celui qui vous correspond le mieux.",
        error_messages={
            "required": "Choisissez votre lien avec le Lot (ou « Aucun de ces liens »).",
            "invalid_choice": "Choisissez un lien dans la liste.",
        },
    )
    type_projet = forms.ChoiceField(
        label="Type de projet",
        error_messages={
            "required": "Choisissez le type de votre projet.",
            "invalid_choice": "Choisissez un type de projet dans la liste.",
        },
    )

    CHAMPS_DATE = ("naissance_jour", "naissance_mois", "naissance_annee")

    def __init__(self, *args, appel, aujourdhui: datetime.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.appel = appel
        self.aujourdhui = aujourdhui or timezone.localdate()
        if appel.age_min is None and appel.age_max is None:
            for nom in self.CHAMPS_DATE:
                del self.fields[nom]
        if not appel.liens_acceptes:
            del self.fields["lien_lot"]
        types = appel.types_projet_liste
        if types:
            self.fields["type_projet"].choices = [("", "Choisissez…")] + [(t, t) for t in types]
        else:
            del self.fields["type_projet"]

    @property
    def demande_naissance(self) -> bool:
        return "naissance_jour" in self.fields

    @property
    def champs_naissance(self):
        return [self[nom] for nom in self.CHAMPS_DATE if nom in self.fields]

    @property
    def erreurs_naissance(self) -> list[str]:
        return [erreur for champ in self.champs_naissance for erreur in champ.errors]

    def clean(self):
        donnees = super().clean()
        if self.demande_naissance and not any(self.has_error(n) for n in self.CHAMPS_DATE):
            try:
                naissance = datetime.date(
                    donnees["naissance_annee"],
                    donnees["naissance_mois"],
                    donnees["naissance_jour"],
                )
            except ValueError:
                self.add_error(
                    "naissance_jour",
                    "Cette date n'existe pas : vérifiez le jour et le mois "
                    f"({donnees['naissance_jour']:02d}/{donnees['naissance_mois']:02d}"
                    f"/{donnees['naissance_annee']}).",
                )
            else:
                if naissance > self.aujourdhui:
                    self.add_error(
                        "naissance_jour", "La date de naissance ne peut pas être dans le futur."
                    )
                else:
                    donnees["date_naissance"] = naissance
        return donnees

    @property
    def date_naissance(self) -> datetime.date | None:
        return self.cleaned_data.get("date_naissance")
