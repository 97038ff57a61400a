"""Production: PostgreSQL, Redis and Celery workers, behind a TLS proxy.

Every variable below is required; the process stops with a one-line message
naming the first one missing.
"""

import os
import sys

for _name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"):
    if not os.environ.get(_name):
        sys.exit(f"{_name} must be set for the production settings.")
os.environ["DJANGO_DEBUG"] = "false"

from .base import *  # noqa: E402,F403
from .base import DATABASES, env  # noqa: E402

if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    sys.exit("DATABASE_URL must point at PostgreSQL for the production settings.")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env.bool("DJANGO_USE_X_FORWARDED_HOST", default=False)
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^sante/$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Secure-sessionid"
CSRF_COOKIE_NAME = "__Secure-csrftoken"
# The team's second factor is required to use the admin (lot_portal.comptes.middleware);
# COMPTES_MFA_OBLIGATOIRE_EQUIPE=false switches it off (a demo server, never the real site).
COMPTES_MFA_OBLIGATOIRE_EQUIPE = env.bool("COMPTES_MFA_OBLIGATOIRE_EQUIPE", default=True)
