"""Fixtures of the opportunities tests: the page tree, employers and offers."""

import datetime

import pytest
from django.utils import timezone

from lot_portal.territoire.models import Commune
from opportunites.models import (
    Contrat,
    Employeur,
    OffreEmploiPage,
    Organisme,
    ReprisePage,
    Secteur,
)
from opportunites.structure import structure_creer


@pytest.fixture
def opp(site_demo):
    """The opportunities' tree on the core demo site (``opp.offres`` is the job listing)."""
    return structure_creer(site_demo)


class FabriqueOpportunites:
    def __init__(self, structure):
        self.structure = structure
        self._n = 0

    def commune(self, nom="Figeac") -> Commune:
        return Commune.objects.filter(nom=nom).first() or Commune.objects.order_by("insee").first()

    def employeur(self, **champs) -> Employeur:
        self._n += 1
        valeurs = {
            "nom": f"Entreprise {self._n}",
            "secteur": Secteur.INGENIERIE,
            "commune": self.commune(),
        }
        valeurs.update(champs)
        return Employeur.objects.create(**valeurs)

    def offre(self, *, publier=True, **champs) -> OffreEmploiPage:
        self._n += 1
        valeurs = {
            "title": f"Technicien de maintenance {self._n}",
            "employeur": champs.pop("employeur", None) or self.employeur(),
            "contrat": Contrat.CDI,
            "secteur": Secteur.INGENIERIE,
            "commune": self.commune(),
            "description": "<p>Entretien des lignes de production.</p>",
            "candidature_url": "https://exemple.fr/candidater",
            "date_publication": timezone.localdate(),
            "date_expiration": timezone.localdate() + datetime.timedelta(days=60),
        }
        valeurs.update(champs)
        page = OffreEmploiPage(**valeurs)
        self.structure.offres.add_child(instance=page)
        if publier:
            page.save_revision().publish()
        return OffreEmploiPage.objects.get(pk=page.pk)

    def reprise(self, *, publier=True, **champs) -> ReprisePage:
        self._n += 1
        valeurs = {
            "title": f"Boulangerie-pâtisserie {self._n}",
            "activite": "Boulangerie-pâtisserie",
            "secteur": Secteur.ARTISANAT,
            "commune": self.commune(),
            "description": "<p>Belle affaire en centre-bourg.</p>",
            "organisme": Organisme.CMA,
            "organisme_email": "transmission@cma-lot.exemple.fr",
        }
        valeurs.update(champs)
        page = ReprisePage(**valeurs)
        self.structure.reprises.add_child(instance=page)
        if publier:
            page.save_revision().publish()
        return ReprisePage.objects.get(pk=page.pk)


@pytest.fixture
def fabrique_opp(opp):
    return FabriqueOpportunites(opp)
