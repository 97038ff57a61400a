"""Permission matrix of the applicant pages: every role against every URL, GET and POST.

Refused is a 404 (or the login page for anonymous visitors); mentors read only; team members
edit but do not submit."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from jeunesse.models import Affectation, Candidature, MembreEquipe, Mentor, PieceJointe
from jeunesse.models.choix import LienLot, NaturePiece, Statut, TypeMentor

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"

ROLES = [
    "anonyme",
    "porteur",
    "autre",
    "membre",
    "membre_invite",
    "mentor",
    "mentor_invite",
    "jure_affecte",
    "jure_non_affecte",
    "jure_en_conflit",
    "instructeur",
    "staff_sans_droit",
]

# (name, method, object): « brouillon » is the leader's draft, « depose » a submitted one.
ACTIONS = [
    ("candidature", "get", "brouillon"),
    ("candidature", "get", "depose"),
    ("section", "get", "brouillon"),
    ("section", "post", "brouillon"),
    ("deposer", "get", "brouillon"),
    ("deposer", "post", "brouillon"),
    ("recepisse", "get", "depose"),
    ("piece", "get", "brouillon"),
    ("piece_supprimer", "post", "brouillon"),
]

# What each role may do; everything else is a 404 (login for anonymous).
PERMIS = {
    "porteur": set(ACTIONS),
    "membre": set(ACTIONS),
    "mentor": {
        ("candidature", "get", "brouillon"),
        ("candidature", "get", "depose"),
        ("recepisse", "get", "depose"),
        ("piece", "get", "brouillon"),
    },
}


def piece_creer(candidature):
    piece = PieceJointe(
        candidature=candidature,
        nature=NaturePiece.AUTRE,
        nom_original="annexe.pdf",
        type_mime="application/pdf",
        taille=len(PDF),
    )
    piece.fichier.save("annexe.pdf", ContentFile(PDF), save=False)
    piece.save()
    return piece


@pytest.fixture
def monde(fabrique_jeu):
    class Monde:
        pass

    m = Monde()
    appel = fabrique_jeu.appel()
    m.comptes = {role: fabrique_jeu.compte(f"{role}@exemple.fr") for role in ROLES[1:]}
    m.comptes["instructeur"] = fabrique_jeu.instructeur("instructeur-b1@lot.fr")
    m.comptes["staff_sans_droit"].is_staff = True
    m.comptes["staff_sans_droit"].save()
    porteur = m.comptes["porteur"]
    m.objets = {
        "brouillon": fabrique_jeu.candidature(appel, porteur),
        "depose": fabrique_jeu.candidature(
            appel, porteur, statut=Statut.DEPOSE, instructeur=m.comptes["instructeur"]
        ),
    }
    fabrique_jeu.candidature(appel, m.comptes["autre"])
    for candidature in m.objets.values():
        for role, accepte in (("membre", True), ("membre_invite", False)):
            MembreEquipe.objects.create(
                candidature=candidature,
                utilisateur=m.comptes[role],
                prenom="Équipier",
                nom=role,
                email=m.comptes[role].email,
                date_naissance=porteur.date_joined.date().replace(year=2002),
                lien_lot=LienLot.HABITE,
                accepte_le=timezone.now() if accepte else None,
            )
        for role, accepte in (("mentor", True), ("mentor_invite", False)):
            Mentor.objects.create(
                candidature=candidature,
                utilisateur=m.comptes[role],
                email=m.comptes[role].email,
                nom="Animatrice",
                type_mentor=TypeMentor.PIJ,
                accepte_le=timezone.now() if accepte else None,
            )
    for role in ("jure_affecte", "jure_non_affecte", "jure_en_conflit"):
        fabrique_jeu.jure(appel, m.comptes[role])
    Affectation.objects.create(candidature=m.objets["depose"], jure=m.comptes["jure_affecte"])
    Affectation.objects.create(
        candidature=m.objets["depose"], jure=m.comptes["jure_en_conflit"], conflit=True
    )
    m.piece = piece_creer(m.objets["brouillon"])
    return m


def url_de(nom, candidature, piece):
    ref = candidature.reference
    if nom == "section":
        return reverse(
            "jeunesse:candidature_section", kwargs={"reference": ref, "section": "projet"}
        )
    if nom in ("piece", "piece_supprimer"):
        return reverse(f"jeunesse:{nom}", kwargs={"reference": ref, "pk": piece.pk})
    return reverse(f"jeunesse:{nom}", kwargs={"reference": ref})


@pytest.mark.parametrize("role", ROLES)
def test_matrice_des_droits(client, monde, role):
    if role != "anonyme":
        client.force_login(monde.comptes[role])
    permis = PERMIS.get(role, set())
    for action in ACTIONS:
        nom, methode, objet = action
        candidature = monde.objets[objet]
        statut_avant = Candidature.objects.get(pk=candidature.pk).statut
        url = url_de(nom, candidature, monde.piece)
        reponse = getattr(client, methode)(url, {"titre": "Piraté"} if methode == "post" else {})
        if role == "anonyme":
            assert reponse.status_code == 302, action
            assert "next=" in reponse.url, action
        elif action in permis:
            assert reponse.status_code in (200, 302, 400), (role, action, reponse.status_code)
        else:
            assert reponse.status_code == 404, (role, action, reponse.status_code)
            # Nothing changed.
            candidature.refresh_from_db()
            assert candidature.titre != "Piraté"
            assert candidature.statut == statut_avant
            assert PieceJointe.objects.filter(pk=monde.piece.pk).exists()


def test_mentor_lit_sans_modifier(client, monde):
    client.force_login(monde.comptes["mentor"])
    brouillon = monde.objets["brouillon"]
    page = client.get(brouillon.get_absolute_url()).content.decode()
    assert "vous pouvez lire le dossier, pas le modifier" in page
    assert "/modifier/" not in page
    assert reverse("jeunesse:deposer", kwargs={"reference": brouillon.reference}) not in page


def test_membre_modifie_mais_ne_depose_pas(client, monde):
    client.force_login(monde.comptes["membre"])
    brouillon = monde.objets["brouillon"]
    reponse = client.post(
        url_de("section", brouillon, monde.piece),
        {"titre": "Titre de l'équipe", "resume": brouillon.resume},
    )
    assert reponse.status_code == 302
    brouillon.refresh_from_db()
    assert brouillon.titre == "Titre de l'équipe"
    reponse = client.post(url_de("deposer", brouillon, monde.piece))
    assert "Seul·e le porteur ou la porteuse du projet peut déposer" in reponse.content.decode()
    brouillon.refresh_from_db()
    assert brouillon.statut == Statut.BROUILLON
    # The member edits their own card in « moi », not the leader's.
    client.post(
        reverse(
            "jeunesse:candidature_section",
            kwargs={"reference": brouillon.reference, "section": "moi"},
        ),
        {
            "prenom": "Sam",
            "nom": "Membre",
            "date_naissance": "2001-02-03",
            "lien_lot": LienLot.ETUDIE,
        },
    )
    assert (
        MembreEquipe.objects.get(candidature=brouillon, utilisateur=monde.comptes["membre"]).prenom
        == "Sam"
    )
    assert MembreEquipe.objects.get(candidature=brouillon, est_porteur=True).prenom != "Sam"


def test_mes_candidatures_personnelles(client, monde):
    url = reverse("jeunesse:mes_candidatures")
    assert client.get(url).status_code == 302
    client.force_login(monde.comptes["membre_invite"])
    page = client.get(url).content.decode()
    assert monde.objets["brouillon"].reference not in page
    client.force_login(monde.comptes["membre"])
    reponse = client.get(url)
    assert monde.objets["brouillon"].reference in reponse.content.decode()
    assert "no-store" in reponse["Cache-Control"]
