"""Wagtail admin of the jeunesse « jury » area (instructors only, others get a 404).

- « Jury et classement » (menu): the calls, with links to their jury and ranking;
- ``jeunesse_jury`` (admin/jeunesse/appels/<pk>/jury/): members of the call's jury (add by
  email, remove), assignments (bulk « all jurors to all applications under review », per
  application add or remove a juror);
- ``jeunesse_classement`` (admin/jeunesse/appels/<pk>/classement/): the weighted ranking,
  spread between jurors, envelope; ``?format=csv|xlsx`` exports it with per-juror scores;
- ``jeunesse_jury_decision`` (…/classement/<candidature_pk>/decision/): « Retenir » with an
  amount or « Ne pas retenir » with a reason.
"""

import csv
import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from lot_portal.journal.services import Action, acces_journaliser

from .acces import est_instructeur
from .forms_jury import AffectationForm, MembreJuryForm, NePasRetenirForm, RetenirForm
from .models import Affectation, AppelAProjets, Candidature, MembreJury
from .models.choix import Statut
from .services import jury as service
from .services.etats import TransitionRefusee


def sans_formule(valeur):
    """Text typed by applicants must not run as a spreadsheet formula (CSV injection)."""
    if isinstance(valeur, str) and valeur[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + valeur
    return valeur


class InstructeursSeulement:
    """Instructors only; anyone else with admin access gets a 404."""

    def dispatch(self, request, *args, **kwargs):
        if not est_instructeur(request.user):
            raise Http404("Page introuvable")
        return super().dispatch(request, *args, **kwargs)


class PageAppelMixin(InstructeursSeulement, WagtailAdminTemplateMixin):
    header_icon = "group"

    def get_appel(self):
        if not hasattr(self, "_appel"):
            self._appel = get_object_or_404(AppelAProjets, pk=self.kwargs["pk"])
        return self._appel

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("jeunesse_jury_appels:index"), "label": "Jury et classement"},
            {"url": "", "label": self.get_page_title()},
        ]


# --- Calls -------------------------------------------------------------------------------


class AppelsJuryView(InstructeursSeulement, WagtailAdminTemplateMixin, TemplateView):
    template_name = "jeunesse/admin/jury_appels.html"
    page_title = "Jury et classement"
    header_icon = "group"

    def get_context_data(self, **kwargs):
        appels = AppelAProjets.objects.annotate(
            nb_jures=Count("jures", distinct=True),
            nb_dossiers=Count(
                "candidatures",
                filter=Q(candidatures__statut__in=service.STATUTS_CLASSEMENT),
                distinct=True,
            ),
        ).order_by("-cloture")
        return super().get_context_data(appels=appels, **kwargs)


# --- Jury composition and assignments ----------------------------------------------------


class JuryView(PageAppelMixin, TemplateView):
    template_name = "jeunesse/admin/jury_composition.html"
    http_method_names = ["get", "post"]

    def get_page_title(self):
        return f"Jury — {self.get_appel().titre}"

    def get_context_data(self, membre_form=None, affectation_erreur=None, **kwargs):
        appel = self.get_appel()
        membres = list(
            MembreJury.objects.filter(appel=appel)
            .select_related("utilisateur")
            .order_by("utilisateur__last_name", "utilisateur__email")
        )
        candidatures = list(
            Candidature.objects.filter(appel=appel, statut__in=service.STATUTS_AFFECTABLES)
            .only("pk", "reference", "titre", "statut", "appel_id")
            .order_by("reference")
        )
        affectations = (
            Affectation.objects.filter(candidature__appel=appel)
            .exclude(candidature__statut=Statut.BROUILLON)
            .select_related("jure")
            .annotate(nb_notes=Count("notes"))
            .order_by("jure__last_name", "jure__email")
        )
        par_candidature: dict[int, list] = {c.pk: [] for c in candidatures}
        for affectation in affectations:
            if affectation.candidature_id in par_candidature:
                par_candidature[affectation.candidature_id].append(affectation)
        jures = [m.utilisateur for m in membres]
        lignes = []
        for candidature in candidatures:
            deja = {a.jure_id for a in par_candidature[candidature.pk]}
            lignes.append(
                {
                    "candidature": candidature,
                    "affectations": par_candidature[candidature.pk],
                    "form": AffectationForm(
                        jures=[j for j in jures if j.pk not in deja],
                        prefix=f"c{candidature.pk}",
                    ),
                    "erreur": affectation_erreur.get(candidature.pk)
                    if affectation_erreur
                    else None,
                }
            )
        return super().get_context_data(
            appel=appel,
            membres=membres,
            lignes=lignes,
            en_instruction=sum(1 for c in candidatures if c.statut == Statut.EN_INSTRUCTION),
            membre_form=membre_form or MembreJuryForm(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        appel = self.get_appel()
        action = request.POST.get("action")
        if action == "ajouter_membre":
            form = MembreJuryForm(request.POST)
            if form.is_valid():
                try:
                    membre = service.membre_ajouter(
                        appel,
                        email=form.cleaned_data["email"],
                        qualite=form.cleaned_data["qualite"],
                    )
                except ValidationError as erreur:
                    for champ, liste in erreur.message_dict.items():
                        for texte in liste:
                            form.add_error(champ, texte)
                else:
                    messages.success(
                        request,
                        f"{membre.utilisateur.get_full_name() or membre.utilisateur.email} "
                        "fait désormais partie du jury.",
                    )
                    return redirect("jeunesse_jury", pk=appel.pk)
            return self.render_to_response(self.get_context_data(membre_form=form), status=400)
        if action == "retirer_membre":
            membre = get_object_or_404(MembreJury, pk=request.POST.get("membre") or 0, appel=appel)
            nombre = service.membre_retirer(membre)
            messages.success(
                request,
                f"{membre.utilisateur.get_full_name() or membre.utilisateur.email} ne fait plus "
                f"partie du jury ({nombre} affectation{'s' if nombre > 1 else ''} retirée"
                f"{'s' if nombre > 1 else ''}).",
            )
            return redirect("jeunesse_jury", pk=appel.pk)
        if action == "affecter_tous":
            nombre = service.affecter_tous(appel)
            messages.success(
                request,
                f"{nombre} nouvelle{'s' if nombre > 1 else ''} affectation"
                f"{'s' if nombre > 1 else ''}."
                if nombre
                else "Tous les jurés ont déjà tous les dossiers en instruction.",
            )
            return redirect("jeunesse_jury", pk=appel.pk)
        if action == "affecter":
            candidature = get_object_or_404(
                Candidature,
                pk=request.POST.get("candidature") or 0,
                appel=appel,
                statut__in=service.STATUTS_AFFECTABLES,
            )
            jures = [
                m.utilisateur
                for m in MembreJury.objects.filter(appel=appel).select_related("utilisateur")
            ]
            form = AffectationForm(request.POST, jures=jures, prefix=f"c{candidature.pk}")
            erreur = None
            if form.is_valid():
                jure = next(j for j in jures if j.pk == form.cleaned_data["jure"])
                try:
                    service.affecter(candidature, jure)
                except ValidationError as exc:
                    erreur = " ".join(exc.messages)
                else:
                    messages.success(
                        request,
                        f"Dossier {candidature.reference} confié à "
                        f"{jure.get_full_name() or jure.email}.",
                    )
                    return redirect("jeunesse_jury", pk=appel.pk)
            else:
                erreur = " ".join(form.errors.get("jure", ["Choisissez un·e juré·e."]))
            return self.render_to_response(
                self.get_context_data(affectation_erreur={candidature.pk: erreur}), status=400
            )
        if action == "retirer_affectation":
            affectation = get_object_or_404(
                Affectation.objects.select_related("jure", "candidature"),
                pk=request.POST.get("affectation") or 0,
                candidature__appel=appel,
            )
            try:
                service.affectation_retirer(affectation)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request,
                    f"Dossier {affectation.candidature.reference} retiré à "
                    f"{affectation.jure.get_full_name() or affectation.jure.email}.",
                )
            return redirect("jeunesse_jury", pk=appel.pk)
        messages.error(request, "Action inconnue.")
        return redirect("jeunesse_jury", pk=appel.pk)


# --- Ranking and exports -----------------------------------------------------------------


def _nom(compte) -> str:
    return compte.get_full_name() or compte.email


def _lignes_export(resultat) -> tuple[list, list]:
    entetes = [
        "Rang",
        "Référence",
        "Titre",
        "Statut",
        "Note pondérée /20",
        "Évaluations terminées",
        "Jurés affectés",
        "Conflits",
        "Écart entre jurés",
        "Écart type",
        *[f"Moyenne « {c.libelle} » /{c.note_max}" for c in resultat.criteres],
        *[f"Note de {_nom(j)} /20" for j in resultat.jures],
        "Aide demandée (€)",
        "Cumul demandé (€)",
        "Aide accordée (€)",
    ]
    lignes = []
    for ligne in resultat.lignes:
        c = ligne.candidature
        lignes.append(
            [
                ligne.rang,
                c.reference,
                c.titre,
                c.get_statut_display(),
                ligne.note,
                ligne.terminees,
                ligne.affectees,
                ligne.conflits,
                ligne.ecart,
                ligne.ecart_type,
                *[ligne.moyennes.get(cr.pk) for cr in resultat.criteres],
                *[ligne.notes_jures.get(j.pk) for j in resultat.jures],
                c.montant_demande,
                ligne.cumul_demande,
                c.montant_accorde,
            ]
        )
    return [sans_formule(e) for e in entetes], [[sans_formule(v) for v in r] for r in lignes]


def export_csv(resultat, nom: str) -> HttpResponse:
    entetes, lignes = _lignes_export(resultat)
    tampon = io.StringIO()
    ecrivain = csv.writer(tampon, delimiter=";")
    ecrivain.writerow(entetes)
    for ligne in lignes:
        ecrivain.writerow(
            [
                "" if v is None else str(v).replace(".", ",") if not isinstance(v, str) else v
                for v in ligne
            ]
        )
    reponse = HttpResponse("\ufeff" + tampon.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="{nom}.csv"'
    return reponse


def export_xlsx(resultat, nom: str) -> HttpResponse:
    from openpyxl import Workbook

    entetes, lignes = _lignes_export(resultat)
    classeur = Workbook()
    feuille = classeur.active
    feuille.title = "Classement"
    feuille.append(entetes)
    for ligne in lignes:
        feuille.append([float(v) if hasattr(v, "quantize") else v for v in ligne])
    tampon = io.BytesIO()
    classeur.save(tampon)
    reponse = HttpResponse(
        tampon.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    reponse["Content-Disposition"] = f'attachment; filename="{nom}.xlsx"'
    return reponse


class ClassementView(PageAppelMixin, TemplateView):
    template_name = "jeunesse/admin/jury_classement.html"
    http_method_names = ["get"]

    def get_page_title(self):
        return f"Classement — {self.get_appel().titre}"

    def get(self, request, *args, **kwargs):
        appel = self.get_appel()
        resultat = service.classement(appel)
        format_export = request.GET.get("format")
        nom = f"classement-{slugify(appel.slug)[:60]}-{timezone.localdate():%Y-%m-%d}"
        if format_export in ("csv", "xlsx"):
            acces_journaliser(
                request=request, action=Action.EXPORT, objet=appel, motif="Classement"
            )
        if format_export == "csv":
            return export_csv(resultat, nom)
        if format_export == "xlsx":
            return export_xlsx(resultat, nom)
        return self.render_to_response(self.get_context_data(resultat=resultat))


class DecisionView(PageAppelMixin, TemplateView):
    template_name = "jeunesse/admin/jury_decision.html"
    http_method_names = ["get", "post"]

    def get_candidature(self):
        if not hasattr(self, "_candidature"):
            self._candidature = get_object_or_404(
                Candidature.objects.select_related("appel"),
                pk=self.kwargs["candidature_pk"],
                appel=self.get_appel(),
                statut__in=service.STATUTS_CLASSEMENT,
            )
        return self._candidature

    def get_page_title(self):
        return f"Décision — {self.get_candidature().titre}"

    def get_breadcrumbs_items(self):
        appel = self.get_appel()
        return self.breadcrumbs_items + [
            {"url": reverse("jeunesse_jury_appels:index"), "label": "Jury et classement"},
            {"url": reverse("jeunesse_classement", args=[appel.pk]), "label": appel.titre},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, retenir_form=None, refuser_form=None, **kwargs):
        appel = self.get_appel()
        candidature = self.get_candidature()
        accorde = service.total_accorde(appel)
        return super().get_context_data(
            appel=appel,
            candidature=candidature,
            jury=service.encart(candidature),
            total_accorde=accorde,
            reste=appel.enveloppe - accorde,
            decidable=candidature.statut == Statut.EN_INSTRUCTION,
            retenir_form=retenir_form
            or RetenirForm(
                prefix="retenir",
                initial={
                    "montant_accorde": min(
                        candidature.montant_demande or appel.montant_max, appel.montant_max
                    )
                },
            ),
            refuser_form=refuser_form or NePasRetenirForm(prefix="refuser"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        appel = self.get_appel()
        candidature = self.get_candidature()
        action = request.POST.get("action")
        retenir_form = refuser_form = None
        if action == "retenir":
            form = retenir_form = RetenirForm(request.POST, prefix="retenir")
        elif action == "refuser":
            form = refuser_form = NePasRetenirForm(request.POST, prefix="refuser")
        else:
            messages.error(request, "Choisissez « Retenir » ou « Ne pas retenir ».")
            return redirect("jeunesse_jury_decision", pk=appel.pk, candidature_pk=candidature.pk)
        if form.is_valid():
            try:
                if action == "retenir":
                    service.decider(
                        candidature,
                        retenu=True,
                        auteur=request.user,
                        montant=form.cleaned_data["montant_accorde"],
                        message=form.cleaned_data["message"].strip(),
                    )
                else:
                    service.decider(
                        candidature,
                        retenu=False,
                        auteur=request.user,
                        motif=form.cleaned_data["motif"],
                    )
            except ValidationError as erreur:
                for champ, liste in erreur.message_dict.items():
                    for texte in liste:
                        form.add_error(champ if champ in form.fields else None, texte)
            except TransitionRefusee as erreur:
                form.add_error(None, str(erreur))
            else:
                messages.success(
                    request,
                    f"Dossier {candidature.reference} "
                    f"{'retenu' if action == 'retenir' else 'non retenu'} : l'équipe est "
                    "prévenue par courriel.",
                )
                return redirect("jeunesse_classement", pk=appel.pk)
        return self.render_to_response(
            self.get_context_data(retenir_form=retenir_form, refuser_form=refuser_form),
            status=400,
        )


# --- Menu --------------------------------------------------------------------------------


class _MenuInstructeurs(MenuItem):
    def is_shown(self, request):
        return est_instructeur(request.user)


class JuryAppelsViewSet(ViewSet):
    name = "jeunesse_jury_appels"
    url_prefix = "jeunesse/jury"
    menu_label = "Jury et classement"
    icon = "group"
    menu_order = 300
    menu_item_class = _MenuInstructeurs

    def get_urlpatterns(self):
        return [path("", AppelsJuryView.as_view(), name="index")]


VIEWSETS = [JuryAppelsViewSet]
ADMIN_URLS = [
    path("jeunesse/appels/<int:pk>/jury/", JuryView.as_view(), name="jeunesse_jury"),
    path(
        "jeunesse/appels/<int:pk>/classement/",
        ClassementView.as_view(),
        name="jeunesse_classement",
    ),
    path(
        "jeunesse/appels/<int:pk>/classement/<int:candidature_pk>/decision/",
        DecisionView.as_view(),
        name="jeunesse_jury_decision",
    ),
]
