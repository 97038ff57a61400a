"""A Redis cache that survives Redis being down.

Django's ``RedisCache`` raises ``redis.ConnectionError`` on every call when the server
is gone, which turns every page that touches the cache (the page cache middleware,
allauth's rate limits, the sessions if they used it) into a 500. ``TolerantRedisCache``
logs a warning and answers like an empty cache that keeps nothing: a read is a miss, a
write is dropped, ``add`` says it stored the key (so allauth's rate-limit lock never
waits on it: rate limits simply do not apply while the cache is down). After an error
the server is left alone for ``PAUSE_APRES_ERREUR`` seconds, so a request never waits
on more than one connection timeout.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

ERREURS_REDIS = (RedisConnectionError, RedisTimeoutError)


class TolerantRedisCache(RedisCache):
    PAUSE_APRES_ERREUR = 5.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._lock = threading.Lock()
        self._en_pause_jusqu_a = 0.0

    def _appel(self, nom, defaut, *args, **kwargs):
        if time.monotonic() < self._en_pause_jusqu_a:
            return defaut
        try:
            return getattr(super(), nom)(*args, **kwargs)
        except ERREURS_REDIS as erreur:
            with self._lock:
                self._en_pause_jusqu_a = time.monotonic() + self.PAUSE_APRES_ERREUR
            logger.warning("Cache Redis indisponible (%s) : %s", nom, erreur)
            return defaut

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._appel("add", True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._appel("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._appel("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._appel("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._appel("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._appel("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._appel("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        manquant = object()
        valeur = self._appel("incr", manquant, key, delta, version)
        if valeur is manquant:  # a miss, as Django's caches say it
            raise ValueError(f"Key '{key}' not found.")
        return valeur

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._appel("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._appel("delete_many", None, keys, version)

    def clear(self):
        return self._appel("clear", False)
