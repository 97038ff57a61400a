"""A real SMTP server that refuses: 451 is retried until delivered, 550 fails for good and
staff see it (French status and error in « Courriels envoyés ») and can « Renvoyer » it.

The outbox delivers through Django's SMTP backend to an aiosmtpd server of the test.
"""

import html
from datetime import timedelta

import pytest
from _pannes import GestionnaireSMTP, serveur_smtp, vers_smtp
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from fabriques import UtilisateurFactory

from lot_portal.courriels import services
from lot_portal.courriels.models import Courriel

pytestmark = pytest.mark.django_db(transaction=True)


def _envoyer(sujet="Votre inscription"):
    send_mail(sujet, "Bonjour", "portail@lot.fr", ["lea@exemple.fr"])
    return Courriel.objects.get(sujet=sujet)


def _echoir():
    Courriel.objects.update(prochain_essai=timezone.now() - timedelta(seconds=1))


def test_451_then_250_is_delivered_after_retries(settings):
    gestionnaire = GestionnaireSMTP(
        ["451 4.3.0 Essayez plus tard", "451 4.3.0 Essayez plus tard", "250 OK"]
    )
    with serveur_smtp(gestionnaire) as port:
        vers_smtp(settings, port)
        courriel = _envoyer()
        courriel.refresh_from_db()
        assert courriel.statut == Courriel.Statut.EN_ATTENTE
        assert courriel.tentatives == 1
        assert "451" in courriel.derniere_erreur
        assert courriel.prochain_essai > timezone.now()  # backoff, not hammering
        assert services.courriels_relancer() == 0  # not due yet
        for _ in range(2):
            _echoir()
            assert services.courriels_relancer() == 1
        courriel.refresh_from_db()
    assert courriel.statut == Courriel.Statut.ENVOYE
    assert courriel.tentatives == 3
    assert courriel.derniere_erreur == ""
    assert gestionnaire.essais == 3
    assert gestionnaire.sujets() == ["Votre inscription"]
    _echoir()
    assert services.courriels_relancer() == 0


def test_550_fails_for_good_and_is_shown_to_staff(settings, client):
    gestionnaire = GestionnaireSMTP(["550 5.1.1 Inconnu"])
    with serveur_smtp(gestionnaire) as port:
        vers_smtp(settings, port)
        courriel = _envoyer()
        courriel.refresh_from_db()
        assert courriel.statut == Courriel.Statut.ECHEC
        assert "550" in courriel.derniere_erreur and "Inconnu" in courriel.derniere_erreur
        # No endless retry: the sweep, even much later, leaves it alone.
        _echoir()
        for _ in range(3):
            assert services.courriels_relancer() == 0
    assert gestionnaire.essais == 1
    assert gestionnaire.recus == []

    staff = UtilisateurFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    reponse = client.get(reverse("courriels:index"))
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "Échec : SMTPDataError" in contenu
    assert "5.1.1 Inconnu" in contenu
    assert reverse("courriels:renvoyer", args=[courriel.pk]) in contenu
    inspection = client.get(reverse("courriels:inspect", args=[courriel.pk]))
    assert inspection.status_code == 200
    assert "Renvoyer" in inspection.content.decode()


def test_staff_resend_a_failed_email(settings, client):
    gestionnaire = GestionnaireSMTP(["550 5.1.1 Inconnu", "250 OK"])
    with serveur_smtp(gestionnaire) as port:
        vers_smtp(settings, port)
        courriel = _envoyer()
        courriel.refresh_from_db()
        assert courriel.statut == Courriel.Statut.ECHEC
        url = reverse("courriels:renvoyer", args=[courriel.pk])
        client.force_login(UtilisateurFactory(is_staff=True, is_superuser=True))
        confirmation = client.get(url)
        assert confirmation.status_code == 200
        assert "Oui, renvoyer ce courriel" in confirmation.content.decode()
        courriel.refresh_from_db()
        assert courriel.statut == Courriel.Statut.ECHEC  # GET changes nothing
        reponse = client.post(url, follow=True)
        assert reponse.status_code == 200
        assert "est remis dans la file d'envoi" in html.unescape(reponse.content.decode())
        courriel.refresh_from_db()
    # Dispatched after commit (tasks eager here): delivered at once.
    assert courriel.statut == Courriel.Statut.ENVOYE
    assert courriel.tentatives == 1  # counted again from zero
    assert gestionnaire.sujets() == ["Votre inscription"]
    # Resending what is not failed changes nothing.
    reponse = client.post(url, follow=True)
    assert "n'est pas en échec" in html.unescape(reponse.content.decode())
    assert len(gestionnaire.recus) == 1


def test_resend_needs_the_change_permission(client):
    courriel = Courriel.objects.create(
        expediteur="portail@lot.fr",
        destinataires=["lea@exemple.fr"],
        sujet="s",
        corps_texte="t",
        statut=Courriel.Statut.ECHEC,
        derniere_erreur="SMTPDataError: (550, b'5.1.1 Inconnu')",
    )
    from django.contrib.auth.models import Permission

    lecteur = UtilisateurFactory(is_staff=True)
    lecteur.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_courriel"),
    )
    client.force_login(lecteur)
    url = reverse("courriels:renvoyer", args=[courriel.pk])
    assert client.get(reverse("courriels:index")).status_code == 200
    assert url not in client.get(reverse("courriels:index")).content.decode()
    assert client.post(url).status_code in (302, 403)
    courriel.refresh_from_db()
    assert courriel.statut == Courriel.Statut.ECHEC
