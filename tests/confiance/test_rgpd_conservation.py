"""The daily retention task runs every rule of the registry, tested with the clock moved."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from _rgpd import alerte, ambassadeur, appel, candidature, courriel, evenement, inscription
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from fabriques import UtilisateurFactory

from accueil.models import BrouillonInscription, ParcoursAccueil
from accueil.models.choix import ProfilArrivant
from jeunesse.models import Candidature
from jeunesse.models.choix import Statut
from lot_portal.courriels.models import Courriel
from lot_portal.rgpd import tasks
from opportunites.models import Alerte

pytestmark = pytest.mark.django_db

DEBUT = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def _lancer(quand):
    with time_machine.travel(quand, tick=False):
        return tasks.conservation_appliquer_task.delay().get()


def test_each_registered_rule_applies_once_its_period_is_over():
    with time_machine.travel(DEBUT, tick=False):
        parti = courriel(["a@exemple.fr"], statut=Courriel.Statut.ENVOYE)
        en_attente = courriel(["b@exemple.fr"])
        en_pause = alerte("c@exemple.fr", suspendue_le=timezone.now(), confirmee_le=timezone.now())
        active = alerte("d@exemple.fr", confirmee_le=timezone.now())
        brouillon = BrouillonInscription.objects.create(cle_session="x" * 32, donnees={"a": 1})
        parcours = ParcoursAccueil.objects.create(
            prenom="Léa",
            nom="Durand",
            telephone="06 11 22 33 44",
            profil=ProfilArrivant.SECONDES_VIES,
            consentement_le=timezone.now(),
        )
        jeune = UtilisateurFactory(email="jeune.conservation@exemple.fr")
        appel_ = appel(conservation_mois=12)
        decidee = candidature(jeune, appel_=appel_, statut=Statut.NON_RETENU)
        Candidature.objects.filter(pk=decidee.pk).update(decide_le=timezone.now())
    with time_machine.travel(DEBUT + relativedelta(months=2), tick=False):
        recent = courriel(["e@exemple.fr"], statut=Courriel.Statut.ENVOYE)

    # Eighty days later: nothing is old enough yet.
    bilan = _lancer(DEBUT + timedelta(days=80))
    assert set(bilan.values()) <= {0}
    assert Courriel.objects.filter(pk=parti.pk).exists()

    # Seven months: the old sent email goes (6 months), the draft (90 days) too.
    _lancer(DEBUT + relativedelta(months=7))
    assert not Courriel.objects.filter(pk=parti.pk).exists()
    assert Courriel.objects.filter(pk__in=[recent.pk, en_attente.pk]).count() == 2
    assert not BrouillonInscription.objects.filter(pk=brouillon.pk).exists()
    assert Alerte.objects.filter(pk=en_pause.pk).exists()
    assert Candidature.objects.get(pk=decidee.pk).anonymise_le is None

    # Thirteen months: the alert paused for a year goes, the active one stays; the
    # application is anonymised per its call (12 months after the decision).
    _lancer(DEBUT + relativedelta(months=13))
    assert not Alerte.objects.filter(pk=en_pause.pk).exists()
    assert Alerte.objects.filter(pk=active.pk).exists()
    decidee = Candidature.objects.get(pk=decidee.pk)
    assert decidee.anonymise_le is not None and decidee.porteur is None
    assert ParcoursAccueil.objects.get(pk=parcours.pk).anonymise_le is None
    # A pending email is never removed by the retention task.
    assert Courriel.objects.filter(pk=en_attente.pk).exists()

    # Three years after the last contact: the welcome file is anonymised, once.
    bilan = _lancer(DEBUT + timedelta(days=3 * 365 + 1))
    assert bilan["accueil.ParcoursAccueil:0"] == 1
    parcours.refresh_from_db()
    assert parcours.anonymise_le is not None and parcours.telephone == ""
    assert _lancer(DEBUT + timedelta(days=3 * 365 + 2))["accueil.ParcoursAccueil:0"] == 0


def test_a_failing_rule_does_not_stop_the_others(monkeypatch):
    from lot_portal.rgpd.registre import REGISTRE, Regle

    def panne(maintenant):
        raise RuntimeError("panne")

    monkeypatch.setattr(REGISTRE, "regles", [("panne", Regle("Toujours en panne", panne))])
    with time_machine.travel(DEBUT, tick=False):
        courriel(["a@exemple.fr"], statut=Courriel.Statut.ENVOYE)
    bilan = _lancer(DEBUT + relativedelta(months=7))
    assert bilan["panne"] == -1
    assert bilan["courriels.Courriel:0"] == 1


def test_past_event_registrations_and_refused_ambassadors():
    from ambassadeurs.models import Ambassadeur
    from ambassadeurs.models.choix import StatutAmbassadeur
    from lot_portal.agenda.models import Inscription

    with time_machine.travel(DEBUT, tick=False):
        rencontre = evenement(debut=DEBUT + timedelta(days=10))
        inscrite = inscription(rencontre, "claire@exemple.fr", nombre_personnes=3)
        refuse = ambassadeur(
            UtilisateurFactory(email="refuse@exemple.fr"),
            statut=StatutAmbassadeur.REFUSE,
            decide_le=timezone.now(),
        )

    _lancer(DEBUT + relativedelta(months=5))
    assert Inscription.objects.get(pk=inscrite.pk).email == "claire@exemple.fr"
    assert Ambassadeur.objects.filter(pk=refuse.pk).exists()

    # Six months after the event (and after the refusal): anonymised, deleted.
    _lancer(DEBUT + relativedelta(months=7))
    inscrite.refresh_from_db()
    assert inscrite.email.endswith("@anonyme.invalid") and inscrite.nom == ""
    assert inscrite.nombre_personnes == 3  # the attendance figures stay
    assert not Ambassadeur.objects.filter(pk=refuse.pk).exists()
