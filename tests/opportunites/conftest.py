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
        valeurs.setdefault("live", publier)
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
        valeurs.setdefault("live", publier)
        page = ReprisePage(**valeurs)
        self.structure.reprises.add_child(instance=page)
        if publier:
            page.save_revision().publish()
        return ReprisePage.objects.get(pk=page.pk)


@pytest.fixture
def fabrique_opp(opp):
    return FabriqueOpportunites(opp)


# --- partenaires (opp-partenaires): accounts of the partner space ---------------------------


class ActeursPartenaires:
    """Partner A and A2 (employer 1), partner B (employer 2), a plain account, a moderator,
    a superuser; all with a verified address."""

    MOT_DE_PASSE = "Vallee-du-Lot-2026"

    def __init__(self, structure, fabrique, modele_utilisateur):
        from allauth.account.models import EmailAddress

        self.structure = structure
        self.employeur_1 = fabrique.employeur(nom="Scierie du Ségala")
        self.employeur_2 = fabrique.employeur(nom="Clinique de Cahors")

        def compte(email, groupe=None, **champs):
            utilisateur = modele_utilisateur.objects.create_user(
                email=email, password=self.MOT_DE_PASSE, **champs
            )
            EmailAddress.objects.create(user=utilisateur, email=email, verified=True, primary=True)
            if groupe is not None:
                utilisateur.groups.add(groupe)
            return utilisateur

        self.partenaire_a = compte("rh@scierie.exemple.fr", structure.partenaires)
        self.partenaire_a2 = compte("direction@scierie.exemple.fr", structure.partenaires)
        self.partenaire_b = compte("rh@clinique.exemple.fr", structure.partenaires)
        self.employeur_1.partenaires.add(self.partenaire_a, self.partenaire_a2)
        self.employeur_2.partenaires.add(self.partenaire_b)
        self.simple = compte("visiteur@exemple.fr")
        self.moderateur = compte("moderation@lot.fr", structure.moderation)
        self.superutilisateur = compte("admin@lot.fr", is_staff=True, is_superuser=True)


@pytest.fixture
def acteurs(opp, fabrique_opp, django_user_model):
    return ActeursPartenaires(opp, fabrique_opp, django_user_model)
