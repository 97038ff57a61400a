"""The filters of the dashboard: period, area and granularity, read from the query string.

``filtres_depuis_requete(request)`` gives the bound form (shown at the top of the dashboard,
with its errors next to the fields and the values kept) and the ``Filtres`` the figures are
computed over. Invalid parts fall back to their defaults (the last 12 months, the user's whole
area, per month): a user restricted to some communautés never gets more, whatever the URL.
"""

from datetime import date, timedelta

from django import forms
from django.utils import timezone

from lot_portal.cms.formulaires import ChampsAccessiblesMixin
from lot_portal.territoire.models import CommunauteDeCommunes

from .registre import GRANULARITES, Filtres, perimetre

PERIODES = {
    "30j": "30 derniers jours",
    "12m": "12 derniers mois",
    "annee": "Année en cours",
    "annee_precedente": "Année précédente",
    "perso": "Personnalisée",
}
PERIODE_DEFAUT = "12m"
GRANULARITE_DEFAUT = "mois"
DUREE_MAX_MOIS = 60  # five years
TOUT_LE_DEPARTEMENT = "Tout le département"
TOUTES_MES_COMMUNAUTES = "Toutes mes communautés"
CHAMPS = ("periode", "debut", "fin", "communaute", "granularite")


def aujourd_hui() -> date:
    return timezone.localdate()


def decaler_mois(jour: date, mois: int) -> date:
    """``jour`` moved by ``mois`` months (the day is clamped to the end of the month)."""
    index = jour.year * 12 + jour.month - 1 + mois
    annee, mois_nouveau = divmod(index, 12)
    mois_nouveau += 1
    suivant = date(annee + (mois_nouveau == 12), mois_nouveau % 12 + 1, 1)
    dernier_jour = (suivant - timedelta(days=1)).day
    return date(annee, mois_nouveau, min(jour.day, dernier_jour))


def bornes_periode(periode: str, aujourdhui: date | None = None) -> tuple[date, date]:
    """The included first and last days of a preset period (not « perso »)."""
    aujourdhui = aujourdhui or aujourd_hui()
    if periode == "30j":
        return aujourdhui - timedelta(days=29), aujourdhui
    if periode == "annee":
        return date(aujourdhui.year, 1, 1), aujourdhui
    if periode == "annee_precedente":
        return date(aujourdhui.year - 1, 1, 1), date(aujourdhui.year - 1, 12, 31)
    # « 12m »: the same day a year ago excluded, today included.
    return decaler_mois(aujourdhui, -12) + timedelta(days=1), aujourdhui


def date_fr(jour: date) -> str:
    return jour.strftime("%d/%m/%Y")


class _ChampDate(forms.DateField):
    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            input_formats=["%Y-%m-%d", "%d/%m/%Y"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": "Saisissez une date valide, par exemple 31/01/2026."},
            **kwargs,
        )


class FiltresForm(ChampsAccessiblesMixin, forms.Form):
    periode = forms.ChoiceField(
        label="Période",
        choices=list(PERIODES.items()),
        error_messages={
            "required": "Choisissez une période.",
            "invalid_choice": "Choisissez une période de la liste.",
        },
    )
    debut = _ChampDate(label="Du", help_text="Période personnalisée : premier jour inclus.")
    fin = _ChampDate(label="Au", help_text="Période personnalisée : dernier jour inclus.")
    communaute = forms.ChoiceField(
        label="Territoire",
        required=False,
        error_messages={"invalid_choice": "Choisissez un territoire de la liste."},
    )
    granularite = forms.ChoiceField(
        label="Évolution",
        choices=list(GRANULARITES.items()),
        error_messages={
            "required": "Choisissez une granularité.",
            "invalid_choice": "Choisissez « Par semaine » ou « Par mois ».",
        },
    )

    def __init__(self, *args, perimetre_utilisateur=None, communautes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.perimetre = perimetre_utilisateur
        self.noms_communautes = dict(communautes)
        choix = list(communautes)
        if perimetre_utilisateur is None:
            choix.insert(0, ("", TOUT_LE_DEPARTEMENT))
        elif len(choix) != 1:
            choix.insert(0, ("", TOUTES_MES_COMMUNAUTES))
        self.fields["communaute"].choices = [(str(valeur), nom) for valeur, nom in choix]
        if perimetre_utilisateur is not None and len(choix) == 1:
            self.fields["communaute"].required = True

    def clean(self):
        donnees = super().clean()
        if donnees.get("periode") != "perso":
            # The dates only matter for a custom period: never block a preset on them.
            for nom in ("debut", "fin"):
                if self._errors.pop(nom, None) is not None:
                    donnees.pop(nom, None)
            return donnees
        debut, fin = donnees.get("debut"), donnees.get("fin")
        if "debut" in donnees and debut is None:
            self.add_error("debut", "Indiquez le premier jour de la période personnalisée.")
        if "fin" in donnees and fin is None:
            self.add_error("fin", "Indiquez le dernier jour de la période personnalisée.")
        if debut is None or fin is None:
            return donnees
        aujourdhui = aujourd_hui()
        if fin > aujourdhui:
            self.add_error(
                "fin", f"La fin ne peut pas dépasser aujourd'hui ({date_fr(aujourdhui)})."
            )
        elif fin < debut:
            self.add_error("fin", "La fin doit être le même jour que le début ou après.")
        elif fin >= decaler_mois(debut, DUREE_MAX_MOIS):
            self.add_error("fin", "La période ne peut pas dépasser 5 ans.")
        return donnees

    # --- What the figures are computed over (defaults for any invalid part) -------------

    def bornes(self) -> tuple[date, date]:
        donnees = getattr(self, "cleaned_data", {})
        periode = donnees.get("periode") or PERIODE_DEFAUT
        if periode == "perso":
            if donnees.get("debut") and donnees.get("fin"):
                return donnees["debut"], donnees["fin"]
            periode = PERIODE_DEFAUT
        return bornes_periode(periode)

    def communautes_choisies(self) -> tuple[int, ...] | None:
        valeur = getattr(self, "cleaned_data", {}).get("communaute")
        if valeur and int(valeur) in self.noms_communautes:
            return (int(valeur),)
        return self.perimetre

    def filtres(self) -> Filtres:
        debut, fin = self.bornes()
        granularite = getattr(self, "cleaned_data", {}).get("granularite") or GRANULARITE_DEFAUT
        return Filtres(
            debut=debut, fin=fin, communautes=self.communautes_choisies(), granularite=granularite
        )

    def libelle_territoire(self, filtres: Filtres) -> str:
        if filtres.communautes is None:
            return TOUT_LE_DEPARTEMENT
        noms = [self.noms_communautes[i] for i in filtres.communautes if i in self.noms_communautes]
        return ", ".join(noms) or "Aucun territoire"


def libelle_periode(filtres: Filtres) -> str:
    return f"du {date_fr(filtres.debut)} au {date_fr(filtres.fin)}"


def communautes_visibles(perimetre_utilisateur) -> list[tuple[int, str]]:
    """(id, name) of the communautés a user with this area may choose, by name (1 query)."""
    requete = CommunauteDeCommunes.objects.order_by("nom")
    if perimetre_utilisateur is not None:
        requete = requete.filter(pk__in=perimetre_utilisateur)
    return list(requete.values_list("pk", "nom"))


def filtres_depuis_requete(request) -> tuple[FiltresForm, Filtres]:
    """The filter form bound to ``request.GET`` (defaults when absent) and its ``Filtres``."""
    perimetre_utilisateur = perimetre(request.user)
    communautes = communautes_visibles(perimetre_utilisateur)
    donnees = {"periode": PERIODE_DEFAUT, "granularite": GRANULARITE_DEFAUT, "communaute": ""}
    if perimetre_utilisateur is not None and len(communautes) == 1:
        donnees["communaute"] = str(communautes[0][0])
    donnees.update({nom: request.GET[nom] for nom in CHAMPS if nom in request.GET})
    form = FiltresForm(
        donnees, perimetre_utilisateur=perimetre_utilisateur, communautes=communautes
    )
    form.is_valid()
    return form, form.filtres()
