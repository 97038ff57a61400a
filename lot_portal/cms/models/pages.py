from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import CorpsStreamBlock, ProfilBlock, ValeurBlock


class HomePage(Page):
    """The portal's home page: the brand, its values and the four profiles."""

    accroche = models.CharField(
        "accroche",
        max_length=150,
        default="Le Lot, producteur d'opportunités personnelles et professionnelles",
    )
    introduction = models.TextField("introduction", blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image d'en-tête",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Une photo du Lot en format paysage ; son texte alternatif est obligatoire.",
    )
    valeurs = StreamField(
        [("valeur", ValeurBlock())], verbose_name="valeurs", blank=True, max_num=6
    )
    profils_titre = models.CharField(
        "titre de la section des profils", max_length=120, default="Et vous, qui êtes-vous ?"
    )
    profils = StreamField(
        [("profil", ProfilBlock())], verbose_name="profils", blank=True, max_num=6
    )
    corps = StreamField(CorpsStreamBlock(), verbose_name="contenu", blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("accroche"), FieldPanel("introduction"), FieldPanel("image")],
            heading="En-tête",
        ),
        FieldPanel("valeurs"),
        MultiFieldPanel([FieldPanel("profils_titre"), FieldPanel("profils")], heading="Profils"),
        FieldPanel("corps"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("accroche"),
        index.SearchField("introduction"),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "page d'accueil"
        verbose_name_plural = "pages d'accueil"

    def get_context(self, request, *args, **kwargs):
        from ..selectors import histoires_recentes
        from .histoires import HistoireIndexPage

        context = super().get_context(request, *args, **kwargs)
        index = HistoireIndexPage.objects.child_of(self).live().first()
        context["index_histoires"] = index
        context["histoires_recentes"] = histoires_recentes() if index else []
        return context


class PageSimple(Page):
    """A content page built from blocks: legal pages, about, practical info."""

    chapo = models.TextField("chapô", blank=True)
    corps = StreamField(CorpsStreamBlock(), verbose_name="contenu", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("chapo"), FieldPanel("corps")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("chapo"),
        index.SearchField("corps"),
    ]

    class Meta:
        verbose_name = "page simple"
        verbose_name_plural = "pages simples"


@register_setting(icon="site")
class ParametresSite(BaseSiteSetting):
    """Contact details and footer links, edited by the département's staff."""

    courriel_contact = models.EmailField(
        "courriel de contact", default="attractivite-departement@lot.fr"
    )
    telephone_contact = models.CharField(
        "téléphone de contact", max_length=30, default="05 65 53 43 40"
    )
    adresse = models.TextField(
        "adresse postale",
        blank=True,
        default="Conseil départemental du Lot\nAvenue de l'Europe, Regourd\n46005 Cahors Cedex 9",
    )
    partenaires = models.TextField(
        "partenaires",
        blank=True,
        help_text="Un partenaire par ligne.",
    )
    page_mentions_legales = models.ForeignKey(
        Page,
        verbose_name="page des mentions légales",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page_donnees_personnelles = models.ForeignKey(
        Page,
        verbose_name="page des données personnelles",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page_accessibilite = models.ForeignKey(
        Page,
        verbose_name="page d'accessibilité",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("courriel_contact"),
                FieldPanel("telephone_contact"),
                FieldPanel("adresse"),
            ],
            heading="Contact",
        ),
        FieldPanel("partenaires"),
        MultiFieldPanel(
            [
                FieldPanel("page_mentions_legales"),
                FieldPanel("page_donnees_personnelles"),
                FieldPanel("page_accessibilite"),
            ],
            heading="Pages légales",
        ),
    ]

    class Meta:
        verbose_name = "paramètres du site"

    @property
    def liste_partenaires(self):
        return [ligne.strip() for ligne in self.partenaires.splitlines() if ligne.strip()]
