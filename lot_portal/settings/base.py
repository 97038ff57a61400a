"""Settings shared by every environment.

Everything comes from the environment through one ``environ.Env``; each
variable has a default that suits a laptop with nothing installed (SQLite, an
in-process cache, a Celery broker kept in files, emails printed and written
under ``var/mail/``). ``production.py`` removes those defaults.
"""

import sys
from pathlib import Path
from urllib.parse import urlsplit

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
env.read_env(BASE_DIR / ".env")  # optional, never required

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        sys.exit("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-only-for-debug-mode"  # noqa: S105

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"]
)
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

# --- Applications -----------------------------------------------------------

INSTALLED_APPS = [
    # The portal's core, then the feature apps.
    "lot_portal.comptes",
    "lot_portal.territoire",
    "lot_portal.courriels",
    "lot_portal.journal",
    "lot_portal.rgpd",
    "lot_portal.cms",
    "lot_portal.vitrine",
    "lot_portal.agenda",
    "lot_portal.recherche",
    "lot_portal.pilotage",
    "accueil",
    "ambassadeurs",
    "opportunites",
    "jeunesse",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    # Outermost, so that it stores responses with every header added below.
    "lot_portal.cms.cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lot_portal.vitrine.middleware.SourceCampagneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Team members without a second factor are sent from the admin to its activation.
    "lot_portal.comptes.middleware.MfaEquipeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lot_portal.urls"
WSGI_APPLICATION = "lot_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "lot_portal.cms.context_processors.navigation",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the Celery worker share the file: wait on locks,
    # let readers work during a write, and take the write lock up front.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")


def _cache_from_url(url):
    if url.startswith(("redis://", "rediss://")):
        return {
            # RedisCache that answers « miss » instead of raising when Redis is down.
            "BACKEND": "lot_portal.cache.TolerantRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    return env.cache_url_config(url)


CACHES = {"default": _cache_from_url(env("CACHE_URL", default=REDIS_URL or "locmemcache://"))}

# --- Accounts ---------------------------------------------------------------

AUTH_USER_MODEL = "comptes.Utilisateur"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "compte"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Le Lot] "
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_RATE_LIMITS_ENABLED = env.bool("ACCOUNT_RATE_LIMITS_ENABLED", default=True)
if not ACCOUNT_RATE_LIMITS_ENABLED:
    ACCOUNT_RATE_LIMITS = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Le Lot - Attractivité"
# Staff (and anybody allowed into the Wagtail admin) must have a second factor to use the
# admin (lot_portal.comptes.middleware). Off here so that the demo and the tests' force_login
# work; on by default in production.py.
COMPTES_MFA_OBLIGATOIRE_EQUIPE = env.bool("COMPTES_MFA_OBLIGATOIRE_EQUIPE", default=False)

# --- Email: every message goes through the outbox (lot_portal.courriels) ----

EMAIL_BACKEND = "lot_portal.courriels.backends.OutboxBackend"
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default='"Le Lot, terre d’opportunités" <ne-pas-repondre@lot.fr>'
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_URL = env("EMAIL_URL", default="")
if EMAIL_URL:
    _email = env.email_url_config(EMAIL_URL)
    COURRIELS_DELIVERY_BACKEND = _email.pop("EMAIL_BACKEND")
    for _key, _value in _email.items():
        globals()[_key] = _value
else:
    COURRIELS_DELIVERY_BACKEND = "lot_portal.courriels.backends.ConsoleAndFileBackend"
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
EMAIL_TIMEOUT = 10

# --- Celery -----------------------------------------------------------------

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "filesystem://")
if CELERY_BROKER_URL == "filesystem://":
    # No server needed: the web process and the worker exchange messages
    # through files under var/celery/.
    _queue = VAR_DIR / "celery" / "queue"
    _processed = VAR_DIR / "celery" / "processed"
    _control = VAR_DIR / "celery" / "control"
    for _folder in (_queue, _processed, _control):
        _folder.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue),
        "data_folder_out": str(_queue),
        "processed_folder": str(_processed),
        "control_folder": str(_control),
        "store_processed": False,
    }
else:
    # A web request hands an email to the broker once, never waiting on it: one
    # connection attempt (kombu retries forever by default), a short timeout; a failed
    # email is left to the sweep (lot_portal.courriels.services.courriel_dispatcher).
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "socket_connect_timeout": 2,
        "socket_timeout": 2,
        "max_retries": 0,
    }
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
# After a broker error, a process leaves new emails to the sweep for this many seconds
# instead of trying the broker again on every request (lot_portal.courriels.services).
COURRIELS_BROKER_PAUSE = env.int("COURRIELS_BROKER_PAUSE", default=30)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
# Keep Django's logging (and its personal-data filter) in the worker.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = "Europe/Paris"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "courriels-envoyer-en-attente": {
        "task": "lot_portal.courriels.tasks.envoyer_en_attente_task",
        "schedule": 60.0,
    },
    "wagtail-publier-programmes": {
        "task": "lot_portal.cms.tasks.publier_programmes_task",
        "schedule": 60.0,
    },
    "accueil-relances-envoyer-dues": {
        "task": "accueil.tasks.relances_envoyer_dues_task",
        "schedule": 60.0,
    },
    "accueil-rappels-prochaine-action": {
        "task": "accueil.tasks.rappels_prochaine_action_task",
        "schedule": crontab(hour=7, minute=30),
    },
    # Every retention rule of the personal-data registry (lot_portal/rgpd): the welcome
    # files, the youth applications, alerts, registrations, outbox… in one daily run.
    "rgpd-conservation": {
        "task": "lot_portal.rgpd.tasks.conservation_appliquer_task",
        "schedule": crontab(hour=3, minute=30),
    },
    "opportunites-alertes-envoyer": {
        "task": "opportunites.tasks.alertes_envoyer_task",
        "schedule": crontab(hour=7, minute=0),
    },
    "jeunesse-rappels-cloture": {
        "task": "jeunesse.tasks.rappels_cloture_envoyer",
        "schedule": crontab(minute=5),
    },
    "journal-acces-purger": {
        "task": "lot_portal.journal.tasks.journal_purger_task",
        "schedule": crontab(hour=4, minute=10),
    },
}

# The audit log of staff accesses to people's data (lot_portal.journal) keeps this many days.
JOURNAL_ACCES_CONSERVATION_JOURS = env.int("JOURNAL_ACCES_CONSERVATION_JOURS", default=365)

# Welcome files without activity for this many days are anonymised (RGPD retention).
ACCUEIL_RETENTION_JOURS = env.int("ACCUEIL_RETENTION_JOURS", default=3 * 365)
# Retention of the other personal data (lot_portal/rgpd: one rule per registered model).
RGPD_COURRIELS_MOIS = env.int("RGPD_COURRIELS_MOIS", default=6)
RGPD_INSCRIPTIONS_MOIS = env.int("RGPD_INSCRIPTIONS_MOIS", default=6)
RGPD_BROUILLONS_JOURS = env.int("RGPD_BROUILLONS_JOURS", default=90)
RGPD_ALERTES_INACTIVES_MOIS = env.int("RGPD_ALERTES_INACTIVES_MOIS", default=12)
RGPD_CONTACTS_REPRISE_MOIS = env.int("RGPD_CONTACTS_REPRISE_MOIS", default=24)
RGPD_AMBASSADEURS_REFUS_MOIS = env.int("RGPD_AMBASSADEURS_REFUS_MOIS", default=6)
RGPD_QUESTIONS_MOIS = env.int("RGPD_QUESTIONS_MOIS", default=24)

# Referrals credited to one ambassador in 30 days beyond which staff review each new one.
AMBASSADEURS_PARRAINAGES_MAX_30J = env.int("AMBASSADEURS_PARRAINAGES_MAX_30J", default=10)

# Steering figures (pilotage): on the open-data page, any count of people below this threshold
# is replaced by « < N »; the page publishes the last 12 full months and this many full years.
PILOTAGE_SEUIL_PUBLIC = env.int("PILOTAGE_SEUIL_PUBLIC", default=5)
PILOTAGE_ANNEES_PUBLIQUES = env.int("PILOTAGE_ANNEES_PUBLIQUES", default=3)

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media files -------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", default=str(VAR_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(VAR_DIR / "media"))
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
# Private files (newcomers' CVs…): outside MEDIA_ROOT, never served by the web server;
# only views that check permissions stream them.
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "prive"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "prive": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 3600

# --- Wagtail ----------------------------------------------------------------

WAGTAIL_SITE_NAME = "Le Lot, terre d'opportunités"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # French titles give plain ASCII addresses
# Wagtail 8's autosave POSTs a new page to the « add » URL as soon as it is edited; a click on
# « Soumettre » while that first request is still running creates the page twice and the
# second save fails on the slug with a 500 (seen in CI under load). Off by default: the
# « unsaved changes » warning still protects editors' work.
WAGTAIL_AUTOSAVE_INTERVAL = env.int("WAGTAIL_AUTOSAVE_INTERVAL", default=0)
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Created by lot_portal/recherche/migrations/0001_french_unaccent.py.
        **(
            {"SEARCH_CONFIG": "french_unaccent"}
            if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
            else {}
        ),
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "vtt", "xlsx"]
# Stories (cms.HistoirePage): podcasts and videos are documents, captions are .vtt.
WAGTAILDOCS_EXTENSIONS += ["m4a", "mp3", "oga", "ogg", "opus", "wav", "mp4", "ogv", "webm"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]  # never SVG
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Decompression bombs: a tiny file announcing huge dimensions is refused (40 megapixels, like
# lot_portal.cms.images.PIXELS_MAX).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Staff uploads checked from their bytes (lot_portal/fichiers/wagtail.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "lot_portal.fichiers.wagtail.FormulaireImage"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "lot_portal.fichiers.wagtail.FormulaireDocument"
# Documents only through Wagtail's view (/documents/<id>/<name>): always as attachments, with
# nosniff and « Content-Security-Policy: default-src 'none' »; never inline, not even PDFs.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False  # allauth handles password resets

# --- Security headers (every environment) -----------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CONTENT_SECURITY_POLICY = {
    # The Wagtail admin relies on inline scripts and styles.
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Rate limits (allauth's syntax) of the job alerts form and of the takeover contact form:
# per IP and per email address ("key").
OPPORTUNITES_ALERTES_LIMITES = env(
    "OPPORTUNITES_ALERTES_LIMITES", default="10/1h/ip,3/1h/key,6/1d/key"
)
OPPORTUNITES_CONTACT_LIMITES = env("OPPORTUNITES_CONTACT_LIMITES", default="10/h/ip,5/h/key")

# Map tiles of the opportunities' map view, e.g.
# "https://tile.openstreetmap.org/{z}/{x}/{y}.png". Empty (the default): no map, and no
# public page makes a request to another host. When set, its host joins the CSP img-src.
OPPORTUNITES_CARTE_TUILES = env("OPPORTUNITES_CARTE_TUILES", default="")
OPPORTUNITES_CARTE_ATTRIBUTION = env(
    "OPPORTUNITES_CARTE_ATTRIBUTION", default="© les contributeurs d'OpenStreetMap"
)
if OPPORTUNITES_CARTE_TUILES:
    # "{s}.tile.example.org" (Leaflet's subdomains) becomes "*.tile.example.org".
    _tuiles = urlsplit(OPPORTUNITES_CARTE_TUILES.replace("{s}", "*"))
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"{_tuiles.scheme}://{_tuiles.netloc}")

# --- Page cache for anonymous visitors --------------------------------------

PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)

# --- Logging ----------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"simple": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # No personal data in the logs: emails, phones and IPs masked (lot_portal/journaux.py).
    "filters": {"donnees_personnelles": {"()": "lot_portal.journaux.FiltreDonneesPersonnelles"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "simple",
            "filters": ["donnees_personnelles"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # Wagtail logs page titles at INFO (« Published: "Ambassadeur : Léa Martin" »); its
        # audit trail is kept in the database (« Historique ») anyway.
        "wagtail": {"level": "WARNING"},
    },
}
