"""The « Pilotage » panel of the Wagtail admin home: the headline numbers of the last
30 days, for the user's area, and a link to the dashboard."""

from datetime import timedelta

from django.forms import Media
from wagtail.admin.ui.components import Component

from .filtres import aujourd_hui, libelle_periode
from .registre import Filtres, perimetre
from .tableau_de_bord import chiffres_cles_visibles


class PanneauPilotage(Component):
    name = "pilotage"
    template_name = "pilotage/panneau_accueil.html"
    order = 50

    def __init__(self, request):
        self.request = request

    @property
    def media(self):
        return Media(css={"all": ["css/pilotage.css"]})

    def get_context_data(self, parent_context=None):
        fin = aujourd_hui()
        filtres = Filtres(
            debut=fin - timedelta(days=29),
            fin=fin,
            communautes=perimetre(self.request.user),
            granularite="semaine",
        )
        return {
            "sections": chiffres_cles_visibles(filtres.communautes, filtres),
            "periode": libelle_periode(filtres),
        }
