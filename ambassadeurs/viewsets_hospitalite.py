"""Admin of the hospitality matching (« Ambassadeurs » › « Mises en relation (hospitalité) »).

- The list of matches (filters by status), each match's page (inspect) where staff record
  that the visit took place.
- « Séjours à mettre en relation » (``sejours/``): the open discovery-stay requests the user
  may see, and for one stay (``sejours/<pk>/``) the suggested offers — active offers of
  available ambassadors, same communauté de communes first, then room for the party — with
  a « Proposer » button.

Proposing needs ``ambassadeurs.add_miseenrelationhospitalite``; which stays a user sees is
decided by the permission policy ``accueil`` registers for its stays (a referent sees their
area; the departmental team and superusers see all) — read through Wagtail's policy
registry, so this app imports nothing from ``accueil``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import policy_registry

from .models import MiseEnRelationHospitalite, OffreHospitalite, StatutMiseEnRelation
from .services import hospitalite as services
from .viewsets_base import VuesRestreintesMixin

PERMISSION_PROPOSER = "ambassadeurs.add_miseenrelationhospitalite"
PERMISSION_MODIFIER = "ambassadeurs.change_miseenrelationhospitalite"
MESSAGE_MAX = 2000


def sejours_visibles(user):
    """The discovery stays ``user`` may see, by ``accueil``'s policy (none without one)."""
    Sejour = services.modele_sejour()
    politique = policy_registry.get_by_type(Sejour, fallback=False)
    if politique is None:
        return Sejour.objects.all() if user.is_superuser else Sejour.objects.none()
    return politique.instances_user_has_any_permission_for(user, ["view"])


def _arrivant(mise) -> str:
    return mise.sejour.parcours.prenom


def _offre(mise) -> str:
    return str(mise.offre)


class MiseEnRelationIndexView(IndexView):
    page_title = "Mises en relation (hospitalité)"

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(sejour__in=sejours_visibles(self.request.user))
            .select_related("offre__ambassadeur", "offre__commune", "sejour__parcours", "cree_par")
        )

    def get_add_url(self):  # matches are created from a stay's page
        return None

    def get_edit_url(self, instance):  # rows link to the match's page
        return reverse("ambassadeurs_mises_en_relation:inspect", args=[instance.pk])

    @cached_property
    def header_buttons(self):
        boutons = list(super().header_buttons)
        if self.request.user.has_perm(PERMISSION_PROPOSER):
            boutons.append(
                HeaderButton(
                    "Séjours à mettre en relation",
                    url=reverse("ambassadeurs_mises_en_relation:sejours"),
                    icon_name="site",
                )
            )
        return boutons


class MiseEnRelationInspectView(InspectView):
    any_permission_required = ["view", "add", "change"]
    template_name = "ambassadeurs/admin/mise_en_relation.html"

    def get_object(self, queryset=None):
        objet = (
            MiseEnRelationHospitalite.objects.filter(
                pk=self.pk, sejour__in=sejours_visibles(self.request.user)
            )
            .select_related(
                "offre__ambassadeur__utilisateur",
                "offre__commune",
                "sejour__parcours",
                "sejour__commune",
                "cree_par",
            )
            .first()
        )
        if objet is None:
            raise Http404
        return objet

    def get_fields(self):
        return []

    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_context_data(self, **kwargs):
        contexte = super().get_context_data(**kwargs)
        contexte["mise"] = self.object
        contexte["peut_modifier"] = self.request.user.has_perm(PERMISSION_MODIFIER)
        contexte["acceptee"] = self.object.statut == StatutMiseEnRelation.ACCEPTEE
        contexte["url_sejour"] = reverse(
            "ambassadeurs_mises_en_relation:sejour", args=[self.object.sejour_id]
        )
        return contexte

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION_MODIFIER):
            raise PermissionDenied
        try:
            services.mise_en_relation_realisee(mise=self.object, par=request.user)
        except services.MiseEnRelationImpossible as erreur:
            messages.warning(request, str(erreur))
        else:
            messages.success(request, "La visite est marquée réalisée.")
        return redirect(request.path)


class _ProposerMixin(WagtailAdminTemplateMixin):
    header_icon = "home"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION_PROPOSER):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SejoursView(_ProposerMixin, TemplateView):
    """The open stay requests the user may see, with their matches count."""

    template_name = "ambassadeurs/admin/sejours.html"
    page_title = "Séjours à mettre en relation"

    def get_context_data(self, **kwargs):
        sejours = (
            sejours_visibles(self.request.user)
            .filter(statut__in=services.STATUTS_SEJOUR_OUVERTS)
            .select_related("parcours__communaute", "commune")
            .annotate(nb_mises=Count("mises_en_relation_hospitalite"))
            .order_by("-cree_le", "-pk")[:200]
        )
        return super().get_context_data(sejours=list(sejours), **kwargs)


class SejourView(_ProposerMixin, TemplateView):
    """One stay: its request, its matches, the suggested offers and « Proposer »."""

    template_name = "ambassadeurs/admin/sejour.html"
    page_title = "Mettre en relation"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION_PROPOSER):
            raise PermissionDenied
        self.sejour = (
            sejours_visibles(request.user)
            .filter(pk=kwargs["pk"])
            .select_related("parcours__communaute", "commune__communaute")
            .first()
        )
        if self.sejour is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"Séjour découverte de {self.sejour.parcours.prenom}"

    def get_context_data(self, **kwargs):
        sejour = self.sejour
        ouvert = sejour.statut in services.STATUTS_SEJOUR_OUVERTS
        return super().get_context_data(
            sejour=sejour,
            ouvert=ouvert,
            offres=services.offres_suggerees(sejour=sejour) if ouvert else [],
            mises=list(
                MiseEnRelationHospitalite.objects.filter(sejour=sejour)
                .select_related("offre__ambassadeur", "offre__commune")
                .order_by("-cree_le", "-pk")
            ),
            url_dossier=_url_dossier(sejour),
            url_liste=reverse("ambassadeurs_mises_en_relation:sejours"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            offre_id = int(request.POST.get("offre", ""))
        except ValueError:
            offre_id = None
        offre = OffreHospitalite.objects.filter(pk=offre_id).first() if offre_id else None
        if offre is None:
            messages.error(request, "Choisissez une offre de la liste.")
            return redirect(request.path)
        message = (request.POST.get("message") or "").strip()[:MESSAGE_MAX]
        try:
            mise = services.mise_en_relation_proposer(
                offre=offre, sejour=self.sejour, par=request.user, message=message
            )
        except services.MiseEnRelationImpossible as erreur:
            messages.error(request, str(erreur))
        else:
            messages.success(
                request,
                f"Offre proposée à {mise.offre.ambassadeur.prenom} ; l'ambassadeur et le "
                "nouvel arrivant sont prévenus par courriel.",
            )
        return redirect(request.path)


def _url_dossier(sejour) -> str:
    try:
        return reverse("accueil_parcours:inspect", args=[sejour.parcours_id]) + "#sejours"
    except Exception:  # the accueil admin is not installed
        return ""


class MiseEnRelationViewSet(VuesRestreintesMixin, ModelViewSet):
    model = MiseEnRelationHospitalite
    vues_absentes = ("add", "edit", "delete", "history", "usage")
    icon = "group"
    menu_label = "Mises en relation (hospitalité)"
    menu_order = 320
    url_prefix = "ambassadeurs/mises-en-relation"
    url_namespace = "ambassadeurs_mises_en_relation"
    add_to_reference_index = False
    index_view_class = MiseEnRelationIndexView
    inspect_view_class = MiseEnRelationInspectView
    inspect_view_enabled = True
    list_filter = ["statut"]
    list_per_page = 50
    form_fields = []

    @cached_property
    def list_display(self):
        return [
            Column("offre", label="Offre", accessor=_offre),
            Column("arrivant", label="Nouvel arrivant", accessor=_arrivant),
            Column("statut", label="Statut", accessor="get_statut_display", sort_key="statut"),
            DateColumn("cree_le", label="Proposée le", sort_key="cree_le"),
            DateColumn("repondu_le", label="Réponse le", sort_key="repondu_le"),
        ]

    def get_urlpatterns(self):
        # Matches are created from a stay's page and answered by the ambassador.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("sejours/", SejoursView.as_view(), name="sejours"),
            path("sejours/<int:pk>/", SejourView.as_view(), name="sejour"),
        ]
