"""The file page of an application in the admin: everything shown, downloads, messages,
state actions, query budget."""

import datetime
from html import unescape

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import (
    Candidature,
    MembreEquipe,
    Mentor,
    Message,
    PieceJointe,
    ReponseQuestion,
    Transition,
)
from jeunesse.models.choix import LienLot, NaturePiece, Statut, TypeMentor

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def piece_creer(candidature, nom="devis.pdf", **champs):
    valeurs = {
        "nature": NaturePiece.DOCUMENT,
        "nom_original": nom,
        "type_mime": "application/pdf",
        "taille": len(PDF),
    }
    valeurs.update(champs)
    return PieceJointe.objects.create(
        candidature=candidature, fichier=ContentFile(PDF, name="x.pdf"), **valeurs
    )


@pytest.fixture
def dossier(fabrique_jeu, acteurs_jeu):
    """A submitted application with a question answered, a document, a mentor, a minor."""
    appel = acteurs_jeu.appel
    question = fabrique_jeu.question(appel, libelle="Pourquoi ce projet ?")
    document = fabrique_jeu.document(appel, libelle="Devis du matériel")
    candidature = fabrique_jeu.candidature(
        appel, acteurs_jeu.porteur, statut=Statut.DEPOSE, titre="Festival des Causses"
    )
    MembreEquipe.objects.create(
        candidature=candidature,
        prenom="Zoé",
        nom="Lacombe",
        email="zoe@exemple.fr",
        role="Communication",
        date_naissance=timezone.localdate() - datetime.timedelta(days=16 * 366),
        lien_lot=LienLot.ETUDIE,
        accepte_le=timezone.now(),
    )
    ReponseQuestion.objects.create(
        candidature=candidature, question=question, valeur="Pour animer la vallée du Célé."
    )
    piece_creer(candidature, "devis-sono.pdf", document=document)
    piece_creer(candidature, "autorisation-zoe.pdf", nature=NaturePiece.AUTORISATION)
    Mentor.objects.create(
        candidature=candidature,
        email="anim@mjc.fr",
        nom="Karim Benali",
        type_mentor=TypeMentor.ANIMATEUR,
        structure="MJC de Cahors",
        accepte_le=timezone.now(),
    )
    Message.objects.create(candidature=candidature, auteur=acteurs_jeu.porteur, texte="Bonjour !")
    return candidature


def connecter(client, compte):
    """Log in with the account as stored (its password hash is part of the session)."""
    compte.refresh_from_db()
    client.force_login(compte)


def url_dossier(candidature):
    return reverse("jeunesse_dossier", args=[candidature.pk])


def test_la_page_montre_tout_le_dossier(client, acteurs_jeu, dossier):
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.get(url_dossier(dossier))
    assert reponse.status_code == 200
    html = unescape(reponse.content.decode())
    for attendu in (
        dossier.reference,
        "Festival des Causses",
        "Un festival de musique porté par des lycéens de Figeac.",
        "Léa",
        "Zoé Lacombe",
        "16 ans (mineur·e)",
        "J'étudie ou je suis en formation dans le Lot",
        "Sonorisation",
        "Billetterie",
        "Total des dépenses",
        "2500",
        "Budget équilibré",
        "Pourquoi ce projet ?",
        "Pour animer la vallée du Célé.",
        "devis-sono.pdf",
        "Devis du matériel",
        "autorisation-zoe.pdf",
        "Karim Benali",
        "Brouillon → Déposé",
        "Bonjour !",
        "Prendre en instruction",
        "Classer sans suite",
        "Demander un complément",
    ):
        assert attendu in html, attendu
    # Mentors: names only, never their address.
    assert "anim@mjc.fr" not in html
    piece = dossier.pieces.get(nom_original="devis-sono.pdf")
    assert reverse("jeunesse_dossier_piece", args=[dossier.pk, piece.pk]) in html


def test_budget_desequilibre_affiche(client, fabrique_jeu, acteurs_jeu):
    from decimal import Decimal

    candidature = fabrique_jeu.candidature(
        acteurs_jeu.appel, acteurs_jeu.autre, statut=Statut.DEPOSE
    )
    Candidature.objects.filter(pk=candidature.pk).update(montant_demande=Decimal("1000"))
    connecter(client, acteurs_jeu.instructeur)
    html = unescape(client.get(url_dossier(candidature)).content.decode())
    assert "Budget déséquilibré : écart de 500" in html


def test_ouvrir_marque_lus_les_messages_de_l_equipe(client, acteurs_jeu, dossier):
    message = dossier.messages.get()
    assert message.lu_le is None
    connecter(client, acteurs_jeu.instructeur)
    html = unescape(client.get(url_dossier(dossier)).content.decode())
    assert "nouveau" in html  # shown as new on this first opening
    message.refresh_from_db()
    assert message.lu_le is not None
    assert "nouveau</span>" not in unescape(client.get(url_dossier(dossier)).content.decode())


def test_brouillon_introuvable(client, acteurs_jeu):
    connecter(client, acteurs_jeu.instructeur)
    assert client.get(url_dossier(acteurs_jeu.brouillon)).status_code == 404
    assert client.get(reverse("jeunesse_dossier", args=[999999])).status_code == 404


def test_telechargement_piece(client, acteurs_jeu, dossier):
    piece = dossier.pieces.get(nom_original="devis-sono.pdf")
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.get(reverse("jeunesse_dossier_piece", args=[dossier.pk, piece.pk]))
    assert reponse.status_code == 200
    assert reponse["Content-Type"] == "application/pdf"
    assert reponse["X-Content-Type-Options"] == "nosniff"
    assert reponse["Content-Disposition"].startswith("attachment")
    assert "devis-sono.pdf" in reponse["Content-Disposition"]
    assert b"".join(reponse.streaming_content) == PDF


def test_telechargement_piece_d_un_autre_dossier_refuse(client, fabrique_jeu, acteurs_jeu, dossier):
    autre = fabrique_jeu.candidature(acteurs_jeu.appel, acteurs_jeu.autre, statut=Statut.DEPOSE)
    piece = dossier.pieces.first()
    connecter(client, acteurs_jeu.instructeur)
    url = reverse("jeunesse_dossier_piece", args=[autre.pk, piece.pk])
    assert client.get(url).status_code == 404


def test_telechargement_piece_d_un_brouillon_refuse(client, acteurs_jeu):
    piece = piece_creer(acteurs_jeu.brouillon)
    connecter(client, acteurs_jeu.instructeur)
    url = reverse("jeunesse_dossier_piece", args=[acteurs_jeu.brouillon.pk, piece.pk])
    assert client.get(url).status_code == 404


# --- Messages ------------------------------------------------------------------------------------


def test_repondre_a_l_equipe(client, acteurs_jeu, dossier, django_capture_on_commit_callbacks):
    connecter(client, acteurs_jeu.instructeur)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            reverse("jeunesse_dossier_message", args=[dossier.pk]),
            {"texte": "  Pouvez-vous préciser le lieu ?  "},
        )
    assert reponse.status_code == 302
    assert reponse["Location"].endswith(url_dossier(dossier) + "#messages")
    message = dossier.messages.get(de_l_instruction=True)
    assert message.texte == "Pouvez-vous préciser le lieu ?"
    assert message.auteur == acteurs_jeu.instructeur
    destinataires = sorted(m.to for m in mail.outbox)
    assert destinataires == [["porteur@exemple.fr"], ["zoe@exemple.fr"]]  # the whole team
    # The email carries a link, never the text.
    assert "Pouvez-vous préciser" not in mail.outbox[0].body
    assert reverse("jeunesse:messages", args=[dossier.reference]) in mail.outbox[0].body


@pytest.mark.parametrize("texte", ["", "   ", "x" * 4001])
def test_message_invalide_reste_sur_la_page(client, acteurs_jeu, dossier, texte):
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(reverse("jeunesse_dossier_message", args=[dossier.pk]), {"texte": texte})
    assert reponse.status_code == 200
    html = unescape(reponse.content.decode())
    assert "Écrivez le message à envoyer." in html or "Le message est trop long" in html
    assert 'aria-invalid="true"' in html
    assert not dossier.messages.filter(de_l_instruction=True).exists()


def test_message_de_l_equipe_previent_l_adresse_de_contact_avec_lien_vers_le_dossier(
    fabrique_jeu, acteurs_jeu, django_capture_on_commit_callbacks
):
    from jeunesse.services.messages import message_envoyer

    appel = fabrique_jeu.appel(contact_email="jeunesse@lot.fr")
    candidature = fabrique_jeu.candidature(appel, acteurs_jeu.autre, statut=Statut.DEPOSE)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        message_envoyer(
            candidature=candidature,
            auteur=acteurs_jeu.autre,
            texte="Question",
            de_l_instruction=False,
        )
    assert [m.to for m in mail.outbox] == [["jeunesse@lot.fr"]]
    assert reverse("jeunesse_dossier", args=[candidature.pk]) in mail.outbox[0].body


# --- State actions ------------------------------------------------------------------------------


def test_prendre_en_instruction(client, acteurs_jeu, dossier, django_capture_on_commit_callbacks):
    connecter(client, acteurs_jeu.instructeur)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            reverse("jeunesse_dossier_etat", args=[dossier.pk]), {"vers": Statut.EN_INSTRUCTION}
        )
    assert reponse.status_code == 302
    dossier.refresh_from_db()
    assert dossier.statut == Statut.EN_INSTRUCTION
    transition = Transition.objects.filter(candidature=dossier).last()
    assert (transition.de, transition.vers, transition.auteur) == (
        Statut.DEPOSE,
        Statut.EN_INSTRUCTION,
        acteurs_jeu.instructeur,
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["porteur@exemple.fr", "zoe@exemple.fr"]
    # From « en instruction »: the decision is taken from the ranking, not here.
    html = unescape(client.get(url_dossier(dossier)).content.decode())
    assert "La décision (retenu ou non retenu) se prend depuis le classement" in html
    assert 'value="retenu"' not in html


def test_classer_sans_suite_exige_un_commentaire(client, acteurs_jeu, dossier):
    connecter(client, acteurs_jeu.instructeur)
    url = reverse("jeunesse_dossier_etat", args=[dossier.pk])
    reponse = client.post(url, {"vers": Statut.SANS_SUITE, "commentaire": "  "})
    assert reponse.status_code == 200
    assert "Expliquez à l'équipe pourquoi le dossier est classé sans suite." in (
        unescape(reponse.content.decode())
    )
    dossier.refresh_from_db()
    assert dossier.statut == Statut.DEPOSE

    reponse = client.post(url, {"vers": Statut.SANS_SUITE, "commentaire": "Hors du Lot."})
    assert reponse.status_code == 302
    dossier.refresh_from_db()
    assert dossier.statut == Statut.SANS_SUITE
    assert dossier.motif_decision == "Hors du Lot."


@pytest.mark.parametrize("vers", [Statut.RETENU, Statut.NON_RETENU, Statut.DEPOSE, "n_importe"])
def test_action_non_proposee_refusee(client, fabrique_jeu, acteurs_jeu, vers):
    candidature = fabrique_jeu.candidature(
        acteurs_jeu.appel, acteurs_jeu.autre, statut=Statut.EN_INSTRUCTION
    )
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(reverse("jeunesse_dossier_etat", args=[candidature.pk]), {"vers": vers})
    assert reponse.status_code == 200
    assert "Cette action n'est pas possible pour ce dossier." in unescape(reponse.content.decode())
    candidature.refresh_from_db()
    assert candidature.statut == Statut.EN_INSTRUCTION


def test_dossier_final_sans_action(client, fabrique_jeu, acteurs_jeu):
    candidature = fabrique_jeu.candidature(
        acteurs_jeu.appel, acteurs_jeu.autre, statut=Statut.SANS_SUITE
    )
    connecter(client, acteurs_jeu.instructeur)
    html = unescape(client.get(url_dossier(candidature)).content.decode())
    assert "Aucune action n'est possible" in html
    reponse = client.post(
        reverse("jeunesse_dossier_etat", args=[candidature.pk]), {"vers": Statut.EN_INSTRUCTION}
    )
    assert reponse.status_code == 200
    candidature.refresh_from_db()
    assert candidature.statut == Statut.SANS_SUITE


def test_transition_refusee_entre_temps(client, acteurs_jeu, dossier, monkeypatch):
    """The state changed between the page and the click: a clear message, nothing written."""
    from jeunesse.services import instruction

    connecter(client, acteurs_jeu.instructeur)
    avant = Transition.objects.count()
    original = instruction.actions_possibles
    monkeypatch.setattr(
        instruction, "actions_possibles", lambda c: [*original(c), Statut.EN_INSTRUCTION]
    )
    Candidature.objects.filter(pk=dossier.pk).update(statut=Statut.SANS_SUITE)
    reponse = client.post(
        reverse("jeunesse_dossier_etat", args=[dossier.pk]),
        {"vers": Statut.EN_INSTRUCTION},
        follow=True,
    )
    assert "ne peut pas passer à « en instruction »" in unescape(reponse.content.decode())
    assert Transition.objects.count() == avant


# --- Query budget ------------------------------------------------------------------------------


def _requetes(client, url):
    with CaptureQueriesContext(connection) as requetes:
        reponse = client.get(url)
    assert reponse.status_code == 200
    return len(requetes)


def test_budget_de_requetes_constant(client, fabrique_jeu, acteurs_jeu):
    appel = acteurs_jeu.appel
    petit = fabrique_jeu.candidature(appel, acteurs_jeu.porteur, statut=Statut.DEPOSE)
    grand = fabrique_jeu.candidature(appel, acteurs_jeu.autre, statut=Statut.DEPOSE)
    piece_creer(petit)
    Message.objects.create(candidature=petit, auteur=acteurs_jeu.porteur, texte="Un")
    for i in range(8):
        question = fabrique_jeu.question(appel, libelle=f"Question {i}")
        ReponseQuestion.objects.create(candidature=grand, question=question, valeur=f"R{i}")
        piece_creer(grand, f"piece-{i}.pdf", document=fabrique_jeu.document(appel))
        Message.objects.create(candidature=grand, auteur=acteurs_jeu.autre, texte=f"M{i}")
        MembreEquipe.objects.create(
            candidature=grand, prenom=f"P{i}", nom="N", email=f"m{i}@exemple.fr"
        )
    connecter(client, acteurs_jeu.instructeur)
    _requetes(client, url_dossier(petit))  # warm the session and caches
    peu = _requetes(client, url_dossier(petit))
    beaucoup = _requetes(client, url_dossier(grand))
    assert peu == beaucoup
    assert beaucoup <= 30
