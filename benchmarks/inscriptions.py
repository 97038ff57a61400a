"""Load test of the welcome registration: many newcomers registering at once.

    make bench-inscriptions                  # or: .venv/bin/python benchmarks/inscriptions.py
    BENCH_INSCRIPTIONS=400 BENCH_THREADS=30 make bench-inscriptions

Starts the portal under gunicorn (several workers) on a free port of 127.0.0.1, with a
throwaway SQLite database (or ``BENCH_DATABASE_URL``, an empty PostgreSQL database that
will be migrated and filled), then runs ``BENCH_INSCRIPTIONS`` registrations concurrently:
each thread is its own visitor (own cookies) who arrives on a campaign link with a referral
code and goes through the five steps (GET then POST of each page). A few visitors reuse an
address already registered (they must be asked to log in: no second account, no second
file), and a few send their last step twice at the same time (double submit: one file).

Reports: HTTP errors (anything but 2xx/3xx), files created against expected, duplicate
files or accounts, outbox rows per recipient and duplicate emails (same recipient, same
subject), source and referral stored. Exit status 1 when any check fails.

Emails are outbox rows; with no worker, the Celery broker is in memory (``memory://``), so
nothing is delivered: the bench counts what would be sent.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

RACINE = Path(__file__).resolve().parent.parent
PY = sys.executable
INSCRIPTIONS = int(os.environ.get("BENCH_INSCRIPTIONS", "200"))
THREADS = int(os.environ.get("BENCH_THREADS", "20"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
MEMES_ADRESSES = max(1, INSCRIPTIONS // 40)  # visitors reusing an address already used
DOUBLES_SOUMISSIONS = max(1, INSCRIPTIONS // 40)  # visitors sending step 5 twice at once
MDP = "Bench-Quercy-2026!"
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
EPCI_RE = re.compile(r'name="communautes" value="(\d+)"')


def port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environnement(dossier: Path) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "lot_portal.settings.base",
            "DJANGO_DEBUG": "true",  # static files without collectstatic
            "DJANGO_SECRET_KEY": "bench-inscriptions-" + os.urandom(16).hex(),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL")
            or f"sqlite:///{dossier / 'bench.sqlite3'}",
            "CELERY_BROKER_URL": "memory://",
            "CACHE_URL": "locmemcache://",
            "PAGE_CACHE_SECONDS": "0",
            # Every visitor of the bench comes from 127.0.0.1: allauth's per-IP sign-up
            # limit would refuse most of them.
            "ACCOUNT_RATE_LIMITS_ENABLED": "false",
            "EMAIL_FILE_PATH": str(dossier / "mail"),
            "PRIVATE_MEDIA_ROOT": str(dossier / "prive"),
            "MEDIA_ROOT": str(dossier / "media"),
            # seed_demo creates its staff account when this address is missing and then
            # rewrites var/identifiants-equipe.txt: it is created beforehand (see main).
            "DJANGO_SUPERUSER_EMAIL": "bench@lot.example",
        }
    )
    env.pop("REDIS_URL", None)
    return env


def manage(env, *args, timeout=600):
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


COMPTE_EQUIPE = """
from django.contrib.auth import get_user_model
User = get_user_model()
if not User.objects.filter(email="bench@lot.example").exists():
    User.objects.create_superuser(email="bench@lot.example", password=None)
"""

PREPARER = """
from accueil.models import BrouillonInscription, ParcoursAccueil, Referent
from django.contrib.auth import get_user_model
from lot_portal.courriels.models import Courriel
from lot_portal.territoire.models import CommunauteDeCommunes
User = get_user_model()
# A previous run on the same database: start from a clean slate.
ParcoursAccueil.objects.filter(utilisateur__email__endswith="@arrivants.bench.exemple").delete()
User.objects.filter(email__endswith="@arrivants.bench.exemple").delete()
BrouillonInscription.objects.all().delete()
anciens = [
    c.pk
    for c in Courriel.objects.only("pk", "destinataires")
    if any(d.endswith("bench.exemple") for d in c.destinataires)
]
Courriel.objects.filter(pk__in=anciens).delete()
for c in [None, *CommunauteDeCommunes.objects.all()]:
    email = f"referent-{c.pk if c else 'departement'}@bench.exemple"
    u, _ = User.objects.get_or_create(email=email, defaults={"is_staff": True})
    Referent.objects.get_or_create(utilisateur=u, defaults={"communaute": c})
"""

COMPTER = """
import json
from collections import Counter
from django.contrib.auth import get_user_model
from accueil.models import ParcoursAccueil, BrouillonInscription
from lot_portal.courriels.models import Courriel
DOMAINE = "@arrivants.bench.exemple"
comptes = get_user_model().objects.filter(email__endswith=DOMAINE)
emails = [e.lower() for e in comptes.values_list("email", flat=True)]
parcours = list(
    ParcoursAccueil.objects.filter(utilisateur__email__endswith=DOMAINE).values(
        "utilisateur__email", "code_parrainage", "source"
    )
)
envois = Counter()
par_destinataire = Counter()
for destinataires, sujet in Courriel.objects.values_list("destinataires", "sujet"):
    for d in destinataires:
        envois[(d.lower(), sujet)] += 1
        par_destinataire[d.lower()] += 1
arrivants = {d: n for d, n in par_destinataire.items() if d.endswith(DOMAINE)}
par_compte = Counter(p["utilisateur__email"].lower() for p in parcours)
print(json.dumps({
    "comptes": len(emails),
    "comptes_en_double": sum(1 for n in Counter(emails).values() if n > 1),
    "parcours": len(parcours),
    "parcours_en_double": sum(1 for n in par_compte.values() if n > 1),
    "parcours_sans_parrain": sum(1 for p in parcours if not p["code_parrainage"]),
    "parcours_sans_campagne": sum(
        1 for p in parcours if p["source"].get("utm_campaign") != "charge"
    ),
    "courriels": sum(par_destinataire.values()),
    "doublons_courriels": [f"{d} / {s} x{n}" for (d, s), n in envois.items() if n > 1][:20],
    "par_arrivant": sorted(Counter(arrivants.values()).items()),
    "referents": sum(par_destinataire.values()) - sum(arrivants.values()),
    "brouillons_restants": BrouillonInscription.objects.count(),
}))
"""


class Visiteur:
    """One newcomer: own cookies, goes through the five steps."""

    def __init__(self, base: str, numero: int, email: str):
        self.base = base
        self.numero = numero
        self.email = email
        self.session = requests.Session()
        self.erreurs: list[str] = []
        self.requetes = 0
        self.refuse_compte_existant = False

    def _enregistrer(self, reponse, quoi):
        self.requetes += 1
        if not 200 <= reponse.status_code < 400:
            self.erreurs.append(f"{quoi}: HTTP {reponse.status_code}")
        return reponse

    def get(self, chemin):
        return self._enregistrer(
            self.session.get(self.base + chemin, allow_redirects=False, timeout=60), "GET " + chemin
        )

    def post(self, chemin, data, csrf):
        return self._enregistrer(
            self.session.post(
                self.base + chemin,
                data={**data, "csrfmiddlewaretoken": csrf},
                headers={"Referer": self.base + chemin},
                allow_redirects=False,
                timeout=60,
            ),
            "POST " + chemin,
        )

    def etapes(self, epci):
        i = self.numero
        return [
            ("qui", {"profil": "wanted", "lieu_actuel": f"Ville {i}", "connu_par": "salon"}),
            ("foyer", {"adultes": "2", "lignes": "2", "enfant_1_age": str(i % 18)}),
            (
                "projet",
                {
                    "metier_recherche": "Infirmier",
                    "projet_entreprise": "aucun",
                    "teletravail": "partiel",
                    "conjoint_cherche_emploi": "on",
                },
            ),
            (
                "ou-et-quand",
                {
                    "communautes": epci[i % len(epci)] if epci else "",
                    "horizon": "6_12_mois",
                    "besoin_logement": "location",
                },
            ),
            (
                "consentements",
                {
                    "consentement": "on",
                    "prenom": f"Arrivant{i}",
                    "nom": "Bench",
                    "email": self.email,
                    "password1": MDP,
                    "password2": MDP,
                },
            ),
        ]

    def inscrire(self, *, double=False):
        reponse = self.get(
            f"/accueil/inscription/?utm_source=bench&utm_campaign=charge&parrain=AMB-{self.numero}"
        )
        chemin = reponse.headers.get("Location", "/accueil/inscription/qui/")
        epci = []
        for etape, data in self.etapes(epci):
            chemin = f"/accueil/inscription/{etape}/"
            page = self.get(chemin)
            trouve = CSRF_RE.search(page.text)
            if not trouve:
                self.erreurs.append(f"{etape}: pas de jeton CSRF (HTTP {page.status_code})")
                return
            if etape == "ou-et-quand":
                epci[:] = EPCI_RE.findall(page.text)
                data["communautes"] = epci[self.numero % len(epci)] if epci else ""
            if etape == "consentements" and double:
                jeton = trouve.group(1)
                with ThreadPoolExecutor(2) as pool:
                    envois = [pool.submit(self.post, chemin, data, jeton) for _ in range(2)]
                reponse = envois[0].result()
                envois[1].result()
            else:
                reponse = self.post(chemin, data, trouve.group(1))
            if reponse.status_code == 200:
                if etape == "consentements" and "Un compte existe déjà" in reponse.text:
                    self.refuse_compte_existant = True
                    return
                self.erreurs.append(f"{etape}: formulaire refusé")
                return
        if reponse.headers.get("Location") != "/accueil/inscription/merci/":
            self.erreurs.append("fin : pas de redirection vers la page de remerciement")
        self.get("/accueil/inscription/merci/")


def attendre(base, processus, delai=60):
    fin = time.monotonic() + delai
    while time.monotonic() < fin:
        if processus.poll() is not None:
            sys.exit("gunicorn s'est arrêté au démarrage (voir son journal ci-dessus).")
        try:
            requests.get(base + "/sante/", timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.3)
    sys.exit(f"gunicorn ne répond pas sur {base} après {delai} s.")


def main() -> int:
    dossier = Path(tempfile.mkdtemp(prefix="lot-bench-inscriptions."))
    env = environnement(dossier)
    processus = None
    try:
        print(f"==> Base de données : {env['DATABASE_URL'].split('@')[-1]}")
        manage(env, "migrate", "--noinput")
        manage(env, "shell", "-c", COMPTE_EQUIPE)
        manage(env, "seed_demo", "--noyau")
        manage(env, "shell", "-c", PREPARER)
        port = port_libre()
        base = f"http://127.0.0.1:{port}"
        journal = open(dossier / "gunicorn.log", "w")  # noqa: SIM115
        processus = subprocess.Popen(
            [
                str(Path(PY).parent / "gunicorn"),
                "--workers",
                str(WORKERS),
                "--worker-class",
                "gthread",
                "--threads",
                "4",
                "--bind",
                f"127.0.0.1:{port}",
                "--timeout",
                "120",
                "--log-level",
                "warning",
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
        print(f"==> gunicorn ({WORKERS} workers × 4 threads) sur {base}")

        adresses = [f"arrivant{i}@arrivants.bench.exemple" for i in range(INSCRIPTIONS)]
        for k in range(MEMES_ADRESSES):  # the last visitors reuse the first addresses
            adresses[INSCRIPTIONS - 1 - k] = adresses[k].upper()
        visiteurs = [Visiteur(base, i, email) for i, email in enumerate(adresses)]
        doubles = set(range(MEMES_ADRESSES, MEMES_ADRESSES + DOUBLES_SOUMISSIONS))
        verrou = threading.Lock()
        faits = [0]

        def lancer(v):
            try:
                v.inscrire(double=v.numero in doubles)
            except requests.RequestException as erreur:
                v.erreurs.append(f"réseau : {erreur}")
            with verrou:
                faits[0] += 1

        print(
            f"==> {INSCRIPTIONS} inscriptions, {THREADS} à la fois "
            f"({MEMES_ADRESSES} adresses reprises, {DOUBLES_SOUMISSIONS} doubles soumissions)"
        )
        debut = time.monotonic()
        with ThreadPoolExecutor(THREADS) as pool:
            list(pool.map(lancer, visiteurs))
        duree = time.monotonic() - debut

        sortie = subprocess.run(
            [PY, "manage.py", "shell", "-c", COMPTER],
            cwd=RACINE,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if sortie.returncode:
            sys.exit(sortie.stderr[-3000:])
        import json

        compte = json.loads(sortie.stdout.strip().splitlines()[-1])
        erreurs = [e for v in visiteurs for e in v.erreurs]
        requetes = sum(v.requetes for v in visiteurs)
        refuses = sum(v.refuse_compte_existant for v in visiteurs)
        attendus = INSCRIPTIONS - MEMES_ADRESSES
        print(
            f"\n{requetes} requêtes en {duree:.1f} s ({requetes / duree:.0f} req/s), "
            f"{INSCRIPTIONS / duree:.1f} inscriptions/s"
        )
        lignes = [
            ("Erreurs HTTP (hors 2xx/3xx) ou parcours interrompus", len(erreurs), 0),
            ("Parcours créés / attendus", compte["parcours"], attendus),
            ("Comptes créés / attendus", compte["comptes"], attendus),
            ("Adresses reprises renvoyées vers la connexion", refuses, MEMES_ADRESSES),
            ("Parcours en double", compte["parcours_en_double"], 0),
            ("Comptes en double", compte["comptes_en_double"], 0),
            (
                "Courriels en double (même destinataire, même sujet)",
                len(compte["doublons_courriels"]),
                0,
            ),
            ("Parcours sans code de parrainage", compte["parcours_sans_parrain"], 0),
            ("Parcours sans la campagne UTM", compte["parcours_sans_campagne"], 0),
            ("Brouillons restants", compte["brouillons_restants"], MEMES_ADRESSES),
        ]
        echec = False
        for libelle, valeur, attendu in lignes:
            ok = valeur == attendu
            echec |= not ok
            print(f"  {'OK ' if ok else 'KO '} {libelle} : {valeur} (attendu {attendu})")
        print(
            f"  Courriels en file : {compte['courriels']} ; par arrivant "
            f"(nombre de courriels : nombre d'arrivants) : {compte['par_arrivant']} ; "
            f"aux référents : {compte['referents']}"
        )
        for ligne in erreurs[:10] + compte["doublons_courriels"][:10]:
            print("    ", ligne)
        if echec:
            print(f"\nJournal de gunicorn : {dossier / 'gunicorn.log'}")
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
