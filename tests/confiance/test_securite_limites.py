"""Brute force: failed logins (public site and admin entry) and second-factor codes are
throttled by allauth's rate limits.

The test settings switch allauth's rate limits off (``ACCOUNT_RATE_LIMITS = False``); these
tests put back allauth's defaults (``login_failed``: 5 failures per email per 5 minutes).
"""

import time

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core.cache import cache

pytestmark = pytest.mark.django_db

MOT_DE_PASSE = "Causse-46-Figeac!"
TROP = "Trop de tentatives de connexion échouées"


@pytest.fixture(autouse=True)
def _limites_actives(settings):
    settings.ACCOUNT_RATE_LIMITS = {}  # allauth's defaults
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def compte(django_user_model):
    utilisateur = django_user_model.objects.create_user(
        email="agent@lot.fr", password=MOT_DE_PASSE, is_staff=True, is_superuser=True
    )
    EmailAddress.objects.create(user=utilisateur, email="agent@lot.fr", verified=True, primary=True)
    return utilisateur


def _essai(client, url, mot_de_passe):
    return client.post(url, {"login": "agent@lot.fr", "password": mot_de_passe})


@pytest.mark.parametrize("entree", ["/compte/login/", "/admin/login/?next=/admin/"])
def test_failed_logins_are_throttled_even_for_the_right_password(client, compte, entree):
    # The admin's login is a redirect to allauth's form: the same form, the same limits.
    url = client.get(entree, follow=True).redirect_chain[-1][0] if "admin" in entree else entree
    assert url.startswith("/compte/login/")
    debut = time.time()
    with time_machine.travel(debut, tick=False) as machine:
        for _ in range(5):
            reponse = _essai(client, url, "mauvais-mot-de-passe")
            assert reponse.status_code == 200
            assert TROP not in reponse.content.decode()
        reponse = _essai(client, url, "mauvais-mot-de-passe")
        assert TROP in reponse.content.decode()
        # The right password is still refused during the lockout…
        reponse = _essai(client, url, MOT_DE_PASSE)
        assert reponse.status_code == 200
        assert TROP in reponse.content.decode()
        assert "_auth_user_id" not in client.session
        machine.move_to(debut + 4 * 60)
        assert TROP in _essai(client, url, MOT_DE_PASSE).content.decode()
        # …and accepted once the period is over.
        machine.move_to(debut + 5 * 60 + 1)
        reponse = _essai(client, url, MOT_DE_PASSE)
        assert reponse.status_code == 302
        assert client.session["_auth_user_id"] == str(compte.pk)


def test_second_factor_codes_are_throttled(client, compte):
    secret = "JBSWY3DPEHPK3PXP"
    TOTP.activate(compte, secret)
    assert Authenticator.objects.filter(user=compte).exists()
    debut = time.time()
    with time_machine.travel(debut, tick=False):
        reponse = _essai(client, "/compte/login/", MOT_DE_PASSE)
        assert reponse["Location"].startswith("/compte/2fa/authenticate/")
        for _ in range(5):
            reponse = client.post("/compte/2fa/authenticate/", {"code": "000000"})
            assert reponse.status_code == 200
            assert TROP not in reponse.content.decode()
        reponse = client.post("/compte/2fa/authenticate/", {"code": "000000"})
        assert TROP in reponse.content.decode()
        # The right code is refused too while the limit holds.
        bon = format_hotp_value(hotp_value(secret, int(debut) // 30))
        reponse = client.post("/compte/2fa/authenticate/", {"code": bon})
        assert reponse.status_code == 200
        assert TROP in reponse.content.decode()
        assert "_auth_user_id" not in client.session


def test_too_many_login_requests_from_one_address_get_a_french_429(client, settings, compte):
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip"}
    for _ in range(2):
        assert _essai(client, "/compte/login/", "mauvais").status_code == 200
    reponse = _essai(client, "/compte/login/", MOT_DE_PASSE)
    assert reponse.status_code == 429
    html = reponse.content.decode()
    assert "Trop de tentatives" in html and '<html lang="fr"' in html
    assert "Too Many Requests" not in html
    assert "_auth_user_id" not in client.session
