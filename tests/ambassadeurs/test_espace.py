"""The ambassador's space: who gets in, profile edit, pause, referral link, and the
permission matrix against other ambassadors and the admin."""

import pytest

from ambassadeurs.models import StatutAmbassadeur

URL = "/ambassadeurs/espace/"


def _profil(ambassadeur, **autres):
    donnees = {
        "prenom": ambassadeur.prenom,
        "nom": ambassadeur.nom,
        "commune": ambassadeur.commune_id,
        "profession": "Potière",
        "secteur": ambassadeur.secteur,
        "origine": ambassadeur.origine,
        "arrive_de": ambassadeur.arrive_de,
        "histoire": ambassadeur.histoire,
        "interets": ambassadeur.interets,
        "offres": ["questions"],
        "profils": ["jeunes"],
        "champs_publics": ["profession"],
    }
    donnees.update(autres)
    return donnees


@pytest.mark.django_db
def test_anonymous_and_applicants_do_not_get_in(client, fabrique_amb):
    reponse = client.get(URL)
    assert reponse.status_code == 302 and "next=/ambassadeurs/espace/" in reponse["Location"]
    candidat = fabrique_amb.ambassadeur(statut=StatutAmbassadeur.CANDIDATURE)
    client.force_login(candidat.utilisateur)
    assert client.get(URL)["Location"] == "/ambassadeurs/devenir-ambassadeur/"
    client.force_login(fabrique_amb.utilisateur())
    assert client.get(URL)["Location"] == "/ambassadeurs/devenir-ambassadeur/"


@pytest.mark.django_db
def test_space_shows_referral_link_and_story_link(client, fabrique_amb):
    ambassadeur = fabrique_amb.ambassadeur()
    client.force_login(ambassadeur.utilisateur)
    page = client.get(URL).content.decode()
    assert f"/accueil/inscription/?parrain={ambassadeur.code_parrainage}" in page
    assert "/ambassadeurs/espace/histoires/nouvelle/" in page


@pytest.mark.django_db
def test_pause_and_resume(client, fabrique_amb):
    ambassadeur = fabrique_amb.ambassadeur()
    client.force_login(ambassadeur.utilisateur)
    client.post(URL, {"action": "pause"})
    ambassadeur.refresh_from_db()
    assert not ambassadeur.disponible
    assert ambassadeur.prenom not in client.get("/ambassadeurs/").content.decode()
    client.post(URL, {"action": "reprise"})
    ambassadeur.refresh_from_db()
    assert ambassadeur.disponible


@pytest.mark.django_db
def test_profile_edit_saves_and_errors_keep_input(client, fabrique_amb):
    ambassadeur = fabrique_amb.ambassadeur()
    client.force_login(ambassadeur.utilisateur)
    erreur = client.post(URL, _profil(ambassadeur, profession="", interets="jardinage"))
    assert erreur.status_code == 200
    page = erreur.content.decode()
    assert "Indiquez votre profession." in page and "jardinage" in page
    assert client.post(URL, _profil(ambassadeur)).status_code == 302
    ambassadeur.refresh_from_db()
    assert ambassadeur.profession == "Potière"
    assert ambassadeur.champs_publics == ["profession"]


@pytest.mark.django_db
def test_an_ambassador_only_ever_edits_their_own_profile(client, fabrique_amb):
    moi = fabrique_amb.ambassadeur()
    autre = fabrique_amb.ambassadeur(profession="Luthier")
    client.force_login(moi.utilisateur)
    # No id in the space's URL: whatever is sent, only the visitor's own profile changes.
    client.post(f"{URL}?pk={autre.pk}", {**_profil(autre), "pk": autre.pk, "utilisateur": 1})
    autre.refresh_from_db()
    moi.refresh_from_db()
    assert autre.profession == "Luthier"
    assert moi.profession == "Potière"
    assert moi.utilisateur_id != autre.utilisateur_id


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/ambassadeurs/candidatures/",
        "/admin/ambassadeurs/candidatures/{pk}/",
    ],
)
def test_ambassadors_and_applicants_cannot_reach_the_admin(client, fabrique_amb, url):
    for statut in (StatutAmbassadeur.ACCEPTE, StatutAmbassadeur.CANDIDATURE):
        ambassadeur = fabrique_amb.ambassadeur(statut=statut)
        client.force_login(ambassadeur.utilisateur)
        reponse = client.get(url.format(pk=ambassadeur.pk))
        assert reponse.status_code == 302
        assert "login/?next=/admin/" in reponse["Location"]
        refus = client.post(
            f"/admin/ambassadeurs/candidatures/{ambassadeur.pk}/", {"decision": "accepter"}
        )
        assert refus.status_code == 302
        ambassadeur.refresh_from_db()
        assert ambassadeur.statut == statut
