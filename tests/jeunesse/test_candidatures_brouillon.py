"""Writing a draft: creating/resuming it, saving sections with partial data, autosave."""

import datetime
import html
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from fabriques import CommuneFactory

from jeunesse.models import (
    Candidature,
    DemandeComplement,
    LigneBudget,
    MembreEquipe,
    PointComplement,
    ReponseQuestion,
)
from jeunesse.models.choix import LienLot, MotifComplement, NatureBudget, Statut, TypeQuestion


def texte(reponse) -> str:
    return html.unescape(reponse.content.decode())


def url_section(candidature, section):
    return reverse(
        "jeunesse:candidature_section",
        kwargs={"reference": candidature.reference, "section": section},
    )


def donnees_projet(**valeurs):
    donnees = {
        "titre": "Festival des possibles",
        "type_projet": "",
        "commune": "",
        "resume": "",
        "objectifs": "",
        "calendrier": "",
    }
    donnees.update(valeurs)
    return donnees


def donnees_budget(lignes, montant_demande="", existantes=0):
    donnees = {
        "lignes-TOTAL_FORMS": str(len(lignes)),
        "lignes-INITIAL_FORMS": str(existantes),
        "lignes-MIN_NUM_FORMS": "0",
        "lignes-MAX_NUM_FORMS": "1000",
        "montant_demande": montant_demande,
    }
    for i, ligne in enumerate(lignes):
        for cle, valeur in ligne.items():
            donnees[f"lignes-{i}-{cle}"] = valeur
    return donnees


# --- Creating and resuming ------------------------------------------------------------------


def test_candidater_cree_un_brouillon_et_ouvre_la_premiere_section(client, fabrique_jeu):
    appel = fabrique_jeu.appel()
    compte = fabrique_jeu.compte(first_name="Inès", last_name="Vialard")
    client.force_login(compte)

    reponse = client.post(reverse("jeunesse:candidater", kwargs={"slug": appel.slug}))

    candidature = Candidature.objects.get(appel=appel, porteur=compte)
    assert reponse.status_code == 302
    assert reponse.url == url_section(candidature, "projet")
    assert candidature.statut == Statut.BROUILLON
    assert candidature.titre == "Mon projet"
    porteur = MembreEquipe.objects.get(candidature=candidature)
    assert (porteur.est_porteur, porteur.prenom, porteur.nom, porteur.email) == (
        True,
        "Inès",
        "Vialard",
        compte.email,
    )
    assert porteur.accepte_le is not None
    assert porteur.utilisateur == compte


def test_candidater_deux_fois_reprend_le_meme_dossier(client, fabrique_jeu):
    appel = fabrique_jeu.appel()
    compte = fabrique_jeu.compte()
    client.force_login(compte)
    url = reverse("jeunesse:candidater", kwargs={"slug": appel.slug})
    client.post(url)
    reponse = client.post(url)
    candidature = Candidature.objects.get(appel=appel, porteur=compte)
    assert Candidature.objects.filter(appel=appel).count() == 1
    assert reponse.url == candidature.get_absolute_url()


def test_un_membre_d_equipe_qui_candidate_retrouve_le_dossier_de_l_equipe(client, acteurs_jeu):
    membre = MembreEquipe.objects.create(
        candidature=acteurs_jeu.brouillon,
        utilisateur=acteurs_jeu.autre,
        prenom="Hugo",
        nom="Bouscarel",
        email="hugo@exemple.fr",
        accepte_le=datetime.datetime.now(datetime.UTC),
    )
    Candidature.objects.filter(pk=acteurs_jeu.brouillon_autre.pk).delete()
    client.force_login(membre.utilisateur)
    reponse = client.post(reverse("jeunesse:candidater", kwargs={"slug": acteurs_jeu.appel.slug}))
    assert reponse.url == acteurs_jeu.brouillon.get_absolute_url()
    assert not Candidature.objects.filter(porteur=acteurs_jeu.autre).exists()


@pytest.mark.parametrize("etat", ["clos", "a_venir"])
def test_candidater_a_un_appel_ferme_est_refuse(client, fabrique_jeu, etat):
    appel = fabrique_jeu.appel(etat=etat)
    client.force_login(fabrique_jeu.compte())
    reponse = client.post(reverse("jeunesse:candidater", kwargs={"slug": appel.slug}), follow=True)
    assert not Candidature.objects.filter(appel=appel).exists()
    assert "n'est pas ouvert aux candidatures" in texte(reponse)


def test_candidater_demande_un_post_et_un_compte(client, fabrique_jeu):
    appel = fabrique_jeu.appel()
    url = reverse("jeunesse:candidater", kwargs={"slug": appel.slug})
    assert client.post(url).status_code == 302
    assert "/connexion" in client.post(url).url or "login" in client.post(url).url
    client.force_login(fabrique_jeu.compte())
    assert client.get(url).status_code == 405
    assert not Candidature.objects.exists()


def test_candidater_a_un_appel_non_publie_404(client, fabrique_jeu):
    appel = fabrique_jeu.appel(publie=False)
    client.force_login(fabrique_jeu.compte())
    reponse = client.post(reverse("jeunesse:candidater", kwargs={"slug": appel.slug}))
    assert reponse.status_code == 404


def test_compte_non_verifie_renvoye_vers_la_confirmation(client, fabrique_jeu):
    appel = fabrique_jeu.appel()
    client.force_login(fabrique_jeu.compte(email_verifie=False))
    reponse = client.post(reverse("jeunesse:candidater", kwargs={"slug": appel.slug}))
    assert reponse.status_code == 302
    assert reponse.url == reverse("account_email")
    assert not Candidature.objects.exists()


# --- Sections -------------------------------------------------------------------------------


@pytest.fixture
def brouillon_vide(client, fabrique_jeu):
    appel = fabrique_jeu.appel()
    compte = fabrique_jeu.compte()
    client.force_login(compte)
    client.post(reverse("jeunesse:candidater", kwargs={"slug": appel.slug}))
    return Candidature.objects.get(porteur=compte)


def test_section_projet_enregistre_un_brouillon_partiel(client, brouillon_vide):
    url = url_section(brouillon_vide, "projet")
    reponse = client.post(url, donnees_projet(resume="Un festival à Figeac."), follow=True)
    brouillon_vide.refresh_from_db()
    assert brouillon_vide.titre == "Festival des possibles"
    assert brouillon_vide.resume == "Un festival à Figeac."
    assert brouillon_vide.objectifs == ""
    assert reponse.redirect_chain[-1][0] == url
    assert "Brouillon enregistré à" in texte(reponse)


def test_enregistrer_et_continuer_va_a_la_section_suivante(client, brouillon_vide):
    reponse = client.post(
        url_section(brouillon_vide, "projet"), {**donnees_projet(), "continuer": ""}
    )
    assert reponse.url == url_section(brouillon_vide, "moi")


def test_commune_par_nom_ou_par_code(client, brouillon_vide):
    figeac = CommuneFactory(insee="46102", nom="Figeac")
    url = url_section(brouillon_vide, "projet")
    client.post(url, donnees_projet(commune="figeac"))
    brouillon_vide.refresh_from_db()
    assert brouillon_vide.commune == figeac
    cahors = CommuneFactory(insee="46042", nom="Cahors")
    client.post(url, donnees_projet(commune="Cahors (46042)"))
    brouillon_vide.refresh_from_db()
    assert brouillon_vide.commune == cahors
    reponse = client.get(url)
    assert 'value="Cahors (46042)"' in texte(reponse)
    assert '<option value="Figeac (46102)">' in texte(reponse)


def test_commune_inconnue_erreur_a_cote_du_champ_saisie_gardee(client, brouillon_vide):
    reponse = client.post(
        url_section(brouillon_vide, "projet"),
        donnees_projet(commune="Toulouse", resume="Mon résumé gardé"),
    )
    contenu = texte(reponse)
    assert reponse.status_code == 200
    assert "« Toulouse » n'est pas une commune du Lot" in contenu
    assert 'id="id_commune_erreur"' in contenu
    assert 'value="Toulouse"' in contenu
    # The well-typed fields are kept.
    brouillon_vide.refresh_from_db()
    assert brouillon_vide.resume == "Mon résumé gardé"
    assert brouillon_vide.commune is None


def test_titre_vide_ou_trop_long_refuse(client, brouillon_vide):
    url = url_section(brouillon_vide, "projet")
    reponse = client.post(url, donnees_projet(titre=""))
    assert "Donnez un titre à votre projet." in texte(reponse)
    reponse = client.post(url, donnees_projet(titre="x" * 151))
    assert "150 caractères" in texte(reponse)
    brouillon_vide.refresh_from_db()
    assert brouillon_vide.titre == "Mon projet"


def test_type_de_projet_choisi_dans_la_liste_de_l_appel(client, fabrique_jeu):
    appel = fabrique_jeu.appel(types_projet="Culture\nSport")
    candidature = fabrique_jeu.candidature(appel)
    client.force_login(candidature.porteur)
    url = url_section(candidature, "projet")
    assert "<select" in texte(client.get(url))
    reponse = client.post(url, donnees_projet(type_projet="Cuisine"))
    assert "Choisissez un type de projet de la liste." in texte(reponse)
    client.post(url, donnees_projet(type_projet="Sport"))
    candidature.refresh_from_db()
    assert candidature.type_projet == "Sport"


def test_section_moi_enregistre_la_fiche_du_porteur(client, brouillon_vide):
    reponse = client.post(
        url_section(brouillon_vide, "moi"),
        {
            "prenom": "Inès",
            "nom": "Vialard",
            "role": "Coordinatrice",
            "date_naissance": "2005-03-14",
            "lien_lot": LienLot.ETUDIE,
        },
    )
    assert reponse.status_code == 302
    membre = MembreEquipe.objects.get(candidature=brouillon_vide, est_porteur=True)
    assert membre.date_naissance == datetime.date(2005, 3, 14)
    assert membre.lien_lot == LienLot.ETUDIE


@pytest.mark.parametrize(
    ("date_naissance", "message"),
    [
        ("31/02/2005", "Indiquez une date valide"),
        ("pas une date", "Indiquez une date valide"),
        ("2099-01-01", "pas plausible"),
    ],
)
def test_section_moi_date_invalide(client, brouillon_vide, date_naissance, message):
    reponse = client.post(
        url_section(brouillon_vide, "moi"),
        {"prenom": "Inès", "nom": "Vialard", "date_naissance": date_naissance, "lien_lot": ""},
    )
    assert reponse.status_code == 200
    assert message in texte(reponse)
    assert f'value="{date_naissance}"' in texte(reponse)
    membre = MembreEquipe.objects.get(candidature=brouillon_vide, est_porteur=True)
    assert membre.date_naissance is None
    assert membre.prenom == "Inès"  # the valid fields are saved


def test_budget_ajout_de_lignes_et_totaux(client, brouillon_vide):
    url = url_section(brouillon_vide, "budget")
    assert 'name="lignes-0-libelle"' in texte(client.get(url))  # one empty row
    reponse = client.post(
        url,
        {
            **donnees_budget(
                [
                    {"nature": NatureBudget.DEPENSE, "libelle": "Sono", "montant": "1200,50"},
                    {"nature": NatureBudget.RESSOURCE, "libelle": "Buvette", "montant": "200"},
                ],
                montant_demande="1000,50",
            ),
            "ajouter_ligne": "",
        },
    )
    assert reponse.status_code == 302
    assert reponse.url.endswith("?ajout=1#lignes-budget")
    lignes = LigneBudget.objects.filter(candidature=brouillon_vide)
    assert sorted(lg.montant for lg in lignes) == [Decimal("200"), Decimal("1200.50")]
    brouillon_vide.refresh_from_db()
    assert brouillon_vide.montant_demande == Decimal("1000.50")
    page = texte(client.get(reponse.url))
    assert 'name="lignes-2-libelle"' in page  # the added empty row
    assert "Votre budget est équilibré." in page


def test_budget_supprimer_une_ligne(client, fabrique_jeu):
    candidature = fabrique_jeu.candidature()
    client.force_login(candidature.porteur)
    depense, ressource = LigneBudget.objects.filter(candidature=candidature).order_by("nature")
    donnees = donnees_budget(
        [
            {"id": depense.pk, "nature": "depense", "libelle": "Sono", "montant": "2500"},
            {
                "id": ressource.pk,
                "nature": "ressource",
                "libelle": "B",
                "montant": "1000",
                "DELETE": "on",
            },
        ],
        montant_demande="1500",
        existantes=2,
    )
    client.post(url_section(candidature, "budget"), donnees)
    assert list(LigneBudget.objects.filter(candidature=candidature)) == [depense]


@pytest.mark.parametrize(
    ("montant", "message"),
    [
        ("-5", "ne peut pas être négatif"),
        ("12,345", "au plus deux décimales"),
        ("douze", "Indiquez un montant positif"),
        ("", "Indiquez le montant de la ligne."),
    ],
)
def test_budget_montant_invalide(client, brouillon_vide, montant, message):
    reponse = client.post(
        url_section(brouillon_vide, "budget"),
        donnees_budget(
            [{"nature": NatureBudget.DEPENSE, "libelle": "Sono", "montant": montant}],
            montant_demande="300",
        ),
    )
    assert reponse.status_code == 200
    assert message in texte(reponse)
    assert not LigneBudget.objects.filter(candidature=brouillon_vide).exists()
    brouillon_vide.refresh_from_db()
    assert brouillon_vide.montant_demande == Decimal("300")  # the valid part is kept


def test_budget_formulaire_falsifie_sans_erreur_500(client, brouillon_vide):
    reponse = client.post(url_section(brouillon_vide, "budget"), {"montant_demande": "10"})
    assert reponse.status_code == 200


def test_questions_de_l_appel(client, fabrique_jeu):
    appel = fabrique_jeu.appel()
    courte = fabrique_jeu.question(appel)
    nombre = fabrique_jeu.question(
        appel, libelle="Combien de jeunes ?", type_question=TypeQuestion.NOMBRE
    )
    choix = fabrique_jeu.question(
        appel, libelle="Public ?", type_question=TypeQuestion.CHOIX, choix="Lycéens\nÉtudiants"
    )
    candidature = fabrique_jeu.candidature(appel)
    client.force_login(candidature.porteur)
    url = url_section(candidature, "questions")
    reponse = client.post(
        url,
        {
            f"question_{courte.pk}": "Par le PIJ",
            f"question_{nombre.pk}": "douze",
            f"question_{choix.pk}": "Lycéens",
        },
    )
    assert "Indiquez un nombre" in texte(reponse)
    valeurs = dict(
        ReponseQuestion.objects.filter(candidature=candidature).values_list("question_id", "valeur")
    )
    assert valeurs == {courte.pk: "Par le PIJ", choix.pk: "Lycéens"}
    client.post(url, {f"question_{nombre.pk}": "12,5", f"question_{choix.pk}": "Autre"})
    assert ReponseQuestion.objects.get(question=nombre).valeur == "12.5"
    assert ReponseQuestion.objects.get(question=choix).valeur == "Lycéens"


def test_section_inconnue_404(client, brouillon_vide):
    assert client.get(url_section(brouillon_vide, "nimporte")).status_code == 404
    # No minor in the team: no authorisation section.
    assert client.get(url_section(brouillon_vide, "autorisation")).status_code == 404


def test_dossier_depose_en_lecture_seule(client, fabrique_jeu):
    candidature = fabrique_jeu.candidature(statut=Statut.DEPOSE)
    client.force_login(candidature.porteur)
    url = url_section(candidature, "projet")
    page = texte(client.get(url))
    assert "il ne peut plus être modifié" in page
    assert "disabled" in page
    assert "Enregistrer et continuer" not in page
    client.post(url, donnees_projet(titre="Changé"))
    candidature.refresh_from_db()
    assert candidature.titre != "Changé"


# --- Autosave -------------------------------------------------------------------------------


def test_autosave_repond_en_json(client, brouillon_vide):
    reponse = client.post(
        url_section(brouillon_vide, "projet"),
        donnees_projet(objectifs="Réunir les groupes"),
        headers={"X-Autosave": "1"},
    )
    assert reponse.status_code == 200
    corps = json.loads(reponse.content)
    assert corps["ok"] is True
    assert " h " in corps["enregistre_le"]
    brouillon_vide.refresh_from_db()
    assert brouillon_vide.objectifs == "Réunir les groupes"


def test_autosave_400_garde_les_champs_valides(client, brouillon_vide):
    reponse = client.post(
        url_section(brouillon_vide, "projet"),
        donnees_projet(titre="Nouveau titre", commune="Atlantis", calendrier="Juin"),
        headers={"X-Autosave": "1"},
    )
    assert reponse.status_code == 400
    corps = json.loads(reponse.content)
    assert list(corps["erreurs"]) == ["commune"]
    assert "n'est pas une commune du Lot" in corps["erreurs"]["commune"][0]
    brouillon_vide.refresh_from_db()
    assert (brouillon_vide.titre, brouillon_vide.calendrier) == ("Nouveau titre", "Juin")
    assert brouillon_vide.commune is None


def test_autosave_budget_invalide_n_enregistre_pas_la_ligne(client, brouillon_vide):
    reponse = client.post(
        url_section(brouillon_vide, "budget"),
        donnees_budget([{"nature": "depense", "libelle": "Sono", "montant": "-3"}], "50"),
        headers={"X-Autosave": "1"},
    )
    assert reponse.status_code == 400
    assert "lignes-0-montant" in json.loads(reponse.content)["erreurs"]
    assert not LigneBudget.objects.filter(candidature=brouillon_vide).exists()


def test_autosave_ignore_les_fichiers(client, fabrique_jeu):
    from django.core.files.uploadedfile import SimpleUploadedFile

    appel = fabrique_jeu.appel()
    document = fabrique_jeu.document(appel)
    candidature = fabrique_jeu.candidature(appel)
    client.force_login(candidature.porteur)
    fichier = SimpleUploadedFile("devis.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n")
    reponse = client.post(
        url_section(candidature, "pieces"),
        {f"document_{document.pk}": fichier},
        headers={"X-Autosave": "1"},
    )
    assert reponse.status_code == 200
    assert not candidature.pieces.exists()


def test_autosave_sur_dossier_depose_refuse(client, fabrique_jeu):
    candidature = fabrique_jeu.candidature(statut=Statut.DEPOSE)
    client.force_login(candidature.porteur)
    reponse = client.post(
        url_section(candidature, "projet"), donnees_projet(), headers={"X-Autosave": "1"}
    )
    assert reponse.status_code == 409
    candidature.refresh_from_db()
    assert candidature.titre != "Festival des possibles"


# --- Lists, overview, complement points ------------------------------------------------------


def test_mes_candidatures_distingue_les_brouillons(client, fabrique_jeu):
    compte = fabrique_jeu.compte()
    fabrique_jeu.candidature(porteur=compte, titre="Projet en cours")
    fabrique_jeu.candidature(porteur=compte, titre="Projet déposé", statut=Statut.DEPOSE)
    fabrique_jeu.candidature(titre="Projet d'un autre")
    client.force_login(compte)
    page = texte(client.get(reverse("jeunesse:mes_candidatures")))
    assert page.count("Brouillon — pas encore déposé") == 1
    assert "Projet en cours" in page and "Projet déposé" in page
    assert "Projet d'un autre" not in page and "Projet d'un autre" not in page
    assert "L'équipe du Département va l'examiner." in page


def test_vue_d_ensemble_frise_et_points_a_completer(client, fabrique_jeu):
    candidature = fabrique_jeu.candidature(statut=Statut.COMPLEMENT_DEMANDE)
    demande = DemandeComplement.objects.create(
        candidature=candidature, message="Merci de préciser votre budget."
    )
    PointComplement.objects.create(
        demande=demande,
        champ="budget",
        libelle_champ="Budget (dépenses et ressources)",
        motif=MotifComplement.INCOMPLET,
        precision="Il manque le devis de la sono.",
    )
    PointComplement.objects.create(
        demande=demande,
        champ="titre",
        libelle_champ="Titre du projet",
        motif=MotifComplement.INCORRECT,
    )
    client.force_login(candidature.porteur)
    page = texte(client.get(candidature.get_absolute_url()))
    assert page.count("cand-frise__etape") >= 5  # created + 3 transitions + next step
    assert "Corrigez les points signalés" in page
    assert "Il manque le devis de la sono." in page
    assert url_section(candidature, "budget") in page
    # The section shows the point next to the field.
    section = texte(client.get(url_section(candidature, "projet")))
    assert "cand-champ--signale" in section
    assert "Incorrect" in section
    budget = texte(client.get(url_section(candidature, "budget")))
    assert "Il manque le devis de la sono." in budget
    # The complement request reopens editing.
    reponse = client.post(url_section(candidature, "projet"), donnees_projet(titre="Corrigé"))
    assert reponse.status_code == 302
    candidature.refresh_from_db()
    assert candidature.titre == "Corrigé"


def test_vue_d_ensemble_liste_ce_qui_reste_a_faire(client, brouillon_vide):
    page = texte(client.get(brouillon_vide.get_absolute_url()))
    assert "Brouillon — pas encore déposé" in page
    assert "Résumez votre projet." in page
    assert "Ajoutez au moins une dépense à votre budget." in page
    assert url_section(brouillon_vide, "moi") in page


def test_autosave_budget_met_a_jour_les_lignes_sans_doublon(client, fabrique_jeu):
    candidature = fabrique_jeu.candidature()
    client.force_login(candidature.porteur)
    depense, ressource = LigneBudget.objects.filter(candidature=candidature).order_by("nature")
    donnees = donnees_budget(
        [
            {"id": depense.pk, "nature": "depense", "libelle": "Sono", "montant": "2600"},
            {"id": ressource.pk, "nature": "ressource", "libelle": "Billets", "montant": "1000"},
            {"nature": "depense", "libelle": "Affiches", "montant": "40"},
        ],
        montant_demande="1500",
        existantes=2,
    )
    url = url_section(candidature, "budget")
    for _ in range(2):
        reponse = client.post(url, donnees, headers={"X-Autosave": "1"})
        assert reponse.status_code == 200
        assert json.loads(reponse.content)["en_attente"] is True
    depense.refresh_from_db()
    assert depense.montant == Decimal("2600")
    assert LigneBudget.objects.filter(candidature=candidature).count() == 2
    # The button saves the new row once.
    client.post(url, donnees)
    assert LigneBudget.objects.filter(candidature=candidature).count() == 3


@pytest.mark.parametrize(
    ("section", "donnees"),
    [
        ("projet", {"titre": "a\x00b", "commune": "x" * 500, "resume": "r" * 3000}),
        ("projet", {"titre": "", "type_projet": "<script>" * 30}),
        ("moi", {"prenom": "", "nom": "", "date_naissance": "0000-00-00", "lien_lot": "mars"}),
        (
            "budget",
            {"lignes-TOTAL_FORMS": "abc", "lignes-INITIAL_FORMS": "0", "montant_demande": "1500"},
        ),
        ("budget", {**donnees_budget([{"nature": "x", "libelle": "", "montant": "NaN"}], "1e400")}),
        (
            "budget",
            donnees_budget(
                [{"id": "999999", "nature": "depense", "libelle": "A", "montant": "1"}],
                "inf",
                existantes=1,
            ),
        ),
        ("pieces", {"autre": "pas un fichier"}),
    ],
)
def test_saisies_absurdes_sans_erreur_500(client, fabrique_jeu, section, donnees):
    candidature = fabrique_jeu.candidature()
    client.force_login(candidature.porteur)
    titre = candidature.titre
    url = url_section(candidature, section)
    for entetes in ({}, {"X-Autosave": "1"}):
        reponse = client.post(url, donnees, headers=entetes)
        assert reponse.status_code in (200, 302, 400), (entetes, reponse.status_code)
    candidature.refresh_from_db()
    assert candidature.titre == titre
    assert candidature.montant_demande == Decimal("1500")
