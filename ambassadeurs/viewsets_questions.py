"""Admin of the abuse reports on questions to ambassadors.

Each report's page shows the whole conversation (read-only) above a single « traité »
checkbox; marking it handled records who and when. Reports are never created or deleted
here: they come from the portal.
"""

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Signalement
from .services import questions as services
from .viewsets_base import VuesRestreintesMixin


def _conversation(signalement) -> str:
    return signalement.question.sujet


def _signalee(signalement) -> str:
    return "Conversation signalée" if signalement.question.signalee else ""


class SignalementEditView(EditView):
    template_name = "ambassadeurs/admin/signalement.html"

    # Only the index and this page exist (no usage, history or delete views).
    def get_usage_url(self):
        return None

    def get_history_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_context_data(self, **kwargs):
        contexte = super().get_context_data(**kwargs)
        question = self.object.question
        contexte["conversation"] = question
        contexte["fil"] = list(question.messages.select_related("auteur"))
        contexte["peut_clore"] = self.request.user.has_perm(PERMISSION_CLORE)
        return contexte

    def save_instance(self):
        instance = self.form.save(commit=False)
        if instance.traite and not Signalement.objects.filter(pk=instance.pk, traite=True).exists():
            return services.signalement_traiter(signalement=instance, par=self.request.user)
        if not instance.traite:
            instance.traite_par = None
            instance.traite_le = None
        instance.save()
        return instance


PERMISSION_CLORE = "ambassadeurs.change_signalement"


@require_POST
def signalement_clore(request, pk):
    """Staff close the reported conversation (the report's « change » permission)."""
    if not request.user.has_perm(PERMISSION_CLORE):
        return HttpResponseForbidden("Vous n'avez pas le droit de clore les conversations.")
    signalement = get_object_or_404(Signalement.objects.select_related("question"), pk=pk)
    try:
        services.question_clore(question=signalement.question, par=request.user)
    except services.ConversationFermee:
        messages.info(request, "Cette conversation est déjà close.")
    else:
        messages.success(
            request, "La conversation est close ; le demandeur et l'ambassadeur sont prévenus."
        )
    return redirect("questions_signalements_admin:edit", signalement.pk)


class SignalementViewSet(VuesRestreintesMixin, ModelViewSet):
    model = Signalement
    vues_absentes = ("add", "delete", "history", "usage")
    icon = "warning"
    menu_label = "Signalements (questions)"
    menu_order = 300
    url_prefix = "ambassadeurs/signalements"
    url_namespace = "questions_signalements_admin"
    edit_view_class = SignalementEditView
    add_to_reference_index = False
    form_fields = ["traite"]
    list_filter = ["traite"]
    search_fields = ["motif", "question__sujet"]
    list_per_page = 50

    @cached_property
    def list_display(self):
        return [
            "__str__",
            Column("conversation", label="Conversation", accessor=_conversation),
            Column("signalee", label="Drapeau", accessor=_signalee),
            BooleanColumn("traite", label="Traité", sort_key="traite"),
            DateColumn("cree_le", label="Signalé le", sort_key="cree_le"),
        ]

    def get_queryset(self, request):
        return Signalement.objects.select_related("question")

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.edit_view, name="edit"),
            path("<int:pk>/clore/", signalement_clore, name="clore"),
        ]
