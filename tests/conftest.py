import os
import re
import shutil

import pytest
from django.conf import settings
from django.core.management import call_command

from lot_portal.celery import app as celery_app

# No personal data in the logs nor the URLs of the suite (tests/confiance/_journal_plugin.py).
pytest_plugins = ["confiance._journal_plugin"]

IN_CI = os.environ.get("CI") == "true"
# Playwright's sync API runs an event loop in the test thread; Django must
# still be allowed to query the database from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# ``value:timestamp:signature`` from django.core.signing (TimestampSigner).
_JETON_SIGNE = re.compile(r"^[\w-]+:[0-9A-Za-z]+:[\w-]{43}$")


def pytest_make_parametrize_id(config, val, argname):
    """A token signed at collection time names its test by its kind, not by its value.

    The value holds the current second: pytest-xdist workers collecting a second apart
    would list different tests and refuse to run. (Duplicates get a numeric suffix.)
    """
    if isinstance(val, str) and _JETON_SIGNE.match(val):
        return f"{argname}-signe"
    return None


@pytest.fixture(autouse=True)
def _outbox_backend(settings):
    """pytest-django swaps EMAIL_BACKEND for locmem; keep our outbox in front of it.

    Messages still land in ``mail.outbox``: the outbox delivers through
    ``COURRIELS_DELIVERY_BACKEND``, which is locmem in the test settings.
    """
    settings.EMAIL_BACKEND = "lot_portal.courriels.backends.OutboxBackend"


@pytest.fixture(autouse=True)
def _eager_celery(request):
    """Run tasks inline, except in tests marked ``celery_reel`` when a real
    broker is configured (CI points CELERY_BROKER_URL at Redis)."""
    reel = settings.REAL_BROKER and request.node.get_closest_marker("celery_reel")
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = not reel
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def celery_worker_reel(transactional_db):
    """A real Celery worker (in a thread) consuming the configured broker.

    Without a broker configured, tasks are eager and no worker is needed.
    """
    if not settings.REAL_BROKER:
        yield None
        return
    from celery.contrib.testing.worker import start_worker

    celery_app.control.purge()
    with start_worker(
        celery_app, perform_ping_check=False, pool="solo", loglevel="WARNING"
    ) as worker:
        yield worker


@pytest.fixture
def site_demo(db):
    """The core of the demo site: home page, legal pages, settings, territory."""
    call_command("seed_demo", "--noyau", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from lot_portal.cms.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def site_demo_complet(db):
    """The whole demo site, every section's content included (slower)."""
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from lot_portal.cms.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def noyau_demo(transactional_db):
    """The core of the demo (home, legal pages, territory) for the live server."""
    call_command("seed_demo", "--noyau", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def site_demo_transactionnel(transactional_db):
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from lot_portal.cms.models import HomePage

    return HomePage.objects.get()


def _chromium():
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chemin = _chromium()
    if not chemin:
        if IN_CI:
            pytest.fail("Chromium est introuvable : CI=true exige le navigateur.")
        pytest.skip("Chromium (paquet Debian « chromium ») n'est pas installé.")
    return {
        **browser_type_launch_args,
        "executable_path": chemin,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR"}


@pytest.fixture
def cache_vide(settings):
    """The anonymous page cache switched on and empty (shared and per process)."""
    from django.core.cache import cache

    from lot_portal.cms.cache import forget_local_copy

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    forget_local_copy()


def appel_cache_wsgi(path, query="", cookie=""):
    """Ask the page cache's WSGI wrapper for ``path``.

    Returns (body, {"status", "headers"}, misses): ``misses`` lists the paths
    that reached the inner application, i.e. were not served from the cache.
    """
    from lot_portal.cms.cache import PageCacheWSGI

    misses = []

    def application(environ, start_response):
        misses.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"miss"]

    statut = {}

    def start_response(status, headers):
        statut["status"] = status
        statut["headers"] = dict(headers)

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "HTTP_HOST": "testserver",
        "HTTP_COOKIE": cookie,
    }
    corps = b"".join(PageCacheWSGI(application)(environ, start_response))
    return corps, statut, misses


@pytest.fixture
def wsgi_get():
    """``appel_cache_wsgi`` as a fixture, for test modules outside this folder."""
    return appel_cache_wsgi


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Only browser tests may be parametrised by pytest-playwright (a test argument named
    ``page`` is enough to make it one). Its session-scoped ``browser_name`` parameter makes
    pytest regroup those tests after pytest-django's ordering, so a database test could run
    after a transactional one (which empties the database) on the same xdist worker."""
    egares = [
        item.nodeid
        for item in items
        if "browser_name" in getattr(getattr(item, "callspec", None), "params", {})
        and item.get_closest_marker("navigateur") is None
    ]
    if egares:
        raise pytest.UsageError(
            "Tests parametrised by pytest-playwright without the « navigateur » mark "
            "(rename their « page » argument): " + ", ".join(egares)
        )
