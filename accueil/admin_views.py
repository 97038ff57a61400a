"""The staff side in the Wagtail admin: who sees which file, the file page, CV download.

Scope (one rule, applied to the list, the exports and every object view):
a referent sees the files of their communauté de communes; the departmental team
(``Referent.communaute`` empty) and superusers see every file; other staff see none.
"""

import mimetypes

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views import View
from wagtail.admin.views.generic import InspectView
from wagtail.permission_policies.base import BasePermissionPolicy

from accueil.forms.reseau import (
    SECTEUR_DEPARTEMENT,
    MessageForm,
    NoteForm,
    ProchaineActionForm,
    ReaffectationForm,
    SejourForm,
    StatutForm,
    TransmissionCVForm,
)
from accueil.models import (
    ChangementStatut,
    CurriculumVitae,
    EtapeParcours,
    Message,
    NoteSuivi,
    ParcoursAccueil,
    Referent,
    SejourDecouverte,
    TransmissionCV,
)
from accueil.services import reseau as services
from lot_portal.journal.services import Action, acces_journaliser
from lot_portal.territoire.models import CommunauteDeCommunes, Commune

# --- Who sees what ----------------------------------------------------------------


def referent_de(user) -> Referent | None:
    """The active ``Referent`` row of a user, or None (Django caches it on the user)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        referent = user.referent_accueil
    except Referent.DoesNotExist:
        return None
    return referent if referent.actif else None


def voit_tout(user) -> bool:
    """Superusers and the departmental team see every file."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    referent = referent_de(user)
    return referent is not None and referent.est_departemental


def filtre_secteur(user, chemin: str, *, avec_departement: bool = False) -> Q | None:
    """The filter restricting rows to the user's area (``chemin``: lookup to the area);
    ``Q()`` when they see all, None when they see nothing."""
    if voit_tout(user):
        return Q()
    referent = referent_de(user)
    if referent is None:
        return None
    filtre = Q(**{f"{chemin}_id": referent.communaute_id})
    if avec_departement:
        filtre |= Q(**{f"{chemin}__isnull": True})
    return filtre


def parcours_visibles(user, queryset=None):
    """The files a staff member may see (see the module docstring)."""
    queryset = ParcoursAccueil.objects.all() if queryset is None else queryset
    filtre = filtre_secteur(user, "communaute")
    return queryset.none() if filtre is None else queryset.filter(filtre)


class PolitiqueReseau(BasePermissionPolicy):
    """Permissions of the welcome network's models, by role rather than by Django perms.

    ``actions_lecture``: any active referent (and superusers), scoped to their area by
    ``chemin`` (None: not scoped); ``actions_equipe``: superusers and the departmental
    team only. Any other action (e.g. add/delete of a file) is refused to everyone: those
    changes go through the services.
    """

    actions_lecture = ("view",)
    actions_equipe = ()
    chemin = None
    avec_departement = False

    def __init__(self, model, *, chemin=None, actions_equipe=(), avec_departement=False):
        super().__init__(model)
        self.chemin = chemin
        self.actions_equipe = tuple(actions_equipe)
        self.avec_departement = avec_departement

    def user_has_permission(self, user, action):
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return False
        if action in self.actions_equipe:
            return voit_tout(user)
        if action in self.actions_lecture:
            return user.is_superuser or referent_de(user) is not None
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        utilisateurs = get_user_model().objects.filter(is_active=True)
        if any(action in self.actions_lecture for action in actions):
            return utilisateurs.filter(Q(is_superuser=True) | Q(referent_accueil__actif=True))
        if any(action in self.actions_equipe for action in actions):
            return utilisateurs.filter(
                Q(is_superuser=True)
                | Q(referent_accueil__actif=True, referent_accueil__communaute__isnull=True)
            )
        return utilisateurs.none()

    def _filtre(self, user):
        if self.chemin is None:
            return Q()
        return filtre_secteur(user, self.chemin, avec_departement=self.avec_departement)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        filtre = self._filtre(user)
        if filtre is None:
            return False
        if not filtre:
            return True
        return self.model._default_manager.filter(filtre, pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        filtre = self._filtre(user)
        if filtre is None:
            return self.model._default_manager.none()
        return self.model._default_manager.filter(filtre)

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions)


# --- The file page ------------------------------------------------------------------


def _choix_communes():
    return list(Commune.objects.order_by("nom").values_list("pk", "nom"))


class DossierView(InspectView):
    """Everything about one file, and the forms referents act with (one per action).

    GET shows the page; POST runs one action (``action`` field), then redirects back
    (or shows the page again with the form's errors and what was typed).
    """

    template_name = "accueil/admin/dossier.html"
    page_title = "Dossier"
    any_permission_required = ["view"]
    ACTIONS = (
        "statut",
        "reaffecter",
        "note",
        "prochaine_action",
        "message",
        "transmission",
        "sejour",
    )

    def get_object(self, queryset=None):
        queryset = parcours_visibles(self.request.user).select_related(
            "utilisateur", "communaute", "referent__utilisateur", "referent__communaute"
        )
        return get_object_or_404(queryset, pk=self.pk)

    def get_fields(self):
        return []

    def get(self, request, *args, **kwargs):
        # The referent has read the newcomer's messages shown on the page.
        from accueil.services.parcours import messages_marquer_lus

        self.donnees  # noqa: B018  (load the thread first: the page shows what was unread)
        messages_marquer_lus(parcours=self.object, par_l_arrivant=False)
        acces_journaliser(request=request, action=Action.CONSULTATION, objet=self.object)
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        if len(items) >= 2 and self.index_url_name:
            items[-2] = {**items[-2], "label": "Nouveaux arrivants"}
        return items

    # -- data -------------------------------------------------------------------

    @cached_property
    def donnees(self):
        parcours = self.object
        cvs = list(
            CurriculumVitae.objects.filter(parcours=parcours).prefetch_related(
                Prefetch(
                    "transmissions",
                    queryset=TransmissionCV.objects.select_related("par"),
                )
            )
        )
        sejours = list(SejourDecouverte.objects.filter(parcours=parcours).select_related("commune"))
        return {
            "communautes": list(parcours.communautes.all()),
            "communes": list(parcours.communes.all()),
            "historique": list(
                ChangementStatut.objects.filter(parcours=parcours).select_related("par")
            ),
            "notes": list(NoteSuivi.objects.filter(parcours=parcours).select_related("auteur")),
            "messages_fil": list(
                Message.objects.filter(parcours=parcours).select_related("auteur")
            ),
            "cvs": cvs,
            "sejours": sejours,
            "etapes": list(
                EtapeParcours.objects.filter(parcours=parcours).select_related("modele")
            ),
        }

    @cached_property
    def choix_communes(self):
        return _choix_communes()

    def formulaires(self, lie=None, nom=None, sejour_pk=None):
        """Every form of the page; ``lie`` (bound form) replaces the one named ``nom``."""
        parcours = self.object
        d = self.donnees
        formulaires = {
            "statut": StatutForm(statut_actuel=parcours.statut),
            "reaffecter": ReaffectationForm(
                referents=Referent.objects.filter(actif=True).select_related(
                    "utilisateur", "communaute"
                ),
                communautes=list(CommunauteDeCommunes.objects.all()),
            ),
            "note": NoteForm(),
            "prochaine_action": ProchaineActionForm(
                initial={
                    "prochaine_action": parcours.prochaine_action,
                    "prochaine_action_le": parcours.prochaine_action_le,
                }
            ),
            "message": MessageForm(),
            "transmission": TransmissionCVForm(cvs=d["cvs"]),
        }
        sejours = {
            s.pk: SejourForm(sejour=s, choix_communes=self.choix_communes) for s in d["sejours"]
        }
        if lie is not None:
            if nom == "sejour":
                sejours[sejour_pk] = lie
            else:
                formulaires[nom] = lie
        formulaires["sejours"] = [(s, sejours[s.pk]) for s in d["sejours"]]
        return formulaires

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        parcours = self.object
        context.update(self.donnees)
        context["parcours"] = parcours
        context["formulaires"] = kwargs.get("formulaires") or self.formulaires()
        context["score_detail"] = parcours.score_detail or []
        context["source"] = parcours.source or {}
        context["code_campagne"] = parcours.code_campagne or context["source"].get("campagne")
        context["peut_transmettre"] = parcours.consentement_transmission_cv and bool(
            self.donnees["cvs"]
        )
        context["statut_sejour"] = SejourDecouverte.Statut
        return context

    # -- actions ----------------------------------------------------------------

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action not in self.ACTIONS:
            messages.error(request, "Action inconnue.")
            return redirect(request.path)
        parcours = self.object
        user = request.user
        d = self.donnees
        sejour_pk = None
        if action == "statut":
            form = StatutForm(request.POST, statut_actuel=parcours.statut, prefix=None)
        elif action == "reaffecter":
            form = ReaffectationForm(
                request.POST,
                referents=Referent.objects.filter(actif=True).select_related(
                    "utilisateur", "communaute"
                ),
                communautes=list(CommunauteDeCommunes.objects.all()),
            )
        elif action == "note":
            form = NoteForm(request.POST)
        elif action == "prochaine_action":
            form = ProchaineActionForm(request.POST)
        elif action == "message":
            form = MessageForm(request.POST)
        elif action == "transmission":
            form = TransmissionCVForm(request.POST, cvs=d["cvs"])
        else:
            try:
                sejour_pk = int(request.POST.get("sejour", ""))
            except ValueError:
                sejour_pk = None
            sejour = next((s for s in d["sejours"] if s.pk == sejour_pk), None)
            if sejour is None:
                raise Http404("Séjour introuvable.")
            form = SejourForm(request.POST, sejour=sejour, choix_communes=self.choix_communes)
        if form.is_valid():
            try:
                succes = self._executer(action, form, parcours, user)
            except services.ActionImpossible as erreur:
                form.add_error(None, erreur.message)
            else:
                messages.success(request, succes)
                ancre = "sejours" if action == "sejour" else action
                return redirect(f"{request.path}#{ancre}")
        messages.error(request, "L'action n'a pas été enregistrée : corrigez le formulaire.")
        context = self.get_context_data(
            formulaires=self.formulaires(lie=form, nom=action, sejour_pk=sejour_pk)
        )
        return self.render_to_response(context, status=200)

    def _executer(self, action, form, parcours, user) -> str:
        donnees = form.cleaned_data
        if action == "statut":
            services.statut_changer(
                parcours=parcours,
                statut=donnees["statut"],
                par=user,
                commentaire=donnees.get("commentaire", ""),
            )
            return f"Statut changé : {parcours.get_statut_display()}."
        if action == "reaffecter":
            communaute = donnees["communaute"]
            services.parcours_reaffecter(
                parcours=parcours,
                par=user,
                referent=donnees.get("referent"),
                changer_secteur=donnees["changer_secteur"],
                communaute=communaute,
            )
            if donnees.get("secteur") == SECTEUR_DEPARTEMENT:
                return "Dossier confié à l'équipe départementale."
            return f"Dossier réaffecté à {parcours.referent or 'aucun référent'}."
        if action == "note":
            services.note_ajouter(parcours=parcours, auteur=user, texte=donnees["texte"])
            return "Note ajoutée."
        if action == "prochaine_action":
            services.prochaine_action_definir(
                parcours=parcours,
                texte=donnees["prochaine_action"],
                le=donnees.get("prochaine_action_le"),
            )
            return "Prochaine action enregistrée."
        if action == "message":
            from accueil.services.parcours import message_envoyer

            message_envoyer(
                parcours=parcours, auteur=user, texte=donnees["texte"], de_l_arrivant=False
            )
            return "Message envoyé au nouvel arrivant."
        if action == "transmission":
            services.cv_transmettre(
                cv=donnees["cv"],
                destinataire=donnees["destinataire"],
                destinataire_email=donnees["destinataire_email"],
                message=donnees.get("message", ""),
                par=user,
            )
            return f"CV transmis à {donnees['destinataire']}."
        sejour = form.sejour
        services.sejour_mettre_a_jour(
            sejour=sejour, statut=donnees["operation"], par=user, **form.champs_service()
        )
        return f"Séjour découverte : {sejour.get_statut_display().lower()}."


class CVAdminView(View):
    """Stream one CV of a file the staff member may see, as an attachment."""

    def get(self, request, pk, cv_pk):
        politique = PolitiqueReseau(ParcoursAccueil, chemin="communaute")
        if not politique.user_has_permission(request.user, "view"):
            raise Http404
        parcours = get_object_or_404(parcours_visibles(request.user), pk=pk)
        cv = get_object_or_404(CurriculumVitae, pk=cv_pk, parcours=parcours)
        acces_journaliser(request=request, action=Action.TELECHARGEMENT, objet=parcours, motif="CV")
        return reponse_cv(cv)


def reponse_cv(cv: CurriculumVitae) -> FileResponse:
    """A download of a CV: attachment, never sniffed nor cached."""
    try:
        fichier = cv.fichier.open("rb")
    except (FileNotFoundError, ValueError) as erreur:
        raise Http404("Fichier introuvable.") from erreur
    type_mime = mimetypes.guess_type(cv.nom_original)[0] or "application/octet-stream"
    reponse = FileResponse(
        fichier, as_attachment=True, filename=cv.nom_original, content_type=type_mime
    )
    reponse["X-Content-Type-Options"] = "nosniff"
    reponse["Cache-Control"] = "private, no-store"
    return reponse
