"""Campaign visits are recorded in a signed cookie that the registration code reads."""

import pytest
from django.core import signing
from django.test import RequestFactory

from lot_portal.vitrine.campagne import COOKIE_NAME, MAX_AGE_SECONDS, signer
from lot_portal.vitrine.models import CampagnePage
from lot_portal.vitrine.selectors import source_campagne

pytestmark = pytest.mark.django_db

UTM = {
    "utm_source": "facebook",
    "utm_medium": "social",
    "utm_campaign": "printemps",
    "utm_content": "visuel-a",
    "utm_term": "emploi lot",
}


def _source(client):
    """What the selector returns for the client's next request."""
    requete = RequestFactory().get("/")
    requete.COOKIES = {k: v.value for k, v in client.cookies.items()}
    return source_campagne(requete)


def test_utm_parameters_set_a_signed_httponly_cookie(client, site_demo):
    reponse = client.get("/vivre-dans-le-lot/", UTM)
    assert reponse.status_code == 200
    cookie = reponse.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["max-age"] == MAX_AGE_SECONDS
    assert not cookie["secure"]
    assert "facebook" not in cookie.value  # signed and compressed, not readable
    source = _source(client)
    assert {k: source[k] for k in UTM} == UTM
    assert source["page"] == "/vivre-dans-le-lot/" and source["date"]


def test_cookie_is_secure_over_https(client, site_demo):
    reponse = client.get("/vivre-dans-le-lot/", {"utm_source": "x"}, secure=True)
    assert reponse.cookies[COOKIE_NAME]["secure"]


def test_campaign_code_parameter_is_recorded(client, site_demo):
    client.get("/", {"campagne": "Salon-Paris-2026"})
    assert _source(client)["campagne"] == "salon-paris-2026"


def test_tampered_or_foreign_cookies_are_ignored(client, site_demo):
    client.get("/", UTM)
    valeur = client.cookies[COOKIE_NAME].value
    client.cookies[COOKIE_NAME] = valeur[:-3] + ("aaa" if not valeur.endswith("aaa") else "bbb")
    assert _source(client) is None
    client.cookies[COOKIE_NAME] = signing.dumps({"utm_source": "x"}, salt="autre-sel")
    assert _source(client) is None
    client.cookies[COOKIE_NAME] = signer(["pas", "un", "dict"])
    assert _source(client) is None
    client.cookies[COOKIE_NAME] = signer({"utm_source": "ok", "mot_de_passe": "x"})
    assert _source(client) == {"utm_source": "ok"}  # unknown keys dropped


def test_a_tampered_cookie_is_replaced_by_a_new_campaign_visit(client, site_demo):
    client.cookies[COOKIE_NAME] = "n'importe quoi"
    reponse = client.get("/", {"utm_source": "journal"})
    assert COOKIE_NAME in reponse.cookies
    assert _source(client)["utm_source"] == "journal"


def test_first_touch_is_kept_unless_a_new_campaign_is_named(client, site_demo):
    client.get("/", UTM)
    premiere = _source(client)
    # Same campaign again, or only a source: nothing is rewritten.
    assert COOKIE_NAME not in client.get("/", UTM).cookies
    assert COOKIE_NAME not in client.get("/", {"utm_source": "google"}).cookies
    assert _source(client) == premiere
    # A campaign page visited later does not replace the first touch either.
    campagne = CampagnePage.objects.get()
    assert COOKIE_NAME not in client.get(campagne.url).cookies
    assert _source(client) == premiere
    # A link naming another campaign explicitly does.
    client.get("/", {"utm_source": "affiche", "utm_campaign": "automne"})
    source = _source(client)
    assert source["utm_campaign"] == "automne" and "utm_medium" not in source


def test_visiting_a_campaign_page_records_its_code(client, site_demo):
    campagne = CampagnePage.objects.get()
    reponse = client.get(campagne.url)
    assert COOKIE_NAME in reponse.cookies
    assert _source(client) == {
        "campagne": "opportunites-2026",
        "page": campagne.url,
        "date": _source(client)["date"],
    }


def test_utm_landing_on_a_campaign_page_records_both(client, site_demo):
    campagne = CampagnePage.objects.get()
    client.get(campagne.url, {"utm_source": "affichage"})
    source = _source(client)
    assert source["utm_source"] == "affichage" and source["campagne"] == "opportunites-2026"


def test_selector_sees_the_source_during_the_landing_request(rf, site_demo):
    from lot_portal.vitrine.middleware import SourceCampagneMiddleware

    vu = {}

    def vue(requete):
        from django.http import HttpResponse

        vu["source"] = source_campagne(requete)
        return HttpResponse("ok")

    SourceCampagneMiddleware(vue)(rf.get("/compte/signup/", {"campagne": "opportunites-2026"}))
    assert vu["source"]["campagne"] == "opportunites-2026"


def test_plain_visits_set_no_cookie(client, site_demo):
    reponse = client.get("/vivre-dans-le-lot/")
    assert COOKIE_NAME not in reponse.cookies
    assert _source(client) is None
