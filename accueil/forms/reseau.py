"""Forms of the staff side (Wagtail admin file page): status, reassignment, notes, next
action, reply, CV forwarding, discovery stays, caseload filters."""

import django_filters
from django import forms
from django.db.models import Q
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import AdminDateInput

from accueil.models import ParcoursAccueil, Referent, SejourDecouverte
from accueil.models.choix import ProfilArrivant, StatutParcours
from lot_portal.territoire.models import CommunauteDeCommunes

SECTEUR_INCHANGE = ""
SECTEUR_DEPARTEMENT = "departement"


class StatutForm(forms.Form):
    statut = forms.ChoiceField(label="Nouveau statut", choices=StatutParcours.choices)
    commentaire = forms.CharField(
        label="Commentaire (facultatif)",
        max_length=300,
        required=False,
        error_messages={"max_length": "Le commentaire ne doit pas dépasser 300 caractères."},
    )

    def __init__(self, *args, statut_actuel=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.statut_actuel = statut_actuel
        if statut_actuel and not self.is_bound:
            self.initial["statut"] = statut_actuel

    def clean_statut(self):
        statut = self.cleaned_data["statut"]
        if statut == self.statut_actuel:
            raise forms.ValidationError("Le dossier a déjà ce statut.")
        return statut


class ReferentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        secteur = obj.communaute.nom if obj.communaute_id else "équipe départementale"
        nom = obj.utilisateur.get_full_name() or obj.utilisateur.email
        return f"{nom} ({secteur})"


class ReaffectationForm(forms.Form):
    secteur = forms.ChoiceField(label="Secteur de suivi", required=False)
    referent = ReferentChoiceField(
        label="Référent",
        queryset=Referent.objects.none(),
        required=False,
        empty_label="— le référent le moins chargé du secteur —",
        error_messages={"invalid_choice": "Choisissez un référent de la liste."},
    )

    def __init__(self, *args, referents, communautes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["secteur"].choices = [
            (SECTEUR_INCHANGE, "— inchangé —"),
            (SECTEUR_DEPARTEMENT, "Équipe départementale"),
            *[(str(c.pk), c.nom) for c in communautes],
        ]
        self.fields["secteur"].error_messages["invalid_choice"] = (
            "Choisissez un secteur de la liste."
        )
        self.fields["referent"].queryset = referents
        self._communautes = {str(c.pk): c for c in communautes}

    def clean(self):
        donnees = super().clean()
        secteur = donnees.get("secteur")
        referent = donnees.get("referent")
        if "secteur" in self.errors or "referent" in self.errors:
            return donnees
        if not secteur and referent is None:
            raise forms.ValidationError("Choisissez un secteur ou un référent.")
        donnees["changer_secteur"] = bool(secteur)
        donnees["communaute"] = self._communautes.get(secteur) if secteur else None
        if (
            secteur
            and referent is not None
            and not referent.est_departemental
            and (secteur == SECTEUR_DEPARTEMENT or str(referent.communaute_id) != secteur)
        ):
            self.add_error("referent", "Ce référent ne suit pas le secteur choisi.")
        return donnees


class NoteForm(forms.Form):
    texte = forms.CharField(
        label="Nouvelle note",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Visible des seuls référents ; jamais montrée au nouvel arrivant.",
        error_messages={
            "required": "Écrivez la note.",
            "max_length": "La note ne doit pas dépasser 5 000 caractères.",
        },
    )

    def clean_texte(self):
        texte = self.cleaned_data["texte"].strip()
        if not texte:
            raise forms.ValidationError("Écrivez la note.")
        return texte


class MessageForm(forms.Form):
    texte = forms.CharField(
        label="Votre réponse",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Le nouvel arrivant la lit dans son espace et reçoit un courriel "
        "(sans votre adresse).",
        error_messages={
            "required": "Écrivez votre message.",
            "max_length": "Le message ne doit pas dépasser 5 000 caractères.",
        },
    )

    def clean_texte(self):
        texte = self.cleaned_data["texte"].strip()
        if not texte:
            raise forms.ValidationError("Écrivez votre message.")
        return texte


class ProchaineActionForm(forms.Form):
    prochaine_action = forms.CharField(
        label="Prochaine action",
        max_length=200,
        required=False,
        help_text="Par exemple : « Appeler pour organiser la visite ». Laissez vide pour effacer.",
        error_messages={"max_length": "L'action ne doit pas dépasser 200 caractères."},
    )
    prochaine_action_le = forms.DateField(
        label="À faire le",
        required=False,
        widget=AdminDateInput,
        help_text="Un rappel vous est envoyé par courriel ce jour-là.",
        error_messages={"invalid": "Saisissez une date valide, par exemple 15/03/2027."},
    )

    def clean(self):
        donnees = super().clean()
        texte = (donnees.get("prochaine_action") or "").strip()
        date = donnees.get("prochaine_action_le")
        if date and not texte and "prochaine_action" not in self.errors:
            self.add_error("prochaine_action", "Précisez l'action à faire à cette date.")
        if texte and not date and "prochaine_action_le" not in self.errors:
            self.add_error("prochaine_action_le", "Indiquez la date de cette action.")
        donnees["prochaine_action"] = texte
        return donnees


class TransmissionCVForm(forms.Form):
    cv = forms.TypedChoiceField(label="CV", coerce=int)
    destinataire = forms.CharField(
        label="Employeur",
        max_length=200,
        error_messages={
            "required": "Indiquez l'employeur.",
            "max_length": "Le nom ne doit pas dépasser 200 caractères.",
        },
    )
    destinataire_email = forms.EmailField(
        label="Adresse électronique de l'employeur",
        max_length=254,
        help_text="L'employeur reçoit un lien de téléchargement valable 30 jours.",
        error_messages={
            "required": "Indiquez l'adresse de l'employeur.",
            "invalid": "Saisissez une adresse électronique valide, par exemple "
            "recrutement@entreprise.fr.",
        },
    )
    message = forms.CharField(
        label="Message à l'employeur (facultatif)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Le message ne doit pas dépasser 2 000 caractères."},
    )

    def __init__(self, *args, cvs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cv"].choices = [(cv.pk, str(cv)) for cv in cvs]
        self.fields["cv"].error_messages["invalid_choice"] = "Choisissez un CV de la liste."
        self.fields["cv"].error_messages["required"] = "Choisissez un CV."
        self._cvs = {cv.pk: cv for cv in cvs}

    def clean_cv(self):
        return self._cvs[self.cleaned_data["cv"]]


class SejourForm(forms.Form):
    """One move of a discovery stay; what each move needs is checked in ``clean``."""

    OPERATIONS = [
        (SejourDecouverte.Statut.ACCEPTE, "Accepter la demande"),
        (SejourDecouverte.Statut.PLANIFIE, "Planifier (dates, lieu, programme)"),
        (SejourDecouverte.Statut.REALISE, "Marquer comme réalisé"),
        (SejourDecouverte.Statut.REFUSE, "Refuser la demande"),
        (SejourDecouverte.Statut.ANNULE, "Annuler le séjour"),
    ]

    operation = forms.ChoiceField(
        label="Action",
        choices=OPERATIONS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez une action.", "invalid_choice": "Action inconnue."},
    )
    message_equipe = forms.CharField(
        label="Message au nouvel arrivant",
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Repris dans le courriel et dans son espace.",
        error_messages={"max_length": "Le message ne doit pas dépasser 3 000 caractères."},
    )
    date_debut = forms.DateField(
        label="Du",
        required=False,
        widget=AdminDateInput,
        error_messages={"invalid": "Saisissez une date valide."},
    )
    date_fin = forms.DateField(
        label="Au",
        required=False,
        widget=AdminDateInput,
        error_messages={"invalid": "Saisissez une date valide."},
    )
    commune = forms.TypedChoiceField(label="Commune", coerce=int, required=False, empty_value=None)
    programme = forms.CharField(
        label="Programme",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "Le programme ne doit pas dépasser 5 000 caractères."},
    )
    hebergement = forms.CharField(
        label="Hébergement",
        max_length=200,
        required=False,
        error_messages={"max_length": "L'hébergement ne doit pas dépasser 200 caractères."},
    )

    def __init__(self, *args, sejour, choix_communes, **kwargs):
        kwargs.setdefault("prefix", f"sejour-{sejour.pk}")
        super().__init__(*args, **kwargs)
        self.sejour = sejour
        self.fields["commune"].choices = [("", "— choisir —"), *choix_communes]
        self.fields["commune"].error_messages["invalid_choice"] = (
            "Choisissez une commune de la liste."
        )
        if not self.is_bound:
            self.initial.update(
                message_equipe=sejour.message_equipe,
                date_debut=sejour.date_debut,
                date_fin=sejour.date_fin,
                commune=sejour.commune_id,
                programme=sejour.programme,
                hebergement=sejour.hebergement,
            )

    def clean(self):
        donnees = super().clean()
        operation = donnees.get("operation")
        if operation == SejourDecouverte.Statut.PLANIFIE:
            for champ, message in (
                ("date_debut", "Indiquez la date d'arrivée."),
                ("date_fin", "Indiquez la date de départ."),
                ("commune", "Choisissez la commune du séjour."),
            ):
                if not donnees.get(champ) and champ not in self.errors:
                    self.add_error(champ, message)
            debut, fin = donnees.get("date_debut"), donnees.get("date_fin")
            if debut and fin and fin < debut:
                self.add_error("date_fin", "La date de départ doit suivre la date d'arrivée.")
        if (
            operation in (SejourDecouverte.Statut.REFUSE, SejourDecouverte.Statut.ANNULE)
            and not (donnees.get("message_equipe") or "").strip()
            and "message_equipe" not in self.errors
        ):
            self.add_error("message_equipe", "Expliquez la raison au nouvel arrivant.")
        return donnees

    def champs_service(self) -> dict:
        """The keyword arguments for ``sejour_mettre_a_jour``."""
        d = self.cleaned_data
        champs = {"message_equipe": d.get("message_equipe") or ""}
        if d["operation"] == SejourDecouverte.Statut.PLANIFIE:
            champs.update(
                date_debut=d["date_debut"],
                date_fin=d["date_fin"],
                commune_id=d["commune"],
                programme=d.get("programme") or "",
                hebergement=d.get("hebergement") or "",
            )
        return champs


# --- Caseload filters -----------------------------------------------------------

SOURCES = [
    ("campagne", "Code de campagne"),
    ("utm", "Lien de campagne (UTM)"),
    ("parrainage", "Parrainage d'un ambassadeur"),
    ("aucune", "Aucune source connue"),
]


def _filtre_source(cle):
    campagne = ~Q(code_campagne="") | Q(source__has_key="campagne")
    utm = Q(source__has_key="utm_source")
    parrainage = ~Q(code_parrainage="")
    return {
        "campagne": campagne,
        "utm": utm,
        "parrainage": parrainage,
        "aucune": ~(campagne | utm | parrainage),
    }[cle]


class ParcoursFilterSet(WagtailFilterSet):
    statut = django_filters.ChoiceFilter(label="Statut", choices=StatutParcours.choices)
    profil = django_filters.ChoiceFilter(label="Profil", choices=ProfilArrivant.choices)
    communaute = django_filters.ModelChoiceFilter(
        label="Secteur",
        queryset=CommunauteDeCommunes.objects.all(),
        null_label="Équipe départementale",
    )
    referent = django_filters.ModelChoiceFilter(
        label="Référent",
        queryset=Referent.objects.select_related("utilisateur", "communaute"),
        null_label="Sans référent",
    )
    source = django_filters.ChoiceFilter(label="Source", choices=SOURCES, method="filtrer_source")

    class Meta:
        model = ParcoursAccueil
        fields = ["statut", "profil", "communaute", "referent"]

    def filtrer_source(self, queryset, name, value):
        return queryset.filter(_filtre_source(value)) if value else queryset
