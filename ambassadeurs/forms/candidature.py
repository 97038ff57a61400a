"""The application form and the ambassador's profile form (same fields, no charter)."""

from django import forms
from django.core.exceptions import ValidationError

from lot_portal.cms.formulaires import ChampsAccessiblesMixin
from lot_portal.territoire.models import Commune

from ..models import Ambassadeur, Origine

TAILLE_PHOTO_MAX = 5 * 1024 * 1024
FORMATS_PHOTO = {"JPEG", "PNG", "WEBP"}
MESSAGE_PHOTO_FORMAT = "Ce fichier n'est pas une image JPEG, PNG ou WebP."
MESSAGE_PHOTO_TAILLE = "La photo dépasse 5 Mo : choisissez une image plus légère."

CHAMPS_PROFIL = [
    "prenom",
    "nom",
    "commune",
    "profession",
    "secteur",
    "origine",
    "arrive_de",
    "histoire",
    "interets",
    "offres",
    "profils",
    "champs_publics",
]


def photo_nettoyer(fichier):
    """A clean copy of the uploaded photo (``ContentFile``), or ``ValidationError`` in French.

    Uses ``lot_portal.cms.images.image_nettoyer`` (re-encoding, metadata stripped); a plain
    Pillow check remains as a fallback should that module be missing.
    """
    try:
        from lot_portal.cms.images import image_nettoyer
    except ImportError:  # pragma: no cover - the module ships with the app
        image_nettoyer = None
    if image_nettoyer is not None:
        return image_nettoyer(fichier)
    from django.core.files.base import ContentFile
    from PIL import Image

    if fichier.size > TAILLE_PHOTO_MAX:
        raise ValidationError(MESSAGE_PHOTO_TAILLE, code="image_taille")
    donnees = fichier.read()
    try:
        import io

        with Image.open(io.BytesIO(donnees)) as image:
            format_image = image.format
            image.verify()
    except Exception as erreur:  # noqa: BLE001 - any decoding failure is a bad file
        raise ValidationError(MESSAGE_PHOTO_FORMAT, code="image_format") from erreur
    if format_image not in FORMATS_PHOTO:
        raise ValidationError(MESSAGE_PHOTO_FORMAT, code="image_format")
    return ContentFile(donnees, name=f"photo.{format_image.lower()}")


class ProfilForm(ChampsAccessiblesMixin, forms.ModelForm):
    photo_fichier = forms.FileField(
        label="Photo",
        required=False,
        help_text="JPEG, PNG ou WebP, 5 Mo au plus. Ses métadonnées (position GPS…) sont "
        "supprimées.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={"invalid": "Le fichier envoyé n'est pas valide."},
    )

    class Meta:
        model = Ambassadeur
        fields = CHAMPS_PROFIL
        widgets = {
            "origine": forms.RadioSelect,
            "histoire": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "champs_publics": "Votre prénom apparaît toujours ; votre nom et votre adresse "
            "électronique jamais.",
            "interets": "Par exemple : randonnée, rugby, cuisine, patrimoine.",
        }
        error_messages = {
            "prenom": {"required": "Indiquez votre prénom."},
            "nom": {"required": "Indiquez votre nom."},
            "commune": {
                "required": "Choisissez votre commune.",
                "invalid_choice": "Choisissez une commune de la liste.",
            },
            "profession": {"required": "Indiquez votre profession."},
            "secteur": {
                "required": "Choisissez votre secteur d'activité.",
                "invalid_choice": "Choisissez un secteur de la liste.",
            },
            "origine": {
                "required": "Dites-nous votre lien avec le Lot.",
                "invalid_choice": "Choisissez une des réponses proposées.",
            },
            "histoire": {"required": "Racontez en quelques lignes votre histoire avec le Lot."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = Commune.objects.order_by("nom")
        self.fields["commune"].empty_label = "Choisissez votre commune"
        self.fields["origine"].choices = Origine.choices
        messages_listes = {
            "offres": "Cochez au moins une chose que vous aimeriez faire.",
            "profils": None,
            "champs_publics": None,
        }
        for nom, requis in messages_listes.items():
            self.fields[nom].error_messages["invalid_choice"] = "Cochez les choix proposés."
            if requis:
                self.fields[nom].error_messages["required"] = requis
        for nom in ("prenom", "nom", "profession", "arrive_de", "interets", "histoire"):
            self.fields[nom].error_messages["max_length"] = (
                "Ce texte est trop long (%(limit_value)d caractères au plus)."
            )

    def clean_photo_fichier(self):
        fichier = self.cleaned_data.get("photo_fichier")
        if not fichier:
            return None
        return photo_nettoyer(fichier)

    def clean(self):
        donnees = super().clean()
        if donnees.get("origine") == Origine.ARRIVE and not donnees.get("arrive_de", "").strip():
            self.add_error("arrive_de", "Indiquez d'où vous êtes arrivé·e.")
        return donnees

    def donnees_modele(self) -> dict:
        return {nom: self.cleaned_data[nom] for nom in CHAMPS_PROFIL}


class EspaceProfilForm(ProfilForm):
    """The profile form of the ambassador's space: the profile, plus the announcements."""

    class Meta(ProfilForm.Meta):
        fields = [*CHAMPS_PROFIL, "recoit_annonces"]
        labels = {"recoit_annonces": "Recevoir les annonces du réseau par courriel"}
        help_texts = {
            **ProfilForm.Meta.help_texts,
            "recoit_annonces": "Décochez pour ne plus les recevoir : elles restent lisibles "
            "dans votre espace.",
        }

    def donnees_modele(self) -> dict:
        return {**super().donnees_modele(), "recoit_annonces": self.cleaned_data["recoit_annonces"]}


class CandidatureForm(ProfilForm):
    charte = forms.BooleanField(
        label="J'ai lu la charte des ambassadeurs et je m'engage à la respecter",
        error_messages={"required": "Acceptez la charte pour envoyer votre candidature."},
    )
