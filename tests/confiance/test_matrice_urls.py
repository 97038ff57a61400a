"""The project-wide permission matrix (issue #9): every URL pattern, nine roles, GET and POST.

The table is ``_matrice_table.py``: one row per URL name of OUR code (public site, /compte/,
every app, our admin views under /admin/<app>/), with the expected outcome per role for GET
and for POST; Wagtail's and Django's own admin URLs are covered by a rule per namespace
(``REGLES_WAGTAIL``): outsiders are sent to the login or refused, team members never meet a
500 and are refused where their group gives them nothing.

- ``test_every_url_is_in_the_matrix``: a URL pattern matched by no row and no rule fails
  (« add it to the matrix »), and so does a row or a rule that matches no URL (stale).
- ``test_matrix_for_every_role``: one client per role, every URL in GET and POST (empty
  form), each request in a rolled-back savepoint; all the differences are collected and
  reported together. A 500 is always a failure.
- ``test_every_page_type_is_served``: one live page of each page type, for every role.

How to add a row for a new URL: see the docstring of ``_matrice_table.py``.
"""

import pytest
from _matrice import ERREUR, ROLES, appeler, chemin, issue, routes
from _matrice_table import MATRICE, PREFIXES_NOTRES, REGLES_WAGTAIL, attendu_wagtail
from django.test import Client

pytestmark = pytest.mark.django_db

METHODES = ("GET", "POST")


def _regle(route):
    """The Wagtail/Django admin rule of a route (the namespace after ``admin/``), or None."""
    if not route.startswith("admin/") or route.startswith(PREFIXES_NOTRES):
        return None
    segment = route[len("admin/") :].split("/", 1)[0]
    return segment if segment in REGLES_WAGTAIL else None


def test_every_url_is_in_the_matrix():
    absentes, regles_vues = [], set()
    cles = set()
    for r in routes():
        cles.add(r.cle)
        if r.cle in MATRICE:
            continue
        regle = _regle(r.route)
        if regle is None:
            absentes.append(f"{r.cle}  ({r.route})")
        else:
            regles_vues.add(regle)
    assert not absentes, "URL absente de la matrice, ajoutez-la dans _matrice_table.py :\n" + (
        "\n".join(absentes)
    )
    perimees = sorted(set(MATRICE) - cles)
    assert not perimees, f"ligne de la matrice sans URL (à retirer) : {perimees}"
    regles_perimees = sorted(set(REGLES_WAGTAIL) - regles_vues)
    assert not regles_perimees, f"règle d'espace d'administration sans URL : {regles_perimees}"


def _client(monde, role):
    client = Client()
    compte = monde.comptes[role]
    if compte is not None:
        client.force_login(compte)
    return client


def _verifier_role(monde, role, ecarts):
    client = _client(monde, role)
    for r in routes():
        ligne = MATRICE.get(r.cle)
        regle = None if ligne else _regle(r.route)
        if ligne is None and regle is None:
            continue  # reported by test_every_url_is_in_the_matrix
        chemin_ = chemin(r, monde)
        for methode in METHODES:
            if ligne is not None:
                permis = ligne[methode][role]
            else:
                permis = attendu_wagtail(regle, role, methode)
                if permis is None:
                    continue  # team member, POST on Wagtail's own views: not exercised
            try:
                obtenu = issue(appeler(client, methode, chemin_, monde.comptes[role]))
            except Exception as exc:  # noqa: BLE001 - a 500 in the test client
                obtenu = f"{ERREUR} ({type(exc).__name__}: {str(exc)[:120]})"
            if obtenu.startswith(ERREUR) or obtenu not in permis:
                ecarts.append(
                    f"{role:15} {methode:4} {chemin_}  [{r.cle}]: "
                    f"obtenu {obtenu}, attendu {'/'.join(sorted(permis))}"
                )


def test_matrix_for_every_role(monde_matrice_complet):
    """One test for the nine roles: the world is built once (its seed is the slow part)."""
    ecarts = []
    for role in ROLES:
        _verifier_role(monde_matrice_complet, role, ecarts)
    assert not ecarts, f"{len(ecarts)} écart(s) à la matrice :\n" + "\n".join(ecarts)


def test_every_page_type_is_served(monde_matrice):
    """A live page of each page type answers 200 to every role (all our pages are public)."""
    from wagtail.models import Page

    echantillon = {}
    for page_ in Page.objects.live().public().filter(depth__gt=1).specific():
        echantillon.setdefault(type(page_).__name__, page_)
    assert len(echantillon) >= 3, echantillon
    ecarts = []
    for role in ROLES:
        client = _client(monde_matrice, role)
        for type_page, page_ in echantillon.items():
            reponse = client.get(page_.url)
            if reponse.status_code != 200:
                ecarts.append(f"{role} {type_page} {page_.url}: {reponse.status_code}")
    assert not ecarts, ecarts


def test_our_admin_urls_reach_real_objects(monde_matrice_complet):
    """On the whole demo, every id of our admin URLs is a real row (so the matrix checks who
    may open a real file, not a 404 for everybody)."""
    from _matrice_table import PREFIXES_NOTRES

    inconnues = []
    for r in routes():
        if r.route.startswith(PREFIXES_NOTRES) and "<int:" in r.route:
            chemin_ = chemin(r, monde_matrice_complet)
            if "999999" in chemin_:
                inconnues.append(f"{r.cle}: {chemin_}")
    assert not inconnues, "URL d'administration sans objet réel dans le monde :\n" + "\n".join(
        inconnues
    )
