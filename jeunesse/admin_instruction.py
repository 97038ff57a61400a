"""Wagtail admin of the jeunesse « instruction » area: the applications and their file page.

- « Candidatures »: a list-only ``ModelViewSet`` (filters, search, CSV/XLSX export). Drafts
  are excluded entirely: a draft is private to its team until it is submitted.
- The file page (``jeunesse_dossier``) shows the whole application, its history and its
  messages, and carries the instructors' actions: take it in, close it, request a
  complement, reply. Decisions are taken from the call's ranking (area « jury »).
Only instructors (``acces.est_instructeur``: group « Instruction jeunesse », superusers) get
in; anyone else gets a 404 (or the admin login page).
"""

import django_filters
from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView, View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from lot_portal.journal.services import Action, acces_journaliser

from . import acces
from .fichiers import piece_reponse
from .forms_instruction import ComplementForm, EtatForm, MessageInstructionForm, PointFormSet
from .models import AppelAProjets, Candidature, PieceJointe
from .models.choix import NaturePiece, Statut
from .services import instruction as services
from .services.etats import PROCHAINE_ETAPE, TransitionRefusee
from .services.messages import message_envoyer, messages_marquer_lus

STATUTS_DEPOSES = [c for c in Statut.choices if c[0] != Statut.BROUILLON]


def sans_formule(valeur):
    """Text typed by applicants is never read as a spreadsheet formula (CSV/XLSX injection)."""
    if isinstance(valeur, str) and valeur[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + valeur
    return valeur


def heure_de_paris(moment):
    """A naive Europe/Paris date-time for spreadsheets (Wagtail would write aware ones in UTC)."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(tzinfo=None, microsecond=0)


class InstructeurRequisMixin:
    """Instructors only; others get a 404 (we don't reveal what exists)."""

    def dispatch(self, request, *args, **kwargs):
        if not acces.est_instructeur(request.user):
            raise Http404("Page introuvable")
        return super().dispatch(request, *args, **kwargs)


# --- The list of applications -----------------------------------------------------------------


class CandidatureFilterSet(WagtailFilterSet):
    appel = django_filters.ModelChoiceFilter(
        label="Appel", queryset=AppelAProjets.objects.order_by("-cloture")
    )
    statut = django_filters.ChoiceFilter(label="État", choices=STATUTS_DEPOSES)

    class Meta:
        model = Candidature
        fields = ["appel", "statut"]


def _porteur(candidature) -> str:
    porteur = candidature.porteur
    if porteur is None:  # anonymised, or the account was deleted
        return "Anonyme"
    return porteur.get_full_name() or porteur.email


class CandidatureIndexView(InstructeurRequisMixin, IndexView):
    page_title = "Candidatures"

    def get_base_queryset(self):
        return (
            Candidature.objects.deposees()
            .select_related("appel", "porteur")
            .annotate(
                nb_non_lus=Count(
                    "messages",
                    filter=Q(messages__de_l_instruction=False, messages__lu_le__isnull=True),
                )
            )
        )

    def get_edit_url(self, instance):  # the row opens the file page
        return reverse("jeunesse_dossier", args=[instance.pk])

    def get_list_more_buttons(self, instance):
        return [
            MenuItem(
                "Ouvrir le dossier",
                url=reverse("jeunesse_dossier", args=[instance.pk]),
                icon_name="folder-open-inverse",
                priority=10,
            )
        ]

    def to_row_dict(self, item):
        valeurs = {
            "reference": item.reference,
            "titre": item.titre,
            "appel": item.appel.titre,
            "porteur": _porteur(item),
            "porteur_email": item.porteur.email if item.porteur else "",
            "statut": item.get_statut_display(),
            "depose_le": heure_de_paris(item.depose_le),
            "montant_demande": item.montant_demande,
            "montant_accorde": item.montant_accorde,
        }
        return {champ: valeurs[champ] for champ in self.list_export}

    def preprocess_field_value(self, field, value, export_format):
        return sans_formule(super().preprocess_field_value(field, value, export_format))


class CandidatureViewSet(ModelViewSet):
    model = Candidature
    icon = "form"
    menu_label = "Candidatures"
    menu_order = 20
    url_prefix = "jeunesse/candidatures"
    url_namespace = "jeunesse_candidatures"
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = CandidatureIndexView
    filterset_class = CandidatureFilterSet
    search_fields = ["reference", "titre", "porteur__email"]
    form_fields = []
    list_per_page = 50
    list_export = [
        "reference",
        "titre",
        "appel",
        "porteur",
        "porteur_email",
        "statut",
        "depose_le",
        "montant_demande",
        "montant_accorde",
    ]
    export_headings = {
        "reference": "Référence",
        "titre": "Titre du projet",
        "appel": "Appel",
        "porteur": "Porteur ou porteuse",
        "porteur_email": "Adresse électronique",
        "statut": "État",
        "depose_le": "Déposée le",
        "montant_demande": "Aide demandée (€)",
        "montant_accorde": "Aide accordée (€)",
    }
    export_filename = "candidatures-jeunesse"

    @cached_property
    def list_display(self):
        return [
            "reference",
            "titre",
            Column("appel", label="Appel", accessor="appel", sort_key="appel__titre"),
            Column("porteur", label="Porteur ou porteuse", accessor=_porteur),
            Column("statut", label="État", accessor="get_statut_display", sort_key="statut"),
            DateColumn("depose_le", label="Déposée le", sort_key="depose_le"),
            Column("montant_demande", label="Aide demandée (€)", sort_key="montant_demande"),
            Column("nb_non_lus", label="Messages non lus", sort_key="nb_non_lus"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        # Only the list is routed: no link to add/edit/delete/history/usage views.
        absentes = {
            f"{nom}_url_name": None for nom in ("add", "edit", "delete", "history", "usage")
        }
        return super().get_common_view_kwargs(**{**absentes, **kwargs})

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


# --- The file page ------------------------------------------------------------------------------


class DossierView(InstructeurRequisMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET: the whole application. Opening it marks the team's messages as read."""

    template_name = "jeunesse/admin/dossier.html"
    header_icon = "folder-open-inverse"

    def dispatch(self, request, *args, **kwargs):
        if not acces.est_instructeur(request.user):
            raise Http404("Page introuvable")
        try:
            self.candidature = services.dossier_charger(kwargs["pk"])
        except Candidature.DoesNotExist as erreur:
            raise Http404("Dossier introuvable") from erreur
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Dossier {self.candidature.reference}"

    def get_page_subtitle(self):
        return self.candidature.titre

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("jeunesse_candidatures:index"), "label": "Candidatures"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, *args, **kwargs):
        reponse = self.render_to_response(self.get_context_data())
        messages_marquer_lus(candidature=self.candidature, pour_l_instruction=True)
        acces_journaliser(request=request, action=Action.CONSULTATION, objet=self.candidature)
        return reponse

    def get_context_data(self, **kwargs):
        candidature = self.candidature
        actions = services.actions_possibles(candidature)
        equipe = services.equipe_avec_ages(candidature)
        contexte = super().get_context_data(**kwargs)
        contexte.update(
            candidature=candidature,
            appel=candidature.appel,
            equipe=equipe,
            mineurs=any(ligne["age"] is not None and ligne["age"] < 18 for ligne in equipe),
            pieces_autorisation=[
                piece
                for piece in candidature.pieces.all()
                if piece.nature == NaturePiece.AUTORISATION
            ],
            budget=candidature.totaux_budget(),
            prochaine_etape=PROCHAINE_ETAPE.get(candidature.statut, ""),
            actions_etat=[a for a in actions if a != Statut.COMPLEMENT_DEMANDE],
            complement_possible=Statut.COMPLEMENT_DEMANDE in actions,
            decision_possible=candidature.statut == Statut.EN_INSTRUCTION,
            sans_suite_possible=Statut.SANS_SUITE in actions,
            prendre_possible=Statut.EN_INSTRUCTION in actions,
            form_message=kwargs.get("form_message") or MessageInstructionForm(),
            form_etat=kwargs.get("form_etat") or EtatForm(actions=actions),
        )
        return contexte


class DossierMessageView(DossierView):
    """POST: reply to the team (they are emailed a link, never the text)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = MessageInstructionForm(request.POST)
        if not form.is_valid():
            contexte = self.get_context_data(form_message=form)
            return self.render_to_response(contexte)
        message_envoyer(
            candidature=self.candidature,
            auteur=request.user,
            texte=form.cleaned_data["texte"],
            de_l_instruction=True,
        )
        messages.success(request, "Votre message est envoyé ; l'équipe en est prévenue.")
        return redirect(reverse("jeunesse_dossier", args=[self.candidature.pk]) + "#messages")


class DossierEtatView(DossierView):
    """POST: take the application in, or close it with a reason."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        actions = services.actions_possibles(self.candidature)
        form = EtatForm(request.POST, actions=actions)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form_etat=form))
        vers = form.cleaned_data["vers"]
        try:
            services.etat_changer(
                self.candidature,
                vers=vers,
                auteur=request.user,
                commentaire=form.cleaned_data["commentaire"],
            )
        except TransitionRefusee as erreur:
            messages.error(request, str(erreur))
        else:
            messages.success(
                request,
                f"Le dossier est maintenant « {Statut(vers).label.lower()} » ; "
                "l'équipe en est prévenue par courriel.",
            )
        return redirect("jeunesse_dossier", self.candidature.pk)


class DossierComplementView(DossierView):
    """GET/POST: what to fix, field by field, then the application goes back to its team."""

    template_name = "jeunesse/admin/complement.html"
    http_method_names = ["get", "post"]

    def get_page_title(self):
        return f"Demander un complément — {self.candidature.reference}"

    def get(self, request, *args, **kwargs):
        if Statut.COMPLEMENT_DEMANDE not in services.actions_possibles(self.candidature):
            messages.error(
                request,
                f"Un dossier « {self.candidature.get_statut_display().lower()} » ne peut pas "
                "recevoir de demande de complément.",
            )
            return redirect("jeunesse_dossier", self.candidature.pk)
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        contexte = WagtailAdminTemplateMixin.get_context_data(self, **kwargs)
        contexte.update(
            candidature=self.candidature,
            form=kwargs.get("form") or ComplementForm(),
            formset=kwargs.get("formset")
            or PointFormSet(appel=self.candidature.appel, prefix="points"),
            url_dossier=reverse("jeunesse_dossier", args=[self.candidature.pk]),
        )
        return contexte

    def post(self, request, *args, **kwargs):
        form = ComplementForm(request.POST)
        formset = PointFormSet(request.POST, appel=self.candidature.appel, prefix="points")
        if not (form.is_valid() and formset.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        try:
            services.complement_demander(
                self.candidature,
                auteur=request.user,
                message=form.cleaned_data["message"],
                points=formset.points(),
            )
        except TransitionRefusee as erreur:
            form.add_error(None, str(erreur))
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        messages.success(
            request,
            "La demande de complément est envoyée : l'équipe reçoit la liste des points à "
            "corriger.",
        )
        return redirect("jeunesse_dossier", self.candidature.pk)


class DossierPieceView(InstructeurRequisMixin, View):
    """Download an attachment of a submitted application (attachment, nosniff)."""

    def get(self, request, pk, piece_pk):
        piece = get_object_or_404(
            PieceJointe.objects.exclude(candidature__statut=Statut.BROUILLON),
            pk=piece_pk,
            candidature_id=pk,
        )
        acces_journaliser(request=request, action=Action.TELECHARGEMENT, objet=piece.candidature)
        return piece_reponse(piece)


VIEWSETS = [CandidatureViewSet()]
ADMIN_URLS = [
    path("jeunesse/dossiers/<int:pk>/", DossierView.as_view(), name="jeunesse_dossier"),
    path(
        "jeunesse/dossiers/<int:pk>/pieces/<int:piece_pk>/",
        DossierPieceView.as_view(),
        name="jeunesse_dossier_piece",
    ),
    path(
        "jeunesse/dossiers/<int:pk>/messages/",
        DossierMessageView.as_view(),
        name="jeunesse_dossier_message",
    ),
    path(
        "jeunesse/dossiers/<int:pk>/etat/",
        DossierEtatView.as_view(),
        name="jeunesse_dossier_etat",
    ),
    path(
        "jeunesse/dossiers/<int:pk>/complement/",
        DossierComplementView.as_view(),
        name="jeunesse_dossier_complement",
    ),
]
