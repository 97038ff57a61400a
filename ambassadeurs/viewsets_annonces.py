"""Admin of the network's running: announcements (sent by Celery in batches) and events."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Annonce, EvenementReseau, ReponseChoix, SegmentAnnonce
from .services import annonces as services

# --- Announcements ---------------------------------------------------------------------------

DEJA_ENVOYEE = "Cette annonce est déjà envoyée : elle ne peut plus être modifiée."


class AnnonceForm(WagtailAdminModelForm):
    def clean(self):
        donnees = super().clean()
        if self.instance.pk and not self.instance.modifiable:
            raise ValidationError(DEJA_ENVOYEE)
        segment = donnees.get("segment")
        if segment == SegmentAnnonce.TERRITOIRE and not donnees.get("communautes"):
            self.add_error("communautes", "Choisissez au moins une communauté de communes.")
        if segment == SegmentAnnonce.PROFILS and not donnees.get("profils"):
            self.add_error("profils", "Choisissez au moins un profil cible.")
        return donnees


class AnnonceIndexView(IndexView):
    envoyer_url_name = None

    def get_list_more_buttons(self, instance):
        boutons = super().get_list_more_buttons(instance)
        if instance.modifiable and self.request.user.has_perm("ambassadeurs.change_annonce"):
            boutons.append(
                MenuItem(
                    "Envoyer…",
                    url=reverse(self.envoyer_url_name, args=[instance.pk]),
                    icon_name="mail",
                    priority=5,
                )
            )
        return boutons


class AnnonceCreateView(CreateView):
    def save_instance(self):
        self.form.instance.cree_par = self.request.user
        return super().save_instance()


class AnnonceEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        # Who may not edit announcements is refused before learning whether one was sent.
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        annonce = get_object_or_404(Annonce, pk=kwargs.get("pk"))
        if not annonce.modifiable:
            messages.warning(request, DEJA_ENVOYEE)
            return redirect("ambassadeurs_annonces:inspect", annonce.pk)
        return super().dispatch(request, *args, **kwargs)


class AnnonceEnvoyerView(WagtailAdminTemplateMixin, TemplateView):
    """GET: the recipients count of the segment and a confirmation; POST: start sending."""

    template_name = "ambassadeurs/admin/annonce_envoyer.html"
    page_title = "Envoyer l'annonce"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("ambassadeurs.change_annonce"):
            raise PermissionDenied
        self.object = get_object_or_404(Annonce, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            annonce=self.object,
            nb_destinataires=len(services.destinataires_ids(annonce=self.object)),
            url_liste=reverse("ambassadeurs_annonces:index"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            annonce = services.annonce_envoyer(annonce=self.object)
        except services.AnnonceDejaEnvoyee:
            messages.warning(request, "Cette annonce est déjà envoyée ou en cours d'envoi.")
        else:
            messages.success(
                request,
                f"L'envoi de « {annonce} » à {annonce.nb_destinataires} ambassadeur(s) est lancé.",
            )
        return redirect("ambassadeurs_annonces:index")


class AnnonceViewSet(ModelViewSet):
    model = Annonce
    icon = "mail"
    menu_label = "Annonces"
    menu_order = 300
    url_prefix = "ambassadeurs/annonces"
    url_namespace = "ambassadeurs_annonces"
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = AnnonceIndexView
    add_view_class = AnnonceCreateView
    edit_view_class = AnnonceEditView
    list_display = [
        "titre",
        Column("segment", label="Destinataires", accessor="get_segment_display"),
        Column("etat", label="État", accessor="get_etat_display", sort_key="etat"),
        Column("nb_destinataires", label="Destinataires prévus"),
        Column("nb_envois", label="Courriels écrits"),
        DateColumn("envoyee_le", label="Envoyée le", sort_key="envoyee_le"),
    ]
    list_filter = ["etat", "segment"]
    search_fields = ["titre"]
    inspect_view_fields = [
        "titre",
        "texte",
        "segment",
        "communautes",
        "profils",
        "etat",
        "cree_par",
        "cree_le",
        "envoi_demande_le",
        "envoyee_le",
        "nb_destinataires",
        "nb_envois",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("titre"),
            FieldPanel("texte"),
            FieldPanel("segment"),
            FieldPanel("communautes"),
            FieldPanel("profils"),
        ],
        base_form_class=AnnonceForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            envoyer_url_name=self.get_url_name("envoyer"), **kwargs
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("envoyer/<int:pk>/", AnnonceEnvoyerView.as_view(), name="envoyer"),
        ]


# --- Export of the ambassadors list: activity columns ------------------------------------------


def avec_activite(queryset):
    """The export's extra columns: e-mail and last login, stories written and published."""
    return queryset.select_related("commune", "utilisateur").annotate(
        nb_histoires=Count("utilisateur__histoires", distinct=True),
        nb_histoires_publiees=Count(
            "utilisateur__histoires", filter=Q(utilisateur__histoires__live=True), distinct=True
        ),
    )


def cellule_sure(valeur):
    """Text typed by applicants is never read as a spreadsheet formula (CSV/XLSX injection)."""
    if isinstance(valeur, str) and valeur[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + valeur
    return valeur


# --- Network events ---------------------------------------------------------------------------


def _compter(queryset):
    return queryset.annotate(
        nb_oui=Count("reponses", filter=Q(reponses__reponse=ReponseChoix.OUI)),
        nb_peut_etre=Count("reponses", filter=Q(reponses__reponse=ReponseChoix.PEUT_ETRE)),
        nb_non=Count("reponses", filter=Q(reponses__reponse=ReponseChoix.NON)),
    )


class EvenementIndexView(IndexView):
    def get_base_queryset(self):
        return _compter(super().get_base_queryset().select_related("commune"))


class EvenementInspectView(InspectView):
    """The event's fields, its counts and the RSVP list."""

    template_name = "ambassadeurs/admin/evenement_inspect.html"

    def get_context_data(self, **kwargs):
        contexte = super().get_context_data(**kwargs)
        contexte["compteurs"] = services.evenement_avec_compteurs(self.object.pk)
        contexte["reponses"] = self.object.reponses.select_related(
            "ambassadeur__utilisateur", "ambassadeur__commune"
        ).order_by("reponse", "ambassadeur__nom")
        return contexte


class EvenementViewSet(ModelViewSet):
    model = EvenementReseau
    icon = "date"
    menu_label = "Événements du réseau"
    menu_order = 310
    url_prefix = "ambassadeurs/evenements"
    url_namespace = "ambassadeurs_evenements"
    add_to_reference_index = False
    inspect_view_enabled = True
    index_view_class = EvenementIndexView
    inspect_view_class = EvenementInspectView
    form_fields = ["titre", "description", "debut", "lieu", "commune", "capacite"]
    list_display = [
        "titre",
        DateColumn("debut", label="Date", sort_key="debut"),
        "lieu",
        Column("nb_oui", label="Viennent", sort_key="nb_oui"),
        Column("nb_peut_etre", label="Peut-être"),
        Column("nb_non", label="Ne viennent pas"),
        Column("capacite", label="Places"),
    ]
    search_fields = ["titre", "lieu"]
    inspect_view_fields = ["titre", "description", "debut", "lieu", "commune", "capacite"]
