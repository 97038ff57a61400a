"""Forms of the partner space: a job offer, a takeover (with up to three photos)."""

from django import forms
from django.utils import timezone

from lot_portal.cms.formulaires import ChampsAccessiblesMixin
from lot_portal.cms.images import image_nettoyer
from lot_portal.territoire.models import Commune

from .models import (
    Contrat,
    Organisme,
    PeriodeSalaire,
    Secteur,
    Teletravail,
    TempsTravail,
    TrancheCA,
    TrancheEffectif,
    TranchePrix,
)

PHOTOS_MAX = 3
TYPES_ACCEPTES = "image/jpeg,image/png,image/webp"
FORMATS_DATE = ["%Y-%m-%d", "%d/%m/%Y"]
MESSAGE_FICHIERS_PERDUS = (
    "Votre texte est conservé, mais les photos choisies ne le sont pas : "
    "sélectionnez-les à nouveau avant d'envoyer."
)


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.nom


class EmployeurChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.nom


def _choix(libelle, choix, *, requis=True, vide=None, **kwargs):
    options = list(choix)
    if vide is not None:
        options = [("", vide), *options]
    return forms.ChoiceField(
        label=libelle,
        choices=options,
        required=requis,
        error_messages={
            "required": f"Choisissez : {libelle.lower()}.",
            "invalid_choice": "Choisissez une valeur de la liste.",
        },
        **kwargs,
    )


def _date(libelle, **kwargs):
    return forms.DateField(
        label=libelle,
        required=False,
        input_formats=FORMATS_DATE,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Saisissez une date valide, par exemple 15/09/2026."},
        **kwargs,
    )


def _commune():
    return CommuneChoiceField(
        label="Commune",
        queryset=Commune.objects.order_by("nom"),
        empty_label="— choisissez la commune —",
        error_messages={
            "required": "Choisissez la commune.",
            "invalid_choice": "Choisissez une commune de la liste.",
        },
    )


def _texte(libelle, *, requis=True, max_length=10000, rows=10, **kwargs):
    return forms.CharField(
        label=libelle,
        required=requis,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": f"Remplissez : {libelle.lower()}.",
            "max_length": f"Ce texte ne doit pas dépasser {max_length} caractères.",
        },
        **kwargs,
    )


class _AnnonceForm(ChampsAccessiblesMixin, forms.Form):
    title = forms.CharField(
        label="Titre",
        max_length=200,
        error_messages={
            "required": "Donnez un titre à l'annonce.",
            "max_length": "Le titre ne doit pas dépasser 200 caractères.",
        },
    )

    def clean_title(self):
        titre = " ".join(self.cleaned_data["title"].split())
        if not titre:
            raise forms.ValidationError("Donnez un titre à l'annonce.")
        return titre

    def clean_description(self):
        texte = self.cleaned_data["description"].strip()
        if not texte:
            raise forms.ValidationError("Écrivez la description.")
        return texte

    def donnees(self) -> dict:
        """The cleaned data in the shape the service expects."""
        return dict(self.cleaned_data)

    def clean_date_expiration(self):
        date = self.cleaned_data.get("date_expiration")
        if date and date < timezone.localdate():
            raise forms.ValidationError("La date d'expiration est déjà passée.")
        return date


class OffreForm(_AnnonceForm):
    """An offer as a partner writes it; field names are the model's (its ``clean`` errors
    come back next to the right field)."""

    employeur = EmployeurChoiceField(
        label="Employeur",
        queryset=None,
        empty_label=None,
        error_messages={
            "required": "Choisissez l'employeur.",
            "invalid_choice": "Choisissez un de vos employeurs.",
        },
    )
    contrat = _choix("Contrat", Contrat.choices, vide="— choisissez —")
    secteur = _choix("Secteur", Secteur.choices, vide="— choisissez —")
    temps_travail = _choix("Temps de travail", TempsTravail.choices, initial=TempsTravail.PLEIN)
    teletravail = _choix("Télétravail", Teletravail.choices, initial=Teletravail.NON)
    salaire_min = forms.IntegerField(
        label="Salaire minimum (€)",
        required=False,
        min_value=0,
        max_value=10_000_000,
        error_messages={
            "invalid": "Saisissez un montant en euros, sans espace ni décimale.",
            "min_value": "Le montant ne peut pas être négatif.",
            "max_value": "Ce montant paraît trop élevé.",
        },
    )
    salaire_max = forms.IntegerField(
        label="Salaire maximum (€)",
        required=False,
        min_value=0,
        max_value=10_000_000,
        error_messages={
            "invalid": "Saisissez un montant en euros, sans espace ni décimale.",
            "min_value": "Le montant ne peut pas être négatif.",
            "max_value": "Ce montant paraît trop élevé.",
        },
    )
    salaire_periode = _choix(
        "Salaire exprimé", PeriodeSalaire.choices, initial=PeriodeSalaire.ANNEE
    )
    date_debut = _date("Prise de poste", help_text="Laissez vide : dès que possible.")
    commune = _commune()
    description = _texte(
        "Description du poste",
        help_text="Les missions, l'équipe, les conditions. Séparez les paragraphes par une "
        "ligne vide.",
    )
    profil = _texte(
        "Profil recherché",
        requis=False,
        rows=6,
        help_text="Formation, expérience, qualités. Séparez les paragraphes par une ligne vide.",
    )
    candidature_url = forms.URLField(
        label="Adresse web pour candidater",
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={"invalid": "Saisissez une adresse web complète (https://…)."},
    )
    candidature_email = forms.EmailField(
        label="Adresse électronique pour candidater",
        required=False,
        help_text="Au moins une des deux adresses.",
        error_messages={"invalid": "Saisissez une adresse électronique valide."},
    )
    candidature_email_personnelle = forms.BooleanField(
        label="Cette adresse est celle d'une personne, qui a accepté sa publication",
        required=False,
    )
    date_expiration = _date(
        "Date d'expiration",
        help_text="Après cette date, l'offre quitte les listes. Vide : elle reste en ligne "
        "jusqu'à ce que vous la marquiez pourvue.",
    )

    def __init__(self, *args, employeurs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employeur"].queryset = employeurs


class RepriseForm(_AnnonceForm):
    """A business for sale as a partner body writes it, with up to three photos."""

    activite = forms.CharField(
        label="Activité",
        max_length=200,
        help_text="Par exemple « Boulangerie-pâtisserie en centre-bourg ».",
        error_messages={
            "required": "Décrivez l'activité en quelques mots.",
            "max_length": "L'activité ne doit pas dépasser 200 caractères.",
        },
    )
    secteur = _choix("Secteur", Secteur.choices, vide="— choisissez —")
    commune = _commune()
    motif_cession = forms.CharField(
        label="Motif de la cession",
        max_length=200,
        required=False,
        help_text="Par exemple « départ à la retraite ».",
        error_messages={"max_length": "Le motif ne doit pas dépasser 200 caractères."},
    )
    tranche_ca = _choix("Chiffre d'affaires", TrancheCA.choices, requis=False, vide="—")
    tranche_effectif = _choix("Effectif", TrancheEffectif.choices, requis=False, vide="—")
    tranche_prix = _choix("Prix demandé", TranchePrix.choices, requis=False, vide="—")
    locaux_inclus = forms.BooleanField(label="Les locaux sont compris", required=False)
    logement_inclus = forms.BooleanField(label="Un logement est compris", required=False)
    description = _texte(
        "Présentation",
        help_text="L'entreprise, sa clientèle, ses atouts ; le cédant reste anonyme. Séparez "
        "les paragraphes par une ligne vide.",
    )
    organisme = _choix("Organisme accompagnateur", Organisme.choices, vide="— choisissez —")
    organisme_nom = forms.CharField(
        label="Nom de l'organisme (si autre)",
        max_length=150,
        required=False,
        error_messages={"max_length": "Le nom ne doit pas dépasser 150 caractères."},
    )
    organisme_email = forms.EmailField(
        label="Adresse de l'organisme",
        help_text="Les messages des repreneurs y sont envoyés ; elle n'est jamais affichée.",
        error_messages={
            "required": "Indiquez l'adresse où envoyer les messages des repreneurs.",
            "invalid": "Saisissez une adresse électronique valide.",
        },
    )
    date_expiration = _date(
        "Date d'expiration", help_text="Après cette date, l'annonce quitte les listes."
    )

    def __init__(self, *args, photos_actuelles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.photos_actuelles = list(photos_actuelles)[:PHOTOS_MAX]
        for numero in range(1, PHOTOS_MAX + 1):
            actuelle = self._actuelle(numero)
            self.fields[f"photo_{numero}"] = forms.FileField(
                label=f"Photo {numero}",
                required=False,
                widget=forms.FileInput(attrs={"accept": TYPES_ACCEPTES}),
                help_text="JPEG, PNG ou WebP de 5 Mo au plus ; ses métadonnées (localisation) "
                "sont effacées."
                + (" Laissez vide pour garder la photo actuelle." if actuelle else ""),
                error_messages={
                    "empty": "Le fichier est vide.",
                    "invalid": "Ce fichier n'a pas pu être lu : choisissez-le à nouveau.",
                    "missing": "Le fichier n'a pas été reçu : choisissez-le à nouveau.",
                },
            )
            self.fields[f"alt_{numero}"] = forms.CharField(
                label=f"Description de la photo {numero}",
                required=False,
                max_length=250,
                help_text="Ce que montre la photo, pour les personnes qui ne la voient pas "
                "(obligatoire avec une photo).",
                error_messages={
                    "max_length": "La description ne doit pas dépasser 250 caractères."
                },
            )
            if actuelle and not self.is_bound:
                self.initial[f"alt_{numero}"] = actuelle[1]
            if actuelle:
                self.fields[f"retirer_{numero}"] = forms.BooleanField(
                    label=f"Retirer la photo {numero}", required=False
                )

    def _actuelle(self, numero):
        return self.photos_actuelles[numero - 1] if numero <= len(self.photos_actuelles) else None

    def creneaux(self):
        return [
            {
                "numero": numero,
                "fichier": self[f"photo_{numero}"],
                "alt": self[f"alt_{numero}"],
                "retirer": self[f"retirer_{numero}"]
                if f"retirer_{numero}" in self.fields
                else None,
                "actuelle": self._actuelle(numero),
            }
            for numero in range(1, PHOTOS_MAX + 1)
        ]

    @property
    def fichiers_envoyes(self) -> bool:
        return any(self.files.get(f"photo_{n}") for n in range(1, PHOTOS_MAX + 1))

    def _nettoyer_photo(self, numero):
        fichier = self.cleaned_data.get(f"photo_{numero}")
        return image_nettoyer(fichier) if fichier else None

    def clean_photo_1(self):
        return self._nettoyer_photo(1)

    def clean_photo_2(self):
        return self._nettoyer_photo(2)

    def clean_photo_3(self):
        return self._nettoyer_photo(3)

    def clean(self):
        donnees = super().clean()
        if (
            donnees.get("organisme") == Organisme.AUTRE
            and not (donnees.get("organisme_nom") or "").strip()
        ):
            self.add_error("organisme_nom", "Donnez le nom de l'organisme.")
        for numero in range(1, PHOTOS_MAX + 1):
            if f"photo_{numero}" in self.errors:
                continue
            nouvelle = donnees.get(f"photo_{numero}")
            gardee = self._actuelle(numero) and not donnees.get(f"retirer_{numero}")
            alt = (donnees.get(f"alt_{numero}") or "").strip()
            donnees[f"alt_{numero}"] = alt
            if (nouvelle or gardee) and not alt and f"alt_{numero}" not in self.errors:
                self.add_error(
                    f"alt_{numero}",
                    "Décrivez cette photo : la description la remplace pour les personnes "
                    "qui ne la voient pas.",
                )
        if self.errors and self.fichiers_envoyes:
            self.add_error(None, MESSAGE_FICHIERS_PERDUS)
        return donnees

    def donnees(self) -> dict:
        d = dict(self.cleaned_data)
        d["photos"] = [
            {
                "fichier": d.get(f"photo_{n}"),
                "alt": d.get(f"alt_{n}", ""),
                "retirer": bool(d.get(f"retirer_{n}")),
            }
            for n in range(1, PHOTOS_MAX + 1)
        ]
        return d
