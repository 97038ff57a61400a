"""Who sees the public pages of the calls: everyone for a published call, only the
instructors for an unpublished one (a preview); every other visitor gets a 404."""

import pytest
from django.utils import timezone

from jeunesse.models import Affectation, MembreEquipe, Mentor
from jeunesse.models.choix import Statut, TypeMentor


@pytest.fixture(autouse=True)
def _sans_cache_de_pages(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def monde(fabrique_jeu, acteurs_jeu):
    """Every role around an application of the open call, plus an unpublished call."""
    a = acteurs_jeu
    depose = fabrique_jeu.candidature(a.appel, a.porteur, statut=Statut.DEPOSE)
    a.membre = fabrique_jeu.compte("membre@exemple.fr")
    MembreEquipe.objects.create(
        candidature=depose,
        utilisateur=a.membre,
        prenom="Noé",
        nom="Calmels",
        email=a.membre.email,
        accepte_le=timezone.now(),
    )
    a.mentor = fabrique_jeu.compte("mentor@exemple.fr")
    Mentor.objects.create(
        candidature=depose,
        utilisateur=a.mentor,
        email=a.mentor.email,
        nom="PIJ de Cahors",
        type_mentor=TypeMentor.PIJ,
        accepte_le=timezone.now(),
    )
    Affectation.objects.create(candidature=depose, jure=a.jure)
    a.jure_en_conflit = fabrique_jeu.jure(a.appel, fabrique_jeu.compte("conflit@exemple.fr"))
    Affectation.objects.create(candidature=depose, jure=a.jure_en_conflit, conflit=True)
    a.jure_sans_affectation = fabrique_jeu.jure(a.appel, fabrique_jeu.compte("libre@exemple.fr"))
    a.cache = fabrique_jeu.appel(slug="en-preparation", titre="Appel en préparation", publie=False)
    return a


ROLES = [
    "anonyme",
    "porteur",
    "autre",
    "membre",
    "mentor",
    "jure",
    "jure_en_conflit",
    "jure_sans_affectation",
    "instructeur",
    "staff_sans_droit",
]


def _connecter(client, monde, role):
    client.logout()
    if role != "anonyme":
        compte = getattr(monde, role)
        compte.refresh_from_db()  # the fixtures re-save the instructor's password
        client.force_login(compte)


@pytest.mark.parametrize("role", ROLES)
def test_matrix(client, monde, role):
    _connecter(client, monde, role)
    publie = monde.appel.slug
    pages_publiques = [
        "/jeunesse/",
        "/jeunesse/appels/",
        f"/jeunesse/appels/{publie}/",
        f"/jeunesse/appels/{publie}/eligibilite/",
    ]
    for chemin in pages_publiques:
        reponse = client.get(chemin)
        assert reponse.status_code == 200, chemin
        assert (role == "anonyme") != reponse.wsgi_request.user.is_authenticated
    # POST: only the eligibility check takes one; the other pages refuse the method.
    for chemin in pages_publiques[:3]:
        assert client.post(chemin).status_code == 405, chemin
    assert client.post(pages_publiques[3], {"lien_lot": "habite"}).status_code == 200
    # The unpublished call: a preview for instructors, a 404 for everybody else.
    attendu = 200 if role == "instructeur" else 404
    for chemin in (
        "/jeunesse/appels/en-preparation/",
        "/jeunesse/appels/en-preparation/eligibilite/",
    ):
        assert client.get(chemin).status_code == attendu, chemin
    assert client.post("/jeunesse/appels/en-preparation/eligibilite/").status_code == attendu
    # And it never shows in the lists.
    for chemin in ("/jeunesse/", "/jeunesse/appels/"):
        assert "Appel en préparation" not in client.get(chemin).content.decode()
