"""Helpers of the fault tests (``test_pannes_*.py``): a private Redis server that a test
may stop and restart, a real SMTP server (aiosmtpd) answering what the test says, the
Celery app pointed at a given broker.

Import fixtures into a test module with ``from _pannes import redis_prive  # noqa: F401``.
"""

import asyncio
import contextlib
import os
import shutil
import socket
import subprocess
import threading
import time
from email import message_from_bytes

import kombu.pools
import pytest

from lot_portal.celery import app as celery_app

IN_CI = os.environ.get("CI") == "true"


def manque(raison: str):
    """A missing tool: a failure under CI=true, else a skip."""
    if IN_CI:
        pytest.fail(f"{raison} : CI=true exige de lancer ce test.")
    pytest.skip(raison)


def port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def attendre(condition, delai: float = 30.0, pas: float = 0.1) -> bool:
    """Poll ``condition`` until it is true or ``delai`` seconds have passed."""
    limite = time.monotonic() + delai
    while time.monotonic() < limite:
        if condition():
            return True
        time.sleep(pas)
    return bool(condition())


# --- A private Redis ------------------------------------------------------------------


class RedisPrive:
    """A ``redis-server`` of this test only, on a free port; stopping it disturbs
    nobody else. ``arreter``/``demarrer`` keep the port, like a restarted server."""

    def __init__(self, binaire: str):
        self.binaire = binaire
        self.port = port_libre()
        self.processus = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def _repond(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def demarrer(self) -> None:
        self.processus = subprocess.Popen(  # noqa: S603
            [
                self.binaire,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not attendre(self._repond, delai=10):
            raise RuntimeError(f"redis-server ne répond pas sur le port {self.port}")

    def arreter(self) -> None:
        if self.processus is not None:
            self.processus.kill()
            self.processus.wait(timeout=10)
            self.processus = None


@pytest.fixture
def redis_prive():
    """A running private Redis (skipped without ``redis-server``, except under CI=true)."""
    binaire = shutil.which("redis-server")
    if not binaire:
        manque("redis-server est introuvable (paquet Debian « redis-server »)")
    serveur = RedisPrive(binaire)
    serveur.demarrer()
    try:
        yield serveur
    finally:
        serveur.arreter()


def oublier_connexions() -> None:
    """Drop the app's broker connections, so the next message opens a fresh one."""
    for pool in (celery_app._pool, getattr(celery_app.amqp, "_producer_pool", None)):
        if pool is not None:
            with contextlib.suppress(Exception):
                pool.force_close_all()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    # kombu keeps its producer pools in a global registry keyed by connection: a closed
    # one would be handed back to the next test of this process ("Acquire on closed pool").
    kombu.pools.reset()


@contextlib.contextmanager
def celery_vers(url: str):
    """Within the block, the Celery app sends to (and workers consume) ``url``, for real
    (never eager), failing at once when it does not answer (one connection attempt)."""
    conf = celery_app.conf
    cles = (
        "broker_url",
        "broker_write_url",
        "broker_read_url",
        "broker_transport_options",
        "task_always_eager",
    )
    avant = {cle: conf.get(cle) for cle in cles}
    # The read/write URLs win over the CELERY_BROKER_URL environment variable (CI sets
    # it), which wins over ``broker_url``.
    conf.broker_url = url
    conf.broker_write_url = url
    conf.broker_read_url = url
    conf.broker_transport_options = {
        "socket_connect_timeout": 2,
        "socket_timeout": 2,
        "max_retries": 0,
    }
    conf.task_always_eager = False
    oublier_connexions()
    try:
        yield
    finally:
        for cle, valeur in avant.items():
            conf[cle] = valeur
        oublier_connexions()


# --- A real SMTP server -----------------------------------------------------------------


class GestionnaireSMTP:
    """aiosmtpd handler: answers DATA with the next of ``reponses`` (then « 250 OK »),
    after ``pause`` seconds; keeps every accepted message (``recus``)."""

    def __init__(self, reponses=(), pause: float = 0.0):
        self.reponses = list(reponses)
        self.pause = pause
        self.recus = []
        self.essais = 0
        self.verrou = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.verrou:
            self.essais += 1
            reponse = self.reponses.pop(0) if self.reponses else "250 OK"
        if self.pause:
            await asyncio.sleep(self.pause)
        if reponse.startswith("250"):
            message = message_from_bytes(envelope.original_content or envelope.content)
            with self.verrou:
                self.recus.append(message)
        return reponse

    def sujets(self) -> list[str]:
        from email.header import decode_header, make_header

        with self.verrou:
            return [str(make_header(decode_header(m["Subject"]))) for m in self.recus]


@contextlib.contextmanager
def serveur_smtp(gestionnaire: GestionnaireSMTP):
    """Run aiosmtpd in a thread on a free port; yields the port."""
    try:
        from aiosmtpd.controller import Controller
    except ImportError:
        manque("aiosmtpd n'est pas installé (dépendance de développement)")
    port = port_libre()
    controleur = Controller(gestionnaire, hostname="127.0.0.1", port=port)
    controleur.start()
    try:
        yield port
    finally:
        controleur.stop()


def vers_smtp(settings, port: int) -> None:
    """Deliver the outbox through Django's SMTP backend to ``127.0.0.1:port``."""
    settings.COURRIELS_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
