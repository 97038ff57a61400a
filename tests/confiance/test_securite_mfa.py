"""The team's second factor (allauth mfa): activation end to end, the login asks for the
code, and staff without one are sent from the admin to its activation.

The requirement is off in the test settings (``COMPTES_MFA_OBLIGATOIRE_EQUIPE`` defaults to
False outside production, so the suite's ``force_login`` into /admin/ keeps working); these
tests switch it on.
"""

import re

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core.cache import cache

pytestmark = pytest.mark.django_db

MOT_DE_PASSE = "Causse-46-Figeac!"


@pytest.fixture(autouse=True)
def _mfa_obligatoire(settings):
    settings.COMPTES_MFA_OBLIGATOIRE_EQUIPE = True
    cache.clear()  # TOTP codes already used, rate limits


def _compte(django_user_model, email, **champs):
    utilisateur = django_user_model.objects.create_user(
        email=email, password=MOT_DE_PASSE, **champs
    )
    EmailAddress.objects.create(user=utilisateur, email=email, verified=True, primary=True)
    return utilisateur


@pytest.fixture
def equipe(django_user_model):
    return _compte(django_user_model, "agent@lot.fr", is_staff=True, is_superuser=True)


def _code(secret):
    """The current TOTP code, computed like an authenticator app."""
    compteurs = list(yield_hotp_counters_from_time())
    compteur = compteurs[len(compteurs) // 2]  # the middle one: now
    return format_hotp_value(hotp_value(secret, compteur))


def _connexion(client, email=None, suivant=""):
    return client.post(
        "/compte/login/" + (f"?next={suivant}" if suivant else ""),
        {"login": email or "agent@lot.fr", "password": MOT_DE_PASSE},
    )


def _activer_totp(client):
    """Activate TOTP through allauth's page (after confirming the password, as allauth
    requires); returns the secret."""
    reponse = client.post(
        "/compte/reauthenticate/?next=/compte/2fa/totp/activate/", {"password": MOT_DE_PASSE}
    )
    assert reponse.status_code == 302 and reponse["Location"] == "/compte/2fa/totp/activate/"
    reponse = client.get("/compte/2fa/totp/activate/")
    assert reponse.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    reponse = client.post("/compte/2fa/totp/activate/", {"code": _code(secret)})
    assert reponse.status_code == 302, reponse.content.decode()[:2000]
    return secret


def test_staff_without_second_factor_is_sent_to_its_activation_with_an_explanation(
    client, site_demo, equipe
):
    assert _connexion(client).status_code == 302
    for url in ("/admin/", "/admin/pages/", "/admin/courriels/", "/admin/snippets/"):
        reponse = client.get(url)
        assert reponse.status_code == 302, url
        assert reponse["Location"] == "/compte/2fa/totp/activate/", url
    reponse = client.get("/admin/", follow=True)
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert "réservée aux comptes protégés par une double authentification" in html
    # Nothing loops: allauth's pages, the account page, static files and logout answer.
    # allauth asks for the password again before activating: its page answers too.
    assert "/compte/reauthenticate/" in reponse.redirect_chain[-1][0]
    for url in ("/compte/", "/compte/2fa/", "/compte/reauthenticate/", "/compte/email/"):
        assert client.get(url).status_code == 200, url
    assert client.get("/static/css/site.css").status_code == 200
    assert client.post("/compte/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_totp_activation_end_to_end_then_login_asks_for_the_code(client, site_demo, equipe):
    _connexion(client)
    secret = _activer_totp(client)
    assert Authenticator.objects.filter(user=equipe, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200

    client.post("/compte/logout/")
    with _plus_tard(60):
        reponse = _connexion(client, suivant="/admin/")
        assert reponse.status_code == 302
        assert reponse["Location"].startswith("/compte/2fa/authenticate/")
        # Password alone is not a login: the admin still sends to the login page.
        admin = client.get("/admin/")
        assert admin.status_code == 302 and admin["Location"].startswith("/compte/login/")

        faux = client.post("/compte/2fa/authenticate/", {"code": "000000"})
        assert faux.status_code == 200
        assert "Code incorrect" in faux.content.decode()

        reponse = client.post("/compte/2fa/authenticate/", {"code": _code(secret)})
        assert reponse.status_code == 302
        assert reponse["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200


def _plus_tard(secondes):
    import time

    return time_machine.travel(time.time() + secondes, tick=False)


def test_staff_with_second_factor_reaches_the_admin_and_others_are_not_concerned(
    client, django_user_model, site_demo, equipe
):
    Authenticator.objects.create(user=equipe, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(equipe)
    assert client.get("/admin/").status_code == 200
    # A member of the public never sees the activation: the admin sends them to the login.
    public = _compte(django_user_model, "habitant@exemple.fr")
    client.force_login(public)
    reponse = client.get("/admin/")
    assert reponse.status_code == 302 and reponse["Location"].startswith("/compte/login/")
    assert client.get("/compte/").status_code == 200


def test_setting_off_lets_staff_in_without_second_factor(client, settings, site_demo, equipe):
    settings.COMPTES_MFA_OBLIGATOIRE_EQUIPE = False
    client.force_login(equipe)
    assert client.get("/admin/").status_code == 200


def test_production_requires_the_second_factor_by_default():
    texte = (
        __import__("pathlib").Path(__file__).resolve().parents[2]
        / "lot_portal/settings/production.py"
    ).read_text()
    assert re.search(
        r'COMPTES_MFA_OBLIGATOIRE_EQUIPE = env\.bool\("COMPTES_MFA_OBLIGATOIRE_EQUIPE", '
        r"default=True\)",
        texte,
    )


def test_account_page_and_jury_space_link_to_the_second_factor(
    client, django_user_model, site_demo
):
    client.force_login(_compte(django_user_model, "jure@exemple.fr"))
    html = client.get("/compte/").content.decode()
    assert 'href="/compte/2fa/"' in html
    assert "Protéger mon compte (double authentification)" in html
    assert "recommandé" in html and "jurés" in html
    jury = client.get("/jeunesse/jury/")
    assert jury.status_code == 200
    assert 'href="/compte/2fa/"' in jury.content.decode()
