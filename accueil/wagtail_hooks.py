"""The « Accueil » menu of the Wagtail admin, gathering each area's viewsets."""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from .viewsets import contenus, relances, suivi


class AccueilViewSetGroup(ViewSetGroup):
    menu_label = "Accueil"
    menu_icon = "group"
    menu_order = 200
    items = (*suivi.VIEWSETS, *contenus.VIEWSETS, *relances.VIEWSETS)


@hooks.register("register_admin_viewset")
def register_accueil_viewsets():
    return AccueilViewSetGroup()


# --- Pilotage (steering figures): sections, area of a referent, access ----------------------


@hooks.register("pilotage_sections")
def pilotage_section_arrivants():
    from .pilotage import section_arrivants

    return section_arrivants()


@hooks.register("pilotage_sections")
def pilotage_section_reseau():
    from .pilotage import section_reseau

    return section_reseau()


@hooks.register("pilotage_perimetre")
def pilotage_perimetre_referent(utilisateur):
    from .pilotage import perimetre_referent

    return perimetre_referent(utilisateur)


@hooks.register("pilotage_acces")
def pilotage_acces_referent(utilisateur):
    from .pilotage import acces_referent

    return acces_referent(utilisateur)
