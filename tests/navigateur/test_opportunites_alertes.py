"""A job alert in Chromium: saved from the filtered listing, confirmed from the email, then the
digest lists a new offer, whose link opens it; the email's unsubscribe link stops the alert."""

import datetime
import re
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from lot_portal.territoire.models import Commune
from opportunites.models import Alerte, Contrat, Employeur, OffreEmploiPage, Secteur

pytestmark = [pytest.mark.navigateur]

COURRIEL = "lea.durand@exemple.fr"


def _courriel(destinataire: str, sujet: str, *, limite: float = 10):
    fin = time.monotonic() + limite
    while True:
        trouves = [
            m for m in mail.outbox if destinataire in m.to and sujet.lower() in m.subject.lower()
        ]
        if trouves:
            return trouves[-1]
        assert time.monotonic() < fin, f"aucun courriel « {sujet} » pour {destinataire}"
        time.sleep(0.2)


def _chemin(url_absolue: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url_absolue)


def _lien(texte: str, chemin: str) -> str:
    trouve = re.search(rf"https?://\S+{re.escape(chemin)}\S*", texte)
    assert trouve, f"pas de lien {chemin} dans :\n{texte}"
    return _chemin(trouve.group(0))


class Fabrique:
    """Employers and published offers under the job listing (cf. tests/opportunites/conftest)."""

    def __init__(self, structure):
        self.structure = structure
        self.commune = Commune.objects.filter(nom="Figeac").first() or Commune.objects.first()

    def employeur(self, nom):
        return Employeur.objects.create(nom=nom, secteur=Secteur.SANTE, commune=self.commune)

    def offre(self, *, title, secteur, employeur=None):
        page = OffreEmploiPage(
            title=title,
            employeur=employeur or self.employeur(f"Employeur de {title}"),
            contrat=Contrat.CDI,
            secteur=secteur,
            commune=self.commune,
            description="<p>Un poste dans le Lot.</p>",
            candidature_url="https://exemple.fr/candidater",
            date_publication=timezone.localdate(),
            date_expiration=timezone.localdate() + datetime.timedelta(days=60),
        )
        self.structure.offres.add_child(instance=page)
        page.save_revision().publish()
        return page


@pytest.fixture
def fabrique_opp(site_demo):
    from opportunites.structure import structure_creer

    return Fabrique(structure_creer(site_demo))


def test_save_confirm_and_receive_the_digest(page, live_server, fabrique_opp):
    from opportunites.tasks import alertes_envoyer_task

    cache.clear()
    base = live_server.url
    fabrique_opp.offre(title="Infirmier de jour", secteur=Secteur.SANTE)

    # The filtered listing offers to save the search.
    page.goto(f"{base}/opportunites/emplois/?contrat=cdi&secteur=sante")
    page.get_by_role("link", name="Recevoir ces offres par courriel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recevoir ces offres par courriel")
    expect(page.locator(".alertes-emploi__libelle")).to_have_text("CDI · Santé et social")

    # A mistake first: a clear message next to the field, what was typed is kept.
    page.get_by_label("Votre adresse électronique").fill("lea.durand@exemple")
    page.get_by_role("button", name="Enregistrer l'alerte").click()
    expect(page.locator(".champ__erreur")).to_contain_text("adresse électronique valide")
    expect(page.get_by_label("Votre adresse électronique")).to_have_value("lea.durand@exemple")
    page.get_by_label("Votre adresse électronique").fill(COURRIEL)
    page.get_by_label("Chaque semaine").check()
    page.get_by_role("button", name="Enregistrer l'alerte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre messagerie")
    assert Alerte.objects.get().confirmee_le is None

    # The confirmation email: its link shows a button; the button confirms.
    confirmation = _courriel(COURRIEL, "Confirmez")
    page.goto(base + _lien(confirmation.body, "/opportunites/alertes/confirmer/"))
    page.get_by_role("button", name="Confirmer et recevoir les offres").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Alerte activée")
    assert Alerte.objects.get().active

    # A new offer is published; the digest task runs; the email lists it, only it.
    employeur = fabrique_opp.employeur("Centre hospitalier de Gourdon")
    fabrique_opp.offre(title="Infirmière coordinatrice", secteur=Secteur.SANTE, employeur=employeur)
    fabrique_opp.offre(title="Soudeur", secteur=Secteur.INGENIERIE)
    alertes_envoyer_task()
    digest = _courriel(COURRIEL, "nouvelle offre")
    assert "Infirmière coordinatrice" in digest.body
    assert "Centre hospitalier de Gourdon" in digest.body
    assert "Infirmier de jour" not in digest.body and "Soudeur" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    alertes_envoyer_task()  # a second run sends nothing more
    assert len([m for m in mail.outbox if "nouvelle offre" in m.subject]) == 1

    # The link in the digest opens the offer.
    page.goto(base + _lien(digest.body, "/opportunites/emplois/infirmiere-coordinatrice"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Infirmière coordinatrice")

    # Its unsubscribe link stops the alert.
    page.goto(base + _lien(digest.body, "/opportunites/alertes/desinscription/"))
    page.get_by_role("button", name="Ne plus recevoir cette alerte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Désinscription confirmée")
    assert not Alerte.objects.get().active
