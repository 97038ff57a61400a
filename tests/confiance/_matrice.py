"""The machinery of the project-wide permission matrix (tests/confiance/test_matrice_urls.py).

- ``routes()`` lists every URL pattern of the project (``get_resolver()`` walked recursively)
  as ``Route(cle, route, converters)``; ``cle`` is the namespaced URL name, or the route for
  an unnamed pattern.
- ``chemin(route, monde)`` makes a concrete path: the kwargs come from ``ARGUMENTS`` (objects
  of someone else in ``monde_matrice``), else a value that matches nothing (404 expected).
- ``issue(reponse)`` names what a visitor meets: ``ok``, ``renvoi``, ``connexion``, ``refus``,
  ``methode``, ``invalide`` or ``erreur`` (a 500, always a failure).
"""

import re
from dataclasses import dataclass

from django.db import transaction
from django.urls import URLResolver, get_resolver

# The nine roles of issue #9 (accounts built by ``monde_matrice`` in conftest.py).
ROLES = (
    "anonyme",
    "arrivant",
    "ambassadeur",
    "candidat",
    "jure",
    "partenaire",
    "referent_autre",
    "redacteur",
    "departement",
)
ROLES_EQUIPE = ("referent_autre", "redacteur", "departement")

OK, RENVOI, CONNEXION, REFUS, METHODE, INVALIDE, ERREUR = (
    "ok",
    "renvoi",
    "connexion",
    "refus",
    "methode",
    "invalide",
    "erreur",
)
ISSUES = {OK, RENVOI, CONNEXION, REFUS, METHODE, INVALIDE}

PAGES_CONNEXION = ("/compte/login/", "/admin/login/", "/compte/reauthenticate/")
# Redirects that are a refusal: Wagtail's dashboard (with an error message), the network's
# application form for someone who is not an accepted ambassador, the welcome registration
# for someone who has no welcome file.
PAGES_REFUS = {"/admin/", "/admin", "/ambassadeurs/devenir-ambassadeur/", "/accueil/inscription/"}


@dataclass(frozen=True)
class Route:
    cle: str
    route: str
    converters: tuple  # ((kwarg, converter class name), ...)


def routes():
    """Every URL pattern of the project, in resolution order."""
    resultat = []

    def parcourir(resolver, prefixe, espaces, converters):
        for motif in resolver.url_patterns:
            conv = converters + tuple(
                (nom, type(c).__name__) for nom, c in motif.pattern.converters.items()
            )
            if isinstance(motif, URLResolver):
                espace = (motif.namespace,) if motif.namespace else ()
                parcourir(motif, prefixe + str(motif.pattern), espaces + espace, conv)
            else:
                route = prefixe + str(motif.pattern)
                cle = ":".join((*espaces, motif.name)) if motif.name else route
                resultat.append(Route(cle, route, conv))

    parcourir(get_resolver(), "", (), ())
    return resultat


# --- Concrete paths ------------------------------------------------------------------------

VALEUR_INCONNUE = {
    "IntConverter": "999999",
    "StringConverter": "inconnu-matrice",
    "SlugConverter": "inconnu-matrice",
    "UUIDConverter": "6b0f0c1e-0000-4000-8000-000000000000",
    "PathConverter": "inconnu-matrice",
}

# Regex routes (and the catch-alls) get a fixed sample path.
CHEMINS_REGEX = {
    "wagtaildocs_serve": "/documents/999999/inconnu.pdf",
    "account_confirm_email": "/compte/confirm-email/cle-inconnue/",
    "account_reset_password_from_key": "/compte/password/reset/key/1-cle-inconnue/",
    "^media/(?!documents/)(?P<path>.*)$": "/media/inconnu-matrice.jpg",
    "wagtail_serve": "/",
    "wagtailadmin_pages:revisions_compare": (
        "/admin/pages/999999/revisions/compare/earliest...latest/"
    ),
    "admin/^.*/$": "/admin/inconnu-matrice/",
}


def _valeurs(monde):
    """kwargs of the URLs whose object matters: an object of SOMEONE ELSE than the role
    (computed once per world)."""
    if not hasattr(monde, "valeurs"):
        monde.valeurs = {**_valeurs_publiques(monde), **_valeurs_admin(monde)}
    return monde.valeurs


def _valeurs_publiques(monde):
    m = monde
    c = m.autre_candidature
    piece = c.pieces.first() if hasattr(c, "pieces") else None
    return {
        "accueil:parcours_cv_telecharger": {"pk": m.cv.pk},
        "accueil:parcours_cv_supprimer": {"pk": m.cv.pk},
        "ambassadeurs:profil": {"pk": m.autre_ambassadeur.pk},
        "ambassadeurs:question_poser": {"pk": m.autre_ambassadeur.pk},
        "ambassadeurs:hospitalite_modifier": {"pk": m.offre_hospitalite.pk},
        "ambassadeurs:hospitalite_activer": {"pk": m.offre_hospitalite.pk},
        "ambassadeurs:question": {"pk": m.question.pk},
        "ambassadeurs:question_signaler": {"pk": m.question.pk},
        "ambassadeurs:question_clore": {"pk": m.question.pk},
        "jeunesse:appel": {"slug": m.appel.slug},
        "jeunesse:eligibilite": {"slug": m.appel.slug},
        "jeunesse:candidater": {"slug": m.appel.slug},
        "jeunesse:idee": {"pk": m.idee.pk},
        "jeunesse:idee_soutenir": {"pk": m.idee.pk},
        "opportunites:partenaires_offre_modifier": {"pk": m.offre_autre.pk},
        "opportunites:partenaires_offre_pourvue": {"pk": m.offre_autre.pk},
        "opportunites:partenaires_reprise_modifier": {"pk": m.reprise_autre.pk},
        "opportunites:contact_reprise": {"pk": m.reprise_autre.pk},
        "opportunites:alertes_action": {"pk": m.alerte_autre.pk, "action": "pause"},
        "opportunites:alertes_gerer": {"jeton": "jeton-inconnu"},
        "_reference": {"reference": c.reference, "pk": piece.pk if piece else 999999},
        "admin_dossier": {"pk": m.parcours.pk},
    }


def _valeurs_admin(monde):
    """Real objects for our admin views that are not a model viewset's (those get the first
    row of their model, ``_objet_du_modele``); on the core world some are missing and the
    URL gets an unknown id."""
    from accueil.models import Relance
    from ambassadeurs.models import Annonce
    from jeunesse.models import Candidature, RapportProjet, Versement
    from jeunesse.models.choix import Statut
    from jeunesse.services.jury import STATUTS_CLASSEMENT

    m = monde
    valeurs = {
        "accueil_parcours:inspect": {"pk": m.autre_parcours.pk},
        "accueil_parcours:cv": {"pk": m.autre_parcours.pk, "cv_pk": m.cv.pk},
        "ambassadeurs_mises_en_relation:sejour": {"pk": m.sejour.pk},
        "questions_signalements_admin:clore": {"pk": m.signalement.pk},
        "opportunites_contacts_reprises:traiter": {"pk": m.contact_reprise.pk},
        "courriels:renvoyer": {"pk": m.courriel.pk},
        "jeunesse_appels:tableau": {"pk": m.appel.pk},
        "jeunesse_idees:publier": {"pk": m.idee.pk},
        "jeunesse_idees:refuser": {"pk": m.idee.pk},
        "pilotage_export": {"section": "arrivants", "tableau": "par-profil"},
    }
    for cle in ("", "_message", "_etat", "_complement"):
        valeurs[f"jeunesse_dossier{cle}"] = {"pk": m.depose.pk}
    valeurs["jeunesse_dossier_piece"] = {"pk": m.depose.pk, "piece_pk": m.piece_deposee.pk}
    relance = Relance.objects.filter(statut=Relance.Statut.PREVUE).order_by("pk").first()
    if relance:
        valeurs["accueil_relances:annuler"] = {"pk": relance.pk}
    annonce = Annonce.objects.order_by("pk").first()
    if annonce:
        valeurs["ambassadeurs_annonces:envoyer"] = {"pk": annonce.pk}
    classee = Candidature.objects.filter(statut__in=STATUTS_CLASSEMENT).order_by("pk").first()
    if classee:
        for cle in ("jeunesse_jury", "jeunesse_classement"):
            valeurs[cle] = {"pk": classee.appel_id}
        valeurs["jeunesse_jury_decision"] = {"pk": classee.appel_id, "candidature_pk": classee.pk}
    versement = Versement.objects.filter(candidature__statut=Statut.RETENU).first()
    if versement:
        laureat = versement.candidature_id
        valeurs["jeunesse_suivi"] = {"pk": laureat}
        valeurs["jeunesse_suivi_versement"] = {"pk": laureat, "versement": versement.pk}
    rapport = RapportProjet.objects.filter(
        candidature__statut=Statut.RETENU, piece__isnull=False
    ).first()
    if rapport:
        valeurs["jeunesse_suivi_rapport"] = {"pk": rapport.candidature_id, "rapport": rapport.pk}
    return valeurs


def _objet_du_modele(r: Route, monde):
    """``{"pk": …}`` of a row of the model of an admin viewset route (our prefixes), or {}
    (computed once per world and route, the nine roles share it).

    The newcomer's file is the other newcomer's (area A); otherwise the first row."""
    if not hasattr(monde, "objets_des_modeles"):
        monde.objets_des_modeles = {}
    if r.cle not in monde.objets_des_modeles:
        monde.objets_des_modeles[r.cle] = _objet_du_modele_chercher(r, monde)
    return monde.objets_des_modeles[r.cle]


def _objet_du_modele_chercher(r: Route, monde):
    from django.urls import Resolver404, resolve

    if not r.route.startswith("admin/") or "<int:pk>" not in r.route:
        return {}
    try:
        vue = resolve("/" + re.sub(r"<(?:(\w+):)?(\w+)>", "1", r.route)).func
    except Resolver404:
        return {}
    # A viewset passes its model to the view as an init kwarg; other views set it on the class.
    modele = getattr(vue, "view_initkwargs", {}).get("model") or getattr(
        getattr(vue, "view_class", None), "model", None
    )
    if not isinstance(modele, type):  # a view computing its model per request
        return {}
    if modele is type(monde.autre_parcours):
        return {"pk": monde.autre_parcours.pk}
    objet = modele._default_manager.order_by("pk").first()
    return {"pk": objet.pk} if objet else {}


def chemin(r: Route, monde) -> str:
    if r.cle in CHEMINS_REGEX:
        return CHEMINS_REGEX[r.cle]
    if r.route in CHEMINS_REGEX:
        return CHEMINS_REGEX[r.route]
    valeurs = _valeurs(monde)
    propres = dict(valeurs.get(r.cle) or _objet_du_modele(r, monde))
    if r.cle.startswith("jeunesse:candidature") or "<str:reference>" in r.route:
        propres = {"reference": valeurs["_reference"]["reference"], **propres}
    texte = "/" + r.route

    def remplacer(correspondance):
        nom = correspondance.group(2)
        if nom in propres:
            return str(propres[nom])
        classe = dict(r.converters).get(nom, "StringConverter")
        if nom == "pk" or nom.endswith("_id"):
            return VALEUR_INCONNUE["IntConverter"]  # Wagtail's <str:pk> are numeric ids here
        return VALEUR_INCONNUE.get(classe, "inconnu-matrice")

    texte = re.sub(r"<(?:(\w+):)?(\w+)>", remplacer, texte)
    if "^" in texte or "(" in texte or "$" in texte:
        # A regex route without a sample: strip the anchors, use unknown values.
        texte = re.sub(r"\(\?P<\w+>[^)]*\)", "inconnu", texte)
        texte = texte.replace("^", "").replace("$", "")
    return texte


# --- What the visitor meets --------------------------------------------------------------------


def issue(reponse) -> str:
    code = reponse.status_code
    if code >= 500:
        return ERREUR
    if code in (301, 302, 303, 307, 308):
        cible = reponse.headers.get("Location", "")
        chemin_cible = re.sub(r"^https?://[^/]+", "", cible)
        if chemin_cible.startswith(PAGES_CONNEXION):
            return CONNEXION
        # Wagtail's refusal: back to the admin's dashboard with an error message.
        if chemin_cible.split("?")[0] in PAGES_REFUS:
            return REFUS
        return RENVOI
    if code in (403, 404, 410):
        return REFUS
    if code == 405:
        return METHODE
    if code in (400, 409, 422, 429):
        return INVALIDE
    return OK


def appeler(client, methode: str, chemin_: str, compte=None):
    """One request inside a savepoint rolled back afterwards: every role meets the same data.

    ``compte`` is signed in again afterwards if the request ended its session (the logout,
    a login that rotated the session key inside the rolled-back savepoint…)."""
    try:
        return _appeler(client, methode, chemin_)
    finally:
        if compte is not None and client.session.get("_auth_user_id") != str(compte.pk):
            client.force_login(compte)


def _appeler(client, methode, chemin_):
    with transaction.atomic():
        reponse = client.get(chemin_) if methode == "GET" else client.post(chemin_, {})
        if getattr(reponse, "streaming", False):
            b"".join(reponse.streaming_content)
        transaction.set_rollback(True)
    return reponse
