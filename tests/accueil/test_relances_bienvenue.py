"""The welcome email at registration: content, links, at most once."""

import pytest
from django.core import mail

from accueil.models import ModeleRelance, Relance
from accueil.services import relances as services
from lot_portal.courriels.models import Courriel

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def parcours(fabrique):
    referent = fabrique.referent(
        utilisateur=fabrique.utilisateur(
            first_name="Claire", last_name="Delmas", email="claire.delmas@lot.fr", is_staff=True
        ),
        fonction="Référente accueil",
    )
    return fabrique.parcours(
        prenom="Léa",
        utilisateur=fabrique.utilisateur(email="lea@exemple.fr"),
        referent=referent,
        communaute=referent.communaute,
    )


def test_welcome_email_has_the_journey_the_referent_and_the_kit(parcours):
    services.courriel_bienvenue(parcours=parcours)
    (message,) = mail.outbox
    assert message.to == ["lea@exemple.fr"]
    assert message.subject.startswith("Bienvenue, Léa")
    html = message.alternatives[0][0]
    for partie in (message.body, html):
        assert "Claire Delmas" in partie
        assert "/accueil/mon-parcours/" in partie
        assert "/accueil/mon-parcours/kit/" in partie
        assert "/accueil/mon-parcours/messages/" in partie
        assert "claire.delmas@lot.fr" not in partie
    assert html.startswith("<!DOCTYPE html>")
    assert "List-Unsubscribe" in message.extra_headers
    relance = Relance.objects.get()
    assert relance.modele.code == services.CODE_BIENVENUE
    assert relance.statut == Relance.Statut.ENVOYEE
    assert relance.courriel.statut == Courriel.Statut.ENVOYE


def test_welcome_is_sent_at_most_once(parcours):
    services.courriel_bienvenue(parcours=parcours)
    services.courriel_bienvenue(parcours=parcours)
    assert len(mail.outbox) == 1
    assert Courriel.objects.count() == 1


def test_welcome_without_referent_names_the_departmental_team(fabrique):
    parcours = fabrique.parcours(prenom="Tom", referent=None)
    services.courriel_bienvenue(parcours=parcours)
    assert "l'équipe accueil du Département du Lot" in mail.outbox[0].body


def test_staff_edit_the_welcome_subject_and_can_switch_it_off(parcours, fabrique):
    modele = services.modele_bienvenue()
    modele.sujet = "Bienvenue chez vous, {prenom} !"
    modele.save()
    services.courriel_bienvenue(parcours=parcours)
    assert mail.outbox[0].subject == "Bienvenue chez vous, Léa !"
    ModeleRelance.objects.filter(pk=modele.pk).update(actif=False)
    autre = fabrique.parcours()
    services.courriel_bienvenue(parcours=autre)
    assert len(mail.outbox) == 1


def test_welcome_is_never_planned_as_a_follow_up(parcours):
    services.courriel_bienvenue(parcours=parcours)
    services.relances_planifier(parcours=parcours)
    assert Relance.objects.count() == 1
