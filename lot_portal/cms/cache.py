"""Whole-page cache for anonymous visitors.

``AnonymousPageCacheMiddleware`` (outermost Django middleware) stores each
cacheable response with all its headers; ``PageCacheWSGI`` wraps the WSGI
application and answers a hit before Django even builds a request, which is
what makes anonymous pages nearly as cheap as a static file. Publishing
content bumps a generation number kept beside the entries, so every page
cached before is ignored from then on (see ``signals.py``).
"""

import hashlib
import logging
import time

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


def invalidate_all() -> None:
    """Forget every cached page (called when published content changes)."""
    try:
        cache.set(GENERATION_KEY, time.time_ns(), None)
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
                key = _key(request.get_host(), request.path, request.META.get("QUERY_STRING", ""))
                entry = (generation, response.status_code, headers, response.content)
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
    """Serve cached anonymous pages straight from the cache."""

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
            host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
            key = _key(host, path, environ.get("QUERY_STRING", ""))
            try:
                found = cache.get_many([GENERATION_KEY, key])
            except Exception:
                found = {}
            entry = found.get(key)
            if entry and entry[0] == found.get(GENERATION_KEY, 0):
                _, status, headers, body = entry
                start_response(f"{status} OK", [*headers, ("X-Cache", "HIT")])
                return [b""] if method == "HEAD" else [body]
        return self.application(environ, start_response)
