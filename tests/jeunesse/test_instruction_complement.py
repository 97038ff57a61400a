"""A request for a complement: field by field, one transaction, the email lists the points."""

from html import unescape

import pytest
from django.core import mail
from django.urls import reverse

from jeunesse.models import Candidature, DemandeComplement, PointComplement, Transition
from jeunesse.models.choix import MotifComplement, Statut
from jeunesse.services.etats import TransitionRefusee
from jeunesse.services.instruction import Point, complement_demander


def connecter(client, compte):
    compte.refresh_from_db()  # the session keeps the stored password hash
    client.force_login(compte)


def texte(reponse):
    return unescape(reponse.content.decode())


@pytest.fixture
def deposee(fabrique_jeu, acteurs_jeu):
    fabrique_jeu.question(acteurs_jeu.appel, libelle="Comment avez-vous connu l'appel ?")
    fabrique_jeu.document(acteurs_jeu.appel, libelle="Devis du matériel")
    return fabrique_jeu.candidature(
        acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.EN_INSTRUCTION
    )


def url(candidature):
    return reverse("jeunesse_dossier_complement", args=[candidature.pk])


def donnees(*points, message="Merci de corriger ces points avant le jury."):
    valeurs = {
        "message": message,
        "points-TOTAL_FORMS": str(max(len(points), 3)),
        "points-INITIAL_FORMS": "0",
        "points-MIN_NUM_FORMS": "0",
        "points-MAX_NUM_FORMS": "1000",
    }
    for i, (champ, motif, precision) in enumerate(points):
        valeurs[f"points-{i}-champ"] = champ
        valeurs[f"points-{i}-motif"] = motif
        valeurs[f"points-{i}-precision"] = precision
    return valeurs


def test_le_formulaire_propose_les_champs_de_l_appel(client, acteurs_jeu, deposee):
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.get(url(deposee))
    assert reponse.status_code == 200
    html = texte(reponse)
    question = acteurs_jeu.appel.questions.get()
    document = acteurs_jeu.appel.documents.get()
    assert f'value="question:{question.pk}"' in html
    assert f'value="document:{document.pk}"' in html
    assert "Budget (dépenses et ressources)" in html
    assert "Périmé" in html


def test_demande_enregistree_champ_par_champ(
    client, acteurs_jeu, deposee, django_capture_on_commit_callbacks
):
    document = acteurs_jeu.appel.documents.get()
    connecter(client, acteurs_jeu.instructeur)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            url(deposee),
            donnees(
                ("budget", MotifComplement.INCORRECT, "Le total des dépenses ne tombe pas juste."),
                (f"document:{document.pk}", MotifComplement.PERIME, "Devis de 2023."),
                ("", "", ""),
            ),
        )
    assert reponse.status_code == 302
    assert reponse["Location"] == reverse("jeunesse_dossier", args=[deposee.pk])
    deposee.refresh_from_db()
    assert deposee.statut == Statut.COMPLEMENT_DEMANDE
    demande = DemandeComplement.objects.get(candidature=deposee)
    assert demande.auteur == acteurs_jeu.instructeur
    assert demande.message == "Merci de corriger ces points avant le jury."
    points = list(demande.points.values_list("champ", "libelle_champ", "motif", "precision"))
    assert points == [
        (
            "budget",
            "Budget (dépenses et ressources)",
            "incorrect",
            "Le total des dépenses ne tombe pas juste.",
        ),
        (f"document:{document.pk}", "Devis du matériel", "perime", "Devis de 2023."),
    ]
    transition = deposee.transitions.last()
    assert (transition.vers, transition.commentaire) == (
        Statut.COMPLEMENT_DEMANDE,
        "Merci de corriger ces points avant le jury.",
    )
    # One email to the team, listing the points.
    assert len(mail.outbox) == 1
    courriel = mail.outbox[0]
    assert courriel.to == ["porteur@exemple.fr"]
    assert "Merci de corriger ces points avant le jury." in courriel.body
    assert "Budget (dépenses et ressources) : incorrect — Le total des dépenses" in courriel.body
    assert "Devis du matériel : périmé — Devis de 2023." in courriel.body
    html = courriel.alternatives[0][0]
    assert "<strong>Devis du matériel</strong> : périmé" in unescape(html)


def test_le_courriel_liste_les_points_de_la_derniere_demande(
    fabrique_jeu, acteurs_jeu, deposee, django_capture_on_commit_callbacks
):
    """A second request after a new submission: its own points only (ordering -cree_le)."""
    from jeunesse.services.etats import CANDIDAT, INSTRUCTION, transition_appliquer

    instructeur = acteurs_jeu.instructeur
    complement_demander(
        deposee,
        auteur=instructeur,
        message="Premier",
        points=[Point("resume", MotifComplement.INCOMPLET, "Ancien point")],
    )
    transition_appliquer(deposee, Statut.DEPOSE, auteur=acteurs_jeu.porteur, role=CANDIDAT)
    transition_appliquer(deposee, Statut.EN_INSTRUCTION, auteur=instructeur, role=INSTRUCTION)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        complement_demander(
            deposee,
            auteur=instructeur,
            message="Second",
            points=[Point("calendrier", MotifComplement.INCOMPLET, "Dates manquantes")],
        )
    corps = mail.outbox[0].body
    assert "Calendrier : incomplet — Dates manquantes" in corps
    assert "Ancien point" not in corps


def test_sans_point_erreur_et_rien_n_est_ecrit(client, acteurs_jeu, deposee):
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(url(deposee), donnees(("", "", ""), ("", "", "")))
    assert reponse.status_code == 200
    html = texte(reponse)
    assert "Indiquez au moins un point à corriger" in html
    assert "Merci de corriger ces points avant le jury." in html  # the input is kept
    deposee.refresh_from_db()
    assert deposee.statut == Statut.EN_INSTRUCTION
    assert not DemandeComplement.objects.exists()


@pytest.mark.parametrize(
    ("point", "erreur"),
    [
        (("budget", "", ""), "Indiquez si ce champ est incorrect, incomplet ou périmé."),
        (("", MotifComplement.INCOMPLET, ""), "Choisissez le champ à corriger."),
        (("", "", "Seulement une précision"), "Choisissez le champ à corriger."),
        (("champ_inconnu", MotifComplement.INCOMPLET, ""), "Choisissez un champ du dossier"),
        (("question:999999", MotifComplement.INCOMPLET, ""), "Choisissez un champ du dossier"),
        (("budget", "faux", ""), "Choisissez un motif dans la liste."),
        (("budget", MotifComplement.INCOMPLET, "x" * 501), "La précision est trop longue"),
    ],
)
def test_point_invalide(client, acteurs_jeu, deposee, point, erreur):
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(url(deposee), donnees(point))
    assert reponse.status_code == 200
    html = texte(reponse)
    assert erreur in html
    assert 'aria-invalid="true"' in html
    assert "Point 1, " in html  # listed in the summary at the top, linked to the field
    assert not DemandeComplement.objects.exists()
    assert Candidature.objects.get(pk=deposee.pk).statut == Statut.EN_INSTRUCTION


def test_meme_champ_deux_fois_refuse(client, acteurs_jeu, deposee):
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(
        url(deposee),
        donnees(("budget", MotifComplement.INCOMPLET, ""), ("budget", MotifComplement.PERIME, "")),
    )
    assert reponse.status_code == 200
    assert "Ce champ est déjà signalé" in texte(reponse)
    assert not DemandeComplement.objects.exists()


def test_message_obligatoire(client, acteurs_jeu, deposee):
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(
        url(deposee), donnees(("budget", MotifComplement.INCOMPLET, ""), message="")
    )
    assert reponse.status_code == 200
    assert "Écrivez un message d'explication à l'équipe." in texte(reponse)
    assert not DemandeComplement.objects.exists()


def test_formset_trafique_sans_500(client, acteurs_jeu, deposee):
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(url(deposee), {"message": "Bonjour", "points-TOTAL_FORMS": "abc"})
    assert reponse.status_code == 200
    assert not DemandeComplement.objects.exists()


def test_transition_refusee_ne_laisse_rien(acteurs_jeu, fabrique_jeu):
    """A final application cannot be sent back: no request, no point, no transition."""
    candidature = fabrique_jeu.candidature(
        acteurs_jeu.appel, acteurs_jeu.autre, statut=Statut.SANS_SUITE
    )
    transitions = Transition.objects.count()
    with pytest.raises(TransitionRefusee):
        complement_demander(
            candidature,
            auteur=acteurs_jeu.instructeur,
            message="Trop tard",
            points=[Point("budget", MotifComplement.INCOMPLET)],
        )
    assert not DemandeComplement.objects.exists()
    assert not PointComplement.objects.exists()
    assert Transition.objects.count() == transitions


def test_transition_refusee_par_la_vue(client, acteurs_jeu, deposee, monkeypatch):
    """The state changed after the form was opened: an error on the form, nothing written."""
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.get(url(deposee))
    assert reponse.status_code == 200
    Candidature.objects.filter(pk=deposee.pk).update(statut=Statut.RETENU)
    from jeunesse.services import instruction

    monkeypatch.setattr(instruction, "actions_possibles", lambda c: [Statut.COMPLEMENT_DEMANDE])
    reponse = client.post(url(deposee), donnees(("budget", MotifComplement.INCOMPLET, "")))
    assert reponse.status_code == 200
    assert "ne peut pas passer à « complément demandé »" in texte(reponse)
    assert not DemandeComplement.objects.exists()
    assert not PointComplement.objects.exists()


def test_formulaire_indisponible_pour_un_dossier_final(client, fabrique_jeu, acteurs_jeu):
    candidature = fabrique_jeu.candidature(
        acteurs_jeu.appel, acteurs_jeu.autre, statut=Statut.NON_RETENU
    )
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.get(url(candidature), follow=True)
    assert "ne peut pas recevoir de demande de complément" in texte(reponse)
    assert reponse.redirect_chain[-1][0] == reverse("jeunesse_dossier", args=[candidature.pk])


def test_complement_depuis_depose(client, fabrique_jeu, acteurs_jeu):
    candidature = fabrique_jeu.candidature(
        acteurs_jeu.appel, acteurs_jeu.autre, statut=Statut.DEPOSE
    )
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(url(candidature), donnees(("resume", MotifComplement.INCOMPLET, "")))
    assert reponse.status_code == 302
    candidature.refresh_from_db()
    assert candidature.statut == Statut.COMPLEMENT_DEMANDE
