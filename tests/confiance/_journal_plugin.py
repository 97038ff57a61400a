"""pytest plugin: no personal data in the logs nor in the URLs of the whole test suite.

For the whole session it records every log record (every level, every logger: Django,
Celery, allauth, the portal; before any filter masks it) and every URL requested through
the test client or the live server (``request_started``), in
``VAR_DIR/journal-suite-<worker>.log``. It collects the personal values the suite creates
(``post_save``: every email field, phone field and first name + last name pair) and, at the
end, scans the file for them, URL-decoded, and inside signed tokens (django.core.signing
values are base64 of JSON, readable by anybody). A hit fails the run (exit status 1) and
prints the line with the value masked. Under pytest-xdist each worker scans its own file
and hands its hits to the controller (``workeroutput``), which fails the run.

Registered by ``pytest_plugins`` in tests/conftest.py.
"""

import base64
import binascii
import contextlib
import logging
import os
import re
import threading
import zlib
from pathlib import Path
from urllib.parse import unquote_plus

import pytest

# Fields whose values are personal (any EmailField is too).
CHAMPS_EMAIL = {"email", "courriel", "adresse_email", "email_contact", "contact_email"}
CHAMPS_TELEPHONE = {"telephone", "tel", "portable", "contact_telephone", "telephone_contact"}
PAIRES_NOMS = (("prenom", "nom"), ("first_name", "last_name"))
# Test tooling, not the portal: factory_boy logs the values it generates.
LOGGERS_IGNORES = (
    "factory",
    "faker",
    "PIL",
    "asyncio",
    "parso",
    "urllib3.connectionpool",
    "mail.log",  # aiosmtpd, the SMTP server of the fault tests
)

_verrou = threading.Lock()
_SENTINELLE = object()


class Collecte:
    def __init__(self):
        self.emails: set[str] = set()
        self.telephones: set[str] = set()
        self.noms: set[tuple[str, str]] = set()

    def vide(self) -> bool:
        return not (self.emails or self.telephones or self.noms)


def telephone_normaliser(valeur: str) -> str | None:
    chiffres = re.sub(r"\D", "", valeur or "")
    if chiffres.startswith("0033"):
        chiffres = "0" + chiffres[4:]
    elif chiffres.startswith("33") and len(chiffres) == 11:
        chiffres = "0" + chiffres[2:]
    return chiffres if len(chiffres) == 10 and chiffres.startswith("0") else None


def valeurs_collecter(instance, collecte: Collecte) -> None:
    from django.db import models

    for champ in instance._meta.concrete_fields:
        if not isinstance(champ, models.CharField | models.EmailField):
            continue
        valeur = getattr(instance, champ.attname, None)
        if not isinstance(valeur, str) or not valeur.strip():
            continue
        if isinstance(champ, models.EmailField) or champ.name in CHAMPS_EMAIL:
            if "@" in valeur:
                collecte.emails.add(valeur.strip().lower())
        elif champ.name in CHAMPS_TELEPHONE:
            numero = telephone_normaliser(valeur)
            if numero:
                collecte.telephones.add(numero)
    for champ_prenom, champ_nom in PAIRES_NOMS:
        prenom = getattr(instance, champ_prenom, None)
        nom = getattr(instance, champ_nom, None)
        if isinstance(prenom, str) and isinstance(nom, str) and prenom.strip() and nom.strip():
            collecte.noms.add((prenom.strip(), nom.strip()))


# --- Scanning -----------------------------------------------------------------------------------

_JETON = re.compile(r"\.?[A-Za-z0-9_-]{8,}")


def jetons_decoder(texte: str) -> list[str]:
    """The readable content of the base64 chunks of ``texte`` (signed values, tokens)."""
    decodes = []
    for morceau in _JETON.findall(texte):
        compresse = morceau.startswith(".")
        brut = morceau.lstrip(".")
        try:
            octets = base64.urlsafe_b64decode(brut + "=" * (-len(brut) % 4))
            if compresse:
                octets = zlib.decompress(octets)
            decodes.append(octets.decode("utf-8"))
        except (binascii.Error, ValueError, zlib.error, UnicodeDecodeError):
            continue
    return decodes


def _motif_telephone(numero: str) -> str:
    reste = r"[\s.-]?".join(numero[1:])
    return rf"(?<!\d)(?:0|\+33\s?|0033\s?)\(?{reste}(?!\d)"


def motifs_construire(collecte: Collecte) -> list[tuple[str, re.Pattern]]:
    motifs = []
    for email in sorted(collecte.emails):
        motifs.append(("courriel", re.compile(re.escape(email), re.IGNORECASE)))
    for numero in sorted(collecte.telephones):
        motifs.append(("téléphone", re.compile(_motif_telephone(numero))))
    for prenom, nom in sorted(collecte.noms):
        for texte in (f"{prenom} {nom}", f"{nom} {prenom}"):
            motifs.append(("nom", re.compile(rf"(?<!\w){re.escape(texte)}(?!\w)")))
    return motifs


def lignes_scanner(lignes, collecte: Collecte) -> list[str]:
    """The lines holding a personal value of ``collecte``, each with the value masked."""
    motifs = motifs_construire(collecte)
    if not motifs:
        return []
    fuites = []
    for ligne in lignes:
        ligne = ligne.rstrip("\n")
        variantes = [ligne, unquote_plus(ligne), *jetons_decoder(ligne)]
        for nature, motif in motifs:
            touche = next((v for v in variantes if motif.search(v)), None)
            if touche is None:
                continue
            masquee = motif.sub(f"[{nature} masqué]", touche)
            origine = "" if touche is ligne else " (décodée)"
            fuites.append(f"{nature}{origine} : {masquee[:500]}")
            break
    return fuites


# --- Recording ----------------------------------------------------------------------------------


class EnregistreurJournal(logging.Handler):
    def __init__(self, fichier):
        super().__init__(level=logging.NOTSET)
        self.fichier = fichier
        self.setFormatter(logging.Formatter("LOG %(levelname)s %(name)s %(message)s"))

    def emit(self, record):
        if record.name.startswith(LOGGERS_IGNORES):
            return
        try:
            texte = self.format(record).replace("\n", " ⏎ ")
        except Exception:
            texte = f"LOG {record.levelname} {record.name} {record.msg!r} {record.args!r}"
        with _verrou:
            self.fichier.write(texte + "\n")


class JournalSuite:
    def __init__(self, config):
        self.config = config
        self.collecte = Collecte()
        self.fichier = None
        self.chemin = None
        self.handler = None
        self.niveau_racine = None
        self.fuites: list[str] = []

    # Django signals (connected with weak=False: the plugin lives for the session).
    def _post_save(self, sender, instance, **kwargs):
        with contextlib.suppress(Exception):  # never break a test for the scan's sake
            valeurs_collecter(instance, self.collecte)

    def _request_started(self, sender, environ=None, scope=None, **kwargs):
        if environ is not None:
            chemin = environ.get("PATH_INFO", "")
            requete = environ.get("QUERY_STRING", "")
        elif scope is not None:
            chemin = scope.get("path", "")
            requete = (scope.get("query_string") or b"").decode("latin-1")
        else:
            return
        url = chemin + (f"?{requete}" if requete else "")
        if environ is not None:  # WSGI strings are bytes read as latin-1
            with contextlib.suppress(UnicodeError):
                url = url.encode("latin-1").decode("utf-8", "replace")
        with _verrou:
            if self.fichier:
                self.fichier.write(f"URL {url}\n")

    def demarrer(self):
        from django.conf import settings
        from django.core.signals import request_started
        from django.db.models.signals import post_save

        travailleur = os.environ.get("PYTEST_XDIST_WORKER", "") or "principal"
        self.chemin = Path(settings.VAR_DIR) / f"journal-suite-{travailleur}.log"
        self.chemin.parent.mkdir(parents=True, exist_ok=True)
        self.fichier = open(self.chemin, "w", encoding="utf-8", buffering=1)  # noqa: SIM115
        post_save.connect(self._post_save, weak=False, dispatch_uid=self._uid("post_save"))
        request_started.connect(
            self._request_started, weak=False, dispatch_uid=self._uid("requetes")
        )
        racine = logging.getLogger()
        # Every level reaches our handler; the other handlers keep their former threshold.
        self.niveau_racine = racine.level
        for handler in racine.handlers:
            if handler.level == logging.NOTSET:
                handler.setLevel(self.niveau_racine)
        racine.setLevel(logging.DEBUG)
        self.handler = EnregistreurJournal(self.fichier)
        # First, before any handler's filter masks the record in place.
        racine.handlers.insert(0, self.handler)

    def _uid(self, nom: str) -> str:
        return f"journal_suite_{nom}_{id(self)}"

    def terminer(self) -> list[str]:
        from django.core.signals import request_started
        from django.db.models.signals import post_save

        post_save.disconnect(dispatch_uid=self._uid("post_save"))
        request_started.disconnect(dispatch_uid=self._uid("requetes"))
        racine = logging.getLogger()
        if self.handler in racine.handlers:
            racine.removeHandler(self.handler)
        if self.niveau_racine is not None:
            racine.setLevel(self.niveau_racine)
        if self.fichier:
            with _verrou:
                self.fichier.close()
                self.fichier = None
        with open(self.chemin, encoding="utf-8", errors="replace") as lignes:
            return lignes_scanner(lignes, self.collecte)


def _django_pret() -> bool:
    try:
        from django.conf import settings

        return settings.configured
    except Exception:
        return False


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session):
    if os.environ.get("JOURNAL_SUITE_DESACTIVE") or not _django_pret():
        return
    journal = JournalSuite(session.config)
    journal.demarrer()
    session.config._journal_suite = journal
    session.config._journal_fuites = []


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session, exitstatus):
    config = session.config
    journal = getattr(config, "_journal_suite", None)
    fuites = list(getattr(config, "_journal_fuites", []))
    if journal is not None:
        fuites.extend(journal.terminer())
        if hasattr(config, "workeroutput"):  # an xdist worker: the controller decides
            config.workeroutput["journal_fuites"] = fuites
            return
    config._journal_fuites = fuites
    if fuites and session.exitstatus == 0:
        session.exitstatus = 1


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """xdist controller: gather each worker's hits."""
    fuites = getattr(node, "workeroutput", {}).get("journal_fuites") or []
    if fuites:
        config = node.config
        if not hasattr(config, "_journal_fuites"):
            config._journal_fuites = []
        config._journal_fuites.extend(fuites)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    fuites = getattr(config, "_journal_fuites", [])
    if not fuites:
        return
    terminalreporter.section("Données personnelles dans les journaux ou les URL", red=True)
    for fuite in fuites[:200]:
        terminalreporter.write_line(fuite)
    if len(fuites) > 200:
        terminalreporter.write_line(f"… et {len(fuites) - 200} autres lignes.")
