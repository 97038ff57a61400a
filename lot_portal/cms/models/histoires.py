"""Stories: the people who live and work in the Lot, told with text, images and sound.

``HistoireIndexPage`` (one, at ``/histoires/``) lists them with filters and
serves their RSS and Atom feeds; each ``HistoirePage`` is tagged with target
profiles (``HistoireProfil`` rows), themes (``Thematique`` snippets) and a
commune.
"""

import json

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import HistoireStreamBlock, Profil

HISTOIRES_PAR_PAGE = 12
EDITEUR = "Département du Lot"
# Like django.utils.html.json_script: the JSON can't close its <script> element.
ECHAPPEMENTS_JSON = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def url_absolue(url: str) -> str:
    """``url`` prefixed with SITE_URL unless it is already absolute (object storage)."""
    return url if url.startswith(("http://", "https://")) else f"{settings.SITE_URL}{url}"


class Thematique(models.Model):
    """A theme stories are filed under (entreprendre, santé, culture…)."""

    nom = models.CharField("nom", max_length=80, unique=True)
    slug = models.SlugField(
        "identifiant dans l'adresse",
        max_length=80,
        unique=True,
        help_text="Utilisé dans les adresses filtrées, par exemple ?thematique=sante.",
    )

    panels = [FieldPanel("nom"), FieldPanel("slug")]

    class Meta:
        verbose_name = "thématique"
        verbose_name_plural = "thématiques"
        ordering = ["nom"]

    def __str__(self):
        return self.nom


class HistoireIndexPage(RoutablePageMixin, Page):
    """The list of stories, with filters, pagination and feeds."""

    introduction = models.TextField("introduction", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    max_count = 1
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.HistoirePage"]

    class Meta:
        verbose_name = "liste des histoires"
        verbose_name_plural = "listes des histoires"

    def get_context(self, request, *args, **kwargs):
        from ..selectors import histoires_filtrer, histoires_pour_cartes

        context = super().get_context(request, *args, **kwargs)
        resultat = histoires_filtrer(index=self, parametres=request.GET)
        pagination = Paginator(resultat.histoires, HISTOIRES_PAR_PAGE)
        page_histoires = pagination.get_page(request.GET.get("page"))
        page_histoires.object_list = histoires_pour_cartes(page_histoires.object_list)
        url = self.get_url(request) or "/"
        context.update(
            filtres=resultat,
            page_histoires=page_histoires,
            url_canonique=url_absolue(url),
            url_flux_rss=url + self.reverse_subpage("flux_rss"),
            url_flux_atom=url + self.reverse_subpage("flux_atom"),
        )
        return context

    @path("flux/rss/", name="flux_rss")
    def flux_rss(self, request):
        from ..feeds import HistoiresRssFeed

        return HistoiresRssFeed(index=self)(request)

    @path("flux/atom/", name="flux_atom")
    def flux_atom(self, request):
        from ..feeds import HistoiresAtomFeed

        return HistoiresAtomFeed(index=self)(request)


class HistoirePageForm(WagtailAdminPageForm):
    """Adds the target profiles as checkboxes, stored as ``HistoireProfil`` rows."""

    profils = forms.MultipleChoiceField(
        label="profils visés",
        choices=Profil.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Les publics à qui cette histoire parle le plus.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "profils" not in self.initial:
            self.initial["profils"] = [ligne.profil for ligne in self.instance.profils_cibles.all()]

    def save(self, commit=True):
        page = super().save(commit=False)
        existants = {ligne.profil: ligne for ligne in page.profils_cibles.all()}
        page.profils_cibles.set(
            [
                existants.get(code) or HistoireProfil(profil=code)
                for code in self.cleaned_data["profils"]
            ]
        )
        if commit:
            page.save()
        return page


class HistoirePage(Page):
    """One story: a person, a project, a place in the Lot."""

    chapo = models.TextField(
        "chapô", max_length=400, help_text="Deux ou trois phrases qui donnent envie de lire."
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image principale",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Une photo en format paysage ; placez le point d'intérêt sur le visage ou le "
        "sujet, il reste visible dans chaque recadrage.",
    )
    image_alt = models.CharField(
        "texte alternatif de l'image principale",
        max_length=250,
        blank=True,
        help_text="Ce que montre l'image, pour qui ne la voit pas. Laissez vide pour reprendre "
        "la description de l'image dans la médiathèque.",
    )
    corps = StreamField(HistoireStreamBlock(), verbose_name="récit", blank=True)
    commune = models.ForeignKey(
        "territoire.Commune",
        verbose_name="commune",
        null=True,
        on_delete=models.PROTECT,
        related_name="histoires",
    )
    thematiques = ParentalManyToManyField(
        Thematique, verbose_name="thématiques", blank=True, related_name="histoires"
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="auteur (compte)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="histoires",
        help_text="Le membre de l'équipe ou l'ambassadeur qui a recueilli l'histoire.",
    )
    auteur_nom = models.CharField(
        "nom d'auteur affiché",
        max_length=120,
        blank=True,
        help_text="Par exemple « Propos recueillis par Marie Delpech ». Laissez vide pour "
        "afficher le nom du compte.",
    )

    base_form_class = HistoirePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("chapo"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Image principale"),
        FieldPanel("corps"),
        MultiFieldPanel(
            [
                FieldPanel("profils"),
                FieldPanel("thematiques", widget=forms.CheckboxSelectMultiple),
                FieldPanel("commune"),
            ],
            heading="Classement",
        ),
        MultiFieldPanel([FieldPanel("auteur"), FieldPanel("auteur_nom")], heading="Auteur"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("chapo"),
        index.SearchField("corps"),
        index.RelatedFields("commune", [index.SearchField("nom")]),
        index.FilterField("commune_id"),
    ]
    parent_page_types = ["cms.HistoireIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "histoire"
        verbose_name_plural = "histoires"

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            description = getattr(self.image, "description", "") or ""
            if not description.strip():
                raise ValidationError(
                    {
                        "image_alt": "Décrivez l'image principale : elle n'a pas de description "
                        "dans la médiathèque."
                    }
                )

    @property
    def texte_alternatif(self) -> str:
        return self.image_alt.strip() or (getattr(self.image, "description", "") or "").strip()

    @property
    def nom_auteur(self) -> str:
        if self.auteur_nom:
            return self.auteur_nom
        if self.auteur_id and self.auteur:
            return self.auteur.get_full_name() or ""
        return ""

    def get_context(self, request, *args, **kwargs):
        from ..selectors import histoires_liees

        context = super().get_context(request, *args, **kwargs)
        url = url_absolue(self.get_url(request) or "/")
        image_partage = None
        if self.image_id and self.image:
            image_partage = self.image.get_rendition("fill-1200x630|format-jpeg")
        fil_ariane = list(self.get_ancestors().filter(depth__gt=1))
        context.update(
            fil_ariane=fil_ariane,
            index_histoires=fil_ariane[-1] if len(fil_ariane) > 1 else None,
            histoires_liees=histoires_liees(histoire=self),
            url_canonique=url,
            image_partage=image_partage,
            image_partage_url=url_absolue(image_partage.url) if image_partage else "",
            json_ld=self.json_ld(url=url, image=image_partage),
        )
        return context

    def json_ld(self, *, url: str, image=None) -> str:
        """The schema.org ``Article`` of the story, ready for a ``<script>`` data block."""
        donnees = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title[:110],
            "description": self.chapo,
            "mainEntityOfPage": url,
            "inLanguage": "fr",
            "publisher": {
                "@type": "Organization",
                "name": EDITEUR,
                "logo": {"@type": "ImageObject", "url": url_absolue(static("img/logo-lot.svg"))},
            },
            "author": (
                {"@type": "Person", "name": self.nom_auteur}
                if self.nom_auteur
                else {"@type": "Organization", "name": EDITEUR}
            ),
        }
        if self.first_published_at:
            donnees["datePublished"] = self.first_published_at.isoformat()
        if self.last_published_at:
            donnees["dateModified"] = self.last_published_at.isoformat()
        if image is not None:
            donnees["image"] = [url_absolue(image.url)]
        if self.commune_id and self.commune:
            donnees["contentLocation"] = {"@type": "Place", "name": self.commune.nom}
        texte = json.dumps(donnees, ensure_ascii=False).translate(ECHAPPEMENTS_JSON)
        return mark_safe(texte)


class HistoireProfil(models.Model):
    """One target profile of a story (a story has one to four)."""

    page = ParentalKey(HistoirePage, on_delete=models.CASCADE, related_name="profils_cibles")
    profil = models.CharField("profil", max_length=20, choices=Profil.choices)

    class Meta:
        verbose_name = "profil visé"
        verbose_name_plural = "profils visés"
        constraints = [
            models.UniqueConstraint(fields=["page", "profil"], name="histoire_profil_unique")
        ]

    def __str__(self):
        return self.get_profil_display()
