"""Whole-page cache for anonymous visitors.

``AnonymousPageCacheMiddleware`` (outermost Django middleware) stores each
cacheable response with all its headers in the shared cache (Redis in
production); ``PageCacheWSGI`` wraps the WSGI application and answers a hit
before Django even builds a request, from a small per-process copy of the
hottest pages, which is what makes anonymous pages nearly as cheap as a
static file. Publishing content bumps a generation number kept in the shared
cache, so every page cached before is ignored from then on (see
``signals.py``); each process re-reads that number at most once per
``GENERATION_CHECK_SECONDS``, so a change shows everywhere within a second.
"""

import hashlib
import logging
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
EXCLUDED_PREFIXES = ("/admin/", "/compte/", "/static/", "/media/", "/documents/", "/sante/")
PRIVATE_COOKIES = ("messages",)


def _key(host: str, path: str, query: str) -> str:
    digest = hashlib.sha256(f"{host}|{path}|{query}".encode()).hexdigest()
    return f"pagecache:{digest}"


def _has_private_cookie(cookie_header: str) -> bool:
    names = {part.split("=", 1)[0].strip() for part in cookie_header.split(";")}
    return bool(names & {settings.SESSION_COOKIE_NAME, *PRIVATE_COOKIES})


GENERATION_CHECK_SECONDS = 1.0
LOCAL_MAX_ENTRIES = 256


class _LocalState:
    """This process's view of the generation and its copy of hot pages."""

    def __init__(self):
        self.lock = threading.Lock()
        self.generation = None
        self.checked_at = 0.0
        self.pages = OrderedDict()

    def current_generation(self):
        now = time.monotonic()
        if self.generation is None or now - self.checked_at > GENERATION_CHECK_SECONDS:
            try:
                generation = cache.get(GENERATION_KEY, 0)
            except Exception:  # cache down: serve nothing from it
                return None
            with self.lock:
                if generation != self.generation:
                    self.pages.clear()
                self.generation, self.checked_at = generation, now
        return self.generation

    def set_generation(self, generation):
        with self.lock:
            self.pages.clear()
            self.generation, self.checked_at = generation, time.monotonic()

    def get(self, key):
        entry = self.pages.get(key)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]

    def put(self, key, expires_at, response):
        with self.lock:
            self.pages[key] = (expires_at, response)
            self.pages.move_to_end(key)
            while len(self.pages) > LOCAL_MAX_ENTRIES:
                self.pages.popitem(last=False)


_local = _LocalState()


def forget_local_copy() -> None:
    """Drop this process's copy (after clearing the shared cache, e.g. in tests)."""
    _local.set_generation(None)


def invalidate_all() -> None:
    """Forget every cached page (called when published content changes)."""
    generation = time.time_ns()
    _local.set_generation(generation)
    try:
        cache.set(GENERATION_KEY, generation, None)
    except Exception:  # the cache is down: entries will expire by themselves
        logger.warning("Page cache: could not bump the generation.")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PAGE_CACHE_SECONDS and self._cacheable(request, response):
            try:
                generation = cache.get(GENERATION_KEY, 0)
                headers = [
                    (name, value)
                    for name, value in response.items()
                    if name.lower() not in ("set-cookie",)
                ]
                headers.append(("X-Cache", "HIT"))
                key = _key(request.get_host(), request.path, request.META.get("QUERY_STRING", ""))
                status = f"{response.status_code} {response.reason_phrase}"
                entry = (
                    generation,
                    time.time() + settings.PAGE_CACHE_SECONDS,
                    status,
                    headers,
                    response.content,
                )
                cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("Page cache: could not store %s", request.path)
        return response

    @staticmethod
    def _cacheable(request, response) -> bool:
        if request.method != "GET" or response.status_code != 200 or response.streaming:
            return False
        if request.path.startswith(EXCLUDED_PREFIXES):
            return False
        if _has_private_cookie(request.META.get("HTTP_COOKIE", "")):
            return False
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        cache_control = response.get("Cache-Control", "")
        return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


class PageCacheWSGI:
    """Serve cached anonymous pages before Django runs."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        path = environ.get("PATH_INFO", "")
        if (
            method in ("GET", "HEAD")
            and settings.PAGE_CACHE_SECONDS
            and not path.startswith(EXCLUDED_PREFIXES)
            and not _has_private_cookie(environ.get("HTTP_COOKIE", ""))
        ):
            entry = self._lookup(environ, path)
            if entry is not None:
                _, _, status, headers, body = entry
                start_response(status, headers)
                return [b""] if method == "HEAD" else [body]
        return self.application(environ, start_response)

    @staticmethod
    def _lookup(environ, path):
        generation = _local.current_generation()
        if generation is None:
            return None
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        key = _key(host, path, environ.get("QUERY_STRING", ""))
        entry = _local.get(key)
        if entry is not None:
            return entry
        try:
            entry = cache.get(key)
        except Exception:
            return None
        if entry is None or entry[0] != generation:
            return None
        expires_in = entry[1] - time.time()
        if expires_in <= 0:
            return None
        _local.put(key, time.monotonic() + expires_in, entry)
        return entry
