"""Wagtail admin of the jeunesse « idees » area: moderating and answering the ideas box.

Instructors (group « Instruction jeunesse », i.e. the jeunesse model permissions) list the
ideas with their supports count (annotated: one query), filter, search and export them,
and edit only two fields: the status and the public answer. Saving a change of either goes
through ``services.idees.idee_moderer`` (who/when recorded, the author emailed once, inside
the save transaction). Pending ideas get two shortcuts: « Publier » and « Ne pas publier ».
Ideas are never added nor copied here: they come from the portal.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Idee
from .models.choix import StatutIdee
from .services import idees as services

PERMISSION_MODERER = "jeunesse.change_idee"
NAMESPACE = "jeunesse_idees"


def _auteur(idee) -> str:
    return idee.auteur.email


def _date_locale_xlsx(valeur):
    return timezone.make_naive(timezone.localtime(valeur)) if valeur else None


def _date_locale_csv(valeur):
    return timezone.localtime(valeur).strftime("%d/%m/%Y %H:%M") if valeur else ""


class IdeeIndexView(IndexView):
    # Export dates in Europe/Paris time (Wagtail's default writes UTC).
    custom_field_preprocess = {
        champ: {"xlsx": _date_locale_xlsx, "csv": _date_locale_csv}
        for champ in ("cree_le", "repondu_le")
    }

    def get_base_queryset(self):
        # The supports count in the same query as the rows (sortable, exported).
        return (
            super()
            .get_base_queryset()
            .select_related("auteur")
            .annotate(nb_soutiens=Count("votes"))
        )

    def get_list_more_buttons(self, instance):
        boutons = super().get_list_more_buttons(instance)
        if instance.statut == StatutIdee.EN_ATTENTE and self.request.user.has_perm(
            PERMISSION_MODERER
        ):
            boutons += [
                MenuItem(
                    "Publier",
                    url=reverse(f"{NAMESPACE}:publier", args=[instance.pk]),
                    icon_name="tick",
                    priority=1,
                ),
                MenuItem(
                    "Ne pas publier",
                    url=reverse(f"{NAMESPACE}:refuser", args=[instance.pk]),
                    icon_name="cross",
                    priority=2,
                ),
            ]
        return boutons


class IdeeEditView(EditView):
    template_name = "jeunesse/admin/idees_edit.html"
    success_message = "Idée « %(object)s » enregistrée."

    # Only the index, this page, the shortcuts and delete exist.
    def get_usage_url(self):
        return None

    def get_history_url(self):
        return None

    def get_context_data(self, **kwargs):
        contexte = super().get_context_data(**kwargs)
        idee = self.object
        contexte["idee"] = idee
        contexte["nb_soutiens"] = idee.votes.count()
        contexte["en_attente"] = idee.statut == StatutIdee.EN_ATTENTE
        contexte["url_publier"] = reverse(f"{NAMESPACE}:publier", args=[idee.pk])
        contexte["url_refuser"] = reverse(f"{NAMESPACE}:refuser", args=[idee.pk])
        return contexte

    def save_instance(self):
        # Called inside Wagtail's transaction: the email row commits with the change.
        return services.idee_moderer(
            idee=self.object,
            par=self.request.user,
            statut=self.form.cleaned_data["statut"],
            reponse=self.form.cleaned_data["reponse"],
        )


class ModerationForm(forms.Form):
    reponse = forms.CharField(
        label="Réponse du Département (publique, facultative)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Affichée sous l'idée et envoyée à son auteur ou autrice. Pour « Ne pas "
        "publier », expliquez pourquoi (l'idée reste visible de son auteur ou autrice seul).",
    )


class IdeeModererView(WagtailAdminTemplateMixin, FormView):
    """GET: confirm (with an optional answer); POST: publish or refuse a pending idea."""

    template_name = "jeunesse/admin/idees_moderer.html"
    form_class = ModerationForm
    header_icon = "help"
    publier = True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION_MODERER):
            raise PermissionDenied
        self.object = get_object_or_404(Idee.objects.select_related("auteur"), pk=kwargs["pk"])
        if self.object.statut != StatutIdee.EN_ATTENTE:
            messages.warning(
                request,
                f"L'idée « {self.object} » est déjà modérée "
                f"({self.object.get_statut_display().lower()}).",
            )
            return redirect(f"{NAMESPACE}:edit", self.object.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return "Publier l'idée" if self.publier else "Ne pas publier l'idée"

    def get_page_subtitle(self):
        return str(self.object)

    def get_initial(self):
        return {"reponse": self.object.reponse}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            idee=self.object,
            publier=self.publier,
            url_edition=reverse(f"{NAMESPACE}:edit", args=[self.object.pk]),
            url_liste=reverse(f"{NAMESPACE}:index"),
            **kwargs,
        )

    def form_valid(self, form):
        statut = StatutIdee.PUBLIEE if self.publier else StatutIdee.REFUSEE
        idee = services.idee_moderer(
            idee=self.object,
            par=self.request.user,
            statut=statut,
            reponse=form.cleaned_data["reponse"],
        )
        if self.publier:
            texte = f"L'idée « {idee} » est publiée ; son auteur ou autrice est prévenu(e)."
        else:
            texte = f"L'idée « {idee} » n'est pas publiée ; son auteur ou autrice est prévenu(e)."
        messages.success(self.request, texte)
        return redirect(f"{NAMESPACE}:index")


class IdeeViewSet(ModelViewSet):
    model = Idee
    icon = "help"
    menu_label = "Idées pour la marque"
    menu_order = 900
    url_prefix = "jeunesse/idees"
    url_namespace = NAMESPACE
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = IdeeIndexView
    edit_view_class = IdeeEditView
    edit_handler = ObjectList(
        [
            FieldPanel(
                "statut",
                help_text="« Publiée », « Retenue », « En cours » et « Réalisée » sont visibles "
                "de tous ; « En attente de modération » et « Non publiée », de l'auteur ou "
                "autrice seul.",
            ),
            FieldPanel(
                "reponse",
                help_text="Publique, affichée sous l'idée. Chaque changement du statut ou de "
                "la réponse est envoyé par courriel à l'auteur ou autrice.",
            ),
        ]
    )
    list_filter = ["statut", "categorie"]
    search_fields = ["titre", "description", "reponse"]
    # ORM search: the search backend cannot run on the annotated supports count.
    search_backend_name = None
    list_per_page = 50
    list_export = [
        "pk",
        "cree_le",
        "titre",
        "get_categorie_display",
        "get_statut_display",
        "nb_soutiens",
        "description",
        "reponse",
        "repondu_le",
        "auteur.email",
    ]
    export_headings = {
        "pk": "Numéro",
        "cree_le": "Proposée le",
        "titre": "Titre",
        "get_categorie_display": "Catégorie",
        "get_statut_display": "Statut",
        "nb_soutiens": "Soutiens",
        "description": "Description",
        "reponse": "Réponse du Département",
        "repondu_le": "Modérée le",
        "auteur.email": "Adresse de l'auteur ou autrice",
    }
    export_filename = "idees-jeunesse"

    @cached_property
    def list_display(self):
        return [
            "titre",
            Column("categorie", label="Catégorie", accessor="get_categorie_display"),
            Column("statut", label="Statut", accessor="get_statut_display", sort_key="statut"),
            Column("nb_soutiens", label="Soutiens", sort_key="nb_soutiens"),
            Column("auteur", label="Auteur ou autrice", accessor=_auteur),
            DateColumn("cree_le", label="Proposée le", sort_key="cree_le"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        # No add, copy, history nor usage views are routed: never link to them.
        absentes = {f"{nom}_url_name": None for nom in ("add", "copy", "history", "usage")}
        return super().get_common_view_kwargs(**{**absentes, **kwargs})

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.edit_view, name="edit"),
            path("<int:pk>/delete/", self.delete_view, name="delete"),
            path("<int:pk>/publier/", IdeeModererView.as_view(publier=True), name="publier"),
            path(
                "<int:pk>/ne-pas-publier/",
                IdeeModererView.as_view(publier=False),
                name="refuser",
            ),
        ]


VIEWSETS: list = [IdeeViewSet()]
ADMIN_URLS: list = []
