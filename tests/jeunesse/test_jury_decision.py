"""Deciding from the ranking: « Retenir » with an amount, « Ne pas retenir » with a reason;
assignments and their emails."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from test_jury_outils import Jeu, connecter, noter

from jeunesse.models import Affectation, AppelAProjets, Candidature, MembreJury, Transition
from jeunesse.models.choix import Statut
from jeunesse.services import jury as service


@pytest.fixture
def jeu(fabrique_jeu):
    return Jeu(fabrique_jeu)


def url_decision(jeu, candidature=None):
    candidature = candidature or jeu.candidature
    return reverse("jeunesse_jury_decision", args=[jeu.appel.pk, candidature.pk])


def retenir(client, jeu, montant, candidature=None, message=""):
    return client.post(
        url_decision(jeu, candidature),
        {"action": "retenir", "retenir-montant_accorde": montant, "retenir-message": message},
    )


def test_retenir_avec_montant(client, jeu, django_capture_on_commit_callbacks):
    connecter(client, jeu.instructeur)
    page = client.get(url_decision(jeu))
    assert page.status_code == 200
    assert re.search(r"Enveloppe : <strong>20\D?000,00 €", page.content.decode())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = retenir(client, jeu, "1200,50", message="Bravo à toute l'équipe")
    assert reponse.status_code == 302
    assert reponse["Location"] == reverse("jeunesse_classement", args=[jeu.appel.pk])
    jeu.candidature.refresh_from_db()
    assert jeu.candidature.statut == Statut.RETENU
    assert jeu.candidature.montant_accorde == Decimal("1200.50")
    assert jeu.candidature.decide_le is not None
    transition = Transition.objects.filter(candidature=jeu.candidature).last()
    assert (transition.vers, transition.auteur_id) == (Statut.RETENU, jeu.instructeur.pk)
    assert transition.commentaire == "Bravo à toute l'équipe"
    destinataires = sorted(adresse for m in mail.outbox for adresse in m.to)
    assert destinataires == sorted([jeu.porteur.email, jeu.equipier.email])
    assert all("retenu" in m.subject for m in mail.outbox)
    assert re.search(r"Aide accordée : 1\D?200,50 €", mail.outbox[0].body)
    # Already decided: read-only page, a second POST changes nothing and sends nothing.
    mail.outbox.clear()
    page = client.get(url_decision(jeu)).content.decode()
    assert "La décision est prise" in page
    with django_capture_on_commit_callbacks(execute=True):
        reponse = retenir(client, jeu, "100")
    assert reponse.status_code == 400
    assert mail.outbox == []
    jeu.candidature.refresh_from_db()
    assert jeu.candidature.montant_accorde == Decimal("1200.50")


@pytest.mark.parametrize(
    "montant,message",
    [
        ("", "Indiquez le montant accordé."),
        ("0", "Le montant accordé doit être supérieur à 0 €."),
        ("abc", "Saisissez un montant en euros"),
        ("10,123", "Indiquez au plus deux décimales"),
        ("1600", "ne peut dépasser l&#x27;aide demandée"),
    ],
)
def test_retenir_montant_invalide(client, jeu, montant, message):
    connecter(client, jeu.instructeur)
    reponse = retenir(client, jeu, montant, message="Message gardé")
    assert reponse.status_code == 400
    contenu = reponse.content.decode()
    assert message in contenu
    assert "Message gardé" in contenu
    assert 'id="id_retenir-montant_accorde_erreur"' in contenu or "help-critical" in contenu
    jeu.candidature.refresh_from_db()
    assert jeu.candidature.statut == Statut.EN_INSTRUCTION
    assert jeu.candidature.montant_accorde is None


def test_retenir_au_dela_du_maximum_de_l_appel(client, jeu):
    AppelAProjets.objects.filter(pk=jeu.appel.pk).update(montant_max=Decimal("1000"))
    connecter(client, jeu.instructeur)
    reponse = retenir(client, jeu, "1200")
    assert reponse.status_code == 400
    assert "aide maximale de l&#x27;appel (1\u202f000 €)" in reponse.content.decode()
    jeu.candidature.refresh_from_db()
    assert jeu.candidature.statut == Statut.EN_INSTRUCTION


def test_retenir_au_dela_de_l_enveloppe(client, jeu, django_capture_on_commit_callbacks):
    AppelAProjets.objects.filter(pk=jeu.appel.pk).update(enveloppe=Decimal("2000"))
    connecter(client, jeu.instructeur)
    with django_capture_on_commit_callbacks(execute=True):
        assert retenir(client, jeu, "1500", candidature=jeu.candidature_autre).status_code == 302
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = retenir(client, jeu, "600")
    assert reponse.status_code == 400
    contenu = reponse.content.decode()
    assert "enveloppe de l&#x27;appel serait dépassée : il reste 500 €" in contenu
    assert 'value="600"' in contenu
    assert mail.outbox == []
    jeu.candidature.refresh_from_db()
    assert jeu.candidature.statut == Statut.EN_INSTRUCTION
    assert jeu.candidature.montant_accorde is None
    assert retenir(client, jeu, "500").status_code == 302
    assert service.total_accorde(jeu.appel) == Decimal("2000")


def test_ne_pas_retenir_exige_un_motif(client, jeu, django_capture_on_commit_callbacks):
    connecter(client, jeu.instructeur)
    for motif in ("", "   "):
        reponse = client.post(url_decision(jeu), {"action": "refuser", "refuser-motif": motif})
        assert reponse.status_code == 400
        assert "Indiquez le motif de la décision." in reponse.content.decode()
    jeu.candidature.refresh_from_db()
    assert jeu.candidature.statut == Statut.EN_INSTRUCTION
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            url_decision(jeu), {"action": "refuser", "refuser-motif": "Budget trop fragile"}
        )
    assert reponse.status_code == 302
    jeu.candidature.refresh_from_db()
    assert jeu.candidature.statut == Statut.NON_RETENU
    assert jeu.candidature.motif_decision == "Budget trop fragile"
    assert jeu.candidature.montant_accorde is None
    assert len(mail.outbox) == 2
    assert sorted(a for m in mail.outbox for a in m.to) == sorted(
        [jeu.porteur.email, jeu.equipier.email]
    )


def test_la_page_de_decision_montre_les_evaluations(client, jeu):
    noter(jeu.affectation, [8, 6, 4], commentaire="Projet solide")
    noter(jeu.affectation2, [10, 10, 10], terminer=False, commentaire="Brouillon d'avis")
    connecter(client, jeu.instructeur)
    contenu = client.get(url_decision(jeu)).content.decode()
    assert "Projet solide" in contenu and "13,33" in contenu
    assert "Évaluation en cours" in contenu and "Conflit déclaré" in contenu


def test_action_inconnue(client, jeu):
    connecter(client, jeu.instructeur)
    reponse = client.post(url_decision(jeu), {"action": "autre"})
    assert reponse.status_code == 302
    jeu.candidature.refresh_from_db()
    assert jeu.candidature.statut == Statut.EN_INSTRUCTION


def test_decision_d_un_dossier_d_un_autre_appel_404(client, jeu):
    connecter(client, jeu.instructeur)
    url = reverse("jeunesse_jury_decision", args=[jeu.appel.pk, jeu.candidature_ailleurs.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "refuser", "refuser-motif": "x"}).status_code == 404


# --- Composition and assignments ---------------------------------------------------------


def url_jury(jeu):
    return reverse("jeunesse_jury", args=[jeu.appel.pk])


def test_ajouter_un_membre_par_email(client, jeu, fabrique_jeu):
    jeune = fabrique_jeu.compte("Jeune.Jure@Exemple.fr")
    connecter(client, jeu.instructeur)
    reponse = client.post(
        url_jury(jeu),
        {"action": "ajouter_membre", "email": "jeune.jure@exemple.fr", "qualite": "jeune"},
    )
    assert reponse.status_code == 302
    membre = MembreJury.objects.get(appel=jeu.appel, utilisateur=jeune)
    assert membre.qualite == "jeune"


@pytest.mark.parametrize(
    "donnees,message",
    [
        ({"email": "", "qualite": "agent"}, "Indiquez l&#x27;adresse électronique"),
        ({"email": "pas-une-adresse", "qualite": "agent"}, "Saisissez une adresse électronique"),
        ({"email": "inconnu@exemple.fr", "qualite": "agent"}, "Aucun compte actif"),
        ({"email": "jure@exemple.fr", "qualite": "agent"}, "fait déjà partie du jury"),
        ({"email": "x@exemple.fr", "qualite": "roi"}, "Choisissez une qualité de la liste."),
    ],
)
def test_ajouter_un_membre_invalide(client, jeu, donnees, message):
    connecter(client, jeu.instructeur)
    avant = MembreJury.objects.count()
    reponse = client.post(url_jury(jeu), {"action": "ajouter_membre", **donnees})
    assert reponse.status_code == 400
    contenu = reponse.content.decode()
    assert message in contenu
    if donnees["email"]:
        assert f'value="{donnees["email"]}"' in contenu
    assert MembreJury.objects.count() == avant


def test_affecter_tous_idempotent_et_un_courriel_par_jure(
    client, jeu, fabrique_jeu, django_capture_on_commit_callbacks
):
    # The leader of the other application sits on the jury: never assigned to their project.
    fabrique_jeu.jure(jeu.appel, jeu.autre)
    Affectation.objects.all().delete()
    connecter(client, jeu.instructeur)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(url_jury(jeu), {"action": "affecter_tous"})
    assert reponse.status_code == 302
    # 5 jurors × 2 applications − the leader's own project.
    assert Affectation.objects.filter(candidature__appel=jeu.appel).count() == 9
    assert not Affectation.objects.filter(
        candidature=jeu.candidature_autre, jure=jeu.autre
    ).exists()
    par_jure = {}
    for message in mail.outbox:
        par_jure.setdefault(message.to[0], []).append(message)
    assert sorted(par_jure) == sorted(
        [
            jeu.jure.email,
            jeu.jure2.email,
            jeu.jure_libre.email,
            jeu.jure_conflit.email,
            jeu.autre.email,
        ]
    )
    assert all(len(messages) == 1 for messages in par_jure.values())
    assert "2 dossiers vous sont confiés" in par_jure[jeu.jure.email][0].subject
    assert "/jeunesse/jury/" in par_jure[jeu.jure.email][0].body
    assert jeu.candidature.titre in par_jure[jeu.jure.email][0].body
    # Again: nothing new, no email.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url_jury(jeu), {"action": "affecter_tous"})
    assert Affectation.objects.filter(candidature__appel=jeu.appel).count() == 9
    assert mail.outbox == []


def test_affecter_tous_ignore_les_dossiers_hors_instruction(client, jeu, fabrique_jeu):
    depose = fabrique_jeu.candidature(jeu.appel, statut=Statut.DEPOSE, instructeur=jeu.instructeur)
    brouillon = fabrique_jeu.candidature(jeu.appel, instructeur=jeu.instructeur)
    service.affecter_tous(jeu.appel)
    assert not Affectation.objects.filter(candidature__in=[depose, brouillon]).exists()
    with pytest.raises(Exception, match="en instruction"):
        service.affecter(depose, jeu.jure)


def test_affecter_et_retirer_un_jure(client, jeu, django_capture_on_commit_callbacks):
    connecter(client, jeu.instructeur)
    prefixe = f"c{jeu.candidature.pk}"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            url_jury(jeu),
            {
                "action": "affecter",
                "candidature": jeu.candidature.pk,
                f"{prefixe}-jure": jeu.jure_libre.pk,
            },
        )
    assert reponse.status_code == 302
    affectation = Affectation.objects.get(candidature=jeu.candidature, jure=jeu.jure_libre)
    assert [m.to for m in mail.outbox] == [[jeu.jure_libre.email]]
    assert mail.outbox[0].subject == "Jury : un dossier vous est confié"
    # A juror outside the call's jury, or none, is refused next to the row.
    for valeur in (jeu.jure_ailleurs.pk, ""):
        reponse = client.post(
            url_jury(jeu),
            {"action": "affecter", "candidature": jeu.candidature.pk, f"{prefixe}-jure": valeur},
        )
        assert reponse.status_code == 400
        assert "Choisissez un·e juré·e" in reponse.content.decode()
    # Remove.
    reponse = client.post(
        url_jury(jeu), {"action": "retirer_affectation", "affectation": affectation.pk}
    )
    assert reponse.status_code == 302
    assert not Affectation.objects.filter(pk=affectation.pk).exists()
    # A conflict is kept on record.
    client.post(
        url_jury(jeu),
        {"action": "retirer_affectation", "affectation": jeu.affectation_conflit.pk},
    )
    assert Affectation.objects.filter(pk=jeu.affectation_conflit.pk).exists()


def test_retirer_un_membre(client, jeu):
    connecter(client, jeu.instructeur)
    membre = MembreJury.objects.get(appel=jeu.appel, utilisateur=jeu.jure)
    reponse = client.post(url_jury(jeu), {"action": "retirer_membre", "membre": membre.pk})
    assert reponse.status_code == 302
    assert not MembreJury.objects.filter(pk=membre.pk).exists()
    assert not Affectation.objects.filter(jure=jeu.jure).exists()
    # A member of another call's jury is a 404.
    autre = MembreJury.objects.get(utilisateur=jeu.jure_ailleurs)
    reponse = client.post(url_jury(jeu), {"action": "retirer_membre", "membre": autre.pk})
    assert reponse.status_code == 404
    assert MembreJury.objects.filter(pk=autre.pk).exists()


def test_page_jury_budget_de_requetes(client, jeu, fabrique_jeu):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    connecter(client, jeu.instructeur)
    client.get(url_jury(jeu))
    with CaptureQueriesContext(connection) as peu:
        assert client.get(url_jury(jeu)).status_code == 200
    for _ in range(5):
        fabrique_jeu.candidature(
            jeu.appel, statut=Statut.EN_INSTRUCTION, instructeur=jeu.instructeur
        )
    fabrique_jeu.jure(jeu.appel)
    service.affecter_tous(jeu.appel)
    with CaptureQueriesContext(connection) as beaucoup:
        assert client.get(url_jury(jeu)).status_code == 200
    assert len(peu) == len(beaucoup)
    assert Candidature.objects.filter(appel=jeu.appel).count() == 7


def test_affecter_refuse_equipe_et_hors_jury(jeu, fabrique_jeu):
    from django.core.exceptions import ValidationError

    fabrique_jeu.jure(jeu.appel, jeu.equipier)
    with pytest.raises(ValidationError, match="équipe du projet"):
        service.affecter(jeu.candidature, jeu.equipier)
    with pytest.raises(ValidationError, match="ne fait pas partie du jury"):
        service.affecter(jeu.candidature, jeu.jure_ailleurs)
    assert not Affectation.objects.filter(
        candidature=jeu.candidature, jure__in=[jeu.equipier, jeu.jure_ailleurs]
    ).exists()
