"""One URL of every public page type of the seeded demo (tests/confiance/test_securite_*.py
and test_hotes_externes*.py)."""

from django.urls import reverse


def _premiere(modele):
    page = modele.objects.live().public().order_by("path").first()
    assert page is not None, f"la démo n'a aucune page {modele.__name__}"
    return page.url


def pages_publiques():
    from jeunesse.models import AppelAProjets
    from lot_portal.agenda.models import EvenementIndexPage, EvenementPage
    from lot_portal.cms.models import HistoireIndexPage, HistoirePage, HomePage
    from opportunites.models.pages import (
        OffreEmploiPage,
        OffresIndexPage,
        ReprisePage,
        ReprisesIndexPage,
    )

    appel = AppelAProjets.objects.order_by("pk").first()
    assert appel is not None, "la démo n'a aucun appel à projets"
    return {
        "accueil": _premiere(HomePage),
        "histoires": _premiere(HistoireIndexPage),
        "histoire": _premiere(HistoirePage),
        "offres": _premiere(OffresIndexPage),
        "offre": _premiere(OffreEmploiPage),
        "reprises": _premiere(ReprisesIndexPage),
        "reprise": _premiere(ReprisePage),
        "agenda": _premiere(EvenementIndexPage),
        "evenement": _premiere(EvenementPage),
        "recherche": reverse("recherche") + "?q=Figeac",
        "connexion": reverse("account_login"),
        "inscription": reverse("account_signup"),
        "mot_de_passe_oublie": reverse("account_reset_password"),
        "jeunesse": reverse("jeunesse:accueil"),
        "appel": appel.get_absolute_url(),
        "ambassadeurs": reverse("ambassadeurs:annuaire"),
        "donnees_ouvertes": reverse("donnees_ouvertes"),
        "introuvable": "/cette-page-n-existe-pas/",
    }
