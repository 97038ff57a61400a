"""The calls in the Wagtail admin: the form with its inline panels, validation, the list."""

import datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from jeunesse.models import AppelAProjets
from jeunesse.models.choix import LienLot, Statut, TypeQuestion

PARIS = ZoneInfo("Europe/Paris")


def connecter(client, compte):
    compte.refresh_from_db()  # the session keeps the stored password hash
    client.force_login(compte)


def texte(reponse):
    return unescape(reponse.content.decode())


def ligne_de(html, titre):
    """The table row of the list that holds ``titre``."""
    lignes = [ligne for ligne in html.split("<tr") if titre in ligne]
    assert len(lignes) == 1, titre
    return lignes[0].split("</tr>")[0]


def formulaire(**changements):
    donnees = {
        "titre": "Initiatives jeunes 2027",
        "slug": "initiatives-jeunes-2027",
        "type_appel": "jeunesse",
        "chapo": "Un coup de pouce pour les projets des 15–30 ans.",
        "presentation": rich_text("<p>Le Département soutient vos projets.</p>"),
        "image": "",
        "age_min": "15",
        "age_max": "30",
        "types_projet": "Culture\nSport",
        "ouverture": "2027-01-05 09:00",
        "cloture": "2027-03-31 23:59",
        "enveloppe": "20000",
        "montant_max": "3000",
        "autorisation_parentale": "fichier",
        "taille_max_mo": "5",
        "conservation_mois": "36",
        "contact_email": "jeunesse@lot.fr",
        "publie": "on",
        "criteres": inline_formset(
            [
                {"libelle": "Utilité", "description": "", "poids": "3", "note_max": "10"},
                {"libelle": "Faisabilité", "description": "Budget", "poids": "2", "note_max": "5"},
            ]
        ),
        "questions": inline_formset(
            [
                {
                    "libelle": "Comment nous avez-vous connus ?",
                    "aide": "",
                    "type_question": TypeQuestion.CHOIX,
                    "choix": "Lycée\nRéseaux sociaux",
                    "obligatoire": "on",
                }
            ]
        ),
        "documents": inline_formset(
            [{"libelle": "Devis", "aide": "Moins de 3 mois", "obligatoire": "on"}]
        ),
    }
    liens = changements.pop("liens_acceptes", [LienLot.HABITE, LienLot.ETUDIE])
    donnees.update(changements)
    donnees = nested_form_data(donnees)
    donnees["liens_acceptes"] = liens  # several values of one field (not a nested list)
    return donnees


URL_AJOUT = "jeunesse_appels:add"


def test_creer_un_appel_avec_ses_criteres_questions_et_documents(client, acteurs_jeu):
    connecter(client, acteurs_jeu.instructeur)
    assert client.get(reverse(URL_AJOUT)).status_code == 200
    reponse = client.post(reverse(URL_AJOUT), formulaire())
    assert reponse.status_code == 302, texte(reponse)[-3000:]
    appel = AppelAProjets.objects.get(slug="initiatives-jeunes-2027")
    assert appel.publie
    assert appel.liens_acceptes == [LienLot.HABITE, LienLot.ETUDIE]
    assert appel.ouverture == datetime.datetime(2027, 1, 5, 9, 0, tzinfo=PARIS)
    assert appel.cloture == datetime.datetime(2027, 3, 31, 23, 59, tzinfo=PARIS)
    assert list(appel.criteres.values_list("libelle", "poids", "note_max")) == [
        ("Utilité", 3, 10),
        ("Faisabilité", 2, 5),
    ]
    question = appel.questions.get()
    assert question.choix_liste == ["Lycée", "Réseaux sociaux"]
    assert appel.documents.get().libelle == "Devis"


def test_le_formulaire_montre_l_aide_heure_de_paris(client, acteurs_jeu):
    connecter(client, acteurs_jeu.instructeur)
    html = texte(client.get(reverse(URL_AJOUT)))
    assert "Heure de Paris" in html
    assert "Critères d'évaluation" in html
    assert "criteres-TOTAL_FORMS" in html


@pytest.mark.parametrize(
    ("changements", "erreur"),
    [
        ({"cloture": "2027-01-01 09:00"}, "La clôture doit suivre l'ouverture."),
        ({"montant_max": "30000"}, "L'aide maximale ne peut dépasser l'enveloppe totale."),
        ({"age_min": "30", "age_max": "15"}, "L'âge maximum doit être supérieur ou égal"),
        ({"titre": ""}, None),
        ({"taille_max_mo": "50"}, None),
        ({"liens_acceptes": ["martien"]}, None),
    ],
)
def test_erreurs_de_validation_affichees(client, acteurs_jeu, changements, erreur):
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(reverse(URL_AJOUT), formulaire(**changements))
    assert reponse.status_code == 200
    html = texte(reponse)
    if erreur:
        assert erreur in html
    assert "error-message" in html
    assert "Initiatives jeunes 2027" in html or changements.get("titre") == ""  # input kept
    assert not AppelAProjets.objects.filter(slug="initiatives-jeunes-2027").exists()


def test_critere_invalide_dans_l_inline(client, acteurs_jeu):
    connecter(client, acteurs_jeu.instructeur)
    donnees = formulaire(
        criteres=inline_formset(
            [{"libelle": "", "description": "", "poids": "50", "note_max": "10"}]
        )
    )
    reponse = client.post(reverse(URL_AJOUT), donnees)
    assert reponse.status_code == 200
    assert not AppelAProjets.objects.filter(slug="initiatives-jeunes-2027").exists()


def test_modifier_un_appel(client, fabrique_jeu, acteurs_jeu):
    appel = acteurs_jeu.appel
    connecter(client, acteurs_jeu.instructeur)
    url = reverse("jeunesse_appels:edit", args=[appel.pk])
    assert client.get(url).status_code == 200
    donnees = formulaire(slug=appel.slug, titre="Titre changé", criteres=inline_formset([]))
    reponse = client.post(url, donnees)
    assert reponse.status_code == 302, texte(reponse)[-3000:]
    appel.refresh_from_db()
    assert appel.titre == "Titre changé"


def test_appel_avec_candidatures_non_supprimable(client, fabrique_jeu, acteurs_jeu):
    appel = acteurs_jeu.appel
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.post(reverse("jeunesse_appels:delete", args=[appel.pk]), follow=True)
    assert "ne peut pas être supprimé" in texte(reponse)
    assert AppelAProjets.objects.filter(pk=appel.pk).exists()


# --- The list -----------------------------------------------------------------------------------


def test_liste_etat_dates_et_nombre_de_candidatures(client, fabrique_jeu, acteurs_jeu):
    ouvert = acteurs_jeu.appel
    fabrique_jeu.candidature(ouvert, fabrique_jeu.compte(), statut=Statut.DEPOSE)
    fabrique_jeu.candidature(ouvert, fabrique_jeu.compte(), statut=Statut.EN_INSTRUCTION)
    a_venir = fabrique_jeu.appel(etat="a_venir", titre="Appel du printemps")
    clos = fabrique_jeu.appel(etat="clos", titre="Appel de l'hiver")
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.get(reverse("jeunesse_appels:index"))
    assert reponse.status_code == 200
    html = texte(reponse)
    for appel, etat in ((ouvert, "Ouvert"), (a_venir, "À venir"), (clos, "Clos")):
        ligne = ligne_de(html, appel.titre).replace("\n", "").replace(" ", "")
        assert "<td>" + etat.replace(" ", "") + "</td>" in ligne, etat
    # Drafts (two in acteurs_jeu) are not counted.
    assert "2 candidatures" in html
    assert "0 candidature<" in html
    lien = reverse("jeunesse_candidatures:index") + f"?appel={ouvert.pk}"
    assert f'href="{lien}"' in html
    # The link lists this call's applications only.
    autre = fabrique_jeu.candidature(clos, fabrique_jeu.compte(), statut=Statut.DEPOSE)
    connecter(client, acteurs_jeu.instructeur)
    html = texte(client.get(lien))
    assert autre.reference not in html
    assert ouvert.candidatures.filter(statut=Statut.DEPOSE).get().reference in html


def test_etat_des_appels_dans_la_liste(client, fabrique_jeu, acteurs_jeu):
    fabrique_jeu.appel(etat="a_venir", titre="Seulement celui-ci")
    connecter(client, acteurs_jeu.instructeur)
    reponse = client.get(reverse("jeunesse_appels:index"), {"q": "Seulement"})
    html = texte(reponse)
    assert acteurs_jeu.appel.titre not in html
    assert "0 candidature" in ligne_de(html, "Seulement celui-ci")


def _requetes(client, url):
    with CaptureQueriesContext(connection) as requetes:
        assert client.get(url).status_code == 200
    return len(requetes)


def test_budget_de_requetes_de_la_liste(client, fabrique_jeu, acteurs_jeu):
    url = reverse("jeunesse_appels:index")
    connecter(client, acteurs_jeu.instructeur)
    _requetes(client, url)
    peu = _requetes(client, url)
    for i in range(6):
        appel = fabrique_jeu.appel(titre=f"Appel {i}", criteres=False)
        fabrique_jeu.question(appel)
        fabrique_jeu.candidature(appel, fabrique_jeu.compte(), statut=Statut.DEPOSE)
    connecter(client, acteurs_jeu.instructeur)
    _requetes(client, url)
    beaucoup = _requetes(client, url)
    assert peu == beaucoup
    assert beaucoup <= 25


# --- Counts by state --------------------------------------------------------------------------


def test_tableau_de_bord_compte_par_etat(client, fabrique_jeu, acteurs_jeu):
    appel = acteurs_jeu.appel
    for statut in (Statut.DEPOSE, Statut.DEPOSE, Statut.EN_INSTRUCTION, Statut.SANS_SUITE):
        fabrique_jeu.candidature(appel, fabrique_jeu.compte(), statut=statut)
    connecter(client, acteurs_jeu.instructeur)
    url = reverse("jeunesse_appels:tableau", args=[appel.pk])
    with CaptureQueriesContext(connection) as requetes:
        reponse = client.get(url)
    assert reponse.status_code == 200
    comptages = [
        q["sql"]
        for q in requetes.captured_queries
        if "COUNT(" in q["sql"].upper() and "jeunesse_candidature" in q["sql"]
    ]
    assert len(comptages) == 1
    html = texte(reponse)
    assert '<th scope="row"><a href="' in html
    assert "Déposé</a></th><td>2</td>" in html
    assert "En instruction</a></th><td>1</td>" in html
    assert "Classé sans suite</a></th><td>1</td>" in html
    assert "Retenu</a></th><td>0</td>" in html
    assert "Total</th><td>4</td>" in html
    assert "Brouillon</a>" not in html


def test_tableau_de_bord_appel_inconnu(client, acteurs_jeu):
    connecter(client, acteurs_jeu.instructeur)
    assert client.get(reverse("jeunesse_appels:tableau", args=[999999])).status_code == 404
