"""Admin views of the welcome journey: suivi (the caseload of the welcome network).

« Accueil » › « Nouveaux arrivants »: the files a referent follows (scoped to their area,
see ``accueil.admin_views``), their file page, exports; plus the referents, the maturity
rules and the discovery stays.
"""

from django.db import transaction
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry, register_permission_policy

from accueil.admin_views import (
    CVAdminView,
    DossierView,
    PolitiqueReseau,
    filtre_secteur,
    parcours_visibles,
)
from accueil.forms.reseau import ParcoursFilterSet
from accueil.models import ParcoursAccueil, Referent, RegleMaturite, SejourDecouverte
from accueil.services.reseau import referent_droits_accorder, scores_recalculer

register_permission_policy(
    ParcoursAccueil,
    PolitiqueReseau(ParcoursAccueil, chemin="communaute"),
    exact_class=True,
)
register_permission_policy(
    SejourDecouverte,
    PolitiqueReseau(SejourDecouverte, chemin="parcours__communaute"),
    exact_class=True,
)
register_permission_policy(
    Referent,
    PolitiqueReseau(
        Referent,
        chemin="communaute",
        avec_departement=True,
        actions_equipe=("add", "change", "delete"),
    ),
    exact_class=True,
)
register_permission_policy(
    RegleMaturite,
    PolitiqueReseau(RegleMaturite, actions_equipe=("add", "change", "delete")),
    exact_class=True,
)


def _secteur(parcours) -> str:
    return parcours.communaute.nom if parcours.communaute_id else "Équipe départementale"


def _referent(parcours) -> str:
    if not parcours.referent_id:
        return "—"
    utilisateur = parcours.referent.utilisateur
    return utilisateur.get_full_name() or utilisateur.email


def _prochaine_action(parcours) -> str:
    if not parcours.prochaine_action_le:
        return parcours.prochaine_action or "—"
    return f"{parcours.prochaine_action_le:%d/%m/%Y} : {parcours.prochaine_action}"


def _finder(url_name, cle):
    """An admin URL finder pointing at a file page, for those who may see the file."""

    class Finder(ModelAdminURLFinder):
        def get_edit_url(self, instance):
            politique = policy_registry.get(instance)
            if self.user and not politique.user_has_permission_for_instance(
                self.user, "view", instance
            ):
                return None
            return reverse(url_name, args=[cle(instance)])

    return Finder


def _sans_formule(valeur):
    """Text typed by newcomers must not run as a spreadsheet formula (CSV injection)."""
    if isinstance(valeur, str) and valeur[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + valeur
    return valeur


# --- Files ----------------------------------------------------------------------------


class ParcoursIndexView(IndexView):
    """The caseload: only the files of the user's area (exports included)."""

    page_title = "Nouveaux arrivants"

    @cached_property
    def columns(self):
        colonnes = super().columns
        colonnes[0].label = "Nom"
        colonnes[0].sort_key = "nom"
        return colonnes

    def get_base_queryset(self):
        return parcours_visibles(self.request.user, super().get_base_queryset()).select_related(
            "utilisateur", "communaute", "referent__utilisateur"
        )

    def to_row_dict(self, item):
        source = item.source or {}
        valeurs = {
            "prenom": item.prenom,
            "nom": item.nom,
            "email": item.utilisateur.email if item.utilisateur_id else "",
            "telephone": item.telephone,
            "profil": item.get_profil_display(),
            "lieu_actuel": item.lieu_actuel,
            "secteur": _secteur(item),
            "referent": _referent(item),
            "statut": item.get_statut_display(),
            "score_maturite": item.score_maturite,
            "horizon": item.get_horizon_display(),
            "date_installation": item.date_installation,
            "prochaine_action": item.prochaine_action,
            "prochaine_action_le": item.prochaine_action_le,
            "code_campagne": item.code_campagne or source.get("campagne", ""),
            "utm_source": source.get("utm_source", ""),
            "code_parrainage": item.code_parrainage,
            "cree_le": item.cree_le,
        }
        return {champ: _sans_formule(valeurs[champ]) for champ in self.list_export}


class ParcoursViewSet(ModelViewSet):
    model = ParcoursAccueil
    icon = "group"
    menu_label = "Nouveaux arrivants"
    menu_order = 100
    url_prefix = "accueil/nouveaux-arrivants"
    index_view_class = ParcoursIndexView
    inspect_view_class = DossierView
    inspect_view_enabled = True
    add_to_reference_index = False
    filterset_class = ParcoursFilterSet
    search_fields = ["prenom", "nom"]
    form_fields = []  # files change only through the file page's actions
    list_per_page = 50
    list_export = [
        "prenom",
        "nom",
        "email",
        "telephone",
        "profil",
        "lieu_actuel",
        "secteur",
        "referent",
        "statut",
        "score_maturite",
        "horizon",
        "date_installation",
        "prochaine_action",
        "prochaine_action_le",
        "code_campagne",
        "utm_source",
        "code_parrainage",
        "cree_le",
    ]
    export_headings = {
        "prenom": "Prénom",
        "nom": "Nom",
        "email": "Adresse électronique",
        "telephone": "Téléphone",
        "profil": "Profil",
        "lieu_actuel": "Lieu de vie actuel",
        "secteur": "Secteur de suivi",
        "referent": "Référent",
        "statut": "Statut",
        "score_maturite": "Maturité du projet",
        "horizon": "Horizon",
        "date_installation": "Date d'installation prévue",
        "prochaine_action": "Prochaine action",
        "prochaine_action_le": "Date de la prochaine action",
        "code_campagne": "Code de campagne",
        "utm_source": "Source UTM",
        "code_parrainage": "Code de parrainage",
        "cree_le": "Inscrit le",
    }
    export_filename = "nouveaux-arrivants"

    @cached_property
    def list_display(self):
        return [
            "__str__",
            Column("profil", label="Profil", accessor="get_profil_display", sort_key="profil"),
            Column("secteur", label="Secteur", accessor=_secteur, sort_key="communaute__nom"),
            Column("referent", label="Référent", accessor=_referent),
            Column("statut", label="Statut", accessor="get_statut_display", sort_key="statut"),
            Column("score_maturite", label="Maturité", sort_key="score_maturite"),
            Column(
                "prochaine_action",
                label="Prochaine action",
                accessor=_prochaine_action,
                sort_key="prochaine_action_le",
            ),
            DateColumn("cree_le", label="Inscrit le", sort_key="cree_le"),
        ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(default_ordering="-score_maturite", **kwargs)

    @cached_property
    def url_finder_class(self):
        return _finder(self.get_url_name("inspect"), lambda instance: instance.pk)

    def get_urlpatterns(self):
        # Files are created by registration and change only through the file page's
        # actions (services): no add/edit/delete/history views.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/cv/<int:cv_pk>/", CVAdminView.as_view(), name="cv"),
        ]


# --- Discovery stays ---------------------------------------------------------------------


class SejourIndexView(IndexView):
    page_title = "Séjours découverte"

    def get_base_queryset(self):
        filtre = filtre_secteur(self.request.user, "parcours__communaute")
        queryset = super().get_base_queryset().select_related("parcours", "commune")
        return queryset.none() if filtre is None else queryset.filter(filtre)

    def get_inspect_url(self, instance):
        return reverse("accueil_parcours:inspect", args=[instance.parcours_id]) + "#sejours"


class SejourViewSet(ModelViewSet):
    model = SejourDecouverte
    icon = "site"
    menu_label = "Séjours découverte"
    menu_order = 110
    url_prefix = "accueil/sejours-decouverte"
    index_view_class = SejourIndexView
    inspect_view_enabled = True
    add_to_reference_index = False
    form_fields = []
    list_filter = ["statut"]
    search_fields = ["parcours__prenom", "parcours__nom"]

    @cached_property
    def list_display(self):
        return [
            Column("parcours", label="Nouvel arrivant", accessor="parcours"),
            Column("statut", label="Statut", accessor="get_statut_display", sort_key="statut"),
            Column("periode_souhaitee", label="Période souhaitée"),
            DateColumn("date_debut", label="Du", sort_key="date_debut"),
            DateColumn("date_fin", label="Au", sort_key="date_fin"),
            Column("commune", label="Commune", accessor="commune"),
            DateColumn("cree_le", label="Demandé le", sort_key="cree_le"),
        ]

    @cached_property
    def url_finder_class(self):
        return _finder("accueil_parcours:inspect", lambda instance: instance.parcours_id)

    def get_urlpatterns(self):
        # The stays are handled on their file page: only the (scoped) list here.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


# --- Referents ----------------------------------------------------------------------------


class ReferentIndexView(IndexView):
    def get_base_queryset(self):
        filtre = filtre_secteur(self.request.user, "communaute", avec_departement=True)
        queryset = super().get_base_queryset().select_related("utilisateur", "communaute")
        return queryset.none() if filtre is None else queryset.filter(filtre)


class ReferentCreateView(CreateView):
    def save_instance(self):
        with transaction.atomic():
            instance = super().save_instance()
            referent_droits_accorder(referent=instance)
        return instance


class ReferentEditView(EditView):
    def save_instance(self):
        with transaction.atomic():
            instance = super().save_instance()
            referent_droits_accorder(referent=instance)
        return instance


class ReferentViewSet(ModelViewSet):
    model = Referent
    icon = "user"
    menu_label = "Référents accueil"
    menu_order = 120
    url_prefix = "accueil/referents"
    index_view_class = ReferentIndexView
    add_view_class = ReferentCreateView
    edit_view_class = ReferentEditView
    add_to_reference_index = False
    form_fields = ["utilisateur", "communaute", "fonction", "telephone", "presentation", "actif"]
    list_filter = ["communaute", "actif"]
    search_fields = ["utilisateur__email", "utilisateur__last_name", "utilisateur__first_name"]

    @cached_property
    def list_display(self):
        return [
            "__str__",
            Column("fonction", label="Fonction"),
            Column("telephone", label="Téléphone professionnel"),
            Column(
                "actif",
                label="Actif",
                accessor=lambda r: "Oui" if r.actif else "Non",
                sort_key="actif",
            ),
        ]

    def formfield_for_dbfield(self, db_field, **kwargs):
        champ = super().formfield_for_dbfield(db_field, **kwargs)
        if db_field.name == "utilisateur" and champ is not None:
            # Staff accounts, not the newcomers' own accounts.
            champ.queryset = champ.queryset.filter(
                is_active=True, parcours_accueil__isnull=True
            ).order_by("email")
            champ.help_text = (
                "Le compte reçoit l'accès à l'administration et le groupe « Référents accueil »."
            )
        return champ


# --- Maturity rules -----------------------------------------------------------------------


class RegleCreateView(CreateView):
    def save_instance(self):
        instance = super().save_instance()
        transaction.on_commit(scores_recalculer)
        return instance


class RegleEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        transaction.on_commit(scores_recalculer)
        return instance


class RegleMaturiteViewSet(ModelViewSet):
    model = RegleMaturite
    icon = "order"
    menu_label = "Règles de maturité"
    menu_order = 130
    url_prefix = "accueil/regles-maturite"
    add_view_class = RegleCreateView
    edit_view_class = RegleEditView
    add_to_reference_index = False
    form_fields = ["critere", "points", "parametre", "actif"]
    list_filter = ["actif"]

    @cached_property
    def list_display(self):
        return [
            "__str__",
            Column("points", label="Points", sort_key="points"),
            Column("parametre", label="Paramètre (N)"),
            Column(
                "actif",
                label="Active",
                accessor=lambda r: "Oui" if r.actif else "Non",
                sort_key="actif",
            ),
        ]


VIEWSETS = [
    ParcoursViewSet("accueil_parcours"),
    SejourViewSet("accueil_sejours"),
    ReferentViewSet("accueil_referents"),
    RegleMaturiteViewSet("accueil_regles_maturite"),
]
