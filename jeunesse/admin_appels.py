"""Wagtail admin of the jeunesse « appels » area: the calls for projects.

One form with inline panels (criteria, questions, documents); the model's ``clean`` errors
(closing before opening, maximum grant above the envelope…) show next to their fields.
The list gives each call's state, dates and number of submitted applications (one
annotated query) with a link to its applications; a small page per call counts them by
state (one aggregate query).
"""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from . import acces
from .models import AppelAProjets
from .models.choix import Statut
from .services.instruction import comptes_par_statut

AIDE_HEURE = "Heure de Paris."


def url_candidatures(appel) -> str:
    return reverse("jeunesse_candidatures:index") + f"?appel={appel.pk}"


class LienColumn(Column):
    """A cell holding a link (the applications of the call)."""

    cell_template_name = "jeunesse/admin/_cellule_lien.html"

    def __init__(self, name, *, get_url, **kwargs):
        self._get_url = get_url
        super().__init__(name, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        contexte = super().get_cell_context_data(instance, parent_context)
        contexte["url"] = self._get_url(instance)
        return contexte


def _etat(appel) -> str:
    return AppelAProjets.Etat(appel.etat()).label


def _nb_candidatures(appel) -> str:
    n = appel.nb_candidatures
    return f"{n} candidature{'s' if n > 1 else ''}"


class AppelIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                nb_candidatures=Count(
                    "candidatures", filter=~Q(candidatures__statut=Statut.BROUILLON)
                )
            )
        )

    def get_list_more_buttons(self, instance):
        boutons = super().get_list_more_buttons(instance)
        if acces.est_instructeur(self.request.user):
            boutons += [
                MenuItem(
                    "Candidatures",
                    url=url_candidatures(instance),
                    icon_name="form",
                    priority=5,
                ),
                MenuItem(
                    "Tableau de bord",
                    url=reverse("jeunesse_appels:tableau", args=[instance.pk]),
                    icon_name="list-ul",
                    priority=6,
                ),
            ]
        return boutons


class AppelDeleteView(DeleteView):
    """A call that received applications is kept (they point at it)."""

    def form_valid(self, form):
        if self.object.candidatures.exists():
            messages.error(
                self.request,
                "Cet appel a reçu des candidatures : il ne peut pas être supprimé. "
                "Dépubliez-le plutôt.",
            )
            return HttpResponseRedirect(reverse("jeunesse_appels:edit", args=[self.object.pk]))
        return super().form_valid(form)


class AppelTableauView(WagtailAdminTemplateMixin, TemplateView):
    """The applications of one call counted by state."""

    template_name = "jeunesse/admin/appel_tableau.html"
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        if not acces.est_instructeur(request.user):
            raise Http404("Page introuvable")
        self.appel = get_object_or_404(AppelAProjets, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return "Tableau de bord de l'appel"

    def get_page_subtitle(self):
        return self.appel.titre

    def get_context_data(self, **kwargs):
        comptes = comptes_par_statut(self.appel)
        return super().get_context_data(
            appel=self.appel,
            etat=_etat(self.appel),
            comptes=comptes,
            total=sum(ligne["nombre"] for ligne in comptes),
            url_candidatures=url_candidatures(self.appel),
            url_modifier=reverse("jeunesse_appels:edit", args=[self.appel.pk]),
            **kwargs,
        )


class AppelViewSet(ModelViewSet):
    model = AppelAProjets
    icon = "doc-full"
    menu_label = "Appels à projets"
    menu_order = 10
    url_prefix = "jeunesse/appels"
    url_namespace = "jeunesse_appels"
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = AppelIndexView
    delete_view_class = AppelDeleteView
    search_fields = ["titre", "chapo"]
    list_filter = ["type_appel", "publie"]
    list_per_page = 50

    panels = [
        MultiFieldPanel(
            [FieldPanel("titre"), FieldPanel("slug"), FieldPanel("type_appel")],
            heading="L'appel",
        ),
        FieldPanel("chapo"),
        FieldPanel("presentation"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldPanel("liens_acceptes"),
                FieldPanel("types_projet"),
            ],
            heading="Public",
        ),
        MultiFieldPanel(
            [
                FieldPanel("ouverture", help_text=AIDE_HEURE),
                FieldPanel("cloture", help_text="Heure de Paris. Aucun dépôt n'est accepté après."),
            ],
            heading="Dates",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("enveloppe"), FieldPanel("montant_max")])],
            heading="Montants",
        ),
        MultiFieldPanel(
            [
                FieldPanel("autorisation_parentale"),
                FieldPanel("taille_max_mo"),
                FieldPanel("conservation_mois"),
                FieldPanel("contact_email"),
            ],
            heading="Pièces et données",
        ),
        InlinePanel(
            "criteres",
            heading="Critères d'évaluation",
            label="Critère",
            panels=[
                FieldPanel("libelle"),
                FieldPanel("description"),
                FieldRowPanel([FieldPanel("poids"), FieldPanel("note_max")]),
            ],
        ),
        InlinePanel(
            "questions",
            heading="Questions complémentaires",
            label="Question",
            panels=[
                FieldPanel("libelle"),
                FieldPanel("aide"),
                FieldPanel("type_question"),
                FieldPanel("choix"),
                FieldPanel("obligatoire"),
            ],
        ),
        InlinePanel(
            "documents",
            heading="Documents demandés",
            label="Document",
            panels=[FieldPanel("libelle"), FieldPanel("aide"), FieldPanel("obligatoire")],
        ),
        FieldPanel("publie"),
    ]

    @cached_property
    def list_display(self):
        return [
            "titre",
            Column("type_appel", label="Type", accessor="get_type_appel_display"),
            Column("etat", label="État", accessor=_etat),
            DateColumn("ouverture", label="Ouverture", sort_key="ouverture"),
            DateColumn("cloture", label="Clôture", sort_key="cloture"),
            LienColumn(
                "nb_candidatures",
                label="Candidatures déposées",
                accessor=_nb_candidatures,
                get_url=url_candidatures,
                sort_key="nb_candidatures",
            ),
            Column("publie", label="Publié", accessor=lambda a: "Oui" if a.publie else "Non"),
        ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("tableau/<int:pk>/", AppelTableauView.as_view(), name="tableau"),
        ]


VIEWSETS = [AppelViewSet()]
ADMIN_URLS = []
