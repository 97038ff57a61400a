"""A new file goes to the right area and referent, gets a maturity score, and the
referent (or the departmental team) is told by email."""

import datetime

import pytest
from django.utils import timezone

from accueil.models import ChangementStatut, CurriculumVitae, RegleMaturite
from accueil.services.reseau import (
    parcours_router,
    regles_par_defaut_creer,
    score_calculer,
    scores_recalculer,
)
from lot_portal.courriels.models import Courriel

pytestmark = pytest.mark.django_db


def courriels_a(email):
    return [c for c in Courriel.objects.order_by("pk") if email in c.destinataires]


@pytest.fixture
def secteurs(fabrique):
    a = fabrique.communaute(nom="Cauvaldor")
    b = fabrique.communaute(nom="Grand-Figeac")
    return {
        "a": a,
        "b": b,
        "commune_a1": fabrique.commune(communaute=a),
        "commune_a2": fabrique.commune(communaute=a),
        "commune_b": fabrique.commune(communaute=b),
    }


def test_single_area_goes_to_its_least_loaded_referent(fabrique, secteurs):
    charge = fabrique.referent(communaute=secteurs["a"])
    libre = fabrique.referent(communaute=secteurs["a"])
    fabrique.referent(communaute=secteurs["a"], actif=False)  # inactive: never chosen
    fabrique.parcours(communaute=secteurs["a"], referent=charge)
    fabrique.parcours(communaute=secteurs["a"], referent=libre, statut="installe")  # closed
    parcours = fabrique.parcours(nom="Dupont")
    parcours.communautes.set([secteurs["a"]])
    parcours_router(parcours=parcours)
    parcours.refresh_from_db()
    assert parcours.communaute == secteurs["a"] and parcours.referent == libre
    historique = list(ChangementStatut.objects.filter(parcours=parcours))
    assert [(c.ancien, c.nouveau) for c in historique] == [("", "nouveau")]
    (courriel,) = courriels_a(libre.utilisateur.email)
    assert "Nouveau dossier" in courriel.sujet
    assert f"/admin/accueil/nouveaux-arrivants/{parcours.pk}/" in courriel.corps_texte
    assert "D." in courriel.corps_texte  # « Prénom D. », not the whole name
    # Nothing sensitive: no newcomer address, no phone.
    assert parcours.utilisateur.email not in courriel.corps_texte + courriel.corps_html
    assert not courriels_a(charge.utilisateur.email)
    # Idempotent: routing again changes nothing and sends nothing.
    parcours_router(parcours=parcours)
    assert ChangementStatut.objects.filter(parcours=parcours).count() == 1
    assert len(courriels_a(libre.utilisateur.email)) == 1


def test_communes_of_one_area_route_to_that_area(fabrique, secteurs):
    referent_a = fabrique.referent(communaute=secteurs["a"])
    parcours = fabrique.parcours()
    parcours.communes.set([secteurs["commune_a1"], secteurs["commune_a2"]])
    parcours_router(parcours=parcours)
    parcours.refresh_from_db()
    assert parcours.communaute == secteurs["a"] and parcours.referent == referent_a


def test_several_areas_route_to_the_first_chosen(fabrique, secteurs):
    fabrique.referent(communaute=secteurs["a"])
    referent_b = fabrique.referent(communaute=secteurs["b"])
    parcours = fabrique.parcours()
    parcours.communautes.add(secteurs["b"])
    parcours.communautes.add(secteurs["a"])
    parcours_router(parcours=parcours)
    parcours.refresh_from_db()
    assert parcours.communaute == secteurs["b"] and parcours.referent == referent_b
    # Communes in two areas: the first commune's area.
    autre = fabrique.parcours()
    autre.communes.add(secteurs["commune_b"])
    autre.communes.add(secteurs["commune_a1"])
    parcours_router(parcours=autre)
    autre.refresh_from_db()
    assert autre.communaute == secteurs["b"]


def test_area_without_referent_goes_to_the_departmental_team(fabrique, secteurs):
    dep1 = fabrique.referent(communaute=None)
    dep2 = fabrique.referent(communaute=None)
    parcours = fabrique.parcours()
    parcours.communautes.set([secteurs["b"]])
    parcours_router(parcours=parcours)
    parcours.refresh_from_db()
    assert parcours.communaute == secteurs["b"] and parcours.referent == dep1
    # The whole departmental team is told.
    assert len(courriels_a(dep1.utilisateur.email)) == 1
    assert len(courriels_a(dep2.utilisateur.email)) == 1


@pytest.mark.parametrize("cas", ["inconnue", "rien"])
def test_unknown_area_goes_to_the_departmental_team(fabrique, secteurs, cas):
    fabrique.referent(communaute=secteurs["a"])
    dep = fabrique.referent(communaute=None)
    parcours = fabrique.parcours(zone_inconnue=(cas == "inconnue"))
    if cas == "inconnue":
        parcours.communautes.set([secteurs["a"]])  # ignored: « je ne sais pas encore »
    parcours_router(parcours=parcours)
    parcours.refresh_from_db()
    assert parcours.communaute is None and parcours.referent == dep
    (courriel,) = courriels_a(dep.utilisateur.email)
    assert "équipe départementale" in courriel.corps_texte


def test_no_active_referent_at_all_still_routes(fabrique, secteurs):
    parcours = fabrique.parcours()
    parcours.communautes.set([secteurs["a"]])
    parcours_router(parcours=parcours)
    parcours.refresh_from_db()
    assert parcours.communaute == secteurs["a"] and parcours.referent is None
    assert ChangementStatut.objects.filter(parcours=parcours).count() == 1
    assert not Courriel.objects.exists()


def test_score_sums_the_active_rules_met_and_explains_each(fabrique, secteurs):
    regles_par_defaut_creer()
    RegleMaturite.objects.filter(critere=RegleMaturite.Critere.CV_DEPOSE).update(actif=False)
    dans_trois_mois = timezone.localdate() + datetime.timedelta(days=90)
    parcours = fabrique.parcours(
        date_installation=dans_trois_mois,
        horizon="moins_6_mois",
        metier_recherche="Infirmière",
        projet_entreprise="aucun",
        teletravail="non",
        besoin_logement="location",
        conjoint_cherche_emploi=True,
        conjoint_metier="",
    )
    parcours.communautes.set([secteurs["a"]])
    score = score_calculer(parcours=parcours)
    # date 25 + horizon 15 + métier 15 + zone 10 + logement 10 = 75
    assert score == 75
    parcours.refresh_from_db()
    assert parcours.score_maturite == 75
    detail = {ligne["critere"]: ligne for ligne in parcours.score_detail}
    assert set(detail) == set(RegleMaturite.Critere.values) - {"cv_depose"}
    assert detail["projet_emploi"] == {
        "critere": "projet_emploi",
        "libelle": "Métier recherché précisé",
        "points": 15,
        "atteint": True,
        "explication": "Métier recherché : Infirmière.",
    }
    assert detail["conjoint_pret"]["atteint"] is False
    assert "sans métier" in detail["conjoint_pret"]["explication"]
    assert detail["date_installation"]["atteint"] is True


def test_score_follows_rule_changes_and_cv(fabrique, secteurs):
    regles_par_defaut_creer()
    parcours = fabrique.parcours(metier_recherche="Maçon")
    base = score_calculer(parcours=parcours)
    RegleMaturite.objects.filter(critere="projet_emploi").update(points=40)
    CurriculumVitae.objects.create(parcours=parcours, titulaire="arrivant", nom_original="cv.pdf")
    assert scores_recalculer() == 1
    parcours.refresh_from_db()
    assert parcours.score_maturite == base + 25 + 5
    # A date far away does not count.
    parcours.date_installation = timezone.localdate() + datetime.timedelta(days=800)
    assert score_calculer(parcours=parcours) == base + 25 + 5
    ligne = next(x for x in parcours.score_detail if x["critere"] == "date_installation")
    assert ligne["atteint"] is False and "au-delà de 12 mois" in ligne["explication"]


def test_the_admin_shows_the_score_rule_by_rule(client, fabrique, secteurs):
    from accueil.services.reseau import referent_droits_accorder

    regles_par_defaut_creer()
    referent = fabrique.referent(communaute=secteurs["a"])
    referent_droits_accorder(referent=referent)
    parcours = fabrique.parcours(metier_recherche="Boulanger")
    parcours.communautes.set([secteurs["a"]])
    parcours_router(parcours=parcours)
    client.force_login(referent.utilisateur)
    page = client.get(f"/admin/accueil/nouveaux-arrivants/{parcours.pk}/").content.decode()
    assert "Métier recherché : Boulanger." in page
    assert "Aucune date d&#x27;installation indiquée." in page
    # Rules are tuned in the admin by the departmental team; scores follow.
    dep = fabrique.referent(communaute=None)
    referent_droits_accorder(referent=dep)
    client.force_login(dep.utilisateur)
    regle = RegleMaturite.objects.get(critere="projet_emploi")
    url = f"/admin/accueil/regles-maturite/edit/{regle.pk}/"
    assert client.get(url).status_code == 200
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        reponse = client.post(
            url, {"critere": "projet_emploi", "points": "33", "parametre": "", "actif": "on"}
        )
    assert reponse.status_code == 302
    parcours.refresh_from_db()
    ligne = next(x for x in parcours.score_detail if x["critere"] == "projet_emploi")
    assert ligne["points"] == 33
