"""Permission matrix of the laureates' area: every public and admin URL, GET and POST, against
every role. Refused: 404 (or a login redirect for anonymous visitors and, in the admin, for
accounts without admin access); a refused request leaves the data untouched."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import (
    Affectation,
    Candidature,
    EntreeJournal,
    MembreEquipe,
    Mentor,
    PieceJointe,
    RapportProjet,
    Versement,
)
from jeunesse.models.choix import NaturePiece, Statut, StatutJournal, TypeMentor

OK, CONNEXION, REFUS = "ok", "connexion", "refus"

ROLES = (
    "anonyme",
    "autre",
    "membre",
    "porteur",
    "mentor",
    "jure_affecte",
    "jure_non_affecte",
    "jure_en_conflit",
    "staff_sans_droit",
    "instructeur",
)
EQUIPE = {"membre", "porteur"}


@pytest.fixture
def monde(fabrique_jeu, acteurs_jeu):
    c = fabrique_jeu.candidature(acteurs_jeu.appel, acteurs_jeu.porteur, statut=Statut.RETENU)
    Candidature.objects.filter(pk=c.pk).update(
        montant_accorde=Decimal("1500"),
        acceptation_confirmee_le=timezone.now(),
        consentement_vitrine=True,
    )
    c.refresh_from_db()
    comptes = {
        "porteur": acteurs_jeu.porteur,
        "autre": acteurs_jeu.autre,
        "instructeur": acteurs_jeu.instructeur,
        "staff_sans_droit": acteurs_jeu.staff_sans_droit,
        "jure_non_affecte": acteurs_jeu.jure,
        "membre": fabrique_jeu.compte("membre@exemple.fr"),
        "mentor": fabrique_jeu.compte("mentor@exemple.fr"),
        "jure_affecte": fabrique_jeu.jure(acteurs_jeu.appel),
        "jure_en_conflit": fabrique_jeu.jure(acteurs_jeu.appel),
    }
    MembreEquipe.objects.create(
        candidature=c,
        utilisateur=comptes["membre"],
        prenom="Noé",
        nom="Vidal",
        email=comptes["membre"].email,
        accepte_le=timezone.now(),
    )
    Mentor.objects.create(
        candidature=c,
        utilisateur=comptes["mentor"],
        email=comptes["mentor"].email,
        nom="Mentor",
        type_mentor=TypeMentor.PIJ,
        accepte_le=timezone.now(),
    )
    Affectation.objects.create(candidature=c, jure=comptes["jure_affecte"])
    Affectation.objects.create(candidature=c, jure=comptes["jure_en_conflit"], conflit=True)
    versement = Versement.objects.create(candidature=c, jalon="Signature", montant=Decimal("500"))
    piece = PieceJointe(
        candidature=c,
        nature=NaturePiece.RAPPORT,
        nom_original="r.pdf",
        type_mime="application/pdf",
    )
    piece.fichier.save("r.pdf", ContentFile(b"%PDF-1.4\n%%EOF"), save=False)
    piece.save()
    rapport = RapportProjet.objects.create(
        candidature=c, type_rapport="final", piece=piece, depose_le=timezone.now()
    )
    entree = EntreeJournal.objects.create(
        candidature=c, auteur=acteurs_jeu.porteur, titre="Brouillon", texte="Texte"
    )
    soumise = EntreeJournal.objects.create(
        candidature=c,
        auteur=acteurs_jeu.porteur,
        titre="Soumise",
        texte="Texte",
        statut=StatutJournal.SOUMIS,
    )
    # Fresh copies: the fixtures re-save the instructor's password (session hash).
    comptes = {role: type(u).objects.get(pk=u.pk) for role, u in comptes.items()}
    ref = c.reference
    publiques = [
        ("jeunesse:accepter", {"reference": ref}, {"accepte": "on"}),
        ("jeunesse:projet", {"reference": ref}, None),
        ("jeunesse:projet_vitrine", {"reference": ref}, {"vitrine_resume": ""}),
        ("jeunesse:journal_ecrire", {"reference": ref}, {"titre": "Nouveau", "texte": "T"}),
        (
            "jeunesse:journal_modifier",
            {"reference": ref, "pk": entree.pk},
            {"titre": "Modifié", "texte": "T"},
        ),
        ("jeunesse:rapport_deposer", {"reference": ref, "pk": rapport.pk}, {}),
        ("jeunesse:rapport_fichier", {"reference": ref, "pk": rapport.pk}, None),
        ("jeunesse:attestation", {"reference": ref}, None),
    ]
    admin = [
        ("jeunesse_laureats:index", {}, None),
        ("jeunesse_suivi", {"pk": c.pk}, {"action": "vitrine_publier"}),
        (
            "jeunesse_suivi_versement",
            {"pk": c.pk, "versement": versement.pk},
            {"jalon": "Changé", "montant": "1", "ordre": "0"},
        ),
        ("jeunesse_suivi_rapport", {"pk": c.pk, "rapport": rapport.pk}, None),
        ("jeunesse_journal_moderation", {}, {"id": soumise.pk, "action": "publier"}),
    ]
    return c, comptes, publiques, admin


def _etat(c):
    c.refresh_from_db()
    return (
        c.acceptation_confirmee_le,
        c.consentement_vitrine,
        c.vitrine_publiee,
        sorted(EntreeJournal.objects.values_list("titre", "statut")),
        sorted(Versement.objects.values_list("jalon", "montant")),
    )


def _attendu_public(role, nom):
    if role == "anonyme":
        return CONNEXION
    if role not in EQUIPE:
        return REFUS
    if role == "membre" and nom in ("jeunesse:accepter", "jeunesse:projet_vitrine"):
        return REFUS
    return OK


def _attendu_admin(role):
    if role == "instructeur":
        return OK
    if role == "staff_sans_droit":
        return "refus_admin"
    return CONNEXION


def _verifier(reponse, attendu, contexte):
    code = reponse.status_code
    lieu = reponse.get("Location", "")
    if attendu == OK:
        assert code in (200, 302) and "login" not in lieu, contexte
    elif attendu == CONNEXION:
        assert code == 302 and "login" in lieu, contexte
    elif attendu == REFUS:
        assert code == 404, contexte
    else:  # staff without the group: Wagtail's refusal (login or dashboard) or our 404
        assert code in (302, 403, 404), contexte
        if code == 302:
            assert "login" in lieu or lieu.rstrip("/").endswith("/admin"), contexte


@pytest.mark.parametrize("role", ROLES)
def test_matrix(client, monde, role):
    c, comptes, publiques, admin = monde
    if role != "anonyme":
        client.force_login(comptes[role])
    lignes = [(n, k, d, _attendu_public(role, n)) for n, k, d in publiques] + [
        (n, k, d, _attendu_admin(role)) for n, k, d in admin
    ]
    for nom, kwargs, donnees, attendu in lignes:
        url = reverse(nom, kwargs=kwargs)
        for methode in ("get", "post"):
            if methode == "post" and donnees is None:
                continue
            avant = _etat(c)
            with transaction.atomic():
                reponse = getattr(client, methode)(url, donnees or {})
                _verifier(reponse, attendu, (role, nom, methode, reponse.status_code))
                if attendu != OK:
                    assert _etat(c) == avant, (role, nom, methode)
                transaction.set_rollback(True)


def test_mentor_has_no_project_space(client, monde):
    """Mentors read the application (area B1), not the laureates' space: 404."""
    c, comptes, _, _ = monde
    client.force_login(comptes["mentor"])
    assert (
        client.get(reverse("jeunesse:projet", kwargs={"reference": c.reference})).status_code == 404
    )


def test_other_laureate_cannot_reach_this_project(client, fabrique_jeu, monde):
    c, comptes, _, _ = monde
    autre = fabrique_jeu.candidature(c.appel, comptes["autre"], statut=Statut.RETENU)
    Candidature.objects.filter(pk=autre.pk).update(acceptation_confirmee_le=timezone.now())
    rapport = RapportProjet.objects.get(candidature=c)
    entree = EntreeJournal.objects.filter(candidature=c).first()
    client.force_login(comptes["autre"])
    # Their own reference with this project's objects.
    for nom, kwargs in (
        ("jeunesse:rapport_deposer", {"pk": rapport.pk}),
        ("jeunesse:rapport_fichier", {"pk": rapport.pk}),
        ("jeunesse:journal_modifier", {"pk": entree.pk}),
    ):
        url = reverse(nom, kwargs={"reference": autre.reference, **kwargs})
        assert client.get(url).status_code == 404
    assert (
        client.get(reverse("jeunesse:projet", kwargs={"reference": autre.reference})).status_code
        == 200
    )


def test_admin_suivi_404_for_non_laureate(client, acteurs_jeu, monde):
    _, comptes, _, _ = monde
    client.force_login(comptes["instructeur"])
    url = reverse("jeunesse_suivi", kwargs={"pk": acteurs_jeu.brouillon.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "vitrine_publier"}).status_code == 404
