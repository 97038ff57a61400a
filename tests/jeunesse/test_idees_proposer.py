"""Proposing an idea: verified account, French errors with the input kept, 5 a day, and
the idea waits for moderation (seen by its author only)."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import Idee
from jeunesse.models.choix import StatutIdee
from jeunesse.services import idees as services

URL = reverse("jeunesse:idee_proposer")
VALIDE = {
    "titre": "Un slogan pour ceux qui reviennent",
    "categorie": "slogan",
    "description": "« Le Lot, on y revient » : un message pour les jeunes partis étudier.",
}


@pytest.fixture
def jeune(fabrique_jeu):
    return fabrique_jeu.compte("jeune@exemple.fr", first_name="Inès")


def test_anonymous_goes_to_login(client, db):
    reponse = client.get(URL)
    assert reponse.status_code == 302
    assert reponse["Location"].startswith(reverse("account_login"))
    reponse = client.post(URL, VALIDE)
    assert reponse.status_code == 302
    assert not Idee.objects.exists()


def test_an_unverified_address_must_be_confirmed_first(client, fabrique_jeu):
    compte = fabrique_jeu.compte("nonverifie@exemple.fr", email_verifie=False)
    assert not EmailAddress.objects.filter(user=compte, verified=True).exists()
    client.force_login(compte)
    reponse = client.post(URL, VALIDE)
    assert reponse.status_code == 302
    assert reponse["Location"] == reverse("account_email")
    assert not Idee.objects.exists()


def test_the_form_page(client, jeune):
    client.force_login(jeune)
    reponse = client.get(URL)
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "<h1>Proposer une idée pour la marque</h1>" in contenu
    assert "<legend>Votre idée</legend>" in contenu
    assert "no-store" in reponse["Cache-Control"]


def test_a_proposal_waits_for_moderation_and_shows_in_my_ideas(client, jeune):
    client.force_login(jeune)
    with_outbox = len(mail.outbox)
    reponse = client.post(URL, VALIDE, follow=True)
    assert reponse.redirect_chain[-1][0] == reverse("jeunesse:mes_idees")
    objet = Idee.objects.get()
    assert objet.auteur == jeune
    assert objet.statut == StatutIdee.EN_ATTENTE
    assert objet.titre == VALIDE["titre"]
    contenu = reponse.content.decode()
    assert "en attente de modération" in contenu
    assert "En attente de modération" in contenu  # its status in « Mes idées »
    assert VALIDE["titre"] in contenu
    assert len(mail.outbox) == with_outbox


def test_a_pending_idea_is_not_public(client, jeune, fabrique_jeu):
    client.force_login(jeune)
    client.post(URL, VALIDE)
    objet = Idee.objects.get()
    assert client.get(reverse("jeunesse:idee", args=[objet.pk])).status_code == 200
    client.logout()
    assert VALIDE["titre"] not in client.get(reverse("jeunesse:idees")).content.decode()
    assert client.get(reverse("jeunesse:idee", args=[objet.pk])).status_code == 404
    client.force_login(fabrique_jeu.compte("curieux@exemple.fr"))
    assert VALIDE["titre"] not in client.get(reverse("jeunesse:idees")).content.decode()
    assert client.get(reverse("jeunesse:idee", args=[objet.pk])).status_code == 404


@pytest.mark.parametrize(
    ("donnees", "champ", "message"),
    [
        ({**VALIDE, "titre": ""}, "titre", "Donnez un titre à votre idée."),
        ({**VALIDE, "titre": "   "}, "titre", "Donnez un titre à votre idée."),
        ({**VALIDE, "titre": "x" * 121}, "titre", "Le titre ne doit pas dépasser 120 caractères."),
        ({**VALIDE, "categorie": ""}, "categorie", "Choisissez le type de votre idée."),
        (
            {**VALIDE, "categorie": "piratage"},
            "categorie",
            "Choisissez un type d'idée dans la liste.",
        ),
        ({**VALIDE, "description": ""}, "description", "Décrivez votre idée."),
        (
            {**VALIDE, "description": "Trop court"},
            "description",
            "Décrivez votre idée en 20 caractères au moins.",
        ),
        (
            {**VALIDE, "description": "x" * 2001},
            "description",
            "La description ne doit pas dépasser 2000 caractères.",
        ),
    ],
)
def test_bad_input_is_refused_in_french_and_kept(client, jeune, donnees, champ, message):
    client.force_login(jeune)
    reponse = client.post(URL, donnees)
    assert reponse.status_code == 200
    assert not Idee.objects.exists()
    form = reponse.context["form"]
    assert form.errors[champ] == [message]
    contenu = reponse.content.decode()
    assert 'class="resume-erreurs"' in contenu
    assert f'id="id_{champ}_erreur"' in contenu
    assert 'aria-invalid="true"' in contenu
    # What the young person typed is still there, even the faulty value.
    assert f'value="{donnees["titre"]}"' in contenu
    assert donnees["description"] in contenu
    if donnees["categorie"] == "slogan":
        assert '<option value="slogan" selected>' in contenu


def test_five_proposals_a_day_then_a_french_message_and_the_text_kept(client, jeune):
    client.force_login(jeune)
    for n in range(services.IDEES_PAR_JOUR):
        assert client.post(URL, {**VALIDE, "titre": f"Idée {n}"}).status_code == 302
    reponse = client.post(URL, {**VALIDE, "titre": "La sixième"})
    assert reponse.status_code == 429
    assert Idee.objects.count() == services.IDEES_PAR_JOUR
    contenu = reponse.content.decode()
    assert "Vous avez déjà proposé 5 idées en 24 heures" in contenu
    assert 'value="La sixième"' in contenu
    assert "on y revient" in contenu


def test_the_limit_is_per_account_and_per_24_hours(client, jeune, fabrique_jeu):
    for n in range(services.IDEES_PAR_JOUR):
        services.idee_proposer(
            auteur=jeune, titre=f"Idée {n}", categorie="video", description=VALIDE["description"]
        )
    autre = fabrique_jeu.compte("autre.jeune@exemple.fr")
    client.force_login(autre)
    assert client.post(URL, VALIDE).status_code == 302  # someone else is not limited
    Idee.objects.filter(auteur=jeune).update(cree_le=timezone.now() - datetime.timedelta(hours=25))
    client.force_login(jeune)
    assert client.post(URL, VALIDE).status_code == 302  # yesterday's ideas don't count
    assert Idee.objects.filter(auteur=jeune).count() == services.IDEES_PAR_JOUR + 1


def test_my_ideas_lists_only_mine_with_every_status(client, jeune, fabrique_jeu):
    autre = fabrique_jeu.compte("autre.jeune@exemple.fr")
    for statut in StatutIdee:
        Idee.objects.create(
            auteur=jeune,
            titre=f"Mienne {statut.value}",
            description="x" * 30,
            categorie="autre",
            statut=statut,
        )
    Idee.objects.create(
        auteur=autre,
        titre="Pas la mienne",
        description="x" * 30,
        categorie="autre",
        statut=StatutIdee.PUBLIEE,
    )
    client.force_login(jeune)
    reponse = client.get(reverse("jeunesse:mes_idees"))
    assert reponse.status_code == 200
    assert len(reponse.context["idees"]) == len(StatutIdee)
    contenu = reponse.content.decode()
    assert "Pas la mienne" not in contenu
    assert "Non publiée" in contenu
    assert "<caption>" in contenu and 'scope="col"' in contenu
