from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from .models import Courriel
from .services import courriel_renvoyer

PERMISSION_RENVOYER = "courriels.change_courriel"


def _statut(courriel: Courriel) -> str:
    """The status in words; a failure shows its error."""
    if courriel.statut == Courriel.Statut.ECHEC and courriel.derniere_erreur:
        return f"Échec : {courriel.derniere_erreur[:120]}"
    return courriel.get_statut_display()


def _peut_renvoyer(user, courriel: Courriel) -> bool:
    return courriel.statut == Courriel.Statut.ECHEC and user.has_perm(PERMISSION_RENVOYER)


class CourrielIndexView(IndexView):
    renvoyer_url_name = None

    def get_list_more_buttons(self, instance):
        boutons = super().get_list_more_buttons(instance)
        if _peut_renvoyer(self.request.user, instance):
            boutons.append(
                MenuItem(
                    "Renvoyer",
                    url=reverse(self.renvoyer_url_name, args=[instance.pk]),
                    icon_name="redirect",
                    priority=40,
                )
            )
        return boutons


class CourrielInspectView(InspectView):
    renvoyer_url_name = None

    def get_header_buttons(self):
        boutons = list(super().get_header_buttons())
        if _peut_renvoyer(self.request.user, self.object):
            boutons.insert(
                0,
                HeaderButton(
                    "Renvoyer",
                    url=reverse(self.renvoyer_url_name, args=[self.object.pk]),
                    icon_name="redirect",
                ),
            )
        return boutons


class CourrielRenvoyerView(WagtailAdminTemplateMixin, TemplateView):
    """GET: confirm; POST: put a failed email back in the queue (``courriel_renvoyer``)."""

    template_name = "courriels/admin_renvoyer.html"
    page_title = "Renvoyer le courriel"
    header_icon = "redirect"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION_RENVOYER):
            raise PermissionDenied
        self.object = get_object_or_404(Courriel, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.object.sujet

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            courriel=self.object, url_liste=reverse(self.index_url_name), **kwargs
        )

    def post(self, request, *args, **kwargs):
        if courriel_renvoyer(courriel_id=self.object.pk):
            messages.success(
                request,
                f"Le courriel « {self.object.sujet} » est remis dans la file d'envoi.",
            )
        else:
            messages.warning(request, "Ce courriel n'est pas en échec : rien n'a changé.")
        return redirect(self.index_url_name)


class CourrielViewSet(ModelViewSet):
    """Staff see every email, its status and its last error; a failed one can be sent
    again (« Renvoyer »: fresh attempts, back in the queue)."""

    model = Courriel
    icon = "mail"
    menu_label = "Courriels envoyés"
    menu_order = 900
    add_to_admin_menu = True
    index_view_class = CourrielIndexView
    inspect_view_class = CourrielInspectView
    list_display = [
        "sujet",
        "destinataires",
        Column("statut", label="Statut", accessor=_statut),
        "tentatives",
        "cree_le",
        "envoye_le",
    ]
    list_filter = ["statut"]
    search_fields = ["sujet", "destinataires"]
    form_fields = ["statut", "prochain_essai"]
    inspect_view_enabled = True
    list_export = ["sujet", "destinataires", "statut", "tentatives", "cree_le", "envoye_le"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            renvoyer_url_name=self.get_url_name("renvoyer"), **kwargs
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            renvoyer_url_name=self.get_url_name("renvoyer"), **kwargs
        )

    @property
    def renvoyer_view(self):
        return CourrielRenvoyerView.as_view(index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("renvoyer/<int:pk>/", self.renvoyer_view, name="renvoyer"),
        ]


@hooks.register("register_admin_viewset")
def register_courriel_viewset():
    return CourrielViewSet("courriels")
