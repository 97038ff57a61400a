"""Tests: the base settings, made fast and deterministic.

With no ``CELERY_BROKER_URL`` in the environment, tasks run eagerly in the
test process; with one (CI points it at Redis), they go through the broker
and the tests that need it start a real worker.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault(
    "DJANGO_SECRET_KEY", "tests-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
)

from .base import *  # noqa: E402,F403
from .base import VAR_DIR  # noqa: E402

# Under pytest-xdist (``make test`` runs one worker per core) each worker has its own
# test database (pytest-django suffixes its name), its own files (the seeds write their
# credentials under VAR_DIR, tests upload media) and its own keys on a shared broker, so
# a worker never consumes a task queued by another one's test.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if XDIST_WORKER:
    VAR_DIR = VAR_DIR / "test-workers" / XDIST_WORKER
    VAR_DIR.mkdir(parents=True, exist_ok=True)

REAL_BROKER = bool(os.environ.get("CELERY_BROKER_URL"))
CELERY_TASK_ALWAYS_EAGER = not REAL_BROKER
if not REAL_BROKER:
    CELERY_BROKER_URL = "memory://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
elif XDIST_WORKER:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        **CELERY_BROKER_TRANSPORT_OPTIONS,  # noqa: F405
        "global_keyprefix": f"tests-{XDIST_WORKER}:",
    }
# The broker circuit breaker keeps its state in process memory: off in tests, so one
# test's broker failure never holds back the next test's emails (tests/confiance/
# test_pannes_*.py switch it on).
COURRIELS_BROKER_PAUSE = 0

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "prive": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "test-prive"), "base_url": None},
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = str(VAR_DIR / "test-media")
EMAIL_FILE_PATH = str(VAR_DIR / "test-mail")
COURRIELS_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL"):
    pass  # noqa: F811  (tests on the real cache in CI)
ACCOUNT_RATE_LIMITS = False
