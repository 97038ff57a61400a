"""Forms of the laureates' space and of the staff follow-up (French messages, kept input)."""

from django import forms
from django.core.exceptions import ValidationError

from lot_portal.cms.formulaires import ChampsAccessiblesMixin
from lot_portal.cms.images import image_nettoyer

from .fichiers import AIDE_FORMATS, TYPES_ACCEPTES, piece_nettoyer, taille_lisible
from .models import ActionSoutien, RapportProjet, Versement

TAILLE_MAX_PHOTO = 8 * 1024 * 1024


class AcceptationForm(ChampsAccessiblesMixin, forms.Form):
    accepte = forms.BooleanField(
        label="J'accepte l'aide et ses conditions",
        error_messages={"required": "Cochez cette case pour confirmer que vous acceptez l'aide."},
    )
    consentement_vitrine = forms.BooleanField(
        label="J'accepte que notre projet figure dans la vitrine publique des projets soutenus",
        required=False,
        help_text="Seuls le titre, la présentation ci-dessous, les articles du journal que "
        "le Département a publiés et les prénoms de l'équipe seront visibles.",
    )
    vitrine_resume = forms.CharField(
        label="Présentation publique du projet",
        required=False,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="1 500 caractères au plus. Elle sera lue par tout le monde : pas d'adresse "
        "ni de numéro de téléphone.",
        error_messages={"max_length": "La présentation dépasse 1 500 caractères."},
    )

    def clean(self):
        donnees = super().clean()
        if donnees.get("vitrine_resume", "").strip() and not donnees.get("consentement_vitrine"):
            self.add_error(
                "consentement_vitrine",
                "Cochez cette case pour que votre présentation publique puisse être montrée, "
                "ou laissez la présentation vide.",
            )
        return donnees


class VitrineForm(AcceptationForm):
    """Same showcase choices, after the acceptance."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["accepte"]


class RapportDeposerForm(ChampsAccessiblesMixin, forms.Form):
    fichier = forms.FileField(
        label="Fichier du rapport",
        widget=forms.ClearableFileInput(attrs={"accept": TYPES_ACCEPTES}),
        error_messages={
            "required": "Choisissez le fichier de votre rapport.",
            "empty": "Ce fichier est vide.",
            "invalid": "Le fichier n'a pas pu être lu : réessayez.",
        },
    )

    def __init__(self, *args, taille_max: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.taille_max = taille_max
        self.fields["fichier"].help_text = f"{AIDE_FORMATS}, {taille_lisible(taille_max)} au plus."

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        contenu, type_mime, nom = piece_nettoyer(fichier, taille_max=self.taille_max)
        self.piece_propre = (contenu, type_mime, nom)
        return fichier


class EntreeJournalForm(ChampsAccessiblesMixin, forms.Form):
    titre = forms.CharField(
        label="Titre",
        max_length=150,
        error_messages={
            "required": "Donnez un titre à cet article.",
            "max_length": "Le titre dépasse 150 caractères.",
        },
    )
    texte = forms.CharField(
        label="Récit",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Ce qui s'est passé, ce que vous avez appris : 5 000 caractères au plus.",
        error_messages={
            "required": "Racontez cette étape du projet.",
            "max_length": "Le récit dépasse 5 000 caractères.",
        },
    )
    image = forms.FileField(
        label="Photo",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text="JPEG, PNG ou WebP, 8 Mo au plus. Ne montrez personne sans son accord.",
        error_messages={"empty": "Ce fichier est vide."},
    )
    image_alt = forms.CharField(
        label="Description de la photo",
        max_length=250,
        required=False,
        help_text="Ce que montre la photo, pour les personnes qui ne la voient pas.",
        error_messages={"max_length": "La description dépasse 250 caractères."},
    )
    retirer_image = forms.BooleanField(label="Retirer la photo actuelle", required=False)

    def __init__(self, *args, a_une_image=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.a_une_image = a_une_image
        if not a_une_image:
            del self.fields["retirer_image"]

    def clean_image(self):
        fichier = self.cleaned_data.get("image")
        if not fichier:
            return None
        return image_nettoyer(fichier, taille_max=TAILLE_MAX_PHOTO)

    def clean(self):
        donnees = super().clean()
        retirer = donnees.get("retirer_image", False)
        aura_image = bool(donnees.get("image")) or (self.a_une_image and not retirer)
        if "image" in self.errors:
            aura_image = True
        if aura_image and not donnees.get("image_alt", "").strip():
            self.add_error(
                "image_alt", "Décrivez la photo : sa description est obligatoire avec une photo."
            )
        return donnees


# --- Staff follow-up forms (Wagtail admin) ------------------------------------------------------


class VersementForm(forms.ModelForm):
    class Meta:
        model = Versement
        fields = ["jalon", "montant", "prevu_le", "verse_le", "ordre"]
        widgets = {
            "prevu_le": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "verse_le": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "jalon": {"required": "Indiquez l'étape qui déclenche le versement."},
            "montant": {
                "required": "Indiquez le montant.",
                "invalid": "Saisissez un montant en euros, par exemple 500 ou 500,50.",
            },
        }

    def clean_montant(self):
        montant = self.cleaned_data["montant"]
        if montant is not None and montant <= 0:
            raise ValidationError("Le montant doit être positif.")
        return montant


class RapportAttenduForm(forms.ModelForm):
    class Meta:
        model = RapportProjet
        fields = ["type_rapport", "attendu_le"]
        widgets = {"attendu_le": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        error_messages = {"type_rapport": {"required": "Choisissez le type de rapport."}}


class ActionSoutienForm(forms.ModelForm):
    class Meta:
        model = ActionSoutien
        fields = ["libelle", "description", "le", "par", "realisee"]
        widgets = {
            "le": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"libelle": {"required": "Indiquez l'action de soutien."}}


class RefusForm(forms.Form):
    motif = forms.CharField(
        label="Motif du refus (visible par l'équipe)",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Indiquez le motif du refus : l'équipe le verra.",
            "max_length": "Le motif dépasse 500 caractères.",
        },
    )
