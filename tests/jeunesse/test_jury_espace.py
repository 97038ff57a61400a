"""The juror's space on the public site: list, reading, scoring (partial, final), errors."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from test_jury_outils import Jeu, connecter, noter

from jeunesse.models import Affectation, Note
from jeunesse.models.choix import Statut
from jeunesse.services.etats import INSTRUCTION, transition_appliquer


@pytest.fixture
def jeu(fabrique_jeu):
    return Jeu(fabrique_jeu)


def url_eval(affectation):
    return reverse("jeunesse:jury_evaluation", args=[affectation.pk])


def donnees(jeu, notes, action="enregistrer", **extra):
    valeurs = {"action": action, "commentaire": extra.pop("commentaire", "")}
    for critere, note in zip(jeu.criteres, notes, strict=True):
        valeurs[f"note_{critere.pk}"] = note
        valeurs[f"commentaire_{critere.pk}"] = extra.get(f"c{critere.sort_order}", "")
    return valeurs


def test_liste_regroupe_par_appel_avec_progression(client, jeu, fabrique_jeu):
    # A second application of the same call, already scored, and a draft (never listed).
    finie = Affectation.objects.create(candidature=jeu.candidature_autre, jure=jeu.jure)
    noter(finie, [5, 5, 5])
    brouillon = fabrique_jeu.candidature(jeu.appel, fabrique_jeu.compte(), titre="Brouillon X")
    Affectation.objects.create(candidature=brouillon, jure=jeu.jure)
    connecter(client, jeu.jure)
    reponse = client.get(reverse("jeunesse:jury"))
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert jeu.appel.titre in contenu
    assert jeu.candidature.titre in contenu
    assert jeu.candidature_autre.titre in contenu
    assert "Brouillon X" not in contenu
    assert "Évaluations terminées : 1 sur 2" in contenu
    assert "Vous avez terminé 1 évaluation sur 2 dossiers" in contenu
    assert url_eval(jeu.affectation) in contenu
    assert jeu.appel_ailleurs.titre not in contenu
    assert "private" in reponse["Cache-Control"]


def test_liste_vide(client, jeu):
    connecter(client, jeu.jure_libre)
    reponse = client.get(reverse("jeunesse:jury"))
    assert reponse.status_code == 200
    assert "Aucun dossier ne vous est confié" in reponse.content.decode()
    assert jeu.candidature.titre not in reponse.content.decode()


def _requetes_liste(client, jure):
    connecter(client, jure)
    client.get(reverse("jeunesse:jury"))  # warm-up: session, caches
    with CaptureQueriesContext(connection) as requetes:
        assert client.get(reverse("jeunesse:jury")).status_code == 200
    return len(requetes)


def test_liste_budget_de_requetes(client, fabrique_jeu):
    instructeur = fabrique_jeu.instructeur()
    jure = fabrique_jeu.compte("jure.budget@exemple.fr")
    appel = fabrique_jeu.appel()
    fabrique_jeu.jure(appel, jure)
    cand = fabrique_jeu.candidature(appel, statut=Statut.EN_INSTRUCTION, instructeur=instructeur)
    Affectation.objects.create(candidature=cand, jure=jure)
    peu = _requetes_liste(client, jure)
    for _ in range(2):
        autre_appel = fabrique_jeu.appel()
        fabrique_jeu.jure(autre_appel, jure)
        for i in range(4):
            c = fabrique_jeu.candidature(
                autre_appel, statut=Statut.EN_INSTRUCTION, instructeur=instructeur
            )
            a = Affectation.objects.create(candidature=c, jure=jure, conflit=(i == 0))
            if i == 1:
                noter(a, [1, 2, 3])
    beaucoup = _requetes_liste(client, jure)
    assert peu == beaucoup
    assert beaucoup <= 12


def test_lecture_du_dossier_sans_coordonnees(client, jeu):
    connecter(client, jeu.jure)
    reponse = client.get(url_eval(jeu.affectation))
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert jeu.candidature.resume in contenu
    assert "Léa, 22 ans à la clôture" in contenu or "Léa, " in contenu
    assert "Noé" in contenu
    assert "Lacroix" not in contenu  # first names only
    assert "Delmas" not in contenu
    assert jeu.porteur.email not in contenu
    assert jeu.equipier.email not in contenu
    # Budget: lines and totals.
    assert "Sonorisation" in contenu and "Billetterie" in contenu
    assert "Total des dépenses" in contenu
    assert re.search(r"Total des dépenses</th><td[^>]*>2\D?500,00", contenu)
    # Documents: the project document, never the parental authorisation.
    lien = reverse("jeunesse:jury_piece", args=[jeu.affectation.pk, jeu.document.pk])
    assert lien in contenu
    assert "autorisation-parentale.pdf" not in contenu


def test_age_calcule_a_la_cloture(client, jeu):
    from jeunesse.services.eligibilite import age_a

    age = age_a(
        jeu.candidature.membres.get(est_porteur=True).date_naissance,
        jeu.appel.date_cloture_locale,
    )
    connecter(client, jeu.jure)
    assert f"{age} ans à la clôture" in client.get(url_eval(jeu.affectation)).content.decode()


def test_piece_telechargeable_par_le_jure(client, jeu):
    connecter(client, jeu.jure)
    reponse = client.get(reverse("jeunesse:jury_piece", args=[jeu.affectation.pk, jeu.document.pk]))
    assert reponse.status_code == 200
    assert reponse["Content-Disposition"].startswith("attachment")
    assert reponse["X-Content-Type-Options"] == "nosniff"
    assert b"".join(reponse.streaming_content).startswith(b"%PDF")


def test_autorisation_parentale_et_piece_d_un_autre_dossier_404(client, jeu):
    from test_jury_outils import piece

    connecter(client, jeu.jure)
    url = reverse("jeunesse:jury_piece", args=[jeu.affectation.pk, jeu.autorisation.pk])
    assert client.get(url).status_code == 404
    autre = piece(jeu.candidature_autre)
    url = reverse("jeunesse:jury_piece", args=[jeu.affectation.pk, autre.pk])
    assert client.get(url).status_code == 404


def test_enregistrement_partiel(client, jeu):
    connecter(client, jeu.jure)
    reponse = client.post(
        url_eval(jeu.affectation),
        donnees(jeu, ["7", "", ""], c0="Très utile", commentaire="Bon dossier"),
    )
    assert reponse.status_code == 302
    jeu.affectation.refresh_from_db()
    assert jeu.affectation.terminee_le is None
    assert jeu.affectation.commentaire == "Bon dossier"
    notes = list(Note.objects.filter(affectation=jeu.affectation))
    assert [(n.critere_id, n.valeur, n.commentaire) for n in notes] == [
        (jeu.criteres[0].pk, 7, "Très utile")
    ]
    page = client.get(url_eval(jeu.affectation)).content.decode()
    assert "1 critère noté sur 3" in page
    assert 'value="7"' in page


def test_terminer_exige_toutes_les_notes_et_garde_la_saisie(client, jeu):
    connecter(client, jeu.jure)
    reponse = client.post(
        url_eval(jeu.affectation),
        donnees(jeu, ["8", "", "3"], action="terminer", c2="Peu de jeunes", commentaire="Avis"),
    )
    assert reponse.status_code == 400
    contenu = reponse.content.decode()
    assert "Donnez une note à ce critère pour terminer votre évaluation." in contenu
    assert 'value="8"' in contenu and 'value="3"' in contenu
    assert "Peu de jeunes" in contenu and "Avis" in contenu
    assert f'id="id_note_{jeu.criteres[1].pk}_erreur"' in contenu
    assert 'aria-invalid="true"' in contenu
    assert not Note.objects.filter(affectation=jeu.affectation).exists()
    jeu.affectation.refresh_from_db()
    assert jeu.affectation.terminee_le is None


def test_terminer(client, jeu):
    connecter(client, jeu.jure)
    reponse = client.post(url_eval(jeu.affectation), donnees(jeu, ["8", "6", "4"], "terminer"))
    assert reponse.status_code == 302
    jeu.affectation.refresh_from_db()
    assert jeu.affectation.terminee_le is not None
    assert sorted(jeu.affectation.notes.values_list("valeur", flat=True)) == [4, 6, 8]
    suivante = client.get(reverse("jeunesse:jury")).content.decode()
    assert "Évaluation terminée" in suivante


@pytest.mark.parametrize(
    "notes,message",
    [
        (["11", "5", "5"], "La note ne peut pas dépasser 10."),
        (["-1", "5", "5"], "La note ne peut pas être négative."),
        (["7,5", "5", "5"], "Saisissez un nombre entier de 0 à 10."),
        (["abc", "5", "5"], "Saisissez un nombre entier de 0 à 10."),
    ],
)
def test_notes_invalides(client, jeu, notes, message):
    connecter(client, jeu.jure)
    reponse = client.post(url_eval(jeu.affectation), donnees(jeu, notes, c1="Gardé"))
    assert reponse.status_code == 400
    contenu = reponse.content.decode()
    assert message in contenu
    assert "Gardé" in contenu
    assert not Note.objects.filter(affectation=jeu.affectation).exists()


def test_commentaire_sans_note_refuse(client, jeu):
    connecter(client, jeu.jure)
    reponse = client.post(url_eval(jeu.affectation), donnees(jeu, ["", "", ""], c0="Sans note"))
    assert reponse.status_code == 400
    assert "Donnez une note pour enregistrer votre commentaire." in reponse.content.decode()


def test_commentaire_trop_long(client, jeu):
    connecter(client, jeu.jure)
    reponse = client.post(
        url_eval(jeu.affectation), donnees(jeu, ["1", "1", "1"], commentaire="x" * 4001)
    )
    assert reponse.status_code == 400
    assert "avis général ne doit pas dépasser 4000 caractères." in reponse.content.decode()


def test_lecture_seule_apres_decision(client, jeu):
    noter(jeu.affectation, [8, 6, 4], commentaire="Mon avis")
    transition_appliquer(
        jeu.candidature,
        Statut.NON_RETENU,
        auteur=jeu.instructeur,
        role=INSTRUCTION,
        commentaire="Budget fragile",
    )
    connecter(client, jeu.jure)
    page = client.get(url_eval(jeu.affectation))
    assert page.status_code == 200
    contenu = page.content.decode()
    assert "lecture seule" in contenu
    assert "Terminer mon évaluation" not in contenu
    assert "8 / 10" in contenu and "Mon avis" in contenu
    reponse = client.post(url_eval(jeu.affectation), donnees(jeu, ["1", "1", "1"], "terminer"))
    assert reponse.status_code == 200
    assert "ne peut plus être modifiée" in reponse.content.decode()
    assert sorted(jeu.affectation.notes.values_list("valeur", flat=True)) == [4, 6, 8]


def test_modifier_une_evaluation_terminee_la_rouvre_si_incomplete(client, jeu):
    noter(jeu.affectation, [8, 6, 4])
    connecter(client, jeu.jure)
    client.post(url_eval(jeu.affectation), donnees(jeu, ["9", "6", "4"]))
    jeu.affectation.refresh_from_db()
    assert jeu.affectation.terminee_le is not None
    assert jeu.affectation.notes.get(critere=jeu.criteres[0]).valeur == 9
    client.post(url_eval(jeu.affectation), donnees(jeu, ["9", "", "4"]))
    jeu.affectation.refresh_from_db()
    assert jeu.affectation.terminee_le is None
    assert jeu.affectation.notes.count() == 2
