"""Forms of the ideas box: propose an idea, filter and sort the public list."""

from django import forms

from lot_portal.cms.formulaires import ChampsAccessiblesMixin

from .models import Idee
from .models.choix import STATUTS_IDEE_VISIBLES, CategorieIdee, StatutIdee

TITRE_MAX = Idee._meta.get_field("titre").max_length
DESCRIPTION_MAX = Idee._meta.get_field("description").max_length
DESCRIPTION_MIN = 20


class IdeeForm(ChampsAccessiblesMixin, forms.Form):
    titre = forms.CharField(
        label="Titre de votre idée",
        max_length=TITRE_MAX,
        help_text=f"En quelques mots ({TITRE_MAX} caractères au plus), par exemple "
        "« Un slogan pour les jeunes qui reviennent dans le Lot ».",
        error_messages={
            "required": "Donnez un titre à votre idée.",
            "max_length": f"Le titre ne doit pas dépasser {TITRE_MAX} caractères.",
        },
    )
    categorie = forms.ChoiceField(
        label="Type d'idée",
        choices=[("", "Choisissez un type d'idée"), *CategorieIdee.choices],
        error_messages={
            "required": "Choisissez le type de votre idée.",
            "invalid_choice": "Choisissez un type d'idée dans la liste.",
        },
    )
    description = forms.CharField(
        label="Description",
        min_length=DESCRIPTION_MIN,
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=f"Décrivez votre idée : à qui elle s'adresse, comment la réaliser "
        f"({DESCRIPTION_MIN} à {DESCRIPTION_MAX} caractères). N'indiquez pas d'informations "
        "personnelles : l'idée sera publique après modération.",
        error_messages={
            "required": "Décrivez votre idée.",
            "min_length": f"Décrivez votre idée en {DESCRIPTION_MIN} caractères au moins.",
            "max_length": f"La description ne doit pas dépasser {DESCRIPTION_MAX} caractères.",
        },
    )

    def clean_titre(self):
        titre = " ".join(self.cleaned_data["titre"].split())
        if not titre:
            raise forms.ValidationError("Donnez un titre à votre idée.")
        return titre


TRI_RECENTS = "recents"
TRI_SOUTIENS = "soutiens"
TRIS = [(TRI_RECENTS, "Les plus récentes"), (TRI_SOUTIENS, "Les plus soutenues")]


class FiltreIdeesForm(forms.Form):
    """GET filters of the public list; unknown values are ignored (never an error page)."""

    categorie = forms.ChoiceField(
        label="Type d'idée",
        required=False,
        choices=[("", "Tous les types"), *CategorieIdee.choices],
    )
    statut = forms.ChoiceField(
        label="Avancement",
        required=False,
        choices=[("", "Tous")]
        + [(s.value, s.label) for s in StatutIdee if s in STATUTS_IDEE_VISIBLES],
    )
    tri = forms.ChoiceField(label="Trier par", required=False, choices=TRIS)

    def valeurs(self) -> dict:
        """The valid filters only (an invalid one is dropped, the others kept)."""
        self.is_valid()
        propres = {}
        for nom in self.fields:
            valeur = self.cleaned_data.get(nom) if nom not in self.errors else ""
            propres[nom] = valeur or ""
        propres["tri"] = propres["tri"] or TRI_RECENTS
        return propres
