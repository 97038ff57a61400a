"""Forms of the jury: composition and assignments (admin), evaluation and conflict (jurors),
decision (admin)."""

from decimal import Decimal

from django import forms

from lot_portal.cms.formulaires import ChampsAccessiblesMixin

from .models.choix import QualiteJure


class MembreJuryForm(ChampsAccessiblesMixin, forms.Form):
    email = forms.EmailField(
        label="Adresse électronique du compte",
        max_length=254,
        help_text="Un compte existant du portail : agent, partenaire ou jeune.",
        error_messages={
            "required": "Indiquez l'adresse électronique du ou de la juré·e.",
            "invalid": "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.",
        },
    )
    qualite = forms.ChoiceField(
        label="Qualité",
        choices=QualiteJure.choices,
        initial=QualiteJure.AGENT,
        error_messages={
            "required": "Choisissez la qualité du ou de la juré·e.",
            "invalid_choice": "Choisissez une qualité de la liste.",
        },
    )


class AffectationForm(ChampsAccessiblesMixin, forms.Form):
    """Give one application to one juror of the call (choices set by the view)."""

    jure = forms.TypedChoiceField(
        label="Juré·e",
        coerce=int,
        error_messages={
            "required": "Choisissez un·e juré·e.",
            "invalid_choice": "Choisissez un·e juré·e du jury de cet appel.",
        },
    )

    def __init__(self, *args, jures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jure"].choices = [("", "— Choisir —")] + [
            (j.pk, j.get_full_name() or j.email) for j in jures
        ]


class EvaluationForm(ChampsAccessiblesMixin, forms.Form):
    """One score (0..note_max) and one comment per criterion, then a general opinion.

    ``terminer`` (the « Terminer mon évaluation » button) makes every score required."""

    commentaire = forms.CharField(
        label="Avis général",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="4000 caractères au plus.",
        error_messages={"max_length": "L'avis général ne doit pas dépasser 4000 caractères."},
    )

    def __init__(self, *args, criteres=(), terminer=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteres = list(criteres)
        self.terminer = terminer
        general = self.fields.pop("commentaire")
        for critere in self.criteres:
            self.fields[f"note_{critere.pk}"] = forms.IntegerField(
                label=f"Note pour « {critere.libelle} » (sur {critere.note_max})",
                required=False,
                min_value=0,
                max_value=critere.note_max,
                help_text=f"Un nombre entier de 0 à {critere.note_max}.",
                widget=forms.NumberInput(
                    attrs={"min": 0, "max": critere.note_max, "step": 1, "inputmode": "numeric"}
                ),
                error_messages={
                    "invalid": f"Saisissez un nombre entier de 0 à {critere.note_max}.",
                    "min_value": "La note ne peut pas être négative.",
                    "max_value": f"La note ne peut pas dépasser {critere.note_max}.",
                },
            )
            self.fields[f"commentaire_{critere.pk}"] = forms.CharField(
                label=f"Commentaire sur « {critere.libelle} »",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={
                    "max_length": "Le commentaire ne doit pas dépasser 2000 caractères."
                },
            )
        self.fields["commentaire"] = general

    def groupes(self):
        """(criterion, score field, comment field) for the template's fieldsets."""
        return [(c, self[f"note_{c.pk}"], self[f"commentaire_{c.pk}"]) for c in self.criteres]

    def clean(self):
        donnees = super().clean()
        for critere in self.criteres:
            nom = f"note_{critere.pk}"
            if nom in self.errors:
                continue
            note = donnees.get(nom)
            if note is None and self.terminer:
                self.add_error(nom, "Donnez une note à ce critère pour terminer votre évaluation.")
            elif note is None and donnees.get(f"commentaire_{critere.pk}", "").strip():
                self.add_error(nom, "Donnez une note pour enregistrer votre commentaire.")
        return donnees

    def notes(self) -> dict[int, tuple[int | None, str]]:
        return {
            c.pk: (
                self.cleaned_data.get(f"note_{c.pk}"),
                self.cleaned_data.get(f"commentaire_{c.pk}", "").strip(),
            )
            for c in self.criteres
        }


class ConflitForm(ChampsAccessiblesMixin, forms.Form):
    nature = forms.CharField(
        label="Nature du conflit d'intérêts",
        max_length=300,
        help_text="Par exemple : « je connais personnellement un membre de l'équipe ». "
        "300 caractères au plus.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Précisez la nature du conflit d'intérêts.",
            "max_length": "La nature du conflit ne doit pas dépasser 300 caractères.",
        },
    )
    confirmation = forms.BooleanField(
        label="Je confirme : ce dossier me sera masqué définitivement et mes notes seront "
        "supprimées.",
        error_messages={"required": "Cochez la case pour confirmer la déclaration."},
    )

    def clean_nature(self):
        nature = self.cleaned_data["nature"].strip()
        if not nature:
            raise forms.ValidationError("Précisez la nature du conflit d'intérêts.")
        return nature


class RetenirForm(ChampsAccessiblesMixin, forms.Form):
    montant_accorde = forms.DecimalField(
        label="Montant accordé (€)",
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        localize=True,
        error_messages={
            "required": "Indiquez le montant accordé.",
            "invalid": "Saisissez un montant en euros, par exemple 1500 ou 1500,50.",
            "min_value": "Le montant accordé doit être supérieur à 0 €.",
            "max_digits": "Ce montant est trop élevé.",
            "max_decimal_places": "Indiquez au plus deux décimales (les centimes).",
            "max_whole_digits": "Ce montant est trop élevé.",
        },
    )
    message = forms.CharField(
        label="Message à l'équipe",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Facultatif, enregistré dans l'historique du dossier. 2000 caractères au plus.",
        error_messages={"max_length": "Le message ne doit pas dépasser 2000 caractères."},
    )


class NePasRetenirForm(ChampsAccessiblesMixin, forms.Form):
    motif = forms.CharField(
        label="Motif de la décision",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Communiqué à l'équipe. 2000 caractères au plus.",
        error_messages={
            "required": "Indiquez le motif de la décision.",
            "max_length": "Le motif ne doit pas dépasser 2000 caractères.",
        },
    )

    def clean_motif(self):
        motif = self.cleaned_data["motif"].strip()
        if not motif:
            raise forms.ValidationError("Indiquez le motif de la décision.")
        return motif
