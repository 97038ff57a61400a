"""Wagtail pages of the opportunities: job offers, business takeovers and creation support.

The tree: ``OpportunitesPage`` (/opportunites/) holds one ``OffresIndexPage``
(/opportunites/emplois/, children ``OffreEmploiPage``), one ``ReprisesIndexPage``
(/opportunites/reprises/, children ``ReprisePage``) and one ``CreationIndexPage``
(/opportunites/creer/, children ``CreationPage``). An offer or a takeover stays live after its
``date_expiration``: it leaves the listings and its page says it has expired.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from lot_portal.cms.blocks import CorpsStreamBlock

from .choix import (
    Contrat,
    Organisme,
    PeriodeSalaire,
    Secteur,
    Teletravail,
    TempsTravail,
    TrancheCA,
    TrancheEffectif,
    TranchePrix,
    TypeAccompagnement,
)

TEXTE_RICHE = ["h3", "bold", "italic", "ol", "ul", "link"]


class OpportunitesPage(Page):
    """The hub of the opportunities: jobs, takeovers, creation."""

    introduction = models.TextField("introduction", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    max_count = 1
    parent_page_types = ["cms.HomePage"]
    subpage_types = [
        "opportunites.OffresIndexPage",
        "opportunites.ReprisesIndexPage",
        "opportunites.CreationIndexPage",
    ]

    class Meta:
        verbose_name = "accueil des opportunités"
        verbose_name_plural = "accueils des opportunités"

    def get_context(self, request, *args, **kwargs):
        from ..services.fiches import hub_contexte

        context = super().get_context(request, *args, **kwargs)
        context.update(hub_contexte(self, request))
        return context


class OpportuniteMixin(models.Model):
    """What offers and takeovers share: place, sector, dates, import reference."""

    secteur = models.CharField("secteur", max_length=20, choices=Secteur.choices)
    commune = models.ForeignKey(
        "territoire.Commune",
        verbose_name="commune",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    date_publication = models.DateField("publiée le", default=timezone.localdate)
    date_expiration = models.DateField(
        "expire le",
        null=True,
        blank=True,
        help_text="Après cette date, l'annonce quitte les listes et sa page indique qu'elle a "
        "expiré.",
    )
    reference_externe = models.CharField(
        "référence externe",
        max_length=80,
        null=True,
        blank=True,
        unique=True,
        help_text="Identifiant dans le système du partenaire ; un nouvel import met à jour "
        "l'annonce qui porte cette référence.",
    )

    class Meta:
        abstract = True

    @property
    def expiree(self) -> bool:
        return bool(self.date_expiration and self.date_expiration < timezone.localdate())

    def clean(self):
        super().clean()
        if (
            self.date_expiration
            and self.date_publication
            and self.date_expiration < self.date_publication
        ):
            raise ValidationError(
                {"date_expiration": "La date d'expiration suit la date de publication."}
            )


class OffresIndexPage(RoutablePageMixin, Page):
    """The job listing (/opportunites/emplois/): filters, map, RSS."""

    introduction = models.TextField("introduction", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    max_count = 1
    parent_page_types = ["opportunites.OpportunitesPage"]
    subpage_types = ["opportunites.OffreEmploiPage"]

    class Meta:
        verbose_name = "liste des offres d'emploi"
        verbose_name_plural = "listes des offres d'emploi"

    def get_context(self, request, *args, **kwargs):
        from ..selectors import offres_index_contexte

        context = super().get_context(request, *args, **kwargs)
        context.update(offres_index_contexte(self, request))
        return context

    @path("rss/", name="rss")
    def flux_rss(self, request):
        """The RSS feed of the listing, with the same GET filters."""
        from ..feeds import OffresRssFeed

        return OffresRssFeed(index=self)(request)

    @path("carte/", name="carte")
    def carte_json(self, request):
        """The map's markers (offers grouped by commune), with the same GET filters."""
        from django.http import JsonResponse

        from ..selectors import offres_carte

        return JsonResponse(
            offres_carte(request.GET, url_index=self.get_url(request) or "/"),
            json_dumps_params={"ensure_ascii": False},
        )


class OffreEmploiPage(OpportuniteMixin, Page):
    """One job offer, with its schema.org JobPosting."""

    employeur = models.ForeignKey(
        "opportunites.Employeur",
        verbose_name="employeur",
        null=True,
        on_delete=models.PROTECT,
        related_name="offres",
    )
    contrat = models.CharField("contrat", max_length=20, choices=Contrat.choices)
    temps_travail = models.CharField(
        "temps de travail", max_length=10, choices=TempsTravail.choices, default=TempsTravail.PLEIN
    )
    teletravail = models.CharField(
        "télétravail", max_length=10, choices=Teletravail.choices, default=Teletravail.NON
    )
    salaire_min = models.PositiveIntegerField("salaire minimum (€)", null=True, blank=True)
    salaire_max = models.PositiveIntegerField("salaire maximum (€)", null=True, blank=True)
    salaire_periode = models.CharField(
        "salaire exprimé",
        max_length=10,
        choices=PeriodeSalaire.choices,
        default=PeriodeSalaire.ANNEE,
    )
    date_debut = models.DateField(
        "prise de poste", null=True, blank=True, help_text="Vide : dès que possible."
    )
    description = RichTextField("description du poste", features=TEXTE_RICHE)
    profil = RichTextField("profil recherché", features=TEXTE_RICHE, blank=True)
    candidature_url = models.URLField("adresse pour candidater", blank=True)
    candidature_email = models.EmailField("adresse électronique pour candidater", blank=True)
    candidature_email_personnelle = models.BooleanField(
        "l'adresse est celle d'une personne, qui a accepté sa publication", default=False
    )
    profil_recherche = models.BooleanField(
        "profil recherché",
        default=False,
        help_text="Métier rare dans le Lot (santé, ingénierie, numérique…) : mis en avant.",
    )
    pourvue_le = models.DateField("pourvue le", null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("employeur"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contrat"), FieldPanel("secteur")]),
                FieldRowPanel([FieldPanel("temps_travail"), FieldPanel("teletravail")]),
                FieldRowPanel(
                    [
                        FieldPanel("salaire_min"),
                        FieldPanel("salaire_max"),
                        FieldPanel("salaire_periode"),
                    ]
                ),
                FieldPanel("date_debut"),
                FieldPanel("commune"),
                FieldPanel("profil_recherche"),
            ],
            heading="Le poste",
        ),
        FieldPanel("description"),
        FieldPanel("profil"),
        MultiFieldPanel(
            [
                FieldPanel("candidature_url"),
                FieldPanel("candidature_email"),
                FieldPanel("candidature_email_personnelle"),
            ],
            heading="Candidater",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date_publication"), FieldPanel("date_expiration")]),
                FieldPanel("pourvue_le"),
                FieldPanel("reference_externe"),
            ],
            heading="Publication",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("profil"),
        index.RelatedFields("employeur", [index.SearchField("nom")]),
        index.RelatedFields("commune", [index.SearchField("nom")]),
        index.FilterField("secteur"),
        index.FilterField("contrat"),
        index.FilterField("date_expiration"),
    ]
    parent_page_types = ["opportunites.OffresIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "offre d'emploi"
        verbose_name_plural = "offres d'emploi"
        indexes = [models.Index(fields=["date_expiration", "date_publication"])]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        erreurs = {}
        if self.salaire_min and self.salaire_max and self.salaire_min > self.salaire_max:
            erreurs["salaire_max"] = "Le salaire maximum est au moins égal au minimum."
        if not (self.candidature_url or self.candidature_email):
            erreurs["candidature_url"] = (
                "Indiquez comment candidater : une adresse web ou une adresse électronique."
            )
        if erreurs:
            raise ValidationError(erreurs)

    def get_context(self, request, *args, **kwargs):
        from ..services.fiches import offre_contexte

        context = super().get_context(request, *args, **kwargs)
        context.update(offre_contexte(self, request))
        return context


class ReprisesIndexPage(RoutablePageMixin, Page):
    """The business takeovers listing (/opportunites/reprises/)."""

    introduction = models.TextField("introduction", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    max_count = 1
    parent_page_types = ["opportunites.OpportunitesPage"]
    subpage_types = ["opportunites.ReprisePage"]

    class Meta:
        verbose_name = "liste des entreprises à reprendre"
        verbose_name_plural = "listes des entreprises à reprendre"

    def get_context(self, request, *args, **kwargs):
        from ..selectors import reprises_index_contexte

        context = super().get_context(request, *args, **kwargs)
        context.update(reprises_index_contexte(self, request))
        return context


class ReprisePage(OpportuniteMixin, Page):
    """A business for sale; the seller stays anonymous (contact through the accompanying body)."""

    activite = models.CharField("activité", max_length=200)
    motif_cession = models.CharField("motif de la cession", max_length=200, blank=True)
    tranche_ca = models.CharField(
        "chiffre d'affaires", max_length=10, choices=TrancheCA.choices, blank=True
    )
    tranche_effectif = models.CharField(
        "effectif", max_length=10, choices=TrancheEffectif.choices, blank=True
    )
    tranche_prix = models.CharField(
        "prix demandé", max_length=10, choices=TranchePrix.choices, blank=True
    )
    locaux_inclus = models.BooleanField("locaux compris", default=False)
    logement_inclus = models.BooleanField("logement compris", default=False)
    description = RichTextField("présentation", features=TEXTE_RICHE)
    organisme = models.CharField(
        "organisme accompagnateur", max_length=20, choices=Organisme.choices
    )
    organisme_nom = models.CharField("nom de l'organisme (si autre)", max_length=150, blank=True)
    organisme_email = models.EmailField(
        "adresse de l'organisme",
        help_text="Les messages des repreneurs y sont envoyés ; elle n'est jamais affichée.",
    )
    cedee_le = models.DateField("cédée le", null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("activite"),
                FieldRowPanel([FieldPanel("secteur"), FieldPanel("commune")]),
                FieldPanel("motif_cession"),
                FieldRowPanel(
                    [
                        FieldPanel("tranche_ca"),
                        FieldPanel("tranche_effectif"),
                        FieldPanel("tranche_prix"),
                    ]
                ),
                FieldRowPanel([FieldPanel("locaux_inclus"), FieldPanel("logement_inclus")]),
            ],
            heading="L'entreprise",
        ),
        FieldPanel("description"),
        InlinePanel("photos", label="photos", max_num=6),
        MultiFieldPanel(
            [FieldPanel("organisme"), FieldPanel("organisme_nom"), FieldPanel("organisme_email")],
            heading="Accompagnement",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date_publication"), FieldPanel("date_expiration")]),
                FieldPanel("cedee_le"),
                FieldPanel("reference_externe"),
            ],
            heading="Publication",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("activite"),
        index.SearchField("description"),
        index.RelatedFields("commune", [index.SearchField("nom")]),
        index.FilterField("secteur"),
        index.FilterField("date_expiration"),
    ]
    parent_page_types = ["opportunites.ReprisesIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "entreprise à reprendre"
        verbose_name_plural = "entreprises à reprendre"

    def __str__(self):
        return self.title

    @property
    def organisme_libelle(self) -> str:
        if self.organisme == Organisme.AUTRE and self.organisme_nom:
            return self.organisme_nom
        return self.get_organisme_display()

    def get_context(self, request, *args, **kwargs):
        from ..services.fiches import reprise_contexte

        context = super().get_context(request, *args, **kwargs)
        context.update(reprise_contexte(self, request))
        return context


class ReprisePhoto(Orderable):
    page = ParentalKey(ReprisePage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="photo", on_delete=models.CASCADE, related_name="+"
    )
    alt = models.CharField("texte alternatif", max_length=250, help_text="Ce que montre la photo.")

    panels = [FieldPanel("image"), FieldPanel("alt")]


class CreationIndexPage(Page):
    """Creating a business in the Lot (/opportunites/creer/): the support on offer."""

    introduction = models.TextField("introduction", blank=True)
    corps = StreamField(CorpsStreamBlock(), verbose_name="contenu", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("corps")]
    max_count = 1
    parent_page_types = ["opportunites.OpportunitesPage"]
    subpage_types = ["opportunites.CreationPage"]

    class Meta:
        verbose_name = "page de la création d'entreprise"
        verbose_name_plural = "pages de la création d'entreprise"

    def get_context(self, request, *args, **kwargs):
        from ..services.fiches import creation_index_contexte

        context = super().get_context(request, *args, **kwargs)
        context.update(creation_index_contexte(self, request))
        return context


class CreationPage(Page):
    """One support for creators: an incubator, a coworking space, an aid, a contest."""

    type_accompagnement = models.CharField(
        "type", max_length=20, choices=TypeAccompagnement.choices
    )
    resume = models.TextField("résumé", max_length=400)
    commune = models.ForeignKey(
        "territoire.Commune",
        verbose_name="commune",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    corps = StreamField(CorpsStreamBlock(), verbose_name="contenu", blank=True)
    site_web = models.URLField("site web", blank=True)
    contact_email = models.EmailField("adresse de contact", blank=True)
    date_limite = models.DateTimeField(
        "date limite de candidature", null=True, blank=True, help_text="Pour un concours."
    )
    lien_appel = models.URLField(
        "adresse de l'appel à projets",
        blank=True,
        help_text="Pour un concours qui passe par un appel à projets du portail "
        "(/jeunesse/appels/…).",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("type_accompagnement"), FieldPanel("commune")]),
        FieldPanel("resume"),
        FieldPanel("corps"),
        MultiFieldPanel(
            [
                FieldPanel("site_web"),
                FieldPanel("contact_email"),
                FieldPanel("date_limite"),
                FieldPanel("lien_appel"),
            ],
            heading="Contact et candidature",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("resume"),
        index.SearchField("corps"),
    ]
    parent_page_types = ["opportunites.CreationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "accompagnement à la création"
        verbose_name_plural = "accompagnements à la création"

    def get_context(self, request, *args, **kwargs):
        from ..services.fiches import creation_contexte

        context = super().get_context(request, *args, **kwargs)
        context.update(creation_contexte(self, request))
        return context
