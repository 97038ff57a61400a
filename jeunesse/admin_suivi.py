"""Wagtail admin of the jeunesse « suivi » area: laureates' follow-up and journal moderation.

Instructors only (``jeunesse.instruire_candidature``): anyone else who opens the admin gets a
404. Pages: the list of laureates (menu « Lauréats »), one laureate's follow-up
(``jeunesse_suivi``: payments, reports, support actions, journal, showcase, story), the
moderation queue of journal entries (``jeunesse_journal_moderation``).
"""

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from lot_portal.journal.services import Action, acces_journaliser

from .acces import est_instructeur
from .fichiers import piece_reponse
from .forms_laureats import ActionSoutienForm, RapportAttenduForm, RefusForm, VersementForm
from .models import (
    ActionSoutien,
    Candidature,
    EntreeJournal,
    RapportProjet,
    Versement,
)
from .models.choix import Statut, StatutJournal
from .services import laureats as services


class _Instruction:
    def dispatch(self, request, *args, **kwargs):
        if not est_instructeur(request.user):
            raise Http404("Page introuvable")
        return super().dispatch(request, *args, **kwargs)


def _laureat_ou_404(pk) -> Candidature:
    return get_object_or_404(
        Candidature.objects.select_related("appel", "porteur", "commune"),
        pk=pk,
        statut=Statut.RETENU,
    )


class LaureatsView(_Instruction, WagtailAdminTemplateMixin, TemplateView):
    template_name = "jeunesse/admin/suivi_liste.html"
    page_title = "Lauréats"
    header_icon = "group"

    def get_context_data(self, **kwargs):
        laureats = list(
            Candidature.objects.filter(statut=Statut.RETENU)
            .select_related("appel")
            .prefetch_related(
                Prefetch(
                    "versements",
                    queryset=Versement.objects.filter(verse_le__isnull=True),
                    to_attr="a_verser",
                )
            )
            .annotate(nb_soumises=Count("journal", filter=Q(journal__statut=StatutJournal.SOUMIS)))
            .order_by("appel__titre", "titre")
        )
        for laureat in laureats:
            laureat.prochain = services.prochain_versement(laureat.a_verser)
        return super().get_context_data(laureats=laureats, **kwargs)


class SuiviView(_Instruction, WagtailAdminTemplateMixin, TemplateView):
    """One laureate's follow-up; every POST carries an ``action``."""

    template_name = "jeunesse/admin/suivi_detail.html"
    header_icon = "clipboard-list"

    def get_page_title(self):
        return f"Suivi du projet {self.candidature.reference}"

    def get_page_subtitle(self):
        return self.candidature.titre

    def dispatch(self, request, *args, **kwargs):
        if est_instructeur(request.user):
            self.candidature = _laureat_ou_404(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        c = self.candidature
        kwargs.setdefault("form_versement", VersementForm(prefix="versement"))
        kwargs.setdefault("form_rapport", RapportAttenduForm(prefix="rapport"))
        kwargs.setdefault("form_action", ActionSoutienForm(prefix="action"))
        return super().get_context_data(
            candidature=c,
            versements=list(c.versements.all()),
            rapports=list(c.rapports.select_related("piece")),
            actions=list(c.actions_soutien.all()),
            entrees=list(c.journal.all()),
            url_moderation=reverse("jeunesse_journal_moderation"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        c = self.candidature
        action = request.POST.get("action", "")
        retour = redirect("jeunesse_suivi", pk=c.pk)
        if action == "versement_ajouter":
            form = VersementForm(request.POST, prefix="versement")
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form_versement=form))
            form.instance.candidature = c
            form.save()
            messages.success(request, "Le versement est ajouté.")
        elif action == "versement_verse":
            versement = get_object_or_404(Versement, pk=request.POST.get("id"), candidature=c)
            services.versement_marquer_verse(versement)
            messages.success(request, f"Le versement « {versement.jalon} » est marqué versé.")
        elif action == "rapport_ajouter":
            form = RapportAttenduForm(request.POST, prefix="rapport")
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form_rapport=form))
            form.instance.candidature = c
            form.save()
            messages.success(request, "Le rapport attendu est ajouté.")
        elif action == "rapport_valider":
            rapport = get_object_or_404(RapportProjet, pk=request.POST.get("id"), candidature=c)
            try:
                services.rapport_valider(rapport)
            except services.SuiviRefuse as erreur:
                messages.error(request, str(erreur))
            else:
                messages.success(request, "Le rapport est validé.")
        elif action == "action_ajouter":
            form = ActionSoutienForm(request.POST, prefix="action")
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form_action=form))
            form.instance.candidature = c
            form.save()
            messages.success(request, "L'action de soutien est ajoutée.")
        elif action == "action_realisee":
            soutien = get_object_or_404(ActionSoutien, pk=request.POST.get("id"), candidature=c)
            soutien.realisee = True
            soutien.save(update_fields=["realisee"])
            messages.success(request, f"L'action « {soutien.libelle} » est marquée réalisée.")
        elif action in ("vitrine_publier", "vitrine_retirer"):
            try:
                services.vitrine_publier(c, publiee=action == "vitrine_publier")
            except services.SuiviRefuse as erreur:
                messages.error(request, str(erreur))
            else:
                messages.success(
                    request,
                    "Le projet est publié dans la vitrine."
                    if c.vitrine_publiee
                    else "Le projet est retiré de la vitrine.",
                )
        elif action == "histoire_creer":
            try:
                page = services.histoire_creer(c, utilisateur=request.user)
            except services.SuiviRefuse as erreur:
                messages.error(request, str(erreur))
            else:
                messages.success(
                    request, "Le brouillon de l'histoire est créé : relisez-le avant de publier."
                )
                return redirect("wagtailadmin_pages:edit", page.pk)
        else:
            messages.error(request, "Action inconnue.")
        return retour


class VersementModifierView(_Instruction, WagtailAdminTemplateMixin, TemplateView):
    template_name = "jeunesse/admin/suivi_versement.html"
    page_title = "Modifier un versement"
    header_icon = "clipboard-list"

    def dispatch(self, request, *args, **kwargs):
        if est_instructeur(request.user):
            self.candidature = _laureat_ou_404(kwargs["pk"])
            self.versement = get_object_or_404(
                Versement, pk=kwargs["versement"], candidature=self.candidature
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.pop("versement", None)
        kwargs.setdefault("form", VersementForm(instance=self.versement))
        return super().get_context_data(
            candidature=self.candidature, versement=self.versement, **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = VersementForm(request.POST, instance=self.versement)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        form.save()
        messages.success(request, "Le versement est modifié.")
        return redirect("jeunesse_suivi", pk=self.candidature.pk)


class RapportFichierView(_Instruction, TemplateView):
    def get(self, request, pk, rapport):
        objet = get_object_or_404(
            RapportProjet.objects.select_related("piece"),
            pk=rapport,
            candidature_id=pk,
            piece__isnull=False,
        )
        acces_journaliser(request=request, action=Action.TELECHARGEMENT, objet=objet.candidature)
        return piece_reponse(objet.piece)


class ModerationView(_Instruction, WagtailAdminTemplateMixin, TemplateView):
    template_name = "jeunesse/admin/suivi_moderation.html"
    page_title = "Journal des projets : modération"
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        entrees = list(
            EntreeJournal.objects.filter(statut=StatutJournal.SOUMIS)
            .select_related("candidature__appel", "auteur")
            .order_by("cree_le")
        )
        refus = kwargs.pop("refus", None)
        for entree in entrees:
            entree.form_refus = (
                refus
                if refus is not None and refus.entree_pk == entree.pk
                else RefusForm(prefix=f"e{entree.pk}")
            )
        return super().get_context_data(entrees=entrees, **kwargs)

    def post(self, request, *args, **kwargs):
        entree = get_object_or_404(EntreeJournal, pk=request.POST.get("id"))
        action = request.POST.get("action")
        if action == "publier":
            if services.entree_publier(entree):
                messages.success(request, f"« {entree.titre} » est publié ; l'équipe est prévenue.")
            else:
                messages.warning(request, "Cette entrée n'est plus en attente de modération.")
        elif action == "refuser":
            form = RefusForm(request.POST, prefix=f"e{entree.pk}")
            if not form.is_valid():
                form.entree_pk = entree.pk
                return self.render_to_response(self.get_context_data(refus=form))
            if services.entree_refuser(entree, motif=form.cleaned_data["motif"]):
                messages.success(request, f"« {entree.titre} » est refusé ; l'équipe est prévenue.")
            else:
                messages.warning(request, "Cette entrée n'est plus en attente de modération.")
        else:
            messages.error(request, "Action inconnue.")
        return redirect("jeunesse_journal_moderation")


class _MenuInstruction(MenuItem):
    def is_shown(self, request):
        return est_instructeur(request.user)


class _ViewSetInstruction(ViewSet):
    def get_menu_item(self, order=None):
        return _MenuInstruction(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
        )


class LaureatsViewSet(_ViewSetInstruction):
    name = "jeunesse_laureats"
    url_prefix = "jeunesse/laureats"
    icon = "group"
    menu_label = "Lauréats"

    def get_urlpatterns(self):
        return [path("", LaureatsView.as_view(), name="index")]


class ModerationViewSet(_ViewSetInstruction):
    name = "jeunesse_journal"
    url_prefix = "jeunesse/journal-menu"
    icon = "doc-full"
    menu_label = "Journal des projets"

    @property
    def menu_url(self):
        return reverse("jeunesse_journal_moderation")

    def get_urlpatterns(self):
        return []


VIEWSETS = [LaureatsViewSet(), ModerationViewSet()]
ADMIN_URLS = [
    path("jeunesse/laureats/<int:pk>/", SuiviView.as_view(), name="jeunesse_suivi"),
    path(
        "jeunesse/laureats/<int:pk>/versements/<int:versement>/",
        VersementModifierView.as_view(),
        name="jeunesse_suivi_versement",
    ),
    path(
        "jeunesse/laureats/<int:pk>/rapports/<int:rapport>/fichier/",
        RapportFichierView.as_view(),
        name="jeunesse_suivi_rapport",
    ),
    path("jeunesse/journal/", ModerationView.as_view(), name="jeunesse_journal_moderation"),
]
