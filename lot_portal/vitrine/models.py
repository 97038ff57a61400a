"""Pages "Vivre dans le Lot", campaign landing pages and partners."""

from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from lot_portal.cms.blocks import AppelAActionBlock, ChiffresClesBlock, CorpsStreamBlock

from .blocks import HistoireChoisieBlock, LienUtileBlock, MessageCleBlock

IMAGE_HELP = "Une photo du Lot en format paysage ; son texte alternatif est obligatoire."


def _image_field(verbose_name, help_text=IMAGE_HELP):
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


class VivreIndexPage(Page):
    """« Vivre dans le Lot »: the index of the quality-of-life topics."""

    chapo = models.TextField("chapô", blank=True)
    image = _image_field("image d'en-tête")
    corps = StreamField(
        CorpsStreamBlock(),
        verbose_name="contenu après la liste",
        blank=True,
        help_text="Facultatif : un texte ou un appel à l'action sous la liste des thèmes.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("chapo"),
        FieldPanel("image"),
        FieldPanel("corps"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("chapo")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["vitrine.VivrePage"]
    max_count = 1

    class Meta:
        verbose_name = "index « Vivre dans le Lot »"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = list(
            VivrePage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("path")
        )
        return context


class VivrePage(Page):
    """One quality-of-life topic: nature, schools, health, transport…"""

    chapo = models.TextField("chapô", help_text="Deux ou trois phrases qui donnent envie.")
    image = _image_field("image principale")
    faits_cles = StreamField(
        [("chiffres_cles", ChiffresClesBlock())],
        verbose_name="faits clés",
        blank=True,
        max_num=1,
        help_text="Deux à six repères marquants (« UNESCO », « A20 »…), sans chiffre inventé.",
    )
    corps = StreamField(CorpsStreamBlock(), verbose_name="contenu", blank=True)
    liens_utiles = StreamField(
        [("lien", LienUtileBlock())],
        verbose_name="liens utiles",
        blank=True,
        help_text="Services officiels et sites utiles pour aller plus loin.",
    )
    histoires = StreamField(
        [("histoire", HistoireChoisieBlock())],
        verbose_name="histoires à lire",
        blank=True,
        max_num=6,
        help_text="Des histoires d'habitants (ou d'autres pages) sur ce thème, en cartes.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("chapo"),
        FieldPanel("image"),
        FieldPanel("faits_cles"),
        FieldPanel("corps"),
        FieldPanel("liens_utiles"),
        FieldPanel("histoires"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("chapo"),
        index.SearchField("corps"),
    ]
    parent_page_types = ["vitrine.VivreIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "page « Vivre dans le Lot »"
        verbose_name_plural = "pages « Vivre dans le Lot »"

    def histoires_a_lire(self):
        """The chosen pages that are live and public, in the editor's order.

        Reads the raw ids, so that the stream does not load generic pages first;
        ``.specific()`` then costs one query per page type, however many pages.
        """
        ids = []
        for item in self.histoires.raw_data:
            value = item.get("value")
            if isinstance(value, int) and value not in ids:
                ids.append(value)
        if not ids:
            return []
        pages = Page.objects.live().public().filter(pk__in=ids).specific()
        par_id = {page.pk: page for page in pages}
        return [{"page": par_id[pk], "resume": _resume(par_id[pk])} for pk in ids if pk in par_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["histoires_a_lire"] = self.histoires_a_lire()
        return context


def _resume(page) -> str:
    return page.search_description or getattr(page, "chapo", "") or ""


code_campagne_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "Lettres minuscules sans accent, chiffres et tirets uniquement (ex. : opportunites-2026).",
)


class CampagnePage(Page):
    """A landing page of the image campaign; visiting it records its code."""

    accroche = models.CharField(
        "accroche",
        max_length=200,
        help_text="La phrase choc du bandeau, sous le titre.",
    )
    image = _image_field(
        "image de fond",
        help_text="Facultative : sans image, le bandeau prend les couleurs du Lot. "
        "Son texte alternatif est obligatoire.",
    )
    messages_cles = StreamField(
        [("message", MessageCleBlock())],
        verbose_name="messages clés",
        blank=True,
        max_num=6,
    )
    appels_a_action = StreamField(
        [("appel_a_action", AppelAActionBlock())],
        verbose_name="appels à l'action",
        blank=True,
        max_num=4,
        help_text="Vers l'inscription, les opportunités, les histoires… Le premier est mis "
        "en avant.",
    )
    corps = StreamField(CorpsStreamBlock(), verbose_name="contenu", blank=True)
    code = models.SlugField(
        "code de campagne",
        max_length=50,
        unique=True,
        validators=[code_campagne_validator],
        help_text="Identifie la campagne dans les inscriptions (ex. : opportunites-2026). "
        "Il est aussi reconnu dans les liens ?campagne=…",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("accroche"), FieldPanel("image")],
            heading="Bandeau",
        ),
        FieldPanel("messages_cles"),
        FieldPanel("appels_a_action"),
        FieldPanel("corps"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("code")]
    search_fields = [*Page.search_fields, index.SearchField("accroche")]
    subpage_types = []

    class Meta:
        verbose_name = "page de campagne"
        verbose_name_plural = "pages de campagne"

    def serve(self, request, *args, **kwargs):
        # Read by SourceCampagneMiddleware on the way out.
        request.campagne_servie = self.code
        return super().serve(request, *args, **kwargs)


class Partenaire(models.Model):
    """A partner of the attractiveness programme (shown on a page and the footer)."""

    class Type(models.TextChoices):
        CONSEIL_DEPARTEMENTAL = "conseil_departemental", "Conseil départemental"
        ETAT = "etat", "État"
        COMMUNAUTE = "communaute", "Communauté de communes ou d'agglomération"
        CHAMBRE_CONSULAIRE = (
            "chambre_consulaire",
            "Chambre consulaire (CCI, CMA, chambre d'agriculture)",
        )
        ENTREPRISE = "entreprise", "Entreprise"
        ASSOCIATION = "association", "Association"
        AUTRE = "autre", "Autre"

    nom = models.CharField("nom", max_length=150, unique=True)
    type = models.CharField("type", max_length=30, choices=Type.choices, default=Type.AUTRE)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Facultatif. Le nom du partenaire sert de texte alternatif.",
    )
    lien = models.URLField("lien", blank=True, help_text="Le site web du partenaire.")
    ordre = models.PositiveIntegerField(
        "ordre", default=0, help_text="Les plus petits nombres s'affichent en premier."
    )
    pied_de_page = models.BooleanField(
        "visible dans le pied de page",
        default=False,
        help_text="Affiche ce partenaire dans le pied de toutes les pages.",
    )

    panels = [
        FieldPanel("nom"),
        FieldPanel("type"),
        FieldPanel("logo"),
        FieldPanel("lien"),
        FieldPanel("ordre"),
        FieldPanel("pied_de_page"),
    ]

    class Meta:
        verbose_name = "partenaire"
        verbose_name_plural = "partenaires"
        ordering = ["ordre", "nom"]

    def __str__(self):
        return self.nom


# Headings of the partners page, in display order.
GROUPES_PARTENAIRES = {
    Partenaire.Type.CONSEIL_DEPARTEMENTAL: "Le Département",
    Partenaire.Type.ETAT: "L'État",
    Partenaire.Type.COMMUNAUTE: "Les intercommunalités",
    Partenaire.Type.CHAMBRE_CONSULAIRE: "Les chambres consulaires",
    Partenaire.Type.ENTREPRISE: "Les entreprises",
    Partenaire.Type.ASSOCIATION: "Les associations",
    Partenaire.Type.AUTRE: "Et aussi",
}


class PartenairesPage(Page):
    """« Nos partenaires »: every partner, grouped by type."""

    chapo = models.TextField("chapô", blank=True)
    corps = StreamField(CorpsStreamBlock(), verbose_name="contenu après la liste", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("chapo"), FieldPanel("corps")]
    search_fields = [*Page.search_fields, index.SearchField("chapo")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "page des partenaires"

    def get_context(self, request, *args, **kwargs):
        from .selectors import partenaires_par_type

        context = super().get_context(request, *args, **kwargs)
        context["groupes"] = partenaires_par_type()
        return context
