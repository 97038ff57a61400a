"""Admin views of the welcome journey: contenus (kits, practical information, step
templates and their rules, temporary housing), edited by staff."""

import django_filters
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from lot_portal.territoire.models import CommunauteDeCommunes

from ..models import EtapeParcours, InfosPratiques, KitBienvenue, LogementTemporaire, ModeleEtape
from ..models.choix import ProfilArrivant

LIBELLES_PROFILS = {
    ProfilArrivant.SECONDES_VIES: "Seconde vie",
    ProfilArrivant.JEUNES: "Jeunes",
    ProfilArrivant.WANTED: "Wanted",
    ProfilArrivant.TOURISTES: "Touristes",
    ProfilArrivant.AUTRE: "Autre",
}


def profils_affiches(modele) -> str:
    if not modele.profils:
        return "Tous"
    return ", ".join(LIBELLES_PROFILS.get(p, p) for p in modele.profils)


class KitBienvenueViewSet(ModelViewSet):
    model = KitBienvenue
    icon = "doc-full"
    menu_label = "Kits de bienvenue"
    url_prefix = "accueil/kits"
    add_to_admin_menu = False
    list_display = ["titre", "profil", "modifie_le"]
    list_filter = ["profil"]
    search_fields = ["titre", "introduction"]
    search_backend_name = None
    inspect_view_enabled = True
    panels = [
        FieldPanel("profil", help_text="Un seul kit par profil. « Autre » sert aussi de repli."),
        FieldPanel("titre"),
        FieldPanel("introduction", help_text="Une ou deux phrases d'accueil, en tête du kit."),
        FieldPanel("corps", help_text="Le contenu du kit : démarches, conseils, contacts."),
    ]


class InfosPratiquesViewSet(ModelViewSet):
    model = InfosPratiques
    icon = "info-circle"
    menu_label = "Informations pratiques"
    url_prefix = "accueil/infos-pratiques"
    add_to_admin_menu = False
    list_display = ["communaute", "modifie_le"]
    search_fields = ["communaute__nom", "presentation", "services", "contacts"]
    search_backend_name = None
    inspect_view_enabled = True
    panels = [
        FieldPanel("communaute"),
        FieldPanel("presentation"),
        MultiFieldPanel(
            [
                FieldPanel("services"),
                FieldPanel("ecoles"),
                FieldPanel("sante"),
                FieldPanel("transports"),
                FieldPanel("associations"),
                FieldPanel("contacts"),
            ],
            heading="Rubriques du kit de bienvenue",
            help_text="Imprimées dans le kit des nouveaux arrivants de ce secteur. Indiquez "
            "des standards et des services, jamais le numéro personnel d'un agent.",
        ),
    ]

    def get_queryset(self, request):
        return InfosPratiques.objects.select_related("communaute")


class ModeleEtapeFilterSet(WagtailFilterSet):
    class Meta:
        model = ModeleEtape
        fields = ["actif", "condition", "contenu"]


class ModeleEtapeViewSet(ModelViewSet):
    model = ModeleEtape
    icon = "list-ol"
    menu_label = "Étapes du parcours"
    url_prefix = "accueil/modeles-etapes"
    add_to_admin_menu = False
    list_display = [
        "titre",
        "ordre",
        Column("profils_affiches", label="Profils", accessor=profils_affiches),
        "condition",
        "contenu",
        "actif",
        Column("nb_parcours", label="Parcours concernés", accessor="nb_parcours"),
    ]
    filterset_class = ModeleEtapeFilterSet
    search_fields = ["titre", "code", "explication"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = True
    panels = [
        FieldRowPanel([FieldPanel("titre"), FieldPanel("code")]),
        FieldPanel("explication"),
        FieldPanel("ressources"),
        MultiFieldPanel(
            [
                FieldPanel("profils"),
                FieldPanel(
                    "condition",
                    help_text="L'étape n'est proposée que si le dossier remplit cette "
                    "condition. Les parcours sont recalculés quand le nouvel arrivant met son "
                    "projet à jour : une étape « à faire » qui ne s'applique plus disparaît.",
                ),
                FieldPanel("actif"),
            ],
            heading="Règle : à qui proposer cette étape",
        ),
        FieldRowPanel([FieldPanel("ordre"), FieldPanel("contenu")], heading="Affichage"),
    ]

    def get_queryset(self, request):
        nombre = (
            EtapeParcours.objects.filter(modele=OuterRef("pk"))
            .order_by()
            .values("modele")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return ModeleEtape.objects.annotate(nb_parcours=Coalesce(Subquery(nombre), 0))


class LogementFilterSet(WagtailFilterSet):
    communaute = django_filters.ModelChoiceFilter(
        label="Communauté de communes",
        field_name="commune__communaute",
        queryset=CommunauteDeCommunes.objects.all(),
    )

    class Meta:
        model = LogementTemporaire
        fields = ["type", "disponible", "communaute"]


class LogementTemporaireViewSet(ModelViewSet):
    model = LogementTemporaire
    icon = "home"
    menu_label = "Logements temporaires"
    url_prefix = "accueil/logements-temporaires"
    add_to_admin_menu = False
    list_display = ["nom", "type", "commune", "capacite", "prix_min", "prix_max", "disponible"]
    filterset_class = LogementFilterSet
    search_fields = ["nom", "commune__nom", "contact_nom", "description"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = True
    list_export = [
        "nom",
        "type",
        "commune",
        "capacite",
        "prix_min",
        "prix_max",
        "disponible",
        "disponibilite",
        "contact_nom",
        "contact_telephone",
        "contact_email",
        "site_web",
    ]
    export_filename = "logements-temporaires"
    panels = [
        FieldRowPanel([FieldPanel("nom"), FieldPanel("type")]),
        FieldPanel("commune"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("capacite"), FieldPanel("prix_min"), FieldPanel("prix_max")]),
        FieldRowPanel([FieldPanel("disponible"), FieldPanel("disponibilite")]),
        MultiFieldPanel(
            [
                FieldPanel("contact_nom"),
                FieldRowPanel([FieldPanel("contact_telephone"), FieldPanel("contact_email")]),
                FieldPanel("site_web"),
            ],
            heading="Contact",
            help_text="Un standard, une mairie ou un gestionnaire : pas de numéro personnel.",
        ),
    ]

    def get_queryset(self, request):
        return LogementTemporaire.objects.select_related("commune")


VIEWSETS = [
    ModeleEtapeViewSet("accueil_modeles_etapes"),
    KitBienvenueViewSet("accueil_kits"),
    InfosPratiquesViewSet("accueil_infos_pratiques"),
    LogementTemporaireViewSet("accueil_logements"),
]
