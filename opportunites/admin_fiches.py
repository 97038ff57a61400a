"""Admin of the opportunities' fiches area (grouped by wagtail_hooks in « Opportunités »).

- Employers (``Employeur``) as a snippet: searchable, filtered by sector, with their offers
  count; being a snippet gives the offer editor a chooser instead of a long select.
- Messages sent through the takeover pages (``ContactReprise``): the copy in the admin of
  each email sent to the accompanying body. Listed with filters by status and takeover,
  read in an inspect view, marked « traité », exported as CSV or XLSX. They are never created
  or edited here (they come from the site).

Both need the model permissions (view/change…) of the user's groups.
"""

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from lot_portal.cms.snippets import SnippetViewSetPortail
from lot_portal.journal.services import Action, acces_journaliser

from .models import ContactReprise, Employeur

PERMISSION_TRAITER = "opportunites.change_contactreprise"


class EmployeurViewSet(SnippetViewSetPortail):
    model = Employeur
    icon = "site"
    menu_label = "Employeurs"
    menu_order = 100
    url_prefix = "opportunites/employeurs"
    add_to_reference_index = False
    list_filter = ["secteur"]
    search_fields = ["nom", "siret"]
    # The ORM search: the search backend cannot run on the annotated offers count.
    search_backend_name = None
    list_per_page = 50
    list_display = [
        "nom",
        Column("secteur", label="Secteur", accessor="get_secteur_display", sort_key="secteur"),
        Column("commune", label="Commune"),
        Column("nb_offres", label="Offres", sort_key="nb_offres"),
    ]
    list_export = ["nom", "siret", "secteur", "commune", "site_web", "nb_offres"]
    export_headings = {
        "nom": "Nom",
        "siret": "SIRET",
        "secteur": "Secteur",
        "commune": "Commune",
        "site_web": "Site web",
        "nb_offres": "Offres",
    }
    export_filename = "employeurs"

    def get_queryset(self, request):
        return Employeur.objects.select_related("commune").annotate(nb_offres=Count("offres"))


class ContactRepriseIndexView(IndexView):
    """Rows open the inspect view: messages are read, never edited nor added here."""

    def get_base_queryset(self):
        # Wagtail 8's index view does not call the viewset's get_queryset.
        return super().get_base_queryset().select_related("reprise")

    def get_add_url(self):
        return None

    def get_copy_url(self, instance):
        return None

    def get_edit_url(self, instance):
        return self.get_inspect_url(instance)


class ContactRepriseInspectView(InspectView):
    template_name = "opportunites/fiches/admin_contact_inspect.html"

    def get_edit_url(self):
        return None

    def get(self, request, *args, **kwargs):
        acces_journaliser(request=request, action=Action.CONSULTATION, objet=self.object)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        contexte = super().get_context_data(**kwargs)
        contexte["peut_traiter"] = self.request.user.has_perm(PERMISSION_TRAITER)
        contexte["url_traiter"] = reverse(
            "opportunites_contacts_reprises:traiter", args=[self.object.pk]
        )
        return contexte


@require_POST
def contact_traiter(request, pk):
    """Mark a message « traité » (the model's change permission)."""
    if not request.user.has_perm(PERMISSION_TRAITER):
        return HttpResponseForbidden("Vous n'avez pas le droit de traiter ces messages.")
    contact = get_object_or_404(ContactReprise, pk=pk)
    if contact.statut != ContactReprise.Statut.TRAITE:
        contact.statut = ContactReprise.Statut.TRAITE
        contact.save(update_fields=["statut"])
        messages.success(request, f"Le message de {contact.nom} est marqué « traité ».")
    return redirect("opportunites_contacts_reprises:inspect", contact.pk)


def _reprise(contact) -> str:
    return contact.reprise.title


class ContactRepriseViewSet(ModelViewSet):
    model = ContactReprise
    icon = "mail"
    menu_label = "Contacts des reprises"
    menu_order = 110
    url_prefix = "opportunites/contacts-reprises"
    url_namespace = "opportunites_contacts_reprises"
    add_to_reference_index = False
    inspect_view_enabled = True
    index_view_class = ContactRepriseIndexView
    inspect_view_class = ContactRepriseInspectView
    copy_view_enabled = False
    list_filter = ["statut", "reprise"]
    search_fields = ["nom", "email", "message"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        "nom",
        "email",
        Column("reprise", label="Entreprise à reprendre", accessor=_reprise),
        Column("statut", label="Statut", accessor="get_statut_display", sort_key="statut"),
        DateColumn("cree_le", label="Reçu le", sort_key="cree_le"),
    ]
    inspect_view_fields = [
        "reprise",
        "nom",
        "email",
        "telephone",
        "message",
        "statut",
        "cree_le",
        "compte",
    ]
    list_export = ["cree_le", "reprise", "nom", "email", "telephone", "message", "statut"]
    export_headings = {
        "cree_le": "Reçu le",
        "reprise": "Entreprise à reprendre",
        "nom": "Nom",
        "email": "Adresse électronique",
        "telephone": "Téléphone",
        "message": "Message",
        "statut": "Statut",
    }
    export_filename = "contacts-reprises"

    def get_queryset(self, request):
        return ContactReprise.objects.select_related("reprise")

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit, history nor usage views here: their URL names must not be
        # reversed (the delete view's header would otherwise fail on « usage »).
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        # Read, mark handled, delete (personal data); never added nor edited here.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/traiter/", contact_traiter, name="traiter"),
            path("<int:pk>/delete/", self.delete_view, name="delete"),
        ]


VIEWSETS: list = [EmployeurViewSet(), ContactRepriseViewSet()]
ADMIN_URLS: list = []
