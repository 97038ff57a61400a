"""The table of the project-wide permission matrix (tests/confiance/test_matrice_urls.py).

Roles (``conftest.ROLES``): anonyme, arrivant (newcomer), ambassadeur, candidat (young
applicant), jure (juror), partenaire (partner employer), referent_autre (welcome referent of
ANOTHER area than the newcomer's), redacteur (« Rédaction » group), departement
(departmental staff, not superuser: the welcome team of the whole département, the youth
calls' « Instruction jeunesse » and the job offers' « Modération emploi »).

Outcomes (``_matrice.issue``):

- ``PERMIS``: the page (200), a form error (400/409/422/429) or a redirect somewhere else
  than a login page (after an action, or to the next step);
- ``CONNEXION``: a redirect to a login page (/compte/login/, /admin/login/);
- ``REFUS``: 403, 404, 410, or Wagtail's refusal (redirect to the admin's dashboard);
- ``METHODE``: 405;
- a 500 is never accepted.

Personal objects in the URLs belong to SOMEONE ELSE than the role (see ``monde_matrice`` in
conftest.py and ``_matrice._valeurs``); our admin URLs get real rows of the whole demo
(``monde_matrice_complet``: the other newcomer's file in area A, a submitted application, a
laureate, a failed email…), so ``departement`` reaching them and ``referent_autre`` refused
are both checked on real objects. Tokens and other ids are unknown values, so they must give
``REFUS`` (or a form error) and never a 500.

How to add a row for a new URL (the test lists it as « URL absente de la matrice »):

1. Find its name (namespaced, e.g. ``"accueil:parcours_bilan"``) in the failure message.
2. If it takes the pk of a personal object, add a sample of SOMEONE ELSE's object to
   ``monde_matrice`` (conftest.py) and the kwargs in ``_matrice._valeurs``.
3. Add a row ``"name": {"GET": r(DEFAULT, role=OUTCOME…), "POST": r(…)}`` below: ``r``
   gives DEFAULT to every role, then the exceptions. Write what SHOULD happen (who may see
   it), then run the test; for a URL under a new /admin/<app>/ prefix, add the prefix to
   ``PREFIXES_NOTRES``; for a new Wagtail admin namespace, a rule in ``REGLES_WAGTAIL``.
"""

from _matrice import ROLES, ROLES_EQUIPE

PERMIS = frozenset({"ok", "renvoi", "invalide"})
CONNEXION = frozenset({"connexion"})
REFUS = frozenset({"refus"})
METHODE = frozenset({"methode"})
TOUT_SAUF_500 = frozenset({"ok", "renvoi", "invalide", "connexion", "refus", "methode"})


def r(defaut, **roles):
    """The expected outcome of each role: ``defaut``, except the roles given."""
    inconnus = set(roles) - set(ROLES)
    assert not inconnus, inconnus
    return {role: roles.get(role, defaut) for role in ROLES}


# Our admin views: explicit rows below, like the public URLs.
PREFIXES_NOTRES = (
    "admin/rgpd/",
    "admin/accueil/",
    "admin/ambassadeurs/",
    "admin/jeunesse/",
    "admin/opportunites/",
    "admin/pilotage/",
    "admin/courriels/",
    "admin/agenda/",
    "admin/journal-acces/",
)

# Wagtail's and Django's own admin URLs, by the first segment after ``admin/``:
# - EQUIPE: outsiders are sent to the login (or refused); team members never meet a 500
#   (GET and POST with an empty form);
# - RESERVE: like EQUIPE, but no team role of the matrix (none is superuser nor has the
#   permissions) may use them: refused;
# - PUBLIC: static helpers anybody may load (the icons' sprite, the JS translations);
# - LIBRE: the admin's login/logout/password-reset entries: anything but a 500.
# - GET_SEUL: like EQUIPE, but a team member's empty POST is not sent (Wagtail's own
#   external-link chooser raises AttributeError on an empty POST: Wagtail's bug, not ours);
# - ESSAI_500: Wagtail's deliberate error page (/admin/failwhale/) for team members.
EQUIPE, RESERVE, PUBLIC, LIBRE = "equipe", "reserve", "public", "libre"
GET_SEUL, ESSAI_500 = "get_seul", "essai_500"

REGLES_WAGTAIL = {
    "": EQUIPE,  # the dashboard
    "^.*": EQUIPE,  # the admin's catch-all 404
    "account": EQUIPE,
    "api": EQUIPE,
    "block-preview": EQUIPE,
    "bulk": EQUIPE,
    "choose-anchor-link": EQUIPE,
    "choose-email-link": EQUIPE,
    "choose-external-link": GET_SEUL,
    "choose-page": EQUIPE,
    "choose-phone-link": EQUIPE,
    "collections": RESERVE,
    "dismissibles": EQUIPE,
    "documents": EQUIPE,
    "editing-sessions": EQUIPE,
    "embeds": EQUIPE,
    "failwhale": ESSAI_500,
    "forms": EQUIPE,
    "groups": RESERVE,
    "images": EQUIPE,
    "jsi18n": PUBLIC,
    "login": LIBRE,
    "logout": LIBRE,
    "pages": EQUIPE,
    "password_reset": LIBRE,
    "redirects": RESERVE,
    "reports": EQUIPE,
    "settings": RESERVE,
    "sites": RESERVE,
    "snippets": EQUIPE,
    "sprite": PUBLIC,
    "tag-autocomplete": EQUIPE,
    "test404": EQUIPE,
    "users": RESERVE,
    "workflows": EQUIPE,
}


def attendu_wagtail(regle, role, methode):
    """The accepted outcomes of ``role`` on a Wagtail/Django admin URL of namespace ``regle``."""
    genre = REGLES_WAGTAIL[regle]
    if genre == LIBRE:
        return TOUT_SAUF_500
    if genre == PUBLIC:
        return PERMIS | METHODE
    if role not in ROLES_EQUIPE:
        return CONNEXION | REFUS
    if genre == RESERVE:
        return REFUS | METHODE
    if genre == ESSAI_500:
        return None  # a 500 on purpose
    if genre == GET_SEUL and methode == "POST":
        return None
    return TOUT_SAUF_500


# One row per URL name of our code: {"GET": outcome per role, "POST": outcome per role}.
# Personal objects belong to someone else (see the module docstring).
MATRICE = {
    "rgpd_export_personne": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "pilotage_tableau_de_bord": {
        "GET": r(CONNEXION, referent_autre=PERMIS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=REFUS, departement=METHODE),
    },
    "pilotage_export": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "jeunesse_dossier": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_dossier_piece": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_dossier_message": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "jeunesse_dossier_etat": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "jeunesse_dossier_complement": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "jeunesse_jury": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "jeunesse_classement": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_jury_decision": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "jeunesse_suivi": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "jeunesse_suivi_versement": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "jeunesse_suivi_rapport": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_journal_moderation": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "courriels:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "courriels:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "courriels:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "courriels:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "courriels:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "courriels:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "courriels:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "courriels:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "courriels:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "courriels:copy": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "courriels:renvoyer": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "journal_acces:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "journal_acces:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "journal_acces:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "journal_acces:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "journal_acces:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "journal_acces:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "journal_acces:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "journal_acces:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "journal_acces:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "agenda_inscriptions:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "agenda_inscriptions:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "agenda_inscriptions:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "agenda_inscriptions:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "agenda_inscriptions:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "agenda_inscriptions:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "agenda_inscriptions:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "agenda_inscriptions:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "agenda_inscriptions:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "agenda_inscriptions:copy": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_parcours:index": {
        "GET": r(CONNEXION, referent_autre=PERMIS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=REFUS, departement=METHODE),
    },
    "accueil_parcours:index_results": {
        "GET": r(CONNEXION, referent_autre=PERMIS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=REFUS, departement=METHODE),
    },
    "accueil_parcours:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "accueil_parcours:cv": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=METHODE, departement=METHODE),
    },
    "accueil_sejours:index": {
        "GET": r(CONNEXION, referent_autre=PERMIS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=REFUS, departement=METHODE),
    },
    "accueil_sejours:index_results": {
        "GET": r(CONNEXION, referent_autre=PERMIS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=REFUS, departement=METHODE),
    },
    "accueil_referents:index": {
        "GET": r(CONNEXION, referent_autre=PERMIS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=REFUS, departement=METHODE),
    },
    "accueil_referents:index_results": {
        "GET": r(CONNEXION, referent_autre=PERMIS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=REFUS, departement=METHODE),
    },
    "accueil_referents:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "accueil_referents:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "accueil_referents:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "accueil_referents:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "accueil_referents:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "accueil_referents:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "accueil_referents:copy": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "accueil_regles_maturite:index": {
        "GET": r(CONNEXION, referent_autre=PERMIS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=REFUS, departement=METHODE),
    },
    "accueil_regles_maturite:index_results": {
        "GET": r(CONNEXION, referent_autre=PERMIS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=REFUS, departement=METHODE),
    },
    "accueil_regles_maturite:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "accueil_regles_maturite:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "accueil_regles_maturite:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "accueil_regles_maturite:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "accueil_regles_maturite:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "accueil_regles_maturite:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "accueil_regles_maturite:copy": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "accueil_modeles_etapes:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_etapes:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_etapes:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_etapes:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_etapes:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_etapes:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_etapes:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_etapes:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_etapes:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_etapes:copy": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_kits:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_kits:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_kits:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_kits:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_kits:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_kits:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_kits:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_kits:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_kits:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_kits:copy": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_infos_pratiques:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_infos_pratiques:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_infos_pratiques:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_infos_pratiques:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_infos_pratiques:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_infos_pratiques:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_infos_pratiques:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_infos_pratiques:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_infos_pratiques:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_infos_pratiques:copy": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_logements:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_logements:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_logements:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_logements:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_logements:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_logements:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_logements:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_logements:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_logements:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_logements:copy": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_relance:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_relance:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_relance:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_relance:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_relance:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_relance:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_relance:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_modeles_relance:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_relances:index": {
        "GET": r(CONNEXION, referent_autre=PERMIS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=REFUS, departement=METHODE),
    },
    "accueil_relances:index_results": {
        "GET": r(CONNEXION, referent_autre=PERMIS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=REFUS, departement=METHODE),
    },
    "accueil_relances:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_relances:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_relances:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_relances:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_relances:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_relances:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_relances:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "accueil_relances:annuler": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "accueil_bilans:index": {
        "GET": r(CONNEXION, referent_autre=PERMIS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=REFUS, departement=METHODE),
    },
    "accueil_bilans:index_results": {
        "GET": r(CONNEXION, referent_autre=PERMIS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=METHODE, redacteur=REFUS, departement=METHODE),
    },
    "accueil_bilans:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_bilans:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_bilans:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_bilans:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_bilans:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_bilans:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "accueil_bilans:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "ambassadeurs_admin:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_admin:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_admin:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_annonces:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_annonces:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_annonces:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_annonces:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_annonces:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_annonces:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_annonces:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_annonces:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_annonces:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_annonces:envoyer": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_evenements:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_evenements:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_evenements:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_evenements:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_evenements:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_evenements:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_evenements:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_evenements:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_evenements:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_evenements:copy": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "questions_signalements_admin:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "questions_signalements_admin:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "questions_signalements_admin:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "questions_signalements_admin:clore": {
        "GET": r(CONNEXION, referent_autre=METHODE, redacteur=METHODE, departement=METHODE),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_parrainages:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_parrainages:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_parrainages:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_hospitalite:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_hospitalite:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_hospitalite:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_mises_en_relation:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_mises_en_relation:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_mises_en_relation:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_mises_en_relation:sejours": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "ambassadeurs_mises_en_relation:sejour": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "wagtailsnippets_opportunites_employeur:list": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "wagtailsnippets_opportunites_employeur:list_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "wagtailsnippets_opportunites_employeur:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "wagtailsnippets_opportunites_employeur:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "wagtailsnippets_opportunites_employeur:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "wagtailsnippets_opportunites_employeur:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "wagtailsnippets_opportunites_employeur:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "wagtailsnippets_opportunites_employeur:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "wagtailsnippets_opportunites_employeur:copy": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "opportunites_contacts_reprises:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "opportunites_contacts_reprises:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "opportunites_contacts_reprises:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "opportunites_contacts_reprises:traiter": {
        "GET": r(CONNEXION, referent_autre=METHODE, redacteur=METHODE, departement=METHODE),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "opportunites_contacts_reprises:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "opportunites_partenaires:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "opportunites_partenaires:inviter": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "opportunites_alertes:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "opportunites_alertes:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "opportunites_alertes:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "opportunites_alertes:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "opportunites_alertes:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "opportunites_alertes:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "opportunites_alertes:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "opportunites_alertes:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "opportunites_alertes:inspect": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS),
    },
    "opportunites_import:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "opportunites_import:modele": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_appels:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_appels:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_appels:add": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "jeunesse_appels:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "jeunesse_appels:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "jeunesse_appels:history": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_appels:history_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_appels:usage": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_appels:tableau": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_candidatures:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_candidatures:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_jury_appels:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_laureats:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_idees:index": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_idees:index_results": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=METHODE),
    },
    "jeunesse_idees:edit": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "jeunesse_idees:delete": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "jeunesse_idees:publier": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "jeunesse_idees:refuser": {
        "GET": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
        "POST": r(CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=PERMIS),
    },
    "wagtaildocs_serve": {"GET": r(REFUS), "POST": r(REFUS)},
    "wagtaildocs_authenticate_with_password": {"GET": r(REFUS), "POST": r(REFUS)},
    "rgpd:mes_donnees": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(METHODE, anonyme=CONNEXION),
    },
    "rgpd:mes_donnees_json": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(METHODE, anonyme=CONNEXION),
    },
    "compte": {"GET": r(PERMIS, anonyme=CONNEXION), "POST": r(PERMIS, anonyme=CONNEXION)},
    "account_login": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "account_logout": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "account_inactive": {"GET": r(PERMIS), "POST": r(METHODE)},
    "account_signup": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "account_reauthenticate": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(PERMIS, anonyme=CONNEXION),
    },
    "account_email": {"GET": r(PERMIS, anonyme=CONNEXION), "POST": r(PERMIS, anonyme=CONNEXION)},
    "account_email_verification_sent": {"GET": r(PERMIS), "POST": r(METHODE)},
    "account_change_password": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(PERMIS, anonyme=CONNEXION),
    },
    "account_set_password": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(PERMIS, anonyme=CONNEXION),
    },
    "account_reset_password": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "account_confirm_login_code": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(PERMIS, anonyme=CONNEXION),
    },
    "account_confirm_email": {"GET": r(PERMIS), "POST": r(REFUS)},
    "account_reset_password_from_key_done": {"GET": r(PERMIS), "POST": r(METHODE)},
    "account_reset_password_from_key": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "account_reset_password_done": {"GET": r(PERMIS), "POST": r(METHODE)},
    "mfa_index": {"GET": r(PERMIS, anonyme=CONNEXION), "POST": r(METHODE, anonyme=CONNEXION)},
    "mfa_authenticate": {"GET": r(PERMIS, anonyme=CONNEXION), "POST": r(PERMIS, anonyme=CONNEXION)},
    "mfa_reauthenticate": {"GET": r(CONNEXION), "POST": r(CONNEXION)},
    "mfa_activate_totp": {"GET": r(CONNEXION), "POST": r(CONNEXION)},
    "mfa_deactivate_totp": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "mfa_view_recovery_codes": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(METHODE, anonyme=CONNEXION),
    },
    "mfa_generate_recovery_codes": {"GET": r(CONNEXION), "POST": r(CONNEXION)},
    "mfa_download_recovery_codes": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "recherche": {"GET": r(PERMIS), "POST": r(METHODE)},
    "agenda:ical_agenda": {"GET": r(PERMIS), "POST": r(METHODE)},
    "agenda:rss": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "agenda:atom": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "agenda:ical_evenement": {"GET": r(REFUS), "POST": r(METHODE)},
    "agenda:annulation": {"GET": r(REFUS), "POST": r(REFUS)},
    "sante": {"GET": r(PERMIS), "POST": r(METHODE)},
    "robots_txt": {"GET": r(PERMIS), "POST": r(METHODE)},
    "sitemap": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "accueil:inscription": {"GET": r(PERMIS), "POST": r(METHODE)},
    "accueil:inscription_merci": {"GET": r(REFUS, arrivant=PERMIS), "POST": r(METHODE)},
    "accueil:inscription_etape": {"GET": r(REFUS), "POST": r(REFUS)},
    "accueil:parcours": {"GET": r(REFUS, anonyme=CONNEXION, arrivant=PERMIS), "POST": r(METHODE)},
    "accueil:parcours_etape": {"GET": r(METHODE), "POST": r(REFUS, anonyme=CONNEXION)},
    "accueil:parcours_sejour": {"GET": r(METHODE), "POST": r(REFUS, anonyme=CONNEXION)},
    "accueil:parcours_messages": {
        "GET": r(REFUS, anonyme=CONNEXION, arrivant=PERMIS),
        "POST": r(REFUS, anonyme=CONNEXION, arrivant=PERMIS),
    },
    "accueil:parcours_projet": {
        "GET": r(REFUS, anonyme=CONNEXION, arrivant=PERMIS),
        "POST": r(REFUS, anonyme=CONNEXION, arrivant=PERMIS),
    },
    "accueil:parcours_kit": {
        "GET": r(REFUS, anonyme=CONNEXION, arrivant=PERMIS),
        "POST": r(METHODE),
    },
    "accueil:parcours_cv": {
        "GET": r(REFUS, anonyme=CONNEXION, arrivant=PERMIS),
        "POST": r(REFUS, anonyme=CONNEXION, arrivant=PERMIS),
    },
    "accueil:parcours_cv_consentement": {
        "GET": r(METHODE),
        "POST": r(REFUS, anonyme=CONNEXION, arrivant=PERMIS),
    },
    "accueil:parcours_cv_telecharger": {"GET": r(REFUS, anonyme=CONNEXION), "POST": r(METHODE)},
    "accueil:parcours_cv_supprimer": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "accueil:bilan": {"GET": r(REFUS), "POST": r(REFUS)},
    "accueil:desinscription": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "accueil:mes_donnees": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(METHODE, anonyme=CONNEXION),
    },
    "accueil:mes_donnees_json": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(METHODE, anonyme=CONNEXION),
    },
    "accueil:compte_supprimer": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(
            PERMIS, anonyme=CONNEXION, referent_autre=REFUS, redacteur=REFUS, departement=REFUS
        ),
    },
    "accueil:compte_supprime": {"GET": r(PERMIS), "POST": r(METHODE)},
    "accueil:cv_transmis": {"GET": r(REFUS), "POST": r(METHODE)},
    "ambassadeurs:annuaire": {"GET": r(PERMIS), "POST": r(METHODE)},
    "ambassadeurs:devenir": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(PERMIS, anonyme=CONNEXION),
    },
    "ambassadeurs:espace": {
        "GET": r(REFUS, anonyme=CONNEXION, ambassadeur=PERMIS),
        "POST": r(REFUS, anonyme=CONNEXION, ambassadeur=PERMIS),
    },
    "ambassadeurs:histoires": {
        "GET": r(REFUS, anonyme=CONNEXION, ambassadeur=PERMIS),
        "POST": r(METHODE),
    },
    "ambassadeurs:histoire_nouvelle": {
        "GET": r(REFUS, anonyme=CONNEXION, ambassadeur=PERMIS),
        "POST": r(REFUS, anonyme=CONNEXION, ambassadeur=PERMIS),
    },
    "ambassadeurs:histoire_modifier": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "ambassadeurs:partage": {
        "GET": r(REFUS, anonyme=CONNEXION, ambassadeur=PERMIS),
        "POST": r(METHODE),
    },
    "ambassadeurs:hospitalite": {
        "GET": r(REFUS, anonyme=CONNEXION, ambassadeur=PERMIS),
        "POST": r(METHODE),
    },
    "ambassadeurs:hospitalite_nouvelle": {
        "GET": r(REFUS, anonyme=CONNEXION, ambassadeur=PERMIS),
        "POST": r(REFUS, anonyme=CONNEXION, ambassadeur=PERMIS),
    },
    "ambassadeurs:hospitalite_modifier": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "ambassadeurs:hospitalite_activer": {"GET": r(METHODE), "POST": r(REFUS, anonyme=CONNEXION)},
    "ambassadeurs:mise_en_relation_repondre": {
        "GET": r(METHODE),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "ambassadeurs:impact": {
        "GET": r(REFUS, anonyme=CONNEXION, ambassadeur=PERMIS),
        "POST": r(METHODE),
    },
    "ambassadeurs:annonces": {
        "GET": r(REFUS, anonyme=CONNEXION, ambassadeur=PERMIS),
        "POST": r(METHODE),
    },
    "ambassadeurs:evenements": {
        "GET": r(REFUS, anonyme=CONNEXION, ambassadeur=PERMIS),
        "POST": r(METHODE),
    },
    "ambassadeurs:evenement_repondre": {"GET": r(METHODE), "POST": r(REFUS, anonyme=CONNEXION)},
    "ambassadeurs:question_poser": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(PERMIS, anonyme=CONNEXION),
    },
    "ambassadeurs:mes_questions": {"GET": r(PERMIS, anonyme=CONNEXION), "POST": r(METHODE)},
    "ambassadeurs:question": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "ambassadeurs:question_signaler": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "ambassadeurs:question_clore": {"GET": r(METHODE), "POST": r(REFUS, anonyme=CONNEXION)},
    "ambassadeurs:annonces_desinscription": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "ambassadeurs:questions_boite": {
        "GET": r(REFUS, anonyme=CONNEXION, ambassadeur=PERMIS),
        "POST": r(METHODE),
    },
    "ambassadeurs:profil": {"GET": r(PERMIS), "POST": r(METHODE)},
    "opportunites:alertes_liste": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(METHODE, anonyme=CONNEXION),
    },
    "opportunites:alertes_nouvelle": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "opportunites:alertes_demande_envoyee": {"GET": r(PERMIS), "POST": r(METHODE)},
    "opportunites:alertes_confirmer": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "opportunites:alertes_desinscription": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "opportunites:alertes_gerer": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "opportunites:alertes_action": {
        "GET": r(METHODE, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "opportunites:partenaires": {
        "GET": r(REFUS, anonyme=CONNEXION, partenaire=PERMIS),
        "POST": r(METHODE),
    },
    "opportunites:partenaires_offre_nouvelle": {
        "GET": r(REFUS, anonyme=CONNEXION, partenaire=PERMIS),
        "POST": r(REFUS, anonyme=CONNEXION, partenaire=PERMIS),
    },
    "opportunites:partenaires_offre_modifier": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "opportunites:partenaires_offre_pourvue": {
        "GET": r(METHODE),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "opportunites:partenaires_reprise_nouvelle": {
        "GET": r(REFUS, anonyme=CONNEXION, partenaire=PERMIS),
        "POST": r(REFUS, anonyme=CONNEXION, partenaire=PERMIS),
    },
    "opportunites:partenaires_reprise_modifier": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "opportunites:contact_reprise": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "jeunesse:accueil": {"GET": r(PERMIS), "POST": r(METHODE)},
    "jeunesse:appels": {"GET": r(PERMIS), "POST": r(METHODE)},
    "jeunesse:notice_donnees": {"GET": r(PERMIS), "POST": r(METHODE)},
    "jeunesse:appel": {"GET": r(PERMIS), "POST": r(METHODE)},
    "jeunesse:eligibilite": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "jeunesse:candidater": {"GET": r(METHODE), "POST": r(PERMIS, anonyme=CONNEXION)},
    "jeunesse:mes_candidatures": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(PERMIS, anonyme=CONNEXION),
    },
    "jeunesse:candidature": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:candidature_section": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:deposer": {"GET": r(REFUS, anonyme=CONNEXION), "POST": r(REFUS, anonyme=CONNEXION)},
    "jeunesse:recepisse": {"GET": r(REFUS, anonyme=CONNEXION), "POST": r(REFUS, anonyme=CONNEXION)},
    "jeunesse:piece": {"GET": r(REFUS, anonyme=CONNEXION), "POST": r(METHODE)},
    "jeunesse:piece_supprimer": {"GET": r(METHODE), "POST": r(REFUS, anonyme=CONNEXION)},
    "jeunesse:equipe": {"GET": r(REFUS, anonyme=CONNEXION), "POST": r(REFUS, anonyme=CONNEXION)},
    "jeunesse:membre_renvoyer": {"GET": r(METHODE), "POST": r(REFUS, anonyme=CONNEXION)},
    "jeunesse:membre_retirer": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:equipe_mes_informations": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:equipe_quitter": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:invitation": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:accompagnement": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:mentor_renvoyer": {"GET": r(METHODE), "POST": r(REFUS, anonyme=CONNEXION)},
    "jeunesse:mentor_retirer": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:invitation_mentor": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:mes_accompagnements": {"GET": r(PERMIS, anonyme=CONNEXION), "POST": r(METHODE)},
    "jeunesse:messages": {"GET": r(REFUS, anonyme=CONNEXION), "POST": r(REFUS, anonyme=CONNEXION)},
    "jeunesse:jury": {"GET": r(PERMIS, anonyme=CONNEXION), "POST": r(PERMIS, anonyme=CONNEXION)},
    "jeunesse:jury_evaluation": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:jury_piece": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:jury_conflit": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:accepter": {"GET": r(REFUS, anonyme=CONNEXION), "POST": r(REFUS, anonyme=CONNEXION)},
    "jeunesse:projet": {"GET": r(REFUS, anonyme=CONNEXION), "POST": r(METHODE, anonyme=CONNEXION)},
    "jeunesse:projet_vitrine": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:journal_ecrire": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:journal_modifier": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:rapport_deposer": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(REFUS, anonyme=CONNEXION),
    },
    "jeunesse:rapport_fichier": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(METHODE, anonyme=CONNEXION),
    },
    "jeunesse:attestation": {
        "GET": r(REFUS, anonyme=CONNEXION),
        "POST": r(METHODE, anonyme=CONNEXION),
    },
    "jeunesse:vitrine": {"GET": r(PERMIS), "POST": r(METHODE)},
    "jeunesse:vitrine_projet": {"GET": r(REFUS), "POST": r(METHODE)},
    "jeunesse:idees": {"GET": r(PERMIS), "POST": r(METHODE)},
    "jeunesse:idee_proposer": {
        "GET": r(PERMIS, anonyme=CONNEXION),
        "POST": r(PERMIS, anonyme=CONNEXION),
    },
    "jeunesse:mes_idees": {"GET": r(PERMIS, anonyme=CONNEXION), "POST": r(METHODE)},
    "jeunesse:idee": {"GET": r(REFUS), "POST": r(METHODE)},
    "jeunesse:idee_soutenir": {"GET": r(METHODE), "POST": r(REFUS, anonyme=CONNEXION)},
    "donnees_ouvertes": {"GET": r(PERMIS), "POST": r(METHODE)},
    "donnees_ouvertes_csv": {"GET": r(PERMIS), "POST": r(METHODE)},
    "donnees_ouvertes_json": {"GET": r(PERMIS), "POST": r(METHODE)},
    "^media/(?!documents/)(?P<path>.*)$": {"GET": r(REFUS), "POST": r(REFUS)},
    "wagtailcore_authenticate_with_password": {"GET": r(REFUS), "POST": r(REFUS)},
    "wagtailcore_login": {"GET": r(PERMIS), "POST": r(PERMIS)},
    "wagtail_serve": {"GET": r(PERMIS), "POST": r(PERMIS)},
}
