"""Admin views of the welcome journey: relances.

- « Modèles de relance »: the follow-up emails staff write (delay, trigger, text);
- « Relances »: every scheduled follow-up, read-only, filtered by status and model, with
  the delivery status of its email; a pending one can be cancelled;
- « Bilans de suivi »: the check-ins after settling, those at risk first.

A referent sees the rows of their own area only; the departmental team and superusers
see them all; a staff account that is no referent sees none.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusFlagColumn
from wagtail.admin.views.generic import DeleteView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from ..forms.relances import ModeleRelanceForm
from ..models import Bilan, ModeleRelance, Referent, Relance
from ..services import relances as services


def filtrer_par_secteur(queryset, user, chemin: str = "parcours__communaute"):
    """Restrict ``queryset`` to what ``user`` may see (see the module docstring)."""
    if user.is_superuser:
        return queryset
    referent = Referent.objects.filter(utilisateur=user, actif=True).first()
    if referent is None:
        return queryset.none()
    if referent.est_departemental:
        return queryset
    return queryset.filter(**{chemin: referent.communaute_id})


class LectureSeulePolicy(ModelPermissionPolicy):
    """Rows written by the services only: nobody adds, edits or deletes them here."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ModeleRelancePolicy(ModelPermissionPolicy):
    """A template that already produced follow-ups is switched off, never deleted (its
    history would go with it); the welcome template is never deleted."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and (
            instance.code == services.CODE_BIENVENUE or instance.relances.exists()
        ):
            return False
        return super().user_has_permission_for_instance(user, action, instance)


register_permission_policy(Relance, LectureSeulePolicy(Relance), exact_class=True)
register_permission_policy(Bilan, LectureSeulePolicy(Bilan), exact_class=True)
register_permission_policy(ModeleRelance, ModeleRelancePolicy(ModeleRelance), exact_class=True)


# --- Follow-up templates ---------------------------------------------------------------


class ModeleRelanceDeleteView(DeleteView):
    """Refuses (with a message) to delete a template that has history or the welcome."""

    def dispatch(self, request, *args, **kwargs):
        # Who may not delete templates at all is refused before learning anything.
        if not self.permission_policy.user_has_permission(request.user, "delete"):
            raise PermissionDenied
        if not self.permission_policy.user_has_permission_for_instance(
            request.user, "delete", self.object
        ):
            messages.error(
                request,
                "Ce modèle a déjà servi (ou c'est le courriel de bienvenue) : il ne peut pas "
                "être supprimé. Décochez « actif » pour qu'il ne soit plus envoyé.",
            )
            return redirect(self.edit_url_name, self.object.pk)
        return super().dispatch(request, *args, **kwargs)


class ModeleRelanceViewSet(ModelViewSet):
    model = ModeleRelance
    delete_view_class = ModeleRelanceDeleteView
    icon = "mail"
    menu_label = "Modèles de relance"
    url_prefix = "accueil/modeles-relance"
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = [
        "nom",
        Column("declencheur", label="Déclencheur", accessor="get_declencheur_display"),
        Column("delai_jours", label="Délai (jours)"),
        StatusFlagColumn("avec_questionnaire", label="Questionnaire", true_label="Oui"),
        StatusFlagColumn("actif", label="Actif", true_label="Actif", false_label="Désactivé"),
    ]
    list_filter = ["declencheur", "actif"]
    search_fields = ["nom", "sujet", "corps"]
    edit_handler = ObjectList(
        [
            FieldPanel("nom"),
            FieldPanel("code"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("declencheur"), FieldPanel("delai_jours")]),
                    FieldPanel("actif"),
                ],
                heading="Quand",
            ),
            MultiFieldPanel(
                [
                    FieldPanel(
                        "sujet",
                        help_text="Variables possibles : {prenom}, {referent}, {secteur}.",
                    ),
                    FieldPanel(
                        "corps",
                        help_text="Texte brut, un paragraphe par ligne vide. Variables "
                        "possibles : {prenom} (prénom du nouvel arrivant), {referent} (nom de "
                        "son référent), {secteur} (sa communauté de communes). Le lien vers "
                        "son parcours, vers le questionnaire et le lien de désinscription "
                        "sont ajoutés automatiquement.",
                    ),
                    FieldPanel("avec_questionnaire"),
                ],
                heading="Le courriel",
            ),
        ],
        base_form_class=ModeleRelanceForm,
    )


# --- Scheduled follow-ups --------------------------------------------------------------


def _etat_envoi(relance: Relance) -> str:
    if relance.courriel is None:
        return "—"
    courriel = relance.courriel
    if courriel.statut == courriel.Statut.ECHEC:
        return f"Échec : {courriel.derniere_erreur[:80]}"
    return courriel.get_statut_display()


class RelanceIndexView(IndexView):
    annuler_url_name = None

    def get_base_queryset(self):
        queryset = (
            super()
            .get_base_queryset()
            .select_related("parcours", "modele", "courriel")
            .order_by("-due_le", "-pk")
        )
        return filtrer_par_secteur(queryset, self.request.user)

    def get_list_more_buttons(self, instance):
        boutons = super().get_list_more_buttons(instance)
        if instance.statut == Relance.Statut.PREVUE and self.request.user.has_perm(
            "accueil.change_relance"
        ):
            boutons.append(
                MenuItem(
                    "Annuler cette relance",
                    url=reverse(self.annuler_url_name, args=[instance.pk]),
                    icon_name="cross",
                    priority=40,
                )
            )
        return boutons


class RelanceInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            filtrer_par_secteur(Relance.objects.all(), self.request.user), pk=self.pk
        )


class RelanceAnnulerView(WagtailAdminTemplateMixin, TemplateView):
    """GET: confirm; POST: cancel one pending follow-up (``relance_annuler_par_equipe``)."""

    template_name = "accueil/relances/admin_annuler.html"
    page_title = "Annuler la relance"
    header_icon = "cross"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("accueil.change_relance"):
            raise PermissionDenied
        self.object = get_object_or_404(
            filtrer_par_secteur(Relance.objects.select_related("parcours", "modele"), request.user),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            relance=self.object, url_liste=reverse(self.index_url_name), **kwargs
        )

    def post(self, request, *args, **kwargs):
        if services.relance_annuler_par_equipe(relance=self.object):
            messages.success(request, f"La relance « {self.object.modele} » est annulée.")
        else:
            messages.warning(request, "Cette relance n'est plus prévue : rien n'a changé.")
        return redirect(self.index_url_name)


class RelanceViewSet(ModelViewSet):
    model = Relance
    icon = "mail"
    menu_label = "Relances"
    url_prefix = "accueil/relances"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = RelanceIndexView
    inspect_view_class = RelanceInspectView
    form_fields = ["motif_annulation"]  # never editable (see LectureSeulePolicy)
    list_display = [
        "parcours",
        "modele",
        DateColumn("due_le", label="Prévue le"),
        Column("statut", label="Statut", accessor="get_statut_display"),
        Column("envoi", label="Envoi du courriel", accessor=_etat_envoi),
        Column("motif_annulation", label="Motif d'annulation"),
    ]
    list_filter = ["statut", "modele"]
    search_fields = ["parcours__prenom", "parcours__nom"]
    inspect_view_fields = [
        "parcours",
        "modele",
        "due_le",
        "statut",
        "traitee_le",
        "motif_annulation",
        "courriel",
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            annuler_url_name=self.get_url_name("annuler"), **kwargs
        )

    @property
    def annuler_view(self):
        return RelanceAnnulerView.as_view(index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("annuler/<int:pk>/", self.annuler_view, name="annuler"),
        ]


# --- Check-ins -------------------------------------------------------------------------


class BilanIndexView(IndexView):
    def get_base_queryset(self):
        queryset = (
            super()
            .get_base_queryset()
            .select_related("parcours")
            .order_by(
                "-alerte",
                F("repondu_le").desc(nulls_last=True),
                "-cree_le",
                "-pk",
            )
        )
        return filtrer_par_secteur(queryset, self.request.user)


class BilanInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            filtrer_par_secteur(Bilan.objects.all(), self.request.user), pk=self.pk
        )


def _motifs(bilan: Bilan) -> str:
    return " ; ".join(bilan.motifs_alerte or []) or "—"


class BilanViewSet(ModelViewSet):
    model = Bilan
    icon = "pick"
    menu_label = "Bilans de suivi"
    url_prefix = "accueil/bilans"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = BilanIndexView
    inspect_view_class = BilanInspectView
    form_fields = ["commentaire"]  # never editable (see LectureSeulePolicy)
    list_display = [
        "parcours",
        StatusFlagColumn("alerte", label="Risque de départ", true_label="Risque signalé"),
        Column("motifs", label="Motifs", accessor=_motifs),
        Column("satisfaction", label="Satisfaction (sur 5)"),
        DateColumn("cree_le", label="Proposé le"),
        DateColumn("repondu_le", label="Répondu le"),
    ]
    list_filter = ["alerte"]
    search_fields = ["parcours__prenom", "parcours__nom"]
    inspect_view_fields = [
        "parcours",
        "cree_le",
        "repondu_le",
        "alerte",
        "motifs_alerte",
        "satisfaction",
        "isolement",
        "emploi_conjoint",
        "logement",
        "envisage_partir",
        "commentaire",
    ]
    list_export = [
        "parcours",
        "cree_le",
        "repondu_le",
        "alerte",
        "satisfaction",
        "isolement",
        "emploi_conjoint",
        "logement",
        "envisage_partir",
        "commentaire",
    ]
    export_filename = "bilans-de-suivi"


VIEWSETS = [
    ModeleRelanceViewSet("accueil_modeles_relance"),
    RelanceViewSet("accueil_relances"),
    BilanViewSet("accueil_bilans"),
]
