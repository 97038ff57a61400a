"""Messages between the newcomer and their referent: thread, notifications, limits."""

import itertools
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accueil.models import Message
from accueil.services import parcours as services
from lot_portal.courriels.models import Courriel

pytestmark = pytest.mark.django_db
URL = "/accueil/mon-parcours/messages/"


@pytest.fixture
def dossier(fabrique):
    communaute = fabrique.communaute(nom="CA du Grand Cahors")
    referent = fabrique.referent(
        communaute=communaute,
        utilisateur__email="referente.cahors@lot.fr",
        utilisateur__first_name="Claire",
        utilisateur__last_name="Delpech",
    )
    parcours = fabrique.parcours(
        prenom="Léa", nom="Martin", referent=referent, utilisateur__email="lea.martin@exemple.fr"
    )
    return parcours, referent


def test_adresse_francaise():
    assert reverse("accueil:parcours_messages") == URL


def test_ecrire_au_referent_le_previent_sans_exposer_d_adresse(
    client, dossier, mailoutbox, django_capture_on_commit_callbacks
):
    parcours, referent = dossier
    avant = parcours.derniere_activite_le
    client.force_login(parcours.utilisateur)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"texte": "  Bonjour, où trouver une crèche ?  "})
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.texte == "Bonjour, où trouver une crèche ?"
    assert message.de_l_arrivant and message.auteur == parcours.utilisateur
    parcours.refresh_from_db()
    assert parcours.derniere_activite_le > avant
    (courriel,) = mailoutbox
    assert courriel.to == ["referente.cahors@lot.fr"]
    assert "Léa M." in courriel.subject
    html = courriel.alternatives[0][0]
    for corps in (courriel.body, html):
        assert "lea.martin@exemple.fr" not in corps
        assert "/admin/" in corps
    assert "lea.martin@exemple.fr" not in courriel.extra_headers.get("Reply-To", "")
    assert not courriel.reply_to


def test_sans_referent_toute_l_equipe_departementale_est_prevenue(
    client, fabrique, mailoutbox, django_capture_on_commit_callbacks
):
    fabrique.referent(communaute=None, utilisateur__email="equipe1@lot.fr")
    fabrique.referent(communaute=None, utilisateur__email="equipe2@lot.fr")
    fabrique.referent(communaute=None, utilisateur__email="absente@lot.fr", actif=False)
    fabrique.referent(utilisateur__email="secteur@lot.fr")
    parcours = fabrique.parcours()
    with django_capture_on_commit_callbacks(execute=True):
        services.message_envoyer(
            parcours=parcours, auteur=parcours.utilisateur, texte="Bonjour", de_l_arrivant=True
        )
    assert sorted(m.to[0] for m in mailoutbox) == ["equipe1@lot.fr", "equipe2@lot.fr"]


def test_reponse_du_referent_previent_l_arrivant(
    dossier, mailoutbox, django_capture_on_commit_callbacks
):
    parcours, referent = dossier
    with django_capture_on_commit_callbacks(execute=True):
        services.message_envoyer(
            parcours=parcours,
            auteur=referent.utilisateur,
            texte="La crèche de Pradines a de la place.",
            de_l_arrivant=False,
        )
    (courriel,) = mailoutbox
    assert courriel.to == ["lea.martin@exemple.fr"]
    html = courriel.alternatives[0][0]
    for corps in (courriel.body, html):
        assert "referente.cahors@lot.fr" not in corps
        assert "/accueil/mon-parcours/messages/" in corps
        assert "Bonjour Léa" in corps
        # The text stays in the portal.
        assert "Pradines" not in corps
    # One message, one email: nothing more afterwards.
    assert Courriel.objects.count() == 1


def test_ouvrir_le_fil_marque_lus_les_messages_du_referent(client, dossier):
    parcours, referent = dossier
    services.message_envoyer(
        parcours=parcours, auteur=referent.utilisateur, texte="Réponse", de_l_arrivant=False
    )
    services.message_envoyer(
        parcours=parcours, auteur=parcours.utilisateur, texte="Question", de_l_arrivant=True
    )
    client.force_login(parcours.utilisateur)
    assert '1<span class="sr-only"> non lu' in client.get("/accueil/mon-parcours/").content.decode()
    contenu = client.get(URL).content.decode()
    assert "Réponse" in contenu and "Question" in contenu
    assert "Claire Delpech" in contenu
    assert Message.objects.get(texte="Réponse").lu_le is not None
    # The newcomer's own message stays unread until the referent opens it.
    assert Message.objects.get(texte="Question").lu_le is None
    assert services.messages_marquer_lus(parcours=parcours, par_l_arrivant=False) == 1


@pytest.mark.parametrize(
    ("texte", "erreur"),
    [
        ("", "Écrivez votre message"),
        ("    ", "Écrivez votre message"),
        ("x" * 5001, "ne doit pas dépasser 5 000 caractères"),
    ],
)
def test_mauvaises_saisies(client, dossier, mailoutbox, texte, erreur):
    parcours, _ = dossier
    client.force_login(parcours.utilisateur)
    response = client.post(URL, {"texte": texte})
    assert response.status_code == 400
    contenu = response.content.decode()
    assert erreur in contenu
    assert 'aria-invalid="true"' in contenu
    if texte.strip():
        assert texte in contenu  # what was typed is kept
    assert not Message.objects.exists()


def test_double_envoi_un_seul_message_un_seul_courriel(
    client, dossier, mailoutbox, django_capture_on_commit_callbacks
):
    parcours, _ = dossier
    client.force_login(parcours.utilisateur)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            assert client.post(URL, {"texte": "Bonjour !"}).status_code == 302
    assert Message.objects.count() == 1
    assert len(mailoutbox) == 1
    # The same words later are a new message.
    Message.objects.update(envoye_le=timezone.now() - services.DELAI_DOUBLON)
    client.post(URL, {"texte": "Bonjour !"})
    assert Message.objects.count() == 2


def test_message_de_5000_caracteres_accepte(client, dossier):
    parcours, _ = dossier
    client.force_login(parcours.utilisateur)
    assert client.post(URL, {"texte": "é" * 5000}).status_code == 302


def test_limite_de_messages_par_heure(client, dossier, mailoutbox):
    parcours, _ = dossier
    for i in range(services.MESSAGES_PAR_HEURE):
        services.message_envoyer(
            parcours=parcours, auteur=parcours.utilisateur, texte=f"m{i}", de_l_arrivant=True
        )
    client.force_login(parcours.utilisateur)
    response = client.post(URL, {"texte": "Encore une question"})
    assert response.status_code == 429
    contenu = response.content.decode()
    assert "attendez un peu" in contenu
    assert "Encore une question" in contenu
    assert Message.objects.count() == services.MESSAGES_PAR_HEURE
    # An hour later the newcomer may write again.
    Message.objects.update(envoye_le=timezone.now() - timedelta(hours=1, minutes=1))
    assert client.post(URL, {"texte": "Encore une question"}).status_code == 302
    # The referent is never limited.
    for i in range(services.MESSAGES_PAR_HEURE + 1):
        services.message_envoyer(
            parcours=parcours, auteur=None, texte=f"Réponse {i}", de_l_arrivant=False
        )
    assert Message.objects.filter(de_l_arrivant=False).count() == services.MESSAGES_PAR_HEURE + 1


def test_budget_de_requetes_du_fil(client, dossier):
    parcours, referent = dossier
    client.force_login(parcours.utilisateur)

    numeros = itertools.count()

    def ecrire(n):
        for _ in range(n):
            i = next(numeros)
            services.message_envoyer(
                parcours=parcours,
                auteur=referent.utilisateur if i % 2 else parcours.utilisateur,
                texte=f"Message {i}",
                de_l_arrivant=not i % 2,
            )

    def compter():
        client.get(URL)  # warm caches (site settings, menu)
        ecrire(1)  # an unread reply: the page also marks it read
        with CaptureQueriesContext(connection) as requetes:
            assert client.get(URL).status_code == 200
        return len(requetes)

    ecrire(1)
    avec_deux = compter()
    ecrire(10)
    avec_douze = compter()
    assert Message.objects.count() == 13
    assert avec_deux == avec_douze
