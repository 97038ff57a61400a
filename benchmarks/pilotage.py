"""Benchmark of the steering figures (« pilotage ») at 50,000 welcome registrations.

    make bench-pilotage                      # or: .venv/bin/python benchmarks/pilotage.py
    BENCH_ARRIVANTS=10000 BENCH_RUNS=5 make bench-pilotage

Builds a throwaway SQLite file database in a temporary folder (or uses
``BENCH_DATABASE_URL``, an empty PostgreSQL database that is migrated and filled), loads the
territory (``seed_demo --noyau``), then inserts with ``bulk_create``: one welcome referent per
communauté de communes plus the departmental team, ``BENCH_ARRIVANTS`` files (default 50,000)
registered over the last two years (profiles, areas, sources, households, next actions drawn
at random with a fixed seed) and their status history (each file goes through the pipeline
up to a random stage, some end « sans suite »).

Then, for the period « 12 derniers mois » (monthly), it times ``BENCH_RUNS`` times (default
10), after one warm-up run:

- « sections »: every registered section (``registre.sections()``), ``calculer`` and
  ``chiffres_cles``, in-process;
- « tableau de bord »: the full admin dashboard page (URL ``pilotage_tableau_de_bord``, when
  it resolves) through Django's test client, logged in as a superuser.

Reports the median and p95 time and the number of queries of each scenario (and per
section), against the target: under 1 second. Figures go to
``benchmarks/results/pilotage.json``. Exit status 1 when a run fails (not when the target is
missed, unless ``BENCH_STRICT=1``).
"""

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
RESULTATS = RACINE / "benchmarks" / "results"
PY = sys.executable
ARRIVANTS = int(os.environ.get("BENCH_ARRIVANTS", "50000"))
RUNS = int(os.environ.get("BENCH_RUNS", "10"))
CIBLE_S = 1.0
LOT = 2000  # rows per bulk insert
ANCIENS = timedelta(days=600)  # files older than this are anonymised (they still count)


def environnement(dossier: Path) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "lot_portal.settings.base",
            "DJANGO_DEBUG": "true",  # static files without collectstatic (switched off below)
            "DJANGO_SECRET_KEY": "bench-pilotage-" + os.urandom(16).hex(),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL")
            or f"sqlite:///{dossier / 'bench.sqlite3'}",
            "CELERY_BROKER_URL": "memory://",
            "CACHE_URL": "locmemcache://",
            "PAGE_CACHE_SECONDS": "0",
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


def centile(valeurs, p):
    valeurs = sorted(valeurs)
    rang = min(len(valeurs) - 1, max(0, round(p / 100 * len(valeurs)) - 1))
    return valeurs[rang]


# --- Data ---------------------------------------------------------------------------------


def generer(nombre: int) -> dict:
    """Insert ``nombre`` files and their status history (bulk inserts, fixed seed)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from accueil.models import ChangementStatut, ParcoursAccueil, Referent
    from accueil.models.choix import ConnuPar, ProfilArrivant, StatutParcours
    from lot_portal.territoire.models import CommunauteDeCommunes

    alea = random.Random(8)
    utilisateurs = get_user_model()
    communautes = list(CommunauteDeCommunes.objects.values_list("pk", flat=True))
    referents = {}
    with transaction.atomic():
        ParcoursAccueil.objects.filter(prenom="Bench").delete()
        for pk in [*communautes, None]:
            compte, _ = utilisateurs.objects.get_or_create(
                email=f"referent-{pk or 'departement'}@pilotage.bench.exemple",
                defaults={"first_name": "Référent", "last_name": str(pk or "départemental")},
            )
            referents[pk], _ = Referent.objects.get_or_create(
                utilisateur=compte, defaults={"communaute_id": pk}
            )

    # ``cree_le`` and ``le`` are auto_now_add: switched off while the dated rows go in.
    champs = [ParcoursAccueil._meta.get_field("cree_le"), ChangementStatut._meta.get_field("le")]
    for champ in champs:
        champ.auto_now_add = False
    maintenant = timezone.now()
    profils = list(ProfilArrivant.values)
    connus = list(ConnuPar.values) + [""] * 4
    sources = [
        ({}, "", ""),
        ({}, "", ""),
        ({"utm_source": "google", "utm_medium": "organic"}, "", ""),
        ({"utm_source": "qwant"}, "", ""),
        ({"utm_source": "cci-lot", "utm_medium": "partenaire"}, "", ""),
        ({"utm_source": "facebook", "utm_medium": "social", "utm_campaign": "ete"}, "", ""),
        ({"campagne": "vivre-a-la-campagne"}, "vivre-a-la-campagne", ""),
        ({}, "", "AMB-{n}"),
    ]
    etapes = [
        StatutParcours.PREMIER_CONTACT,
        StatutParcours.EN_ECHANGE,
        StatutParcours.VISITE_DECOUVERTE,
        StatutParcours.INSTALLE,
    ]
    try:
        for debut_lot in range(0, nombre, LOT):
            dossiers, chemins = [], []
            for n in range(debut_lot, min(nombre, debut_lot + LOT)):
                cree = maintenant - timedelta(seconds=alea.randrange(730 * 86400))
                communaute = alea.choice(communautes) if alea.random() < 0.9 else None
                source, campagne, parrain = alea.choice(sources)
                # Furthest stage: 0 (nouveau) … 4 (installé); 15 % end « sans suite ».
                rang = min(4, int(alea.expovariate(0.7)))
                chemin, le = [], cree
                for statut in etapes[:rang]:
                    le = le + timedelta(days=alea.uniform(1, 40))
                    if le > maintenant:
                        break
                    chemin.append((statut, le))
                if chemin and chemin[-1][0] != StatutParcours.INSTALLE and alea.random() < 0.15:
                    chemin.append((StatutParcours.SANS_SUITE, chemin[-1][1] + timedelta(days=3)))
                statut = chemin[-1][0] if chemin else StatutParcours.NOUVEAU
                installe = chemin[-1][1] if statut == StatutParcours.INSTALLE else None
                action = alea.random()
                dossiers.append(
                    ParcoursAccueil(
                        prenom="Bench",
                        nom=f"Arrivant {n}",
                        profil=alea.choice(profils),
                        lieu_actuel="Bench",
                        connu_par=alea.choice(connus),
                        adultes=alea.choice((1, 1, 2, 2, 2, 3)),
                        enfants=[
                            {"age": alea.randrange(18)} for _ in range(alea.choice((0, 0, 1, 2, 3)))
                        ],
                        consentement_le=cree,
                        source=source,
                        code_campagne=campagne,
                        code_parrainage=parrain.format(n=n % 97),
                        communaute_id=communaute,
                        referent=referents[communaute] if alea.random() < 0.95 else None,
                        statut=statut,
                        statut_modifie_le=chemin[-1][1] if chemin else cree,
                        installe_le=timezone.localdate(installe) if installe else None,
                        prochaine_action="Rappeler" if action < 0.6 else "",
                        prochaine_action_le=(
                            timezone.localdate(maintenant) + timedelta(days=alea.randint(-30, 30))
                            if action < 0.6
                            else None
                        ),
                        cree_le=cree,
                        derniere_activite_le=chemin[-1][1] if chemin else cree,
                        anonymise_le=maintenant
                        if cree < maintenant - timedelta(days=600)
                        else None,
                    )
                )
                chemins.append([(StatutParcours.NOUVEAU, cree), *chemin])
            with transaction.atomic():
                crees = ParcoursAccueil.objects.bulk_create(dossiers)
                changements = []
                for parcours, chemin in zip(crees, chemins, strict=True):
                    ancien = ""
                    for nouveau, le in chemin:
                        changements.append(
                            ChangementStatut(
                                parcours=parcours, ancien=ancien, nouveau=nouveau, le=le
                            )
                        )
                        ancien = nouveau
                ChangementStatut.objects.bulk_create(changements, batch_size=LOT)
    finally:
        for champ in champs:
            champ.auto_now_add = True
    return {
        "dossiers": ParcoursAccueil.objects.count(),
        "changements_statut": ChangementStatut.objects.count(),
        "referents": Referent.objects.count(),
    }


# --- Measures -----------------------------------------------------------------------------


def douze_derniers_mois():
    from django.utils import timezone

    from lot_portal.pilotage.registre import Filtres

    fin = timezone.localdate()
    try:
        debut = fin.replace(year=fin.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        debut = date(fin.year - 1, 3, 1)
    return Filtres(debut=debut, fin=fin, granularite="mois")


def mesurer(fonction, runs: int) -> dict:
    """Times (ms) and query count of ``fonction`` over ``runs`` runs after a warm-up."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    fonction()  # warm-up (imports, templates, SQLite page cache)
    temps, requetes = [], set()
    for _ in range(runs):
        reset_queries()
        with CaptureQueriesContext(connection) as contexte:
            debut = time.perf_counter()
            fonction()
            temps.append((time.perf_counter() - debut) * 1000)
        requetes.add(len(contexte.captured_queries))
    return {
        "runs": runs,
        "median_ms": round(statistics.median(temps), 1),
        "p95_ms": round(centile(temps, 95), 1),
        "max_ms": round(max(temps), 1),
        "requetes": sorted(requetes),
    }


def sections_toutes(filtres):
    from lot_portal.pilotage import registre

    for section in registre.sections():
        section.calculer(filtres)
        section.chiffres_cles(filtres)


def scenarios(filtres) -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from lot_portal.pilotage import registre

    resultats = {"sections": mesurer(lambda: sections_toutes(filtres), RUNS), "par_section": {}}
    for section in registre.sections():
        resultats["par_section"][section.slug] = mesurer(
            lambda s=section: (s.calculer(filtres), s.chiffres_cles(filtres)), RUNS
        )
    try:
        url = reverse("pilotage_tableau_de_bord")
    except NoReverseMatch:
        resultats["tableau_de_bord"] = None
        return resultats
    client = Client()
    client.force_login(get_user_model().objects.get(email="bench@lot.example"))
    erreurs = []

    def page():
        reponse = client.get(url)
        if reponse.status_code != 200:
            erreurs.append(reponse.status_code)

    resultats["tableau_de_bord"] = {"url": url, **mesurer(page, RUNS), "erreurs": erreurs}
    return resultats


def ligne(nom, mesure) -> str:
    ok = "oui" if mesure["p95_ms"] < CIBLE_S * 1000 else "NON"
    requetes = "/".join(str(n) for n in mesure["requetes"])
    return (
        f"  {nom:<24} médiane {mesure['median_ms']:>8.1f} ms   p95 {mesure['p95_ms']:>8.1f} ms"
        f"   requêtes {requetes:>5}   < {CIBLE_S:.0f} s : {ok}"
    )


def main() -> int:
    dossier = Path(tempfile.mkdtemp(prefix="lot-bench-pilotage."))
    env = environnement(dossier)
    (dossier / "static").mkdir()  # STATIC_ROOT, so that whitenoise does not warn
    try:
        print(f"==> Base de données : {env['DATABASE_URL'].split('@')[-1]}")
        debut = time.monotonic()
        manage(env, "migrate", "--noinput")
        manage(env, "shell", "-c", COMPTE_EQUIPE)
        manage(env, "seed_demo", "--noyau")
        print(f"==> Migrations et territoire : {time.monotonic() - debut:.0f} s")

        os.environ.update(env)
        sys.path.insert(0, str(RACINE))
        import django

        django.setup()
        from django.conf import settings

        # Debug on at load only picked the plain static storage (no collectstatic); off
        # for the measures (CaptureQueriesContext counts the queries anyway).
        settings.DEBUG = False

        debut = time.monotonic()
        volumes = generer(ARRIVANTS)
        print(
            f"==> {volumes['dossiers']:,} dossiers, {volumes['changements_statut']:,} changements"
            f" de statut, {volumes['referents']} référents : {time.monotonic() - debut:.0f} s"
        )
        filtres = douze_derniers_mois()
        print(f"==> Période : du {filtres.debut:%d/%m/%Y} au {filtres.fin:%d/%m/%Y} ({RUNS} runs)")
        resultats = scenarios(filtres)
        print(ligne("toutes les sections", resultats["sections"]))
        for slug, mesure in resultats["par_section"].items():
            print(ligne(f"  · {slug}", mesure))
        tableau = resultats["tableau_de_bord"]
        if tableau is None:
            print("  tableau de bord           (URL pilotage_tableau_de_bord absente : non mesuré)")
        else:
            print(ligne("tableau de bord (admin)", tableau))
            if tableau["erreurs"]:
                print(f"  Erreurs HTTP : {tableau['erreurs']}")
        print(f"Cible : moins de {CIBLE_S:.0f} s (p95) à {ARRIVANTS:,} inscriptions.")

        RESULTATS.mkdir(parents=True, exist_ok=True)
        (RESULTATS / "pilotage.json").write_text(
            json.dumps(
                {
                    "date": datetime.now().isoformat(timespec="seconds"),
                    "base": env["DATABASE_URL"].split("://")[0],
                    "volumes": volumes,
                    "periode": [filtres.debut.isoformat(), filtres.fin.isoformat()],
                    "cible_ms": CIBLE_S * 1000,
                    **resultats,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        if tableau is not None and tableau["erreurs"]:
            return 1
        manque = [
            m
            for m in (resultats["sections"], tableau)
            if m is not None and m["p95_ms"] >= CIBLE_S * 1000
        ]
        return 1 if manque and os.environ.get("BENCH_STRICT") == "1" else 0
    finally:
        if os.environ.get("BENCH_KEEP_TMP") == "1":
            print(f"Dossier conservé : {dossier}")
        else:
            shutil.rmtree(dossier, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
