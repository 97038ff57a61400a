"""A laureate accepts the grant: once, by the team leader, with the showcase choices."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import Candidature, MembreEquipe
from jeunesse.models.choix import Statut


@pytest.fixture
def laureat(fabrique_jeu, acteurs_jeu):
    candidature = fabrique_jeu.candidature(
        acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.RETENU
    )
    Candidature.objects.filter(pk=candidature.pk).update(montant_accorde=Decimal("1200"))
    candidature.refresh_from_db()
    return candidature


def _url(candidature):
    return reverse("jeunesse:accepter", kwargs={"reference": candidature.reference})


def test_page_shows_amount_and_conditions(client, acteurs_jeu, laureat):
    client.force_login(acteurs_jeu.porteur)
    reponse = client.get(_url(laureat))
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "1\xa0200,00 €" in contenu
    assert "Les conditions" in contenu
    assert "J&#x27;accepte l&#x27;aide et ses conditions" in contenu


def test_accept_records_once_and_emails_staff_once(
    client, acteurs_jeu, laureat, django_capture_on_commit_callbacks
):
    acteurs_jeu.appel.contact_email = "jeunesse@lot.fr"
    acteurs_jeu.appel.save()
    client.force_login(acteurs_jeu.porteur)
    mail.outbox.clear()
    donnees = {
        "accepte": "on",
        "consentement_vitrine": "on",
        "vitrine_resume": "Un festival pour les groupes du Lot.",
    }
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(_url(laureat), donnees)
    assert reponse.status_code == 302
    assert reponse["Location"] == reverse(
        "jeunesse:projet", kwargs={"reference": laureat.reference}
    )
    laureat.refresh_from_db()
    premiere = laureat.acceptation_confirmee_le
    assert premiere is not None
    assert laureat.consentement_vitrine is True
    assert laureat.vitrine_resume == "Un festival pour les groupes du Lot."
    assert [m.to for m in mail.outbox] == [["jeunesse@lot.fr"]]
    assert laureat.reference in mail.outbox[0].subject
    # Idempotent: a second post changes nothing and sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(_url(laureat), {**donnees, "consentement_vitrine": ""})
    assert reponse.status_code == 302
    laureat.refresh_from_db()
    assert laureat.acceptation_confirmee_le == premiere
    assert laureat.consentement_vitrine is True
    assert len(mail.outbox) == 1


def test_without_contact_address_instructors_are_emailed(
    client, acteurs_jeu, laureat, django_capture_on_commit_callbacks
):
    client.force_login(acteurs_jeu.porteur)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(laureat), {"accepte": "on"})
    destinataires = sorted(adresse for m in mail.outbox for adresse in m.to)
    assert acteurs_jeu.instructeur.email in destinataires
    assert acteurs_jeu.porteur.email not in destinataires
    laureat.refresh_from_db()
    assert laureat.consentement_vitrine is False


def test_checkbox_required_and_input_kept(client, acteurs_jeu, laureat):
    client.force_login(acteurs_jeu.porteur)
    reponse = client.post(
        _url(laureat), {"vitrine_resume": "Mon beau texte", "consentement_vitrine": "on"}
    )
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "Cochez cette case pour confirmer que vous acceptez l&#x27;aide." in contenu
    assert "Mon beau texte" in contenu
    assert 'aria-invalid="true"' in contenu
    laureat.refresh_from_db()
    assert laureat.acceptation_confirmee_le is None


@pytest.mark.parametrize(
    "donnees, message",
    [
        ({"accepte": "on", "vitrine_resume": "x" * 1501, "consentement_vitrine": "on"}, "1 500"),
        ({"accepte": "on", "vitrine_resume": "Un texte"}, "Cochez cette case pour que"),
    ],
)
def test_bad_input(client, acteurs_jeu, laureat, donnees, message):
    client.force_login(acteurs_jeu.porteur)
    reponse = client.post(_url(laureat), donnees)
    assert reponse.status_code == 200
    assert message in reponse.content.decode()
    laureat.refresh_from_db()
    assert laureat.acceptation_confirmee_le is None


def test_team_member_cannot_accept(client, fabrique_jeu, acteurs_jeu, laureat):
    membre = fabrique_jeu.compte("membre@exemple.fr")
    MembreEquipe.objects.create(
        candidature=laureat,
        utilisateur=membre,
        prenom="Noé",
        nom="Vidal",
        email=membre.email,
        accepte_le=timezone.now(),
    )
    client.force_login(membre)
    assert client.get(_url(laureat)).status_code == 404
    assert client.post(_url(laureat), {"accepte": "on"}).status_code == 404
    laureat.refresh_from_db()
    assert laureat.acceptation_confirmee_le is None


@pytest.mark.parametrize("statut", [Statut.DEPOSE, Statut.NON_RETENU, Statut.EN_INSTRUCTION])
def test_only_for_retained_applications(client, fabrique_jeu, acteurs_jeu, statut):
    candidature = fabrique_jeu.candidature(acteurs_jeu.appel, acteurs_jeu.porteur, statut=statut)
    client.force_login(acteurs_jeu.porteur)
    assert client.get(_url(candidature)).status_code == 404
    assert client.post(_url(candidature), {"accepte": "on"}).status_code == 404


def test_accepted_redirects_to_project_space(client, acteurs_jeu, laureat):
    Candidature.objects.filter(pk=laureat.pk).update(acceptation_confirmee_le=timezone.now())
    client.force_login(acteurs_jeu.porteur)
    reponse = client.get(_url(laureat))
    assert reponse.status_code == 302
    reponse = client.get(reponse["Location"])
    assert reponse.status_code == 200


def test_encart_on_application_overview(rf, acteurs_jeu, laureat, django_assert_num_queries):
    from django.template.loader import render_to_string

    requete = rf.get("/")
    requete.user = acteurs_jeu.porteur
    with django_assert_num_queries(0):
        html = render_to_string(
            "jeunesse/laureats/_encart_candidature.html",
            {"candidature": laureat, "request": requete},
        )
    assert "Confirmer l'acceptation" in html
    assert reverse("jeunesse:attestation", kwargs={"reference": laureat.reference}) in html
    Candidature.objects.filter(pk=laureat.pk).update(acceptation_confirmee_le=timezone.now())
    laureat.refresh_from_db()
    html = render_to_string(
        "jeunesse/laureats/_encart_candidature.html", {"candidature": laureat, "request": requete}
    )
    assert "Confirmer l'acceptation" not in html
    assert reverse("jeunesse:projet", kwargs={"reference": laureat.reference}) in html
    html = render_to_string(
        "jeunesse/laureats/_encart_candidature.html",
        {"candidature": acteurs_jeu.brouillon, "request": requete},
    )
    assert "attestation" not in html
