"""Every public page type sends a strict Content-Security-Policy, nosniff, a Referrer-Policy
and frame protection; HSTS under the production settings (tests/test_configuration.py checks
that those settings ask for it)."""

import pytest
from _securite import pages_publiques
from allauth.account.models import EmailAddress

pytestmark = pytest.mark.django_db


def _directives(entete):
    directives = {}
    for morceau in entete.split(";"):
        mots = morceau.split()
        if mots:
            directives[mots[0]] = mots[1:]
    return directives


def _verifier(reponse, nom):
    csp = reponse.get("Content-Security-Policy")
    assert csp, f"{nom} : pas de Content-Security-Policy"
    directives = _directives(csp)
    scripts = directives.get("script-src", directives.get("default-src"))
    assert scripts == ["'self'"], (nom, csp)
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, (nom, csp)
    assert directives["default-src"] == ["'self'"], (nom, csp)
    assert directives["frame-ancestors"] == ["'none'"], (nom, csp)
    assert directives["object-src"] == ["'none'"], (nom, csp)
    assert directives["base-uri"] == ["'self'"], (nom, csp)
    assert reponse["X-Frame-Options"] == "DENY", nom
    assert reponse["X-Content-Type-Options"] == "nosniff", nom
    assert reponse["Referrer-Policy"] == "strict-origin-when-cross-origin", nom


def test_every_public_page_type_sends_the_security_headers(
    client, django_user_model, settings, site_demo_complet
):
    # The production settings' HSTS (tests/test_configuration.py reads them from
    # lot_portal.settings.production); Django sends it on HTTPS requests only.
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    pages = pages_publiques()
    for nom, url in pages.items():
        reponse = client.get(url, secure=True)
        attendu = 404 if nom == "introuvable" else 200
        assert reponse.status_code == attendu, (nom, url, reponse.status_code)
        _verifier(reponse, nom)
        assert reponse["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        ), nom
    # A page of the account area, logged in.
    utilisateur = django_user_model.objects.create_user(email="h@exemple.fr", password="x")
    EmailAddress.objects.create(user=utilisateur, email="h@exemple.fr", verified=True)
    client.force_login(utilisateur)
    for nom, url in {"compte": "/compte/", "adresses": "/compte/email/"}.items():
        reponse = client.get(url, secure=True)
        assert reponse.status_code == 200, nom
        _verifier(reponse, nom)
    # Plain HTTP (before the proxy's redirect) never gets HSTS, as the RFC requires.
    assert "Strict-Transport-Security" not in client.get(pages["accueil"])
