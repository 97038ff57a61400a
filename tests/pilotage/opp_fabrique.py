"""Builders of the opportunities and ambassadors pilotage tests (hand-built datasets).

Test folders are not packages: the tests import this module as ``opp_fabrique`` (pytest puts
the test's folder on ``sys.path``). Dates are set after creation (``update``) where the
model stamps them itself (``auto_now_add``).
"""

import io
import itertools
import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import fabriques  # tests/fabriques.py
import factory
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as ImagePIL
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site

from ambassadeurs.models import (
    Ambassadeur,
    MessageQuestion,
    Origine,
    Parrainage,
    Question,
    StatutAmbassadeur,
)
from ambassadeurs.models import Secteur as SecteurAmbassadeur
from lot_portal.cms.models import HistoireIndexPage, HistoirePage, HomePage
from lot_portal.pilotage.registre import Filtres
from lot_portal.territoire.models import Commune
from opportunites.models import (
    Alerte,
    ContactReprise,
    Contrat,
    Employeur,
    OffreEmploiPage,
    Organisme,
    ReprisePage,
    Secteur,
)
from opportunites.structure import structure_creer

PARIS = ZoneInfo("Europe/Paris")
AUJOURD_HUI = datetime(2026, 6, 15, 12, 0, tzinfo=PARIS)  # frozen by the tests

_numeros = itertools.count(1)


def le(annee, mois, jour, heure=12, minute=0) -> datetime:
    """An aware datetime in Europe/Paris."""
    return datetime(annee, mois, jour, heure, minute, tzinfo=PARIS)


def filtres(debut, fin, communautes=None, granularite="mois") -> Filtres:
    return Filtres(
        debut=date(*debut), fin=date(*fin), communautes=communautes, granularite=granularite
    )


def lignes(tableaux, slug) -> list[list]:
    return next(t for t in tableaux if t.slug == slug).lignes


def tableau(tableaux, slug):
    return next(t for t in tableaux if t.slug == slug)


class CommunauteFactory(fabriques.CommunauteFactory):
    siren = factory.Sequence(lambda n: f"{230000000 + n}")


class CommuneFactory(fabriques.CommuneFactory):
    insee = factory.Sequence(lambda n: f"46{(n % 900) + 100:03d}")
    codes_postaux = "46100"
    communaute = factory.SubFactory(CommunauteFactory)


class Territoire:
    """Three communautés (Alpha, Bêta, Gamma), one commune each."""

    def __init__(self):
        self.alpha = CommunauteFactory(nom="CC Alpha")
        self.beta = CommunauteFactory(nom="CC Bêta")
        self.gamma = CommunauteFactory(nom="CC Gamma")
        self.a1 = CommuneFactory(nom="Alphaville", communaute=self.alpha)
        self.b1 = CommuneFactory(nom="Bêtaville", communaute=self.beta)
        self.c1 = CommuneFactory(nom="Gammaville", communaute=self.gamma)


def accueil() -> HomePage:
    """A home page as the default site's root (no demo content)."""
    racine = Page.get_first_root_node()
    page = HomePage(title="Le Lot", slug=f"lot-pilotage-{next(_numeros)}")
    racine.add_child(instance=page)
    site = Site.objects.get(is_default_site=True)
    site.root_page = page
    site.save()
    return page


class FabriqueOpp:
    """Offers, takeovers, contacts and alerts with chosen dates."""

    def __init__(self, home: HomePage):
        self.structure = structure_creer(home)
        self.employeur = Employeur.objects.create(nom="Scierie", secteur=Secteur.INGENIERIE)

    def offre(
        self,
        *,
        secteur,
        commune,
        publiee_le,
        live=True,
        profil_recherche=False,
        expire_le=None,
        pourvue_le=None,
        restreinte=False,
    ) -> OffreEmploiPage:
        n = next(_numeros)
        page = OffreEmploiPage(
            title=f"Offre {n}",
            slug=f"offre-{n}",
            employeur=self.employeur,
            contrat=Contrat.CDI,
            secteur=secteur,
            commune=commune or Commune.objects.first(),
            description="<p>Un poste.</p>",
            candidature_url="https://exemple.fr/candidater",
            date_publication=publiee_le,
            date_expiration=expire_le,
            pourvue_le=pourvue_le,
            profil_recherche=profil_recherche,
            live=live,
            first_published_at=timezone.now() if live else None,
        )
        self.structure.offres.add_child(instance=page)
        if commune is None:  # the form requires a commune; imports may leave it empty
            OffreEmploiPage.objects.filter(pk=page.pk).update(commune=None)
        if restreinte:
            PageViewRestriction.objects.create(page=page, restriction_type="login")
        return page

    def reprise(self, *, commune, publiee_le, expire_le=None, cedee_le=None) -> ReprisePage:
        n = next(_numeros)
        page = ReprisePage(
            title=f"Reprise {n}",
            slug=f"reprise-{n}",
            activite="Boulangerie",
            secteur=Secteur.ARTISANAT,
            commune=commune,
            description="<p>Belle affaire.</p>",
            organisme=Organisme.CMA,
            organisme_email="transmission@cma.exemple.fr",
            date_publication=publiee_le,
            date_expiration=expire_le,
            cedee_le=cedee_le,
            live=True,
            first_published_at=timezone.now(),
        )
        self.structure.reprises.add_child(instance=page)
        return page

    @staticmethod
    def contact(reprise, recu_le) -> ContactReprise:
        contact = ContactReprise.objects.create(
            reprise=reprise, nom="Repreneur", email="repreneur@exemple.fr", message="Intéressé."
        )
        ContactReprise.objects.filter(pk=contact.pk).update(cree_le=recu_le)
        return contact

    @staticmethod
    def alerte(email, *, confirmee_le=None, desinscrite_le=None) -> Alerte:
        return Alerte.objects.create(
            email=email,
            empreinte=f"empreinte-{next(_numeros)}",
            confirmee_le=confirmee_le,
            desinscrite_le=desinscrite_le,
        )


class UtilisateurFactory(fabriques.UtilisateurFactory):
    email = factory.Sequence(lambda n: f"pilotage{n}@exemple.fr")
    password = "!"  # no password hashing: faster


class FabriqueAmb:
    """Ambassadors, their stories, questions and referrals with chosen dates."""

    def __init__(self, home: HomePage):
        self.index = HistoireIndexPage(title="Histoires", slug=f"histoires-{next(_numeros)}")
        home.add_child(instance=self.index)
        tampon = io.BytesIO()
        ImagePIL.new("RGB", (64, 40), "#3f6b4a").save(tampon, "PNG")
        tampon.seek(0)
        self.image = get_image_model().objects.create(
            title="Causse", description="Un causse", file=ImageFile(tampon, name="causse.png")
        )

    @staticmethod
    def utilisateur():
        return UtilisateurFactory()

    @staticmethod
    def ambassadeur(commune, *, statut=StatutAmbassadeur.ACCEPTE, disponible=True, decide_le=None):
        n = next(_numeros)
        return Ambassadeur.objects.create(
            utilisateur=UtilisateurFactory(),
            statut=statut,
            disponible=disponible,
            prenom=f"Prénom{n}",
            nom=f"Nom{n}",
            commune=commune,
            profession="Céramiste",
            secteur=SecteurAmbassadeur.ARTISANAT,
            origine=Origine.ARRIVE,
            histoire="Arrivée en 2019.",
            offres=["questions", "histoires"],
            charte_acceptee_le=le(2025, 1, 1),
            decide_le=decide_le,
        )

    def histoire(self, auteur, publiee_le, *, commune, live=True) -> HistoirePage:
        n = next(_numeros)
        page = HistoirePage(
            title=f"Histoire {n}",
            slug=f"histoire-{n}",
            chapo="Un chapô.",
            image=self.image,
            commune=commune,
            auteur=auteur,
            live=live,
            first_published_at=publiee_le,
        )
        self.index.add_child(instance=page)
        return page

    @staticmethod
    def question(ambassadeur, posee_le, *, reponses=()) -> Question:
        """A question asked at ``posee_le`` (the asker's message) and the ambassador's
        messages at the datetimes ``reponses``."""
        demandeur = UtilisateurFactory()
        question = Question.objects.create(
            demandeur=demandeur, ambassadeur=ambassadeur, sujet="Les écoles ?"
        )
        Question.objects.filter(pk=question.pk).update(cree_le=posee_le)
        messages = [(demandeur, posee_le)] + [(ambassadeur.utilisateur, r) for r in reponses]
        for auteur, envoye_le in messages:
            message = MessageQuestion.objects.create(question=question, auteur=auteur, texte="…")
            MessageQuestion.objects.filter(pk=message.pk).update(envoye_le=envoye_le)
        return question

    @staticmethod
    def parrainage(ambassadeur, inscrit_le, *, converti_le=None, controle="valide"):
        parrainage = Parrainage.objects.create(
            ambassadeur=ambassadeur,
            filleul_reference=uuid.uuid4(),
            converti_le=converti_le,
            controle=controle,
        )
        Parrainage.objects.filter(pk=parrainage.pk).update(enregistre_le=inscrit_le)
        return parrainage
