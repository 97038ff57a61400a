"""Forms of the follow-ups: the check-in questionnaire, the follow-up template (admin)."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from lot_portal.cms.formulaires import ChampsAccessiblesMixin

from ..models import Bilan
from ..services.relances import VARIABLES, variables_inconnues

SATISFACTION = [
    (5, "5 — Très satisfait"),
    (4, "4 — Plutôt satisfait"),
    (3, "3 — Mitigé"),
    (2, "2 — Plutôt déçu"),
    (1, "1 — Très déçu"),
]


def _choix_obligatoire(libelle: str, choix, message: str, **kwargs):
    return forms.ChoiceField(
        label=libelle,
        choices=choix,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
        **kwargs,
    )


class BilanForm(ChampsAccessiblesMixin, forms.Form):
    """« Comment se passe votre vie dans le Lot ? »: two minutes, every message in French."""

    satisfaction = forms.TypedChoiceField(
        label="Dans l'ensemble, êtes-vous satisfait de votre vie dans le Lot ?",
        choices=SATISFACTION,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez une note de 1 à 5.",
            "invalid_choice": "Choisissez une note de 1 à 5.",
        },
    )
    isolement = _choix_obligatoire(
        "Vous sentez-vous isolé ?",
        Bilan.Reponse3.choices,
        "Indiquez si vous vous sentez isolé : oui, un peu ou non.",
    )
    emploi_conjoint = _choix_obligatoire(
        "Votre conjoint a-t-il trouvé un emploi ?",
        Bilan.EmploiConjoint.choices,
        "Indiquez où en est l'emploi de votre conjoint (ou « Pas concerné »).",
    )
    logement = _choix_obligatoire(
        "Et votre logement ?",
        Bilan.Logement.choices,
        "Indiquez comment se passe votre logement.",
    )
    envisage_partir = _choix_obligatoire(
        "Vous arrive-t-il d'envisager de quitter le Lot ?",
        Bilan.Reponse3.choices,
        "Indiquez si vous envisagez de quitter le Lot : oui, un peu ou non.",
    )
    commentaire = forms.CharField(
        label="Voulez-vous nous en dire plus ?",
        required=False,
        max_length=3000,
        help_text="Ce qui va bien, ce qui manque, ce qui vous aiderait. 3 000 caractères "
        "au plus. Votre référent lit chaque réponse.",
        error_messages={"max_length": "Votre commentaire ne doit pas dépasser 3 000 caractères."},
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    # Fieldsets of the page: (legend, field names).
    GROUPES = (
        ("Votre vie dans le Lot", ("satisfaction", "isolement")),
        ("Votre foyer", ("emploi_conjoint", "logement")),
        ("Vos projets", ("envisage_partir", "commentaire")),
    )

    def groupes(self):
        return [(legende, [self[nom] for nom in noms]) for legende, noms in self.GROUPES]

    def clean_commentaire(self):
        # NUL bytes are refused by PostgreSQL; never let them reach the database.
        return self.cleaned_data["commentaire"].replace("\x00", "").strip()


class ModeleRelanceForm(WagtailAdminModelForm):
    """The admin form of a follow-up template: refuses placeholders that do not exist."""

    def _verifier(self, champ: str) -> str:
        texte = self.cleaned_data.get(champ, "")
        inconnues = variables_inconnues(texte)
        if inconnues:
            connues = ", ".join("{" + v + "}" for v in VARIABLES)
            raise forms.ValidationError(
                "Variable inconnue : %(inconnues)s. Variables possibles : %(connues)s.",
                params={
                    "inconnues": ", ".join("{" + v + "}" for v in inconnues),
                    "connues": connues,
                },
            )
        return texte

    def clean_sujet(self):
        return self._verifier("sujet")

    def clean_corps(self):
        return self._verifier("corps")
