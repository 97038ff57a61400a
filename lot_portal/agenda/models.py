"""The agenda: an index page, event pages, and the visitors' registrations."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from lot_portal.cms.blocks import CorpsStreamBlock, Profil
from lot_portal.territoire.models import Commune

from .dates import date_heure_fr, plage_fr
from .panels import InscriptionsPanel

# Paths of lot_portal/agenda/urls.py that sit under /agenda/: no event may take them.
SLUGS_RESERVES = {"annulation", "agenda"}


class TypeEvenement(models.TextChoices):
    FESTIVAL = "festival", "Festival"
    JOB_DATING = "job_dating", "Job dating"
    SALON = "salon", "Salon"
    RENCONTRE_AMBASSADEURS = "rencontre_ambassadeurs", "Rencontre des ambassadeurs"
    WEEK_END_DECOUVERTE = "week_end_decouverte", "Week-end découverte"


class PublicsField(models.JSONField):
    """A list of ``Profil`` values (the target profiles), edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=Profil.choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


class EtatInscriptions(models.TextChoices):
    OUVERTES = "ouvertes", "Inscriptions ouvertes"
    NON_PROPOSEES = "non_proposees", "Les inscriptions en ligne ne sont pas ouvertes."
    ANNULE = "annule", "Cet événement est annulé : les inscriptions sont fermées."
    DATE_LIMITE = "date_limite", "La date limite d'inscription est dépassée."
    PASSE = "passe", "Cet événement a déjà eu lieu : les inscriptions sont closes."


class EvenementIndexPage(Page):
    """The agenda (/agenda/): upcoming events, filters, past events."""

    introduction = models.TextField("introduction", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["agenda.EvenementPage"]
    max_count = 1

    class Meta:
        verbose_name = "agenda"
        verbose_name_plural = "agendas"

    def get_context(self, request, *args, **kwargs):
        from .selectors import agenda_filtrer

        context = super().get_context(request, *args, **kwargs)
        context.update(agenda_filtrer(index=self, request=request))
        return context


class EvenementPage(RoutablePageMixin, Page):
    """One event: a festival, a job dating, a trade fair, a discovery weekend…"""

    type = models.CharField("type", max_length=30, choices=TypeEvenement.choices)
    chapo = models.TextField(
        "chapô",
        blank=True,
        help_text="Deux ou trois phrases : elles apparaissent dans la liste, le flux RSS "
        "et les agendas en ligne.",
    )
    debut = models.DateTimeField("début", help_text="Heure de Paris.")
    fin = models.DateTimeField("fin", help_text="Heure de Paris.")
    commune = models.ForeignKey(
        Commune,
        verbose_name="commune du Lot",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evenements",
        help_text="Laissez vide pour un événement hors du Lot (un salon à Paris…).",
    )
    lieu = models.CharField(
        "lieu",
        max_length=200,
        blank=True,
        help_text="Nom de la salle ou du site, par exemple « Espace Valentré ».",
    )
    adresse = models.CharField(
        "adresse",
        max_length=255,
        blank=True,
        help_text="Rue, et pour un événement hors du Lot, code postal et ville.",
    )
    publics = PublicsField("publics", default=list, blank=True)
    description = StreamField(CorpsStreamBlock(), verbose_name="description", blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Facultative ; son texte alternatif est obligatoire.",
    )
    organisateur = models.CharField("organisateur", max_length=150, default="Département du Lot")
    annule = models.BooleanField(
        "événement annulé",
        default=False,
        help_text="L'événement reste en ligne, marqué « annulé ».",
    )
    inscriptions_ouvertes = models.BooleanField(
        "inscriptions ouvertes",
        default=True,
        help_text="Décochez pour un événement en accès libre ou pour fermer les inscriptions.",
    )
    capacite = models.PositiveIntegerField(
        "nombre de places",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="En personnes. Laissez vide pour un nombre illimité. Au-delà, les "
        "inscriptions vont sur une liste d'attente.",
    )
    date_limite_inscription = models.DateTimeField(
        "date limite d'inscription",
        null=True,
        blank=True,
        help_text="Laissez vide : inscriptions possibles jusqu'au début de l'événement.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("type"),
        FieldPanel("chapo"),
        FieldRowPanel([FieldPanel("debut"), FieldPanel("fin")], heading="Dates"),
        MultiFieldPanel(
            [FieldPanel("commune"), FieldPanel("lieu"), FieldPanel("adresse")],
            heading="Lieu",
        ),
        FieldPanel("publics"),
        FieldPanel("image"),
        FieldPanel("description"),
        FieldPanel("organisateur"),
        MultiFieldPanel(
            [
                FieldPanel("inscriptions_ouvertes"),
                FieldPanel("capacite"),
                FieldPanel("date_limite_inscription"),
                FieldPanel("annule"),
                InscriptionsPanel(),
            ],
            heading="Inscriptions",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("chapo"),
        index.SearchField("lieu"),
        index.SearchField("description"),
        index.FilterField("debut"),
        index.FilterField("fin"),
    ]
    parent_page_types = ["agenda.EvenementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "événement"
        verbose_name_plural = "événements"
        indexes = [models.Index(fields=["debut"]), models.Index(fields=["fin"])]

    def clean(self):
        super().clean()
        erreurs = {}
        if self.debut and self.fin and self.fin <= self.debut:
            erreurs["fin"] = "La fin de l'événement doit être postérieure à son début."
        if (
            self.date_limite_inscription
            and self.debut
            and self.date_limite_inscription > self.debut
        ):
            erreurs["date_limite_inscription"] = (
                "La date limite d'inscription doit précéder le début de l'événement."
            )
        if not self.commune_id and not self.adresse.strip():
            erreurs["adresse"] = "Choisissez une commune du Lot ou indiquez une adresse."
        if self.slug in SLUGS_RESERVES:
            erreurs["slug"] = f"L'adresse « {self.slug} » est réservée : choisissez-en une autre."
        if erreurs:
            raise ValidationError(erreurs)

    # --- Display ------------------------------------------------------------

    @property
    def dates_affichees(self) -> str:
        return plage_fr(self.debut, self.fin)

    @property
    def lieu_affiche(self) -> str:
        """« Espace Valentré, Cahors » or, outside the Lot, the venue and address."""
        morceaux = [self.lieu] if self.lieu else []
        if self.commune_id:
            morceaux.append(self.commune.nom)
        elif self.adresse:
            morceaux.append(self.adresse)
        return ", ".join(morceaux)

    @property
    def adresse_complete(self) -> str:
        morceaux = [m for m in (self.lieu, self.adresse) if m]
        if self.commune_id:
            code_postal = self.commune.codes_postaux.split(",")[0].strip()
            morceaux.append(f"{code_postal} {self.commune.nom}")
        return ", ".join(morceaux)

    @property
    def publics_affiches(self) -> list[str]:
        libelles = dict(Profil.choices)
        return [libelles[p] for p in self.publics or [] if p in libelles]

    @property
    def est_passe(self) -> bool:
        return self.fin < timezone.now()

    # --- Registrations -------------------------------------------------------

    def etat_inscriptions(self, maintenant=None) -> EtatInscriptions:
        maintenant = maintenant or timezone.now()
        if self.debut <= maintenant:
            return EtatInscriptions.PASSE
        if self.annule:
            return EtatInscriptions.ANNULE
        if not self.inscriptions_ouvertes:
            return EtatInscriptions.NON_PROPOSEES
        if self.date_limite_inscription and self.date_limite_inscription < maintenant:
            return EtatInscriptions.DATE_LIMITE
        return EtatInscriptions.OUVERTES

    @property
    def message_inscriptions(self) -> str:
        etat = self.etat_inscriptions()
        if etat == EtatInscriptions.DATE_LIMITE:
            return (
                "La date limite d'inscription est dépassée (elle était fixée au "
                f"{date_heure_fr(self.date_limite_inscription)})."
            )
        return etat.label

    @cached_property
    def compteurs(self) -> dict:
        """People registered, people and registrations waiting (one query)."""
        if hasattr(self, "personnes_inscrites"):  # annotated by the selectors
            return {
                "inscrits": self.personnes_inscrites,
                "attente": self.personnes_en_attente,
                "inscriptions_en_attente": None,
            }
        resultat = self.inscriptions.aggregate(
            inscrits=Sum("nombre_personnes", filter=Q(statut=Inscription.Statut.INSCRITE)),
            attente=Sum("nombre_personnes", filter=Q(statut=Inscription.Statut.ATTENTE)),
            inscriptions_en_attente=Count("pk", filter=Q(statut=Inscription.Statut.ATTENTE)),
        )
        return {cle: valeur or 0 for cle, valeur in resultat.items()}

    @property
    def places_restantes(self) -> int | None:
        """Seats left, in people; ``None`` when the capacity is unlimited."""
        if self.capacite is None:
            return None
        return max(self.capacite - self.compteurs["inscrits"], 0)

    @property
    def complet(self) -> bool:
        return self.capacite is not None and self.places_restantes == 0

    # --- Routes -------------------------------------------------------------

    @path("inscription/", name="inscription")
    def inscription(self, request):
        from .views import inscription_view

        return inscription_view(request, self)

    @path("inscription/confirmation/", name="inscription_confirmation")
    def inscription_confirmation(self, request):
        from .views import inscription_confirmation_view

        return inscription_confirmation_view(request, self)

    def url_inscription(self, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("inscription")

    def get_context(self, request, *args, **kwargs):
        from .selectors import evenement_json_ld

        context = super().get_context(request, *args, **kwargs)
        if self.commune_id:  # load the place now: templates run no queries
            self.commune = Commune.objects.select_related("communaute").get(pk=self.commune_id)
        parent = self.get_parent()
        context.update(
            {
                "json_ld": evenement_json_ld(evenement=self, request=request),
                "etat_inscriptions": self.etat_inscriptions(),
                "places_restantes": self.places_restantes,
                "complet": self.complet,
                "url_inscription": self.url_inscription(request),
                "url_agenda": parent.get_url(request) if parent else "/",
                "date_limite": date_heure_fr(self.date_limite_inscription)
                if self.date_limite_inscription
                else "",
            }
        )
        return context


class Inscription(models.Model):
    """A visitor's registration to an event (in people, 1 to 10)."""

    class Statut(models.TextChoices):
        INSCRITE = "inscrite", "Inscrit"
        ATTENTE = "attente", "Sur liste d'attente"
        ANNULEE = "annulee", "Annulée"

    evenement = models.ForeignKey(
        EvenementPage,
        verbose_name="événement",
        on_delete=models.CASCADE,
        related_name="inscriptions",
    )
    prenom = models.CharField("prénom", max_length=100)
    nom = models.CharField("nom", max_length=100)
    email = models.EmailField("adresse électronique")
    nombre_personnes = models.PositiveSmallIntegerField(
        "nombre de personnes",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    message = models.TextField("message", blank=True, max_length=1000)
    statut = models.CharField("statut", max_length=20, choices=Statut.choices)
    jeton = models.UUIDField("jeton d'annulation", default=uuid.uuid4, unique=True, editable=False)
    cree_le = models.DateTimeField("inscrit le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "inscription"
        verbose_name_plural = "inscriptions"
        ordering = ["-cree_le"]
        constraints = [
            models.UniqueConstraint(
                fields=["evenement", "email"],
                condition=~Q(statut="annulee"),
                name="agenda_inscription_email_unique",
                violation_error_message="Cette adresse est déjà inscrite à cet événement.",
            ),
            models.CheckConstraint(
                condition=Q(nombre_personnes__gte=1, nombre_personnes__lte=10),
                name="agenda_inscription_nombre_personnes",
            ),
        ]
        indexes = [models.Index(fields=["evenement", "statut"])]

    def __str__(self):
        return f"{self.prenom} {self.nom} — {self.evenement.title}"

    @property
    def nom_complet(self) -> str:
        return f"{self.prenom} {self.nom}"

    def position_attente(self) -> int | None:
        """1 for the first in line; ``None`` unless waiting."""
        if self.statut != self.Statut.ATTENTE:
            return None
        return (
            Inscription.objects.filter(
                evenement_id=self.evenement_id, statut=self.Statut.ATTENTE, pk__lt=self.pk
            ).count()
            + 1
        )
