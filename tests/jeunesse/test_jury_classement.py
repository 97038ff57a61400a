"""The weighted ranking: hand-computed scores and spread, sorting, envelope, exports, queries."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from test_jury_outils import Jeu, connecter, noter

from jeunesse.models import Affectation, AppelAProjets, Candidature, CritereEvaluation
from jeunesse.models.choix import Statut
from jeunesse.services import jury as service


@pytest.fixture
def jeu(fabrique_jeu):
    jeu = Jeu(fabrique_jeu)
    # Application 1: A = 8, 6, 4 → (3×0.8 + 2×0.6 + 1×0.4) / 6 × 20 = 13.333…; B = 10, 10, 10
    # → 20. Mean 16.67, spread 6.67, standard deviation 3.33. Criteria means 9, 8, 7.
    noter(jeu.affectation, [8, 6, 4])
    noter(jeu.affectation2, [10, 10, 10])
    # Application 2: A = 5, 5, 5 → 10; B = 2, 4, 6 → (0.6 + 0.8 + 0.6) / 6 × 20 = 6.667.
    # Mean 8.33, spread 3.33, standard deviation 1.67. B's unfinished scores don't count.
    noter(Affectation.objects.create(candidature=jeu.candidature_autre, jure=jeu.jure), [5, 5, 5])
    noter(Affectation.objects.create(candidature=jeu.candidature_autre, jure=jeu.jure2), [2, 4, 6])
    noter(
        Affectation.objects.create(candidature=jeu.candidature_autre, jure=jeu.jure_libre),
        [0, 0],
        terminer=False,
    )
    # Application 3: under review, nothing scored; a draft and a rejected-before-review
    # application are never ranked.
    jeu.sans_note = fabrique_jeu.candidature(
        jeu.appel, statut=Statut.EN_INSTRUCTION, instructeur=jeu.instructeur, titre="Zéro note"
    )
    fabrique_jeu.candidature(jeu.appel, titre="Un brouillon", instructeur=jeu.instructeur)
    fabrique_jeu.candidature(
        jeu.appel, statut=Statut.SANS_SUITE, instructeur=jeu.instructeur, titre="Sans suite"
    )
    return jeu


def test_notes_ponderees_calculees_a_la_main(jeu):
    resultat = service.classement(jeu.appel)
    assert [ligne.candidature.pk for ligne in resultat.lignes] == [
        jeu.candidature.pk,
        jeu.candidature_autre.pk,
        jeu.sans_note.pk,
    ]
    premiere, deuxieme, troisieme = resultat.lignes
    assert premiere.note == Decimal("16.67")
    assert premiere.ecart == Decimal("6.67")
    assert premiere.ecart_type == Decimal("3.33")
    assert premiere.notes_jures == {jeu.jure.pk: Decimal("13.33"), jeu.jure2.pk: Decimal("20.00")}
    assert premiere.moyennes_liste == [Decimal("9.00"), Decimal("8.00"), Decimal("7.00")]
    assert (premiere.terminees, premiere.affectees, premiere.conflits) == (2, 2, 1)
    assert premiere.rang == 1
    assert deuxieme.note == Decimal("8.33")
    assert deuxieme.ecart == Decimal("3.33")
    assert deuxieme.ecart_type == Decimal("1.67")
    assert (deuxieme.terminees, deuxieme.affectees, deuxieme.conflits) == (2, 3, 0)
    assert troisieme.note is None and troisieme.rang is None and troisieme.ecart is None
    assert (troisieme.terminees, troisieme.affectees) == (0, 0)


def test_note_maximale_differente_par_critere(fabrique_jeu):
    instructeur = fabrique_jeu.instructeur()
    appel = fabrique_jeu.appel(criteres=False)
    CritereEvaluation.objects.create(appel=appel, libelle="A", poids=2, note_max=5, sort_order=0)
    CritereEvaluation.objects.create(appel=appel, libelle="B", poids=1, note_max=20, sort_order=1)
    cand = fabrique_jeu.candidature(appel, statut=Statut.EN_INSTRUCTION, instructeur=instructeur)
    jure = fabrique_jeu.jure(appel)
    noter(Affectation.objects.create(candidature=cand, jure=jure), [5, 10])
    # (2 × 5/5 + 1 × 10/20) / 3 × 20 = 2.5 / 3 × 20 = 16.666…
    ligne = service.classement(appel).lignes[0]
    assert ligne.note == Decimal("16.67")
    assert ligne.ecart == Decimal("0.00") and ligne.ecart_type == Decimal("0.00")


def test_cumul_et_enveloppe(jeu):
    AppelAProjets.objects.filter(pk=jeu.appel.pk).update(enveloppe=Decimal("2500"))
    jeu.appel.refresh_from_db()
    resultat = service.classement(jeu.appel)
    assert [ligne.cumul_demande for ligne in resultat.lignes] == [
        Decimal("1500"),
        Decimal("3000"),
        Decimal("4500"),
    ]
    assert [ligne.depasse_enveloppe for ligne in resultat.lignes] == [False, True, True]
    assert resultat.total_accorde == 0 and resultat.reste == Decimal("2500")


def test_page_classement(client, jeu):
    connecter(client, jeu.instructeur)
    reponse = client.get(reverse("jeunesse_classement", args=[jeu.appel.pk]))
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert "<caption>" in contenu and 'scope="col"' in contenu and 'scope="row"' in contenu
    assert contenu.index(jeu.candidature.titre) < contenu.index(jeu.candidature_autre.titre)
    assert contenu.index(jeu.candidature_autre.titre) < contenu.index("Zéro note")
    assert "16,67" in contenu and "6,67" in contenu and "3,33" in contenu
    assert "Un brouillon" not in contenu and "Sans suite" not in contenu
    # The per-juror table: Paul Jury gave 13.33, Zoé Note 20.
    par_jure = contenu[contenu.index("Notes de chaque juré·e") :]
    assert "Paul Jury" in par_jure and "13,33" in par_jure and "20,00" in par_jure
    assert reverse("jeunesse_jury_decision", args=[jeu.appel.pk, jeu.candidature.pk]) in contenu


def test_export_csv(client, jeu):
    Candidature.objects.filter(pk=jeu.candidature.pk).update(titre='=HYPERLINK("x")')
    connecter(client, jeu.instructeur)
    reponse = client.get(reverse("jeunesse_classement", args=[jeu.appel.pk]), {"format": "csv"})
    assert reponse.status_code == 200
    assert reponse["Content-Type"].startswith("text/csv")
    assert reponse["Content-Disposition"].startswith("attachment")
    lignes = list(csv.reader(io.StringIO(reponse.content.decode("utf-8-sig")), delimiter=";"))
    entetes = lignes[0]
    assert entetes[:5] == ["Rang", "Référence", "Titre", "Statut", "Note pondérée /20"]
    assert "Note de Paul Jury /20" in entetes and "Note de Zoé Note /20" in entetes
    premiere = dict(zip(entetes, lignes[1], strict=True))
    assert premiere["Titre"] == '\'=HYPERLINK("x")'
    assert premiere["Note pondérée /20"] == "16,67"
    assert premiere["Écart entre jurés"] == "6,67"
    assert premiere["Écart type"] == "3,33"
    assert premiere["Note de Paul Jury /20"] == "13,33"
    assert premiere["Note de Zoé Note /20"] == "20,00"
    assert premiere["Conflits"] == "1"
    assert premiere["Moyenne « Utilité pour le territoire » /10"] == "9,00"
    assert len(lignes) == 4
    assert dict(zip(entetes, lignes[3], strict=True))["Note pondérée /20"] == ""


def test_export_xlsx(client, jeu):
    Candidature.objects.filter(pk=jeu.candidature_autre.pk).update(titre="@SUM(A1:A2)")
    connecter(client, jeu.instructeur)
    reponse = client.get(reverse("jeunesse_classement", args=[jeu.appel.pk]), {"format": "xlsx"})
    assert reponse.status_code == 200
    assert "spreadsheetml" in reponse["Content-Type"]
    feuille = load_workbook(io.BytesIO(reponse.content)).active
    lignes = [[cellule.value for cellule in ligne] for ligne in feuille.iter_rows()]
    entetes = lignes[0]
    premiere = dict(zip(entetes, lignes[1], strict=True))
    deuxieme = dict(zip(entetes, lignes[2], strict=True))
    assert premiere["Note pondérée /20"] == pytest.approx(16.67)
    assert premiere["Note de Paul Jury /20"] == pytest.approx(13.33)
    assert deuxieme["Titre"] == "'@SUM(A1:A2)"
    assert deuxieme["Note pondérée /20"] == pytest.approx(8.33)
    assert all(not (isinstance(v, str) and v[:1] in "=+-@") for ligne in lignes for v in ligne)


def _requetes(client, appel):
    with CaptureQueriesContext(connection) as requetes:
        assert client.get(reverse("jeunesse_classement", args=[appel.pk])).status_code == 200
    return len(requetes)


def _remplir(fabrique, appel, instructeur, jures, nombre):
    for _ in range(nombre):
        cand = fabrique.candidature(appel, statut=Statut.EN_INSTRUCTION, instructeur=instructeur)
        for jure in jures:
            noter(Affectation.objects.create(candidature=cand, jure=jure), [3, 4, 5])


def test_budget_de_requetes(client, fabrique_jeu):
    instructeur = fabrique_jeu.instructeur()
    appel = fabrique_jeu.appel()
    jures = [fabrique_jeu.jure(appel) for _ in range(2)]
    _remplir(fabrique_jeu, appel, instructeur, jures, 2)
    connecter(client, instructeur)
    client.get(reverse("jeunesse_classement", args=[appel.pk]))  # warm-up
    peu = _requetes(client, appel)
    jures.append(fabrique_jeu.jure(appel))
    _remplir(fabrique_jeu, appel, instructeur, jures, 8)
    beaucoup = _requetes(client, appel)
    assert len(service.classement(appel).lignes) == 10
    assert peu == beaucoup
    assert beaucoup <= 24  # the admin chrome (menu, pilotage item) included
    with CaptureQueriesContext(connection) as requetes:
        service.classement(appel)
    assert len(requetes) <= 7
