"""Saving a search as a job alert: the form, the double opt-in, duplicates, rate limits."""

import datetime
import re
from html import unescape

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from fabriques import UtilisateurFactory

from lot_portal.courriels.models import Courriel
from opportunites.models import Alerte, FrequenceAlerte
from opportunites.services import alertes as services

pytestmark = pytest.mark.django_db

URL = "/opportunites/alertes/nouvelle/"


@pytest.fixture(autouse=True)
def _limites_vides():
    cache.clear()  # allauth's rate limiter keeps its counters in the cache
    yield
    cache.clear()


def _lien_confirmation(texte: str) -> str:
    trouve = re.search(r"/opportunites/alertes/confirmer/[^/\s\"<]+/", texte)
    assert trouve, texte
    return trouve.group(0)


def _courriels():
    return list(Courriel.objects.order_by("pk"))


def _demander(client, requete="contrat=cdi&secteur=sante", **donnees):
    valeurs = {"email": "lea@exemple.fr", "frequence": "quotidienne", **donnees}
    return client.post(f"{URL}?{requete}", valeurs)


def test_the_page_summarises_the_filters_and_is_private(client, opp):
    reponse = client.get(f"{URL}?contrat=cdi&secteur=sante&secteur=inconnu")
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert "CDI · Santé et social" in html
    assert 'name="email"' in html
    assert "Chaque semaine" in html
    assert "désinscription" in html.lower()
    assert "private" in reponse["Cache-Control"] and "no-store" in reponse["Cache-Control"]
    # The form posts back with the valid filters only.
    assert 'action="?secteur=sante&amp;contrat=cdi"' in html


def test_saving_sends_a_confirmation_and_nothing_else_until_confirmed(client, opp):
    reponse = _demander(client, "contrat=cdi&secteur=sante&secteur=%00")
    assert reponse.status_code == 302
    assert reponse["Location"] == "/opportunites/alertes/nouvelle/envoyee/"
    alerte = Alerte.objects.get()
    assert alerte.email == "lea@exemple.fr"
    assert alerte.filtres == {"secteur": ["sante"], "contrat": ["cdi"]}
    assert alerte.libelle == "CDI · Santé et social"
    assert alerte.confirmee_le is None and not alerte.active
    (courriel,) = _courriels()
    assert courriel.destinataires == ["lea@exemple.fr"]
    assert "Confirmez" in courriel.sujet
    assert "List-Unsubscribe" not in courriel.en_tetes
    assert "CDI · Santé et social" in courriel.corps_texte
    assert "/opportunites/alertes/confirmer/" in courriel.corps_html
    page = client.get(reponse["Location"])
    assert "Vérifiez votre messagerie" in page.content.decode()
    assert "lea@exemple.fr" in page.content.decode()
    # Nothing goes out before the confirmation.
    assert services.alertes_dues() == []


def test_the_link_shows_a_button_and_only_a_post_confirms(opp):
    client = Client(enforce_csrf_checks=True)
    _demander(Client())
    url = _lien_confirmation(_courriels()[0].corps_texte)
    page = client.get(url)
    assert page.status_code == 200
    assert "Confirmer et recevoir les offres" in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex"
    assert Alerte.objects.get().confirmee_le is None  # a mail scanner's GET confirms nothing
    reponse = client.post(url, {"csrfmiddlewaretoken": str(page.context["csrf_token"])})
    assert reponse.status_code == 200
    assert "Alerte activée" in reponse.content.decode()
    alerte = Alerte.objects.get()
    assert alerte.active
    # Again: harmless, says it is already active.
    assert "déjà" in client.get(url).content.decode()
    assert services.alertes_dues() == [alerte.pk]


def test_an_expired_confirmation_link_is_a_french_page(client, opp):
    _demander(client)
    url = _lien_confirmation(_courriels()[0].corps_texte)
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=8)):
        reponse = client.post(url)
    assert reponse.status_code == 404
    assert "Lien expiré" in reponse.content.decode()
    assert Alerte.objects.get().confirmee_le is None


@pytest.mark.parametrize(
    "jeton", ["nimporte-quoi", "a" * 400, "e30:1abc:xyz", "%00%ff", "ImFiYyI:1vX:abc"]
)
def test_a_tampered_token_is_a_french_400(client, opp, jeton):
    for chemin in ("confirmer", "desinscription", "gerer"):
        reponse = client.get(f"/opportunites/alertes/{chemin}/{jeton}/")
        assert reponse.status_code in (400, 404), chemin
        assert "Lien" in reponse.content.decode()
        assert client.post(f"/opportunites/alertes/{chemin}/{jeton}/").status_code in (400, 404)


def test_a_token_of_a_deleted_alert_says_it_is_gone(client, opp):
    _demander(client)
    alerte = Alerte.objects.get()
    jeton = services.jeton_signer(alerte, services.SEL_DESINSCRIRE)
    url = f"/opportunites/alertes/desinscription/{jeton}/"
    alerte.delete()
    reponse = client.get(url)
    assert reponse.status_code == 404
    assert "n'existe plus" in reponse.content.decode()


def test_a_token_for_one_purpose_does_not_open_another(client, opp):
    _demander(client)
    alerte = Alerte.objects.get()
    jeton = services.jeton_signer(alerte, services.SEL_DESINSCRIRE)
    assert client.post(f"/opportunites/alertes/confirmer/{jeton}/").status_code == 400
    assert Alerte.objects.get().confirmee_le is None


def test_the_same_address_and_filters_make_one_alert(client, opp, settings):
    settings.OPPORTUNITES_ALERTES_LIMITES = "100/1h/ip,100/1h/key"
    _demander(client, "contrat=cdi&secteur=sante")
    _demander(client, "secteur=sante&contrat=cdi", frequence="hebdomadaire", email="LEA@exemple.fr")
    assert Alerte.objects.count() == 1
    alerte = Alerte.objects.get()
    assert alerte.frequence == FrequenceAlerte.HEBDOMADAIRE
    assert len(_courriels()) == 2  # the pending alert gets a fresh link
    services.alerte_confirmer(alerte=alerte)
    # Once active, asking again sends the manage link, changes nothing, duplicates nothing.
    _demander(client, "contrat=cdi&secteur=sante", frequence="quotidienne")
    assert Alerte.objects.count() == 1
    alerte.refresh_from_db()
    assert alerte.active and alerte.frequence == FrequenceAlerte.HEBDOMADAIRE
    assert "déjà active" in _courriels()[-1].sujet
    assert "/opportunites/alertes/gerer/" in _courriels()[-1].corps_texte
    # Other filters: another alert.
    _demander(client, "contrat=cdd")
    assert Alerte.objects.count() == 2


def test_an_unsubscribed_alert_asked_again_needs_a_new_confirmation(client, opp):
    _demander(client)
    alerte = Alerte.objects.get()
    services.alerte_confirmer(alerte=alerte)
    services.alerte_desinscrire(alerte=alerte)
    _demander(client)
    alerte.refresh_from_db()
    assert Alerte.objects.count() == 1
    assert alerte.desinscrite_le is None and alerte.confirmee_le is None
    assert "Confirmez" in _courriels()[-1].sujet


def test_rate_limited_per_address(client, opp, settings):
    settings.OPPORTUNITES_ALERTES_LIMITES = "100/1h/ip,2/1h/key"
    assert _demander(client, "contrat=cdi").status_code == 302
    assert _demander(client, "contrat=cdd").status_code == 302
    reponse = _demander(client, "contrat=stage")
    assert reponse.status_code == 429
    html = reponse.content.decode()
    assert "Trop de demandes" in html
    assert 'value="lea@exemple.fr"' in html  # what was typed is kept
    assert Alerte.objects.count() == 2
    assert Courriel.objects.count() == 2
    # Another address is not blocked.
    assert _demander(client, "contrat=stage", email="autre@exemple.fr").status_code == 302


def test_rate_limited_per_ip(client, opp, settings):
    settings.OPPORTUNITES_ALERTES_LIMITES = "3/1h/ip,100/1h/key"
    for numero in range(3):
        assert _demander(client, email=f"p{numero}@exemple.fr").status_code == 302
    assert _demander(client, email="p9@exemple.fr").status_code == 429
    assert Courriel.objects.count() == 3


def test_the_default_limits_stop_a_flood_of_one_address(client, opp):
    codes = [
        _demander(client, f"contrat={c}").status_code for c in ("cdi", "cdd", "stage", "interim")
    ]
    assert codes == [302, 302, 302, 429]


def test_logged_in_with_a_verified_address_no_confirmation_needed(client, opp):
    utilisateur = UtilisateurFactory(email="marc@exemple.fr")
    client.force_login(utilisateur)
    page = client.get(f"{URL}?contrat=cdi")
    assert 'value="marc@exemple.fr"' in page.content.decode()
    reponse = _demander(client, "contrat=cdi", email="marc@exemple.fr")
    assert reponse.status_code == 302
    alerte = Alerte.objects.get()
    assert alerte.active and alerte.compte == utilisateur
    assert _courriels() == []
    assert "Alerte activée" in client.get(reponse["Location"]).content.decode()


def test_logged_in_with_another_address_still_needs_confirmation(client, opp):
    client.force_login(UtilisateurFactory(email="marc@exemple.fr"))
    _demander(client, "contrat=cdi", email="inconnu@exemple.fr")
    alerte = Alerte.objects.get()
    assert alerte.confirmee_le is None
    assert alerte.compte is None  # someone else's address: not in « Mes alertes »
    assert len(_courriels()) == 1


@pytest.mark.parametrize(
    ("donnees", "erreur"),
    [
        ({"email": "", "frequence": "quotidienne"}, "Indiquez l'adresse électronique"),
        ({"email": "pas-une-adresse", "frequence": "quotidienne"}, "adresse électronique valide"),
        ({"email": "a" * 300 + "@exemple.fr", "frequence": "quotidienne"}, "trop longue"),
        ({"email": "lea@exemple.fr", "frequence": "horaire"}, "Chaque semaine"),
        ({"email": "lea@exemple.fr"}, "Choisissez à quel rythme"),
    ],
)
def test_bad_input_gives_a_french_message_next_to_the_field(client, opp, donnees, erreur):
    reponse = client.post(f"{URL}?contrat=cdi", donnees)
    assert reponse.status_code == 400
    html = unescape(reponse.content.decode())
    assert erreur in html
    assert "resume-erreurs" in html
    assert 'aria-invalid="true"' in html or "champ__erreur" in html
    if donnees.get("email") == "pas-une-adresse":
        assert 'value="pas-une-adresse"' in html
    assert not Alerte.objects.exists()


@pytest.mark.parametrize(
    "requete",
    [
        "secteur=%00&rayon=abc&commune=zzzzz&territoire=1%27--",
        "contrat=" + "x" * 5000,
        "q=%ff%fe&tri=proche&rayon=-1&commune=46042",
        "pour=conjoint&pour=autre&secteur[]=sante",
        "profil_recherche=peut-etre&teletravail=total&teletravail=total",
    ],
)
def test_nonsense_query_strings_never_fail(client, opp, requete):
    assert client.get(f"{URL}?{requete}").status_code == 200
    reponse = client.post(f"{URL}?{requete}", {"email": "lea@exemple.fr", "frequence": "x"})
    assert reponse.status_code == 400
    assert _demander(client, requete).status_code == 302


def test_the_result_page_without_a_request_goes_back_to_the_form(client, opp):
    reponse = client.get("/opportunites/alertes/nouvelle/envoyee/")
    assert reponse.status_code == 302
    assert reponse["Location"] == URL


def test_other_methods_are_refused(client, opp):
    assert client.put(URL).status_code == 405
    assert client.delete("/opportunites/alertes/confirmer/abc/").status_code == 405
