"""Project calls (appels à projets) and their criteria, questions and required documents.

A call is a plain model edited in the Wagtail admin (one form with inline panels). The public
pages are Django views under /jeunesse/appels/. The same engine runs the youth calls and the
business-creation contests of the prospection plan (``type_appel``); a contest usually has an
open audience (no age range, no link with the Lot required).
"""

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from lot_portal.cms.champs import ChoixMultiplesField

from .choix import LienLot, ModeAutorisation, QualiteJure, TypeAppel, TypeQuestion

LIENS_ELIGIBLES = [c for c in LienLot.choices if c[0] != LienLot.AUCUN]


class AppelQuerySet(models.QuerySet):
    def publies(self):
        return self.filter(publie=True)

    def ouverts(self, maintenant=None):
        maintenant = maintenant or timezone.now()
        return self.publies().filter(ouverture__lte=maintenant, cloture__gt=maintenant)

    def a_venir(self, maintenant=None):
        maintenant = maintenant or timezone.now()
        return self.publies().filter(ouverture__gt=maintenant)

    def clos(self, maintenant=None):
        maintenant = maintenant or timezone.now()
        return self.publies().filter(cloture__lte=maintenant)


class AppelAProjets(ClusterableModel):
    """A call for projects: who may apply, until when, for how much, judged on what."""

    class Etat(models.TextChoices):
        A_VENIR = "a_venir", "À venir"
        OUVERT = "ouvert", "Ouvert"
        CLOS = "clos", "Clos"

    titre = models.CharField("titre", max_length=200)
    slug = models.SlugField("adresse (slug)", max_length=120, unique=True, allow_unicode=False)
    type_appel = models.CharField(
        "type d'appel", max_length=10, choices=TypeAppel.choices, default=TypeAppel.JEUNESSE
    )
    chapo = models.CharField(
        "chapô", max_length=300, help_text="Une ou deux phrases, reprises dans la liste des appels."
    )
    presentation = RichTextField("présentation")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Audience. Empty rules mean an open audience.
    age_min = models.PositiveSmallIntegerField(
        "âge minimum",
        null=True,
        blank=True,
        validators=[MaxValueValidator(99)],
        help_text="Âge atteint à la date de clôture. Vide : pas d'âge minimum.",
    )
    age_max = models.PositiveSmallIntegerField(
        "âge maximum",
        null=True,
        blank=True,
        validators=[MaxValueValidator(99)],
        help_text="Âge à la date de clôture (inclus). Vide : pas d'âge maximum.",
    )
    liens_acceptes = ChoixMultiplesField(
        "liens avec le Lot acceptés",
        choix=LIENS_ELIGIBLES,
        blank=True,
        help_text="Chaque membre de l'équipe doit avoir l'un de ces liens. "
        "Aucune case cochée : public ouvert.",
    )
    types_projet = models.TextField(
        "types de projets acceptés",
        blank=True,
        help_text="Un type par ligne (culture, sport, solidarité…). Vide : tout type de projet.",
    )
    ouverture = models.DateTimeField("ouverture des candidatures")
    cloture = models.DateTimeField(
        "clôture des candidatures", help_text="Heure de Paris. Aucun dépôt n'est accepté après."
    )
    enveloppe = models.DecimalField("enveloppe totale (€)", max_digits=10, decimal_places=2)
    montant_max = models.DecimalField(
        "aide maximale par projet (€)", max_digits=10, decimal_places=2
    )
    autorisation_parentale = models.CharField(
        "autorisation parentale des mineurs",
        max_length=12,
        choices=ModeAutorisation.choices,
        default=ModeAutorisation.FICHIER,
    )
    taille_max_mo = models.PositiveSmallIntegerField(
        "taille maximale d'une pièce jointe (Mo)",
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    conservation_mois = models.PositiveSmallIntegerField(
        "durée de conservation des candidatures (mois)",
        default=36,
        help_text="Les candidatures décidées sont anonymisées, et les brouillons jamais déposés "
        "supprimés, au-delà de cette durée après la décision ou la clôture.",
    )
    contact_email = models.EmailField("adresse de contact", blank=True)
    publie = models.BooleanField("publié", default=False)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    objects = AppelQuerySet.as_manager()

    class Meta:
        verbose_name = "appel à projets"
        verbose_name_plural = "appels à projets"
        ordering = ["-cloture"]

    def __str__(self):
        return self.titre

    def get_absolute_url(self):
        return reverse("jeunesse:appel", kwargs={"slug": self.slug})

    def etat(self, maintenant=None) -> str:
        maintenant = maintenant or timezone.now()
        if maintenant < self.ouverture:
            return self.Etat.A_VENIR
        if maintenant >= self.cloture:
            return self.Etat.CLOS
        return self.Etat.OUVERT

    def est_ouvert(self, maintenant=None) -> bool:
        return self.etat(maintenant) == self.Etat.OUVERT

    @property
    def date_cloture_locale(self) -> date:
        """The closing day in Europe/Paris: ages are computed on this date."""
        return timezone.localtime(self.cloture).date()

    @property
    def types_projet_liste(self) -> list[str]:
        return [ligne.strip() for ligne in self.types_projet.splitlines() if ligne.strip()]

    @property
    def public_ouvert(self) -> bool:
        return self.age_min is None and self.age_max is None and not self.liens_acceptes

    @property
    def taille_max_octets(self) -> int:
        return self.taille_max_mo * 1024 * 1024

    def clean(self):
        from django.core.exceptions import ValidationError

        erreurs = {}
        if self.ouverture and self.cloture and self.cloture <= self.ouverture:
            erreurs["cloture"] = "La clôture doit suivre l'ouverture."
        if self.age_min is not None and self.age_max is not None and self.age_max < self.age_min:
            erreurs["age_max"] = "L'âge maximum doit être supérieur ou égal à l'âge minimum."
        if self.montant_max and self.enveloppe and self.montant_max > self.enveloppe:
            erreurs["montant_max"] = "L'aide maximale ne peut dépasser l'enveloppe totale."
        if erreurs:
            raise ValidationError(erreurs)


class CritereEvaluation(Orderable):
    """A criterion the jury scores from 0 to ``note_max``; the ranking weighs it by ``poids``."""

    appel = ParentalKey(AppelAProjets, on_delete=models.CASCADE, related_name="criteres")
    libelle = models.CharField("critère", max_length=150)
    description = models.TextField("ce que le jury regarde", blank=True)
    poids = models.PositiveSmallIntegerField(
        "poids", default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    note_max = models.PositiveSmallIntegerField(
        "note maximale", default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta(Orderable.Meta):
        verbose_name = "critère d'évaluation"
        verbose_name_plural = "critères d'évaluation"

    def __str__(self):
        return self.libelle


class QuestionComplementaire(Orderable):
    """An extra question of the call, answered in the application form."""

    appel = ParentalKey(AppelAProjets, on_delete=models.CASCADE, related_name="questions")
    libelle = models.CharField("question", max_length=250)
    aide = models.CharField("aide", max_length=300, blank=True)
    type_question = models.CharField("type de réponse", max_length=12, choices=TypeQuestion.choices)
    choix = models.TextField("choix proposés", blank=True, help_text="Un choix par ligne.")
    obligatoire = models.BooleanField("obligatoire", default=True)

    class Meta(Orderable.Meta):
        verbose_name = "question complémentaire"
        verbose_name_plural = "questions complémentaires"

    def __str__(self):
        return self.libelle

    @property
    def choix_liste(self) -> list[str]:
        return [ligne.strip() for ligne in self.choix.splitlines() if ligne.strip()]


class DocumentRequis(Orderable):
    """A document every application must (or may) attach."""

    appel = ParentalKey(AppelAProjets, on_delete=models.CASCADE, related_name="documents")
    libelle = models.CharField("document", max_length=200)
    aide = models.CharField("aide", max_length=300, blank=True)
    obligatoire = models.BooleanField("obligatoire", default=True)

    class Meta(Orderable.Meta):
        verbose_name = "document demandé"
        verbose_name_plural = "documents demandés"

    def __str__(self):
        return self.libelle


class MembreJury(models.Model):
    """A juror of a call: a staff member, a partner or a young person (an ordinary account)."""

    appel = models.ForeignKey(AppelAProjets, on_delete=models.CASCADE, related_name="jures")
    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="juré·e",
        on_delete=models.CASCADE,
        related_name="jurys_jeunesse",
    )
    qualite = models.CharField(
        "qualité", max_length=12, choices=QualiteJure.choices, default=QualiteJure.AGENT
    )

    class Meta:
        verbose_name = "membre du jury"
        verbose_name_plural = "membres du jury"
        constraints = [
            models.UniqueConstraint(fields=["appel", "utilisateur"], name="jury_unique_par_appel")
        ]

    def __str__(self):
        return f"{self.utilisateur} — {self.appel}"
