"""The application page of the Wagtail admin: everything about it, and the decision.

Seeing it needs the model's view (or change) permission; deciding needs
``ambassadeurs.change_ambassadeur`` (otherwise 403).
"""

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from wagtail.admin.views.generic import InspectView

from lot_portal.journal.services import Action, acces_journaliser

from .forms.admin import DecisionForm
from .models import Ambassadeur, StatutAmbassadeur
from .services import candidature as services


class CandidatureView(InspectView):
    template_name = "ambassadeurs/admin/candidature.html"
    page_title = "Candidature"
    any_permission_required = ["view", "change"]

    def get_object(self, queryset=None):
        return get_object_or_404(
            Ambassadeur.objects.select_related(
                "utilisateur", "commune__communaute", "photo", "decide_par"
            ),
            pk=self.pk,
        )

    def get_fields(self):
        return []

    def get(self, request, *args, **kwargs):
        acces_journaliser(request=request, action=Action.CONSULTATION, objet=self.object)
        return super().get(request, *args, **kwargs)

    def get_edit_url(self):  # no edit view: applications change only by decision
        return None

    def get_delete_url(self):
        return None

    @property
    def peut_decider(self) -> bool:
        return self.request.user.has_perm(services.PERMISSION_DECIDER)

    def get_context_data(self, **kwargs):
        contexte = super().get_context_data(**kwargs)
        contexte.update(
            ambassadeur=self.object,
            peut_decider=self.peut_decider,
            en_attente=self.object.statut == StatutAmbassadeur.CANDIDATURE,
            form=kwargs.get("form") or DecisionForm(),
        )
        return contexte

    def post(self, request, *args, **kwargs):
        if not self.peut_decider:
            # A plain 403 (Wagtail would turn PermissionDenied into a redirect).
            return HttpResponseForbidden("Vous n'avez pas le droit de décider des candidatures.")
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        accepter = form.cleaned_data["decision"] == "accepter"
        services.candidature_decider(
            ambassadeur=self.object,
            accepter=accepter,
            message=form.cleaned_data["message"].strip(),
            par=request.user,
        )
        messages.success(
            request,
            f"Candidature de {self.object} {'acceptée' if accepter else 'refusée'} ; "
            "un courriel lui est envoyé.",
        )
        return redirect(request.path)
