"""Load benchmark of the opportunities at scale: the filtered job listing and an offer page.

    make bench-opportunites                   # or: .venv/bin/python benchmarks/opportunites.py
    BENCH_OFFRES=2000 BENCH_SECONDS=5 make bench-opportunites

Builds a throwaway SQLite database in a temporary folder (or uses ``BENCH_DATABASE_URL``, an
empty PostgreSQL database that is migrated and filled), loads the territory and generates
``BENCH_OFFRES`` offers (default 10,000) with ``seed_demo --noyau --offres N`` (bulk insert,
search index included), then serves the portal under gunicorn (``BENCH_WORKERS`` sync workers,
default 2, base settings with ``DJANGO_DEBUG=false`` and collected static files) on a free port
of 127.0.0.1. The anonymous whole-page cache is off (``PAGE_CACHE_SECONDS=0``) unless
``BENCH_PAGE_CACHE=1``: the figures are what Django and the database cost on every request.

Scenarios, each ``BENCH_SECONDS`` (default 10) after a short warm-up:

- « liste filtrée »: the job listing with filters, rotating over a dozen combinations (sector,
  contract, remote work, communauté de communes, distance around a commune sorted by distance,
  text, page 2…);
- « offre »: offer pages, rotating over 200 offers.

Reported per scenario: requests, errors (anything but 200), requests per second (wrk when
installed, ``wrk -t2 -c<concurrency>``, else ``BENCH_CONCURRENCE`` Python threads, default 8),
and the **server time** p50/p95/p99, read from gunicorn's access log (``%(D)s``: microseconds
spent in the worker), so it excludes the client's own cost. Figures go to
``benchmarks/results/opportunites.json``. Exit status 1 on any HTTP error.
"""

import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

RACINE = Path(__file__).resolve().parent.parent
RESULTATS = RACINE / "benchmarks" / "results"
PY = sys.executable
OFFRES = int(os.environ.get("BENCH_OFFRES", "10000"))
SECONDES = float(os.environ.get("BENCH_SECONDS", "10"))
CONCURRENCE = int(os.environ.get("BENCH_CONCURRENCE", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))

FILTRES = [
    "",
    "?secteur=sante",
    "?secteur=numerique&secteur=ingenierie&profil_recherche=1",
    "?contrat=cdi&temps=plein",
    "?contrat=cdd&contrat=interim&teletravail=partiel",
    "?territoire=200067361",
    "?commune=46102&rayon=30&tri=proche",
    "?commune=46042&rayon=20&secteur=commerce&tri=proche",
    "?q=technicien",
    "?q=ingenieur&contrat=cdi",
    "?secteur=tourisme&page=2",
    "?page=3",
]

OFFRES_URLS = """
import json, random
from opportunites.models import OffreEmploiPage
cles = list(OffreEmploiPage.objects.live().values_list("pk", flat=True))
random.Random(1).shuffle(cles)
pages = OffreEmploiPage.objects.filter(pk__in=cles[:200])
index = pages.first().get_parent()
print(json.dumps({"index": index.url, "offres": [p.url for p in pages],
                  "total": len(cles)}))
"""


def port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environnement(dossier: Path) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "lot_portal.settings.base",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "bench-opportunites-" + os.urandom(16).hex(),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL")
            or f"sqlite:///{dossier / 'bench.sqlite3'}",
            "CELERY_BROKER_URL": "memory://",
            "CACHE_URL": "locmemcache://",
            "PAGE_CACHE_SECONDS": "600" if os.environ.get("BENCH_PAGE_CACHE") == "1" else "0",
            "STATIC_ROOT": str(dossier / "static"),
            "MEDIA_ROOT": str(dossier / "media"),
            "PRIVATE_MEDIA_ROOT": str(dossier / "prive"),
            "EMAIL_FILE_PATH": str(dossier / "mail"),
            # seed_demo creates its staff account when this address is missing and rewrites
            # var/identifiants-equipe.txt: it is created beforehand (see main).
            "DJANGO_SUPERUSER_EMAIL": "bench@lot.example",
        }
    )
    env.pop("REDIS_URL", None)
    return env


def manage(env, *args, timeout=1800) -> str:
    resultat = subprocess.run(
        [PY, "manage.py", *args],
        cwd=RACINE,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if resultat.returncode:
        sys.exit(f"manage.py {' '.join(args)} a échoué :\n{resultat.stderr[-3000:]}")
    return resultat.stdout


COMPTE_EQUIPE = """
from django.contrib.auth import get_user_model
User = get_user_model()
if not User.objects.filter(email="bench@lot.example").exists():
    User.objects.create_superuser(email="bench@lot.example", password=None)
"""


def attendre(base, processus, delai=90):
    fin = time.monotonic() + delai
    while time.monotonic() < fin:
        if processus.poll() is not None:
            sys.exit("gunicorn s'est arrêté au démarrage (voir son journal).")
        try:
            requests.get(base + "/sante/", timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.3)
    sys.exit(f"gunicorn ne répond pas sur {base} après {delai} s.")


def centile(valeurs, p):
    if not valeurs:
        return 0.0
    valeurs = sorted(valeurs)
    rang = min(len(valeurs) - 1, max(0, round(p / 100 * len(valeurs)) - 1))
    return valeurs[rang]


def charge_python(base, chemins, secondes):
    """``CONCURRENCE`` threads, each with its own session, requesting ``chemins`` in turn."""
    fin = time.monotonic() + secondes
    verrou = threading.Lock()
    compte = {"requetes": 0, "erreurs": 0, "statuts": {}}

    def client(numero):
        session = requests.Session()
        alea = random.Random(numero)
        n = erreurs = 0
        statuts = {}
        while time.monotonic() < fin:
            reponse = session.get(base + alea.choice(chemins), timeout=60)
            n += 1
            if reponse.status_code != 200:
                erreurs += 1
                statuts[reponse.status_code] = statuts.get(reponse.status_code, 0) + 1
        with verrou:
            compte["requetes"] += n
            compte["erreurs"] += erreurs
            for code, nb in statuts.items():
                compte["statuts"][code] = compte["statuts"].get(code, 0) + nb

    debut = time.monotonic()
    with ThreadPoolExecutor(CONCURRENCE) as pool:
        list(pool.map(client, range(CONCURRENCE)))
    duree = time.monotonic() - debut
    return {**compte, "duree": duree, "req_s": compte["requetes"] / duree, "outil": "python"}


WRK_LUA = """
local chemins = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", chemins[(i %% #chemins) + 1])
end
"""


def charge_wrk(base, chemins, secondes, dossier):
    script = dossier / "chemins.lua"
    script.write_text(WRK_LUA % ", ".join(json.dumps(c) for c in chemins))
    sortie = subprocess.run(
        ["wrk", "-t2", f"-c{CONCURRENCE}", f"-d{int(secondes)}s", "-s", str(script), base],
        capture_output=True,
        text=True,
        timeout=secondes + 60,
    ).stdout
    req_s = requetes = erreurs = 0
    for ligne in sortie.splitlines():
        ligne = ligne.strip()
        if ligne.startswith("Requests/sec:"):
            req_s = float(ligne.split()[1])
        elif "requests in" in ligne:
            requetes = int(ligne.split()[0])
        elif ligne.startswith("Non-2xx or 3xx responses:"):
            erreurs = int(ligne.split()[-1])
    return {"requetes": requetes, "erreurs": erreurs, "req_s": req_s, "outil": "wrk"}


def temps_serveur(journal: Path, depuis: int):
    """Server times (ms) of the 200 responses logged after byte ``depuis``."""
    with open(journal, "rb") as f:
        f.seek(depuis)
        lignes = f.read().decode(errors="replace").splitlines()
    temps = []
    for ligne in lignes:
        morceaux = ligne.split()
        if len(morceaux) >= 3 and morceaux[-2] == "200":
            temps.append(int(morceaux[-1]) / 1000)
    return temps


def main() -> int:
    dossier = Path(tempfile.mkdtemp(prefix="lot-bench-opportunites."))
    env = environnement(dossier)
    processus = None
    try:
        print(f"==> Base de données : {env['DATABASE_URL'].split('@')[-1]}")
        debut = time.monotonic()
        manage(env, "migrate", "--noinput")
        manage(env, "shell", "-c", COMPTE_EQUIPE)
        print(f"==> Migrations : {time.monotonic() - debut:.0f} s")
        debut = time.monotonic()
        sortie = manage(env, "seed_demo", "--noyau", "--offres", str(OFFRES))
        generation = time.monotonic() - debut
        print(f"==> seed_demo --noyau --offres {OFFRES} : {generation:.0f} s")
        for ligne in sortie.splitlines():
            if "générées" in ligne:
                print("   ", ligne)
        manage(env, "collectstatic", "--noinput")
        urls = json.loads(manage(env, "shell", "-c", OFFRES_URLS).strip().splitlines()[-1])
        print(f"==> {urls['total']} offres en ligne dans la base")

        port = port_libre()
        base = f"http://127.0.0.1:{port}"
        journal_acces = dossier / "acces.log"
        vide = dossier / "gunicorn.conf.py"  # an empty configuration: nothing local applies
        vide.write_text("")
        journal = open(dossier / "gunicorn.log", "w")  # noqa: SIM115
        processus = subprocess.Popen(
            [
                str(Path(PY).parent / "gunicorn"),
                "--config",
                str(vide),
                "--workers",
                str(WORKERS),
                "--bind",
                f"127.0.0.1:{port}",
                "--timeout",
                "120",
                "--access-logfile",
                str(journal_acces),
                "--access-logformat",
                "%(m)s %(s)s %(D)s",
                "--error-logfile",
                "-",
                "lot_portal.wsgi:application",
            ],
            cwd=RACINE,
            env=env,
            stdout=journal,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        attendre(base, processus)
        print(f"==> gunicorn ({WORKERS} workers sync) sur {base}, cache de pages "
              f"{'actif' if env['PAGE_CACHE_SECONDS'] != '0' else 'coupé'}")  # fmt: skip

        scenarios = {
            "liste filtrée": [urls["index"] + f for f in FILTRES],
            "offre": urls["offres"],
        }
        resultats = {}
        echec = False
        for nom, chemins in scenarios.items():
            for chemin in chemins[:20]:  # warm-up, and every URL must answer 200
                reponse = requests.get(base + chemin, timeout=60)
                if reponse.status_code != 200:
                    print(f"  KO {chemin} : HTTP {reponse.status_code}")
                    echec = True
            time.sleep(0.3)
            depuis = journal_acces.stat().st_size
            if shutil.which("wrk"):
                charge = charge_wrk(base, chemins, SECONDES, dossier)
            else:
                charge = charge_python(base, chemins, SECONDES)
            time.sleep(0.5)
            temps = temps_serveur(journal_acces, depuis)
            resultats[nom] = {
                **charge,
                "serveur_p50_ms": round(centile(temps, 50), 2),
                "serveur_p95_ms": round(centile(temps, 95), 2),
                "serveur_p99_ms": round(centile(temps, 99), 2),
                "serveur_moyenne_ms": round(statistics.fmean(temps), 2) if temps else 0,
            }
            echec |= bool(charge["erreurs"])

        print(
            f"\n{OFFRES} offres, {WORKERS} workers gunicorn, {CONCURRENCE} connexions, "
            f"{SECONDES:.0f} s par scénario\n"
        )
        print(
            f"| {'Scénario':<14} | {'requêtes':>8} | {'erreurs':>7} | {'req/s':>7} | "
            f"{'serveur p50':>11} | {'p95':>8} | {'p99':>8} |"
        )
        print(f"|{'-' * 16}|{'-' * 10}|{'-' * 9}|{'-' * 9}|{'-' * 13}|{'-' * 10}|{'-' * 10}|")
        for nom, r in resultats.items():
            print(
                f"| {nom:<14} | {r['requetes']:>8} | {r['erreurs']:>7} | {r['req_s']:>7.1f} | "
                f"{r['serveur_p50_ms']:>8.1f} ms | {r['serveur_p95_ms']:>5.1f} ms | "
                f"{r['serveur_p99_ms']:>5.1f} ms |"
            )
        RESULTATS.mkdir(parents=True, exist_ok=True)
        (RESULTATS / "opportunites.json").write_text(
            json.dumps(
                {
                    "offres": OFFRES,
                    "workers": WORKERS,
                    "concurrence": CONCURRENCE,
                    "secondes": SECONDES,
                    "generation_s": round(generation, 1),
                    "base": env["DATABASE_URL"].split(":")[0],
                    "scenarios": resultats,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        print(f"\nRésultats : {RESULTATS / 'opportunites.json'}")
        if echec:
            print(f"Journal de gunicorn : {dossier / 'gunicorn.log'}")
            os.environ["BENCH_KEEP_TMP"] = "1"
        return 1 if echec else 0
    finally:
        if processus is not None and processus.poll() is None:
            os.killpg(processus.pid, signal.SIGTERM)
            try:
                processus.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(processus.pid, signal.SIGKILL)
                processus.wait()
        if os.environ.get("BENCH_KEEP_TMP") != "1":
            shutil.rmtree(dossier, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
