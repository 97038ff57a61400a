"""Two days of outage, then the clock moved past due follow-ups: each sent once, no storm.

The rule (``accueil.services.relances.relances_envoyer_dues``): when the job finds several
due follow-ups for one file, those more than ``RETARD_RATTRAPAGE`` late that a later due
one follows are cancelled (« Envoi en retard : remplacée… »): after an outage a newcomer
gets the latest step of the series, not every missed step at once. Steps due after the
outage go out on their day, as usual.
"""

from collections import Counter
from datetime import timedelta

import pytest
import time_machine
from _pannes import celery_vers, port_libre
from django.core import mail
from django.utils import timezone
from fabriques import CommunauteFactory, UtilisateurFactory

from accueil.models import BrouillonInscription, ModeleRelance, Referent, Relance
from accueil.services import inscription
from accueil.services import relances as services
from accueil.tasks import relances_envoyer_dues_task
from lot_portal.courriels.models import Courriel
from lot_portal.courriels.services import courriels_relancer

pytestmark = pytest.mark.django_db(transaction=True)
ARRIVANTS = 5


def _brouillon(utilisateur, communaute):
    return BrouillonInscription.objects.create(
        utilisateur=utilisateur,
        donnees={
            "qui": {"profil": "secondes_vies", "lieu_actuel": "Lyon", "connu_par": "vacances"},
            "foyer": {"adultes": 1, "enfants": []},
            "projet": {"metier_recherche": "Menuisier", "projet_entreprise": "aucun"},
            "ou-et-quand": {
                "communautes": [communaute.pk],
                "communes": [],
                "date_installation": (timezone.localdate() + timedelta(days=200)).isoformat(),
                "horizon": "plus_1_an",
                "besoin_logement": "location",
            },
            "consentements": {"prenom": "Tom", "nom": "Durand"},
        },
    )


def _tourner(fois=3):
    """The beat during that minute: the follow-ups job and the outbox sweep, repeatedly."""
    for _ in range(fois):
        relances_envoyer_dues_task.delay()
        courriels_relancer()


def test_two_day_outage_each_follow_up_once_no_storm():
    for jours in (1, 2, 3):
        ModeleRelance.objects.create(
            code=f"j{jours}",
            nom=f"J+{jours}",
            declencheur=ModeleRelance.Declencheur.INSCRIPTION,
            delai_jours=jours,
            sujet=f"Jour {jours}, {{prenom}}",
            corps="Bonjour {prenom}, où en êtes-vous ?",
        )
    referent = Referent.objects.create(
        utilisateur=UtilisateurFactory(email="referente@lot.fr", is_staff=True),
        communaute=CommunauteFactory(),
    )
    depart = timezone.now().replace(microsecond=0)
    adresses = [f"arrivant{n}@exemple.fr" for n in range(ARRIVANTS)]

    # Registrations, then the broker and the workers are down for two days: nothing runs.
    with (
        celery_vers(f"redis://127.0.0.1:{port_libre()}/0"),
        time_machine.travel(depart, tick=False),
    ):
        for adresse in adresses:
            utilisateur = UtilisateurFactory(email=adresse)
            inscription.parcours_creer(
                brouillon=_brouillon(utilisateur, referent.communaute), utilisateur=utilisateur
            )
    assert Relance.objects.filter(statut=Relance.Statut.PREVUE).count() == 3 * ARRIVANTS
    assert mail.outbox == []

    # Back after two days and two hours: J+1 and J+2 are both due.
    with time_machine.travel(depart + timedelta(days=2, hours=2), tick=False):
        _tourner()
    par_adresse = Counter(a for m in mail.outbox for a in m.to)
    for adresse in adresses:
        sujets = sorted(m.subject for m in mail.outbox if m.to == [adresse])
        # The welcome and the latest missed step, not J+1 and J+2 at once.
        assert len(sujets) == 2, sujets
        assert sujets[0].startswith("Bienvenue")
        assert sujets[1] == "Jour 2, Tom"
        assert par_adresse[adresse] == 2
    manquees = Relance.objects.filter(modele__code="j1")
    assert {r.statut for r in manquees} == {Relance.Statut.ANNULEE}
    assert {r.motif_annulation for r in manquees} == {services.MOTIF_RATTRAPAGE}

    # The next day, as usual: J+3 once; and never J+1 again.
    with time_machine.travel(depart + timedelta(days=3, minutes=1), tick=False):
        _tourner()
        services.relances_planifier(
            parcours=Relance.objects.filter(modele__code="j1").first().parcours
        )
        _tourner()
    for adresse in adresses:
        sujets = [m.subject for m in mail.outbox if m.to == [adresse]]
        assert sorted(sujets)[1:] == ["Jour 2, Tom", "Jour 3, Tom"]
    assert Counter(m.subject for m in mail.outbox)["Jour 1, Tom"] == 0
    # Each outbox row delivered exactly once.
    assert set(Courriel.objects.values_list("statut", flat=True)) == {Courriel.Statut.ENVOYE}
    assert len(mail.outbox) == Courriel.objects.count()


def test_in_normal_running_every_step_goes_out_on_its_day():
    """Two steps due at the same time (less than an hour late) are both sent."""
    for jours in (1, 2):
        ModeleRelance.objects.create(
            code=f"j{jours}",
            nom=f"J+{jours}",
            declencheur=ModeleRelance.Declencheur.INSCRIPTION,
            delai_jours=jours,
            sujet=f"Jour {jours}, {{prenom}}",
            corps="Bonjour {prenom}",
        )
    referent = Referent.objects.create(
        utilisateur=UtilisateurFactory(email="referente@lot.fr", is_staff=True),
        communaute=CommunauteFactory(),
    )
    utilisateur = UtilisateurFactory(email="lea@exemple.fr")
    inscription.parcours_creer(
        brouillon=_brouillon(utilisateur, referent.communaute), utilisateur=utilisateur
    )
    mail.outbox.clear()
    Relance.objects.filter(statut=Relance.Statut.PREVUE).update(
        due_le=timezone.now() - timedelta(minutes=30)
    )
    assert services.relances_envoyer_dues() == 2
    assert sorted(m.subject for m in mail.outbox) == ["Jour 1, Tom", "Jour 2, Tom"]
