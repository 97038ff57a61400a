"""The story form of the ambassador's space: text, up to three images, classification."""

from django import forms

from lot_portal.cms.blocks import Profil
from lot_portal.cms.formulaires import ChampsAccessiblesMixin
from lot_portal.cms.images import image_nettoyer
from lot_portal.cms.models import Thematique
from lot_portal.territoire.models import Commune

IMAGES_MAX = 3
TYPES_ACCEPTES = "image/jpeg,image/png,image/webp"
MESSAGE_FICHIERS_PERDUS = (
    "Votre texte est conservé, mais les images choisies ne le sont pas : "
    "sélectionnez-les à nouveau avant d'envoyer."
)


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.nom


class HistoireForm(ChampsAccessiblesMixin, forms.Form):
    titre = forms.CharField(
        label="Titre",
        max_length=120,
        help_text="Par exemple « Claire, céramiste à Figeac ».",
        error_messages={
            "required": "Donnez un titre à votre histoire.",
            "max_length": "Le titre ne doit pas dépasser 120 caractères.",
        },
    )
    chapo = forms.CharField(
        label="Résumé",
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Deux ou trois phrases qui donnent envie de lire (400 caractères au plus).",
        error_messages={
            "required": "Écrivez un résumé de votre histoire.",
            "max_length": "Le résumé ne doit pas dépasser 400 caractères.",
        },
    )
    texte = forms.CharField(
        label="Votre histoire",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Séparez les paragraphes par une ligne vide. La mise en forme est faite par "
        "l'équipe éditoriale.",
        error_messages={
            "required": "Écrivez le texte de votre histoire.",
            "max_length": "Le texte ne doit pas dépasser 20 000 caractères.",
        },
    )
    commune = CommuneChoiceField(
        label="Commune",
        queryset=Commune.objects.order_by("nom"),
        empty_label="— choisissez la commune —",
        help_text="La commune où se passe l'histoire.",
        error_messages={
            "required": "Choisissez la commune de l'histoire.",
            "invalid_choice": "Choisissez une commune de la liste.",
        },
    )
    profils = forms.MultipleChoiceField(
        label="Publics visés",
        choices=Profil.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="À qui cette histoire parle-t-elle le plus ?",
        error_messages={
            "required": "Cochez au moins un public.",
            "invalid_choice": "Choisissez un public de la liste.",
        },
    )
    thematiques = forms.ModelMultipleChoiceField(
        label="Thématiques",
        queryset=Thematique.objects.order_by("nom"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={
            "invalid_choice": "Choisissez une thématique de la liste.",
            "invalid_pk_value": "Choisissez une thématique de la liste.",
        },
    )

    def __init__(self, *args, images_actuelles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.images_actuelles = list(images_actuelles)[:IMAGES_MAX]
        for numero in range(1, IMAGES_MAX + 1):
            actuelle = self._actuelle(numero)
            principale = numero == 1
            self.fields[f"image_{numero}"] = forms.FileField(
                label="Image principale" if principale else f"Image {numero}",
                required=False,
                widget=forms.FileInput(attrs={"accept": TYPES_ACCEPTES}),
                help_text=(
                    "Photo JPEG, PNG ou WebP de 5 Mo au plus ; ses données de localisation "
                    "sont effacées."
                    + (" Laissez vide pour garder l'image actuelle." if actuelle else "")
                ),
                error_messages={
                    "empty": "Le fichier est vide.",
                    "invalid": "Ce fichier n'a pas pu être lu : choisissez-le à nouveau.",
                    "missing": "Le fichier n'a pas été reçu : choisissez-le à nouveau.",
                },
            )
            self.fields[f"alt_{numero}"] = forms.CharField(
                label="Description de l'image principale"
                if principale
                else f"Description de l'image {numero}",
                required=False,
                max_length=250,
                help_text="Ce que montre l'image, pour les personnes qui ne la voient pas "
                "(obligatoire avec une image).",
                error_messages={
                    "max_length": "La description ne doit pas dépasser 250 caractères."
                },
            )
            if actuelle and not self.is_bound:
                self.initial[f"alt_{numero}"] = actuelle[1]
            if actuelle and not principale:
                self.fields[f"retirer_{numero}"] = forms.BooleanField(
                    label=f"Retirer l'image {numero}", required=False
                )

    def _actuelle(self, numero):
        return self.images_actuelles[numero - 1] if numero <= len(self.images_actuelles) else None

    def creneaux(self):
        """The three image slots, for the template: fields and current image."""
        return [
            {
                "numero": numero,
                "fichier": self[f"image_{numero}"],
                "alt": self[f"alt_{numero}"],
                "retirer": self[f"retirer_{numero}"]
                if f"retirer_{numero}" in self.fields
                else None,
                "actuelle": self._actuelle(numero),
            }
            for numero in range(1, IMAGES_MAX + 1)
        ]

    @property
    def fichiers_envoyes(self) -> bool:
        return any(self.files.get(f"image_{n}") for n in range(1, IMAGES_MAX + 1))

    def _nettoyer_image(self, numero):
        fichier = self.cleaned_data.get(f"image_{numero}")
        if not fichier:
            return None
        return image_nettoyer(fichier)

    def clean_image_1(self):
        return self._nettoyer_image(1)

    def clean_image_2(self):
        return self._nettoyer_image(2)

    def clean_image_3(self):
        return self._nettoyer_image(3)

    def clean_titre(self):
        titre = " ".join(self.cleaned_data["titre"].split())
        if not titre:
            raise forms.ValidationError("Donnez un titre à votre histoire.")
        return titre

    def clean_chapo(self):
        chapo = self.cleaned_data["chapo"].strip()
        if not chapo:
            raise forms.ValidationError("Écrivez un résumé de votre histoire.")
        return chapo

    def clean_texte(self):
        texte = self.cleaned_data["texte"].strip()
        if not texte:
            raise forms.ValidationError("Écrivez le texte de votre histoire.")
        return texte

    def clean(self):
        donnees = super().clean()
        for numero in range(1, IMAGES_MAX + 1):
            nom = f"image_{numero}"
            if nom in self.errors:
                continue
            nouvelle = donnees.get(nom)
            gardee = self._actuelle(numero) and not donnees.get(f"retirer_{numero}")
            alt = (donnees.get(f"alt_{numero}") or "").strip()
            donnees[f"alt_{numero}"] = alt
            if numero == 1 and not nouvelle and not self._actuelle(1):
                self.add_error(nom, "Ajoutez une image principale (une photo de l'histoire).")
            elif (nouvelle or gardee) and not alt and f"alt_{numero}" not in self.errors:
                self.add_error(
                    f"alt_{numero}",
                    "Décrivez cette image : la description la remplace pour les personnes "
                    "qui ne la voient pas.",
                )
        if self.errors and self.fichiers_envoyes:
            self.add_error(None, MESSAGE_FICHIERS_PERDUS)
        return donnees

    def donnees(self) -> dict:
        """The cleaned data in the shape ``histoire_soumettre`` expects."""
        d = self.cleaned_data
        return {
            "titre": d["titre"],
            "chapo": d["chapo"],
            "texte": d["texte"],
            "commune": d["commune"],
            "profils": list(d["profils"]),
            "thematiques": list(d["thematiques"]),
            "images": [
                {
                    "fichier": d.get(f"image_{n}"),
                    "alt": d.get(f"alt_{n}", ""),
                    "retirer": bool(d.get(f"retirer_{n}")),
                }
                for n in range(1, IMAGES_MAX + 1)
            ],
        }
