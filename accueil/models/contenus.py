"""Content staff edit for the welcome journey: kits, area information, steps, housing."""

from django.core.validators import MinValueValidator
from django.db import models
from wagtail.fields import RichTextField, StreamField

from lot_portal.cms.blocks import CorpsStreamBlock
from lot_portal.cms.champs import ChoixMultiplesField
from lot_portal.territoire.models import CommunauteDeCommunes, Commune

from .choix import ProfilArrivant


class KitBienvenue(models.Model):
    """The welcome kit of one profile (CMS content), combined with the chosen area's
    ``InfosPratiques`` on the newcomer's kit page."""

    profil = models.CharField("profil", max_length=20, choices=ProfilArrivant.choices, unique=True)
    titre = models.CharField("titre", max_length=150)
    introduction = models.TextField("introduction", blank=True)
    corps = StreamField(CorpsStreamBlock(), verbose_name="contenu", blank=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "kit de bienvenue"
        verbose_name_plural = "kits de bienvenue"
        ordering = ["profil"]

    def __str__(self):
        return self.titre


class InfosPratiques(models.Model):
    """Practical information of one communauté de communes, printed in the welcome kit."""

    communaute = models.OneToOneField(
        CommunauteDeCommunes,
        verbose_name="communauté de communes",
        on_delete=models.CASCADE,
        related_name="infos_pratiques",
    )
    presentation = RichTextField("présentation", blank=True)
    services = RichTextField("services publics", blank=True)
    ecoles = RichTextField("écoles, collèges, lycées et garde d'enfants", blank=True)
    sante = RichTextField("santé", blank=True)
    transports = RichTextField("transports", blank=True)
    associations = RichTextField("associations et loisirs", blank=True)
    contacts = RichTextField("contacts utiles", blank=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "informations pratiques"
        verbose_name_plural = "informations pratiques"
        ordering = ["communaute__nom"]

    def __str__(self):
        return f"Informations pratiques : {self.communaute}"


class ModeleEtape(models.Model):
    """A step template of the journey, and the rule that selects it.

    A journey gets the step when the newcomer's profile is in ``profils`` (empty: every
    profile) and their file meets ``condition``.
    """

    class Condition(models.TextChoices):
        TOUJOURS = "toujours", "Toujours"
        ENFANTS = "enfants", "Le foyer a des enfants"
        CONJOINT_CHERCHE_EMPLOI = "conjoint_cherche_emploi", "Le conjoint cherche un emploi"
        LOGEMENT_TEMPORAIRE = "logement_temporaire", "Besoin d'un logement temporaire"
        RECHERCHE_LOGEMENT = "recherche_logement", "Cherche à louer ou acheter"
        PROJET_ENTREPRISE = "projet_entreprise", "Projet de création ou de reprise"
        RECHERCHE_EMPLOI = "recherche_emploi", "Cherche un emploi"
        ZONE_INCONNUE = "zone_inconnue", "Ne sait pas encore où s'installer"

    class Contenu(models.TextChoices):
        """What the journey page shows under the step, beside its text."""

        AUCUN = "aucun", "Texte seul"
        LOGEMENTS_TEMPORAIRES = "logements_temporaires", "Logements temporaires du secteur"
        SEJOUR_DECOUVERTE = "sejour_decouverte", "Demande de séjour découverte"
        AMBASSADEURS = "ambassadeurs", "Ambassadeurs à rencontrer"
        OFFRES_EMPLOI = "offres_emploi", "Offres d'emploi et alertes"
        KIT = "kit", "Kit de bienvenue"

    code = models.SlugField("code", max_length=60, unique=True)
    titre = models.CharField("titre", max_length=150)
    explication = RichTextField("explications")
    ressources = RichTextField(
        "ressources", blank=True, help_text="Liens et contacts utiles pour cette étape."
    )
    ordre = models.PositiveSmallIntegerField("ordre", default=100)
    profils = ChoixMultiplesField(
        "profils concernés",
        choix=ProfilArrivant.choices,
        blank=True,
        help_text="Aucun profil coché : l'étape vaut pour tous les profils.",
    )
    condition = models.CharField(
        "condition", max_length=30, choices=Condition.choices, default=Condition.TOUJOURS
    )
    contenu = models.CharField(
        "contenu affiché", max_length=30, choices=Contenu.choices, default=Contenu.AUCUN
    )
    actif = models.BooleanField("active", default=True)

    class Meta:
        verbose_name = "modèle d'étape"
        verbose_name_plural = "modèles d'étapes"
        ordering = ["ordre", "titre"]

    def __str__(self):
        return self.titre


class LogementTemporaire(models.Model):
    """A temporary housing solution, shown in the housing step of the chosen area."""

    class Type(models.TextChoices):
        GITE = "gite", "Gîte pour séjour long"
        AUBERGE_JEUNESSE = "auberge_jeunesse", "Auberge de jeunesse, foyer de jeunes travailleurs"
        LOGEMENT_PASSERELLE = "passerelle", "Logement passerelle"
        MEUBLE_COMMUNAL = "meuble_communal", "Meublé proposé par une commune"
        AUTRE = "autre", "Autre"

    nom = models.CharField("nom", max_length=150)
    type = models.CharField("type", max_length=20, choices=Type.choices)
    commune = models.ForeignKey(
        Commune, verbose_name="commune", on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField("description", blank=True)
    capacite = models.PositiveSmallIntegerField(
        "capacité (personnes)", validators=[MinValueValidator(1)]
    )
    prix_min = models.PositiveIntegerField(
        "loyer ou prix minimum (€ par mois)", null=True, blank=True
    )
    prix_max = models.PositiveIntegerField(
        "loyer ou prix maximum (€ par mois)", null=True, blank=True
    )
    disponible = models.BooleanField("disponible", default=True)
    disponibilite = models.CharField(
        "disponibilité", max_length=200, blank=True, help_text="Par exemple : « dès mars 2027 »."
    )
    contact_nom = models.CharField("contact", max_length=150)
    contact_telephone = models.CharField("téléphone", max_length=30, blank=True)
    contact_email = models.EmailField("adresse électronique", blank=True)
    site_web = models.URLField("site web", blank=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "logement temporaire"
        verbose_name_plural = "logements temporaires"
        ordering = ["commune__nom", "nom"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(prix_min__isnull=True)
                | models.Q(prix_max__isnull=True)
                | models.Q(prix_min__lte=models.F("prix_max")),
                name="logement_temporaire_prix_ordonnes",
            )
        ]

    def __str__(self):
        return f"{self.nom} ({self.commune})"
