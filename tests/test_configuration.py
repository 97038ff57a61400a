"""The settings read the environment and refuse unsafe production set-ups."""

import os
import subprocess
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent


def _manage(*args, **env):
    environnement = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_", "CACHE_", "EMAIL_"))
    }
    environnement.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=RACINE,
        env=environnement,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_debug_off_without_secret_key_refuses_to_start_in_one_line():
    resultat = _manage("check", DJANGO_DEBUG="false")
    assert resultat.returncode != 0
    assert resultat.stderr.strip() == "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off."


def test_production_settings_name_the_missing_variable():
    resultat = _manage(
        "check",
        DJANGO_SETTINGS_MODULE="lot_portal.settings.production",
        DJANGO_SECRET_KEY="k" * 60,
    )
    assert resultat.returncode != 0
    assert (
        resultat.stderr.strip() == "DJANGO_ALLOWED_HOSTS must be set for the production settings."
    )


def test_check_deploy_reports_nothing_with_a_production_environment():
    resultat = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="lot_portal.settings.production",
        DJANGO_SECRET_KEY="z7!Qp2@xL9#vR4$kT8%mN3^bW6&cY1*dF5(gH0)jK-s_eA+oU=iP",
        DJANGO_ALLOWED_HOSTS="portail.lot.fr",
        DATABASE_URL="postgres://lot:lot@db.invalid:5432/lot",
        REDIS_URL="redis://redis.invalid:6379/0",
        SITE_URL="https://portail.lot.fr",
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr
    assert "System check identified no issues" in resultat.stdout


_PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "lot_portal.settings.production",
    "DJANGO_SECRET_KEY": "z7!Qp2@xL9#vR4$kT8%mN3^bW6&cY1*dF5(gH0)jK-s_eA+oU=iP",
    "DJANGO_ALLOWED_HOSTS": "portail.lot.fr",
    "DATABASE_URL": "postgres://lot:lot@db.invalid:5432/lot",
    "REDIS_URL": "redis://redis.invalid:6379/0",
    "SITE_URL": "https://portail.lot.fr",
}


def test_check_deploy_is_silent_even_on_stderr():
    resultat = _manage("check", "--deploy", "--fail-level", "WARNING", **_PRODUCTION)
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr
    assert resultat.stdout.strip() == "System check identified no issues (0 silenced)."
    assert "WARNING" not in resultat.stderr and "?:" not in resultat.stderr


def test_production_settings_ask_for_hsts_secure_cookies_and_the_second_factor():
    code = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.X_FRAME_OPTIONS, s.SECURE_CONTENT_TYPE_NOSNIFF, s.SECURE_REFERRER_POLICY, "
        "s.COMPTES_MFA_OBLIGATOIRE_EQUIPE, s.ACCOUNT_RATE_LIMITS_ENABLED, "
        "repr(s.OPPORTUNITES_CARTE_TUILES))"
    )
    resultat = _manage("shell", "--no-imports", "-c", code, **_PRODUCTION)
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stdout.split() == [
        "False",
        "31536000",
        "True",
        "True",
        "True",
        "True",
        "DENY",
        "True",
        "strict-origin-when-cross-origin",
        "True",
        "True",
        "''",
    ]
