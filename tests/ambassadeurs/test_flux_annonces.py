"""One-click unsubscribe from the network's announcements: signed link and RFC 8058 headers
in every announcement, the public page (GET confirms, POST unsubscribes), the profile
checkbox, and unsubscribed ambassadors left out of the recipients."""

import pytest
from django.core import signing

from ambassadeurs.models import Ambassadeur, Annonce, EnvoiAnnonce
from ambassadeurs.notifications import jeton_desinscription
from ambassadeurs.services import annonces as services
from lot_portal.courriels.models import Courriel

pytestmark = pytest.mark.django_db


def _url(jeton):
    return f"/ambassadeurs/annonces/desinscription/{jeton}/"


def _envoyer(titre="Apéro du réseau"):
    annonce = Annonce.objects.create(titre=titre, texte="Venez nombreux.")
    services.annonce_envoyer(annonce=annonce)
    return Annonce.objects.get(pk=annonce.pk)


def test_announcement_carries_the_link_and_headers_and_unsubscribing_stops_them(
    client, fabrique_amb, django_capture_on_commit_callbacks
):
    claire = fabrique_amb.ambassadeur(utilisateur__email="claire.annonces@exemple.fr")
    autre = fabrique_amb.ambassadeur(utilisateur__email="autre.annonces@exemple.fr")
    with django_capture_on_commit_callbacks(execute=True):
        _envoyer()
    courriel = Courriel.objects.get(destinataires=["claire.annonces@exemple.fr"])
    url = _url(jeton_desinscription(claire))
    assert courriel.en_tetes["List-Unsubscribe"] == f"<http://testserver{url}>" or (
        courriel.en_tetes["List-Unsubscribe"].endswith(f"{url}>")
    )
    assert courriel.en_tetes["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in courriel.corps_texte and url in courriel.corps_html

    # GET: a confirmation page, nothing changes; private and not indexed.
    page = client.get(url)
    assert page.status_code == 200
    assert "Ne plus recevoir les annonces" in page.content.decode()
    assert "no-store" in page["Cache-Control"] and page["X-Robots-Tag"] == "noindex"
    claire.refresh_from_db()
    assert claire.recoit_annonces

    # POST without CSRF token (mail clients' one-click request).
    client_strict = client.__class__(enforce_csrf_checks=True)
    reponse = client_strict.post(url, {"List-Unsubscribe": "One-Click"})
    assert reponse.status_code == 200
    assert "Désinscription confirmée" in reponse.content.decode()
    claire.refresh_from_db()
    assert not claire.recoit_annonces
    assert "déjà désinscrit" in client.get(url).content.decode()

    # The next announcement skips her, not the others.
    with django_capture_on_commit_callbacks(execute=True):
        annonce = _envoyer("Deuxième annonce")
    assert list(annonce.envois.values_list("ambassadeur", flat=True)) == [autre.pk]
    assert annonce.nb_destinataires == 1
    assert services.destinataires_ids(annonce=annonce) == [autre.pk]


@pytest.mark.parametrize(
    "jeton,statut",
    [
        ("pas-un-jeton", 400),
        (signing.dumps("zzzzzzzz", salt="autre.sel"), 400),
        (signing.dumps("inconnu1", salt="ambassadeurs.annonces.desinscription"), 404),
        ("%00%ff" + "x" * 600, 400),
    ],
)
def test_bad_or_unknown_tokens_get_a_french_page(client, fabrique_amb, jeton, statut):
    fabrique_amb.ambassadeur()
    reponse = client.get(_url(jeton))
    assert reponse.status_code == statut
    assert "Lien de désinscription" in reponse.content.decode()
    assert client.post(_url(jeton)).status_code == statut
    assert Ambassadeur.objects.filter(recoit_annonces=False).count() == 0


def test_profile_checkbox_in_the_space(client, fabrique_amb):
    ambassadeur = fabrique_amb.ambassadeur()
    client.force_login(ambassadeur.utilisateur)
    page = client.get("/ambassadeurs/espace/").content.decode()
    assert "Recevoir les annonces du réseau par courriel" in page
    assert 'name="recoit_annonces"' in page and "checked" in page
    donnees = {
        "prenom": ambassadeur.prenom,
        "nom": ambassadeur.nom,
        "commune": ambassadeur.commune_id,
        "profession": "Potière",
        "secteur": ambassadeur.secteur,
        "origine": ambassadeur.origine,
        "arrive_de": "Lyon",
        "histoire": ambassadeur.histoire,
        "offres": ["questions"],
        "action": "profil",
    }
    assert client.post("/ambassadeurs/espace/", donnees).status_code == 302
    ambassadeur.refresh_from_db()
    assert not ambassadeur.recoit_annonces and ambassadeur.profession == "Potière"
    client.post("/ambassadeurs/espace/", {**donnees, "recoit_annonces": "on"})
    ambassadeur.refresh_from_db()
    assert ambassadeur.recoit_annonces
    assert not EnvoiAnnonce.objects.exists()
