"""Declaring a conflict of interest hides the application from the juror for good."""

import pytest
from django.urls import reverse
from test_jury_outils import Jeu, connecter, noter

from jeunesse.models import Affectation, Note
from jeunesse.services import jury as service


@pytest.fixture
def jeu(fabrique_jeu):
    return Jeu(fabrique_jeu)


def urls_du_jure(affectation, piece):
    return [
        reverse("jeunesse:jury_evaluation", args=[affectation.pk]),
        reverse("jeunesse:jury_conflit", args=[affectation.pk]),
        reverse("jeunesse:jury_piece", args=[affectation.pk, piece.pk]),
    ]


def test_declarer_un_conflit_masque_le_dossier(client, jeu):
    noter(jeu.affectation, [8, 6, 4], commentaire="Avis")
    connecter(client, jeu.jure)
    page = client.get(reverse("jeunesse:jury_conflit", args=[jeu.affectation.pk]))
    assert page.status_code == 200
    assert "définitif" in page.content.decode()
    reponse = client.post(
        reverse("jeunesse:jury_conflit", args=[jeu.affectation.pk]),
        {"nature": "Ma cousine est dans l'équipe", "confirmation": "on"},
    )
    assert reponse.status_code == 302
    assert reponse["Location"] == reverse("jeunesse:jury")
    jeu.affectation.refresh_from_db()
    assert jeu.affectation.conflit is True
    assert jeu.affectation.conflit_motif == "Ma cousine est dans l'équipe"
    assert jeu.affectation.conflit_declare_le is not None
    assert jeu.affectation.terminee_le is None
    assert jeu.affectation.commentaire == ""
    assert not Note.objects.filter(affectation=jeu.affectation).exists()
    # The list shows the title apart, without a link.
    liste = client.get(reverse("jeunesse:jury")).content.decode()
    assert "Conflit déclaré — dossier masqué" in liste
    assert jeu.candidature.titre in liste
    assert reverse("jeunesse:jury_evaluation", args=[jeu.affectation.pk]) not in liste
    # Every juror URL on it is a 404, GET and POST.
    for url in urls_du_jure(jeu.affectation, jeu.document):
        assert client.get(url).status_code == 404
        assert client.post(url, {"action": "enregistrer"}).status_code == 404


def test_conflit_deja_declare_404(client, jeu):
    connecter(client, jeu.jure_conflit)
    for url in urls_du_jure(jeu.affectation_conflit, jeu.document):
        assert client.get(url).status_code == 404
        assert client.post(url, {"nature": "x", "confirmation": "on"}).status_code == 404
    jeu.affectation_conflit.refresh_from_db()
    assert jeu.affectation_conflit.conflit_motif == "Je connais la porteuse"


@pytest.mark.parametrize(
    "donnees,message",
    [
        ({"nature": "", "confirmation": "on"}, "Précisez la nature du conflit"),
        ({"nature": "   ", "confirmation": "on"}, "Précisez la nature du conflit"),
        ({"nature": "Mon voisin"}, "Cochez la case pour confirmer la déclaration."),
        ({"nature": "x" * 301, "confirmation": "on"}, "ne doit pas dépasser 300 caractères"),
    ],
)
def test_conflit_saisie_invalide(client, jeu, donnees, message):
    noter(jeu.affectation, [8, 6, 4])
    connecter(client, jeu.jure)
    reponse = client.post(reverse("jeunesse:jury_conflit", args=[jeu.affectation.pk]), donnees)
    assert reponse.status_code == 400
    contenu = reponse.content.decode()
    assert message in contenu
    if donnees["nature"].strip() and len(donnees["nature"]) < 300:
        assert donnees["nature"] in contenu
    jeu.affectation.refresh_from_db()
    assert jeu.affectation.conflit is False
    assert jeu.affectation.notes.count() == 3


def test_conflit_exclu_du_classement(jeu):
    noter(jeu.affectation, [10, 10, 10])
    noter(jeu.affectation2, [0, 0, 0])
    ligne = next(
        ligne
        for ligne in service.classement(jeu.appel).lignes
        if ligne.candidature.pk == jeu.candidature.pk
    )
    assert ligne.note == 10
    assert (ligne.terminees, ligne.affectees, ligne.conflits) == (2, 2, 1)
    service.conflit_declarer(jeu.affectation2, nature="Ancien employeur")
    ligne = next(
        ligne
        for ligne in service.classement(jeu.appel).lignes
        if ligne.candidature.pk == jeu.candidature.pk
    )
    assert ligne.note == 20
    assert (ligne.terminees, ligne.affectees, ligne.conflits) == (1, 1, 2)
    assert jeu.jure2.pk not in ligne.notes_jures


def test_conflit_irreversible_par_le_service(jeu):
    service.conflit_declarer(jeu.affectation, nature="Voisin")
    service.conflit_declarer(jeu.affectation, nature="Autre motif")
    jeu.affectation.refresh_from_db()
    assert jeu.affectation.conflit_motif == "Voisin"
    # Re-assigning does not lift the conflict (the row exists).
    service.affecter(jeu.candidature, jeu.jure)
    assert Affectation.objects.get(pk=jeu.affectation.pk).conflit is True
    with pytest.raises(Exception, match="reste enregistré"):
        service.affectation_retirer(Affectation.objects.get(pk=jeu.affectation.pk))


def test_conflit_visible_par_l_instruction(client, jeu):
    connecter(client, jeu.instructeur)
    page = client.get(reverse("jeunesse_jury", args=[jeu.appel.pk])).content.decode()
    assert "conflit déclaré le" in page
    assert "Je connais la porteuse" in page
