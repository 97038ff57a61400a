"""Permission matrix of the instruction admin: only instructors and superusers get in.

Each actor tries every page of the area, GET and POST, on a submitted application (with an
attachment), and on another one. Anonymous and accounts without admin access are sent to the
login page; staff with admin access but outside the group get a 404; nothing is written.
"""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import (
    Affectation,
    DemandeComplement,
    MembreEquipe,
    Mentor,
    Message,
    PieceJointe,
    Transition,
)
from jeunesse.models.choix import MotifComplement, NaturePiece, Statut, TypeMentor

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def monde(fabrique_jeu, acteurs_jeu):
    """A submitted application of ``porteur`` with a team member, a mentor, three jurors
    (assigned, unassigned, conflicted) and an attachment; another of ``autre``."""
    a = acteurs_jeu
    a.dossier = fabrique_jeu.candidature(a.appel, a.porteur, statut=Statut.DEPOSE)
    a.dossier_autre = fabrique_jeu.candidature(a.appel, a.autre, statut=Statut.DEPOSE)
    a.membre = fabrique_jeu.compte("membre@exemple.fr")
    MembreEquipe.objects.create(
        candidature=a.dossier,
        utilisateur=a.membre,
        prenom="Inès",
        nom="Vidal",
        email="membre@exemple.fr",
        accepte_le=timezone.now(),
    )
    a.mentor = fabrique_jeu.compte("mentor@mjc.fr")
    Mentor.objects.create(
        candidature=a.dossier,
        utilisateur=a.mentor,
        email="mentor@mjc.fr",
        nom="Karim",
        type_mentor=TypeMentor.PIJ,
        accepte_le=timezone.now(),
    )
    Affectation.objects.create(candidature=a.dossier, jure=a.jure)
    a.jure_conflit = fabrique_jeu.jure(a.appel, fabrique_jeu.compte("conflit@exemple.fr"))
    Affectation.objects.create(candidature=a.dossier, jure=a.jure_conflit, conflit=True)
    a.jure_non_affecte = fabrique_jeu.jure(a.appel, fabrique_jeu.compte("libre@exemple.fr"))
    a.staff_admin = fabrique_jeu.compte("agent.admin@lot.fr", is_staff=True)
    a.staff_admin.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    a.superuser = fabrique_jeu.compte("admin@lot.fr", is_staff=True, is_superuser=True)
    a.piece = PieceJointe.objects.create(
        candidature=a.dossier,
        nature=NaturePiece.DOCUMENT,
        fichier=ContentFile(PDF, name="x.pdf"),
        nom_original="devis.pdf",
        type_mime="application/pdf",
        taille=len(PDF),
    )
    return a


def requetes(a):
    """(method, url, data) of every page of the area."""
    pk = a.dossier.pk
    return [
        ("get", reverse("jeunesse_candidatures:index"), None),
        ("get", reverse("jeunesse_candidatures:index") + "?export=csv", None),
        ("get", reverse("jeunesse_dossier", args=[pk]), None),
        ("get", reverse("jeunesse_dossier", args=[a.dossier_autre.pk]), None),
        ("get", reverse("jeunesse_dossier_piece", args=[pk, a.piece.pk]), None),
        ("get", reverse("jeunesse_dossier_complement", args=[pk]), None),
        ("get", reverse("jeunesse_appels:tableau", args=[a.appel.pk]), None),
        ("post", reverse("jeunesse_dossier_message", args=[pk]), {"texte": "Bonjour"}),
        ("post", reverse("jeunesse_dossier_etat", args=[pk]), {"vers": Statut.EN_INSTRUCTION}),
        (
            "post",
            reverse("jeunesse_dossier_complement", args=[pk]),
            {
                "message": "Corrigez",
                "points-TOTAL_FORMS": "1",
                "points-INITIAL_FORMS": "0",
                "points-0-champ": "budget",
                "points-0-motif": MotifComplement.INCOMPLET,
            },
        ),
    ]


def traces():
    return (
        Message.objects.filter(de_l_instruction=True).count(),
        DemandeComplement.objects.count(),
        Transition.objects.count(),
    )


REFUSES_SANS_ADMIN = [
    None,
    "porteur",
    "autre",
    "membre",
    "mentor",
    "jure",
    "jure_conflit",
    "jure_non_affecte",
    "staff_sans_droit",
]


@pytest.mark.parametrize("qui", REFUSES_SANS_ADMIN)
def test_sans_acces_a_l_admin_renvoye_vers_la_connexion(client, monde, qui):
    if qui:
        compte = getattr(monde, qui)
        compte.refresh_from_db()
        client.force_login(compte)
    avant = traces()
    for methode, url, donnees in requetes(monde):
        reponse = getattr(client, methode)(url, donnees or {})
        assert reponse.status_code == 302, (qui, methode, url)
        assert "/login/" in reponse["Location"], (qui, url)
    assert traces() == avant


def test_agent_hors_du_groupe_recoit_une_404(client, monde):
    client.force_login(monde.staff_admin)
    avant = traces()
    for methode, url, donnees in requetes(monde):
        reponse = getattr(client, methode)(url, donnees or {})
        assert reponse.status_code == 404, (methode, url)
    assert traces() == avant
    # The calls admin is not theirs either.
    assert client.get(reverse("jeunesse_appels:index")).status_code in (302, 403)


@pytest.mark.parametrize("qui", ["instructeur", "superuser"])
def test_instruction_et_superutilisateur_passent(client, monde, qui):
    compte = getattr(monde, qui)
    compte.refresh_from_db()
    client.force_login(compte)
    attendus = {"get": 200, "post": 302}
    for methode, url, donnees in requetes(monde):
        reponse = getattr(client, methode)(url, donnees or {})
        assert reponse.status_code == attendus[methode], (methode, url, reponse.status_code)
    # The calls admin too (no link to a view that is not routed).
    assert client.get(reverse("jeunesse_appels:index")).status_code == 200
    assert client.get(reverse("jeunesse_appels:edit", args=[monde.appel.pk])).status_code == 200
    monde.dossier.refresh_from_db()
    assert monde.dossier.statut == Statut.COMPLEMENT_DEMANDE
    assert monde.dossier.messages.filter(de_l_instruction=True).count() == 1
    assert monde.dossier.demandes_complement.count() == 1


def test_brouillons_invisibles_meme_pour_l_instruction(client, monde):
    monde.instructeur.refresh_from_db()
    client.force_login(monde.instructeur)
    brouillon = monde.brouillon
    piece = PieceJointe.objects.create(
        candidature=brouillon,
        nature=NaturePiece.DOCUMENT,
        fichier=ContentFile(PDF, name="x.pdf"),
        nom_original="brouillon.pdf",
        type_mime="application/pdf",
    )
    for url in (
        reverse("jeunesse_dossier", args=[brouillon.pk]),
        reverse("jeunesse_dossier_piece", args=[brouillon.pk, piece.pk]),
        reverse("jeunesse_dossier_complement", args=[brouillon.pk]),
    ):
        assert client.get(url).status_code == 404, url
    reponse = client.post(reverse("jeunesse_dossier_message", args=[brouillon.pk]), {"texte": "x"})
    assert reponse.status_code == 404
    assert not brouillon.messages.exists()
    html = client.get(reverse("jeunesse_candidatures:index")).content.decode()
    assert brouillon.reference not in html
    assert monde.dossier.reference in html
