"""Minors (issue #9): age computed on the server at the closing date; under 15, the young
person's own consent (after the notice written for them) *and* a parent's are both needed."""

import datetime
import html
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jeunesse.forms_mineurs import MESSAGE_CONSENTEMENT
from jeunesse.models import Candidature, MembreEquipe
from jeunesse.models.choix import LienLot, ModeAutorisation, Statut
from jeunesse.services import candidatures as service
from jeunesse.services.eligibilite import (
    age_a,
    consentement_conjoint_requis,
    est_mineur,
    raisons_ineligibilite,
)


def texte(reponse) -> str:
    return html.unescape(reponse.content.decode())


def erreur_pres_de_la_case(page: str) -> bool:
    """The French error is rendered in the box's own error block (``…_erreur``)."""
    bloc = re.search(r'id="id_consentement_notice_erreur">(.*?)</div>', page, re.S)
    return bloc is not None and MESSAGE_CONSENTEMENT in bloc.group(1)


@pytest.fixture
def appel_jeunes(fabrique_jeu):
    """A call open from 11 years old, with the parent's consent declared online."""
    cloture = timezone.now() + datetime.timedelta(days=10)
    if (timezone.localtime(cloture).month, timezone.localtime(cloture).day) == (2, 29):
        cloture += datetime.timedelta(days=1)
    return fabrique_jeu.appel(
        age_min=11, cloture=cloture, autorisation_parentale=ModeAutorisation.DECLARATION
    )


def ne_le(appel, ans: int, decalage_jours: int = 0) -> datetime.date:
    """Born ``ans`` years before the closing date, shifted by ``decalage_jours`` (+1: the
    birthday falls the day after the closing date, so one year younger)."""
    jour = appel.date_cloture_locale
    return jour.replace(year=jour.year - ans) + datetime.timedelta(days=decalage_jours)


@pytest.mark.parametrize(
    ("ans", "decalage", "age", "mineur", "conjoint"),
    [
        (14, 0, 14, True, True),
        (15, 1, 14, True, True),  # 15 the day after the closing date: still 14
        (15, 0, 15, True, False),  # 15 on the closing date itself
        (15, -1, 15, True, False),
        (17, 0, 17, True, False),
        (18, 1, 17, True, False),  # 18 the day after: still a minor
        (18, 0, 18, False, False),
        (18, -1, 18, False, False),
    ],
    ids=[
        "14",
        "15-lendemain",
        "15-jour-meme",
        "15-veille",
        "17",
        "18-lendemain",
        "18",
        "18-veille",
    ],
)
def test_age_a_la_date_de_cloture(appel_jeunes, ans, decalage, age, mineur, conjoint):
    naissance = ne_le(appel_jeunes, ans, decalage)
    assert age_a(naissance, appel_jeunes.date_cloture_locale) == age
    assert est_mineur(naissance, appel_jeunes) is mineur
    assert consentement_conjoint_requis(naissance, appel_jeunes) is conjoint


def test_age_envoye_par_le_navigateur_ignore(client, fabrique_jeu):
    """The public check computes the age from the birth date: an « age » field sent along
    (or a tampered one) changes nothing."""
    appel = fabrique_jeu.appel()  # 15–30
    naissance = ne_le(appel, 15, 1)  # 14 on the closing date
    reponse = client.post(
        reverse("jeunesse:eligibilite", args=[appel.slug]),
        {
            "naissance_jour": naissance.day,
            "naissance_mois": naissance.month,
            "naissance_annee": naissance.year,
            "lien_lot": LienLot.HABITE,
            "age": "20",
            "age_a_la_cloture": "20",
        },
    )
    assert reponse.status_code in (200, 400)
    assert "L'appel est réservé aux 15 ans et plus : 14 ans" in texte(reponse)
    # and the submission re-checks every member from the stored birth date
    assert raisons_ineligibilite(appel, date_naissance=naissance, lien_lot=LienLot.HABITE)


# --- the leader's « Vous » section --------------------------------------------------------------


def _url_moi(candidature):
    return reverse(
        "jeunesse:candidature_section",
        kwargs={"reference": candidature.reference, "section": "moi"},
    )


def _moi(candidature, naissance, **extra):
    donnees = {
        "prenom": "Lou",
        "nom": "Delmas",
        "role": "Batteuse du groupe",
        "date_naissance": naissance.isoformat(),
        "lien_lot": LienLot.HABITE,
    }
    donnees.update(extra)
    return donnees


def test_moins_de_15_sans_consentement_erreur_pres_du_champ(client, fabrique_jeu, appel_jeunes):
    candidature = fabrique_jeu.candidature(appel_jeunes)
    client.force_login(candidature.porteur)
    naissance = ne_le(appel_jeunes, 15, 1)
    reponse = client.post(_url_moi(candidature), _moi(candidature, naissance))
    assert reponse.status_code in (200, 400)
    page = texte(reponse)
    assert MESSAGE_CONSENTEMENT in page
    # The error sits next to the box, inside its error block.
    assert erreur_pres_de_la_case(page)
    assert 'value="Batteuse du groupe"' in page
    assert f'value="{naissance.isoformat()}"' in page
    porteur = MembreEquipe.objects.get(candidature=candidature, est_porteur=True)
    assert porteur.consentement_notice_le is None
    assert porteur.date_naissance == naissance  # the well-typed fields are kept (draft)
    # The notice is shown in full to a minor, where they give their data.
    assert "Tes données, expliquées simplement" in page
    assert "Ce qu'on te demande" in page


def test_moins_de_15_avec_consentement_horodate(client, fabrique_jeu, appel_jeunes):
    candidature = fabrique_jeu.candidature(appel_jeunes)
    client.force_login(candidature.porteur)
    avant = timezone.now()
    reponse = client.post(
        _url_moi(candidature),
        _moi(candidature, ne_le(appel_jeunes, 14), consentement_notice="on"),
    )
    assert reponse.status_code == 302
    porteur = MembreEquipe.objects.get(candidature=candidature, est_porteur=True)
    assert porteur.consentement_notice_le is not None
    assert porteur.consentement_notice_le >= avant


@pytest.mark.parametrize("ans", [15, 17, 18])
def test_15_ans_et_plus_pas_de_case_obligatoire(client, fabrique_jeu, appel_jeunes, ans):
    candidature = fabrique_jeu.candidature(appel_jeunes)
    client.force_login(candidature.porteur)
    reponse = client.post(_url_moi(candidature), _moi(candidature, ne_le(appel_jeunes, ans)))
    assert reponse.status_code == 302


def test_notice_en_lien_pour_un_majeur(client, fabrique_jeu, appel_jeunes):
    candidature = fabrique_jeu.candidature(appel_jeunes, naissance=ne_le(appel_jeunes, 20))
    client.force_login(candidature.porteur)
    page = texte(client.get(_url_moi(candidature)))
    assert reverse("jeunesse:notice_donnees") in page
    assert "Ce qu'on te demande" not in page


# --- submission: both consents are required under 15 ------------------------------------------


def _blocages(candidature):
    candidature = Candidature.objects.get(pk=candidature.pk)
    return service.blocages_depot(candidature)


def _mineurs(blocages):
    return [
        (champ, msg) for champ, msg in blocages if champ in ("consentement_notice", "autorisation")
    ]


def _parent(candidature):
    Candidature.objects.filter(pk=candidature.pk).update(
        autorisation_nom_parent="Marie Delmas",
        autorisation_email_parent="marie.delmas@exemple.fr",
        autorisation_declaree_le=timezone.now(),
    )


def _jeune(candidature):
    MembreEquipe.objects.filter(candidature=candidature, est_porteur=True).update(
        consentement_notice_le=timezone.now()
    )


def test_moins_de_15_aucun_consentement_deux_blocages(fabrique_jeu, appel_jeunes):
    candidature = fabrique_jeu.candidature(appel_jeunes, naissance=ne_le(appel_jeunes, 15, 1))
    champs = sorted(champ for champ, _ in _mineurs(_blocages(candidature)))
    assert champs == ["autorisation", "consentement_notice"]
    message = dict(_mineurs(_blocages(candidature)))["consentement_notice"]
    assert "moins de 15 ans à la date de clôture" in message
    # named next to the section where it is fixed
    assert service.section_du_champ("consentement_notice") == "moi"


def test_moins_de_15_seul_le_jeune_a_consenti_refuse(fabrique_jeu, appel_jeunes):
    candidature = fabrique_jeu.candidature(appel_jeunes, naissance=ne_le(appel_jeunes, 14))
    _jeune(candidature)
    assert [c for c, _ in _mineurs(_blocages(candidature))] == ["autorisation"]
    with pytest.raises(service.DepotRefuse):
        service.candidature_deposer(Candidature.objects.get(pk=candidature.pk), candidature.porteur)


def test_moins_de_15_seul_le_parent_a_consenti_refuse(fabrique_jeu, appel_jeunes):
    candidature = fabrique_jeu.candidature(appel_jeunes, naissance=ne_le(appel_jeunes, 14))
    _parent(candidature)
    assert [c for c, _ in _mineurs(_blocages(candidature))] == ["consentement_notice"]


def test_moins_de_15_les_deux_consentements_depot_passe(fabrique_jeu, appel_jeunes):
    candidature = fabrique_jeu.candidature(appel_jeunes, naissance=ne_le(appel_jeunes, 14))
    _jeune(candidature)
    _parent(candidature)
    assert _mineurs(_blocages(candidature)) == []
    service.candidature_deposer(Candidature.objects.get(pk=candidature.pk), candidature.porteur)
    assert Candidature.objects.get(pk=candidature.pk).statut == Statut.DEPOSE


@pytest.mark.parametrize(
    ("ans", "decalage", "attendus"),
    [
        (15, 0, ["autorisation"]),  # 15 on the closing date: the parent's authorisation only
        (17, 0, ["autorisation"]),
        (18, 1, ["autorisation"]),
        (18, 0, []),
    ],
    ids=["15", "17", "18-lendemain", "18"],
)
def test_15_ans_et_plus_consentement_propre_non_exige(
    fabrique_jeu, appel_jeunes, ans, decalage, attendus
):
    candidature = fabrique_jeu.candidature(
        appel_jeunes, naissance=ne_le(appel_jeunes, ans, decalage)
    )
    assert [c for c, _ in _mineurs(_blocages(candidature))] == attendus


# --- a team member joining ----------------------------------------------------------------------


@pytest.fixture
def invite(fabrique_jeu, appel_jeunes):
    candidature = fabrique_jeu.candidature(appel_jeunes, naissance=ne_le(appel_jeunes, 16))
    compte = fabrique_jeu.compte("nino@exemple.fr")
    membre = MembreEquipe.objects.create(
        candidature=candidature,
        prenom="Nino",
        nom="Bessières",
        email=compte.email,
        role="Son",
        invite_le=timezone.now(),
    )
    return membre, compte


def test_membre_de_moins_de_15_doit_consentir_en_rejoignant(client, invite, appel_jeunes):
    membre, compte = invite
    client.force_login(compte)
    url = reverse("jeunesse:invitation", args=[membre.jeton_invitation])
    page = texte(client.get(url))
    assert "Tes données, expliquées simplement" in page  # a call open to under-18s
    naissance = ne_le(appel_jeunes, 13)
    donnees = {
        "date_naissance": naissance.isoformat(),
        "lien_lot": LienLot.ETUDIE,
        "role": "Ingé son",
    }
    reponse = client.post(url, donnees)
    assert reponse.status_code in (200, 400)
    page = texte(reponse)
    assert erreur_pres_de_la_case(page)
    assert 'value="Ingé son"' in page
    membre.refresh_from_db()
    assert membre.accepte_le is None

    reponse = client.post(url, {**donnees, "consentement_notice": "on"})
    assert reponse.status_code == 302
    membre.refresh_from_db()
    assert membre.accepte_le is not None
    assert membre.consentement_notice_le is not None
    blocages = _blocages(membre.candidature)
    assert not [m for c, m in blocages if "Nino" in m and "15 ans" in m]


def test_membre_de_moins_de_15_sans_consentement_bloque_le_depot(
    fabrique_jeu, invite, appel_jeunes
):
    membre, compte = invite
    MembreEquipe.objects.filter(pk=membre.pk).update(
        utilisateur=compte,
        accepte_le=timezone.now(),
        date_naissance=ne_le(appel_jeunes, 14),
        lien_lot=LienLot.HABITE,
    )
    _parent(membre.candidature)
    messages = [m for c, m in _blocages(membre.candidature) if c == "equipe"]
    assert any("Nino Bessières a moins de 15 ans" in m for m in messages)

    # the member gives it on their « my details » page
    client = Client()
    client.force_login(compte)
    url = reverse("jeunesse:equipe_mes_informations", args=[membre.candidature.reference])
    donnees = {
        "date_naissance": ne_le(appel_jeunes, 14).isoformat(),
        "lien_lot": LienLot.HABITE,
        "role": "Son",
    }
    reponse = client.post(url, donnees)
    assert erreur_pres_de_la_case(texte(reponse))
    reponse = client.post(url, {**donnees, "consentement_notice": "on"})
    assert reponse.status_code == 302
    assert not [m for c, m in _blocages(membre.candidature) if "15 ans" in m]


# --- the notice ---------------------------------------------------------------------------------


def test_notice_pour_les_jeunes(client, site_demo):
    reponse = client.get("/jeunesse/tes-donnees/")
    assert reponse.status_code == 200
    assert reverse("jeunesse:notice_donnees") == "/jeunesse/tes-donnees/"
    page = texte(reponse)
    for rubrique in (
        "Tes données, expliquées simplement",
        "Ce qu'on te demande",
        "Pourquoi",
        "Qui les voit",
        "Combien de temps",
        "Tes droits",
        "Si tu as moins de 15 ans",
        "DPO",
    ):
        assert rubrique in page
    # linked to the general « Données personnelles » page for the DPO's address
    assert 'href="/donnees-personnelles/"' in page
