"""The permission matrix of the ambassador network: every URL of ``ambassadeurs.urls`` and every
admin URL of the « Ambassadeurs » menu, in GET and POST, against every role.

Objects belong to ambassador A (profile, story draft, conversation with a newcomer and its
report, hospitality offer and its match, referral); each role meets them through the URLs only.
Expected outcomes, as a visitor would see them:

- ``ok``: the page (200), a form error (400/409/429) or a redirect after the action;
- ``connexion``: a redirect to a login page (public or admin);
- ``refus``: 403 or 404, the admin's refusal (redirect to the dashboard) or, for someone who
  is not an accepted ambassador, a redirect to « Devenir ambassadeur »;
- ``405``: the method is not accepted, whoever asks.

Each request runs in a savepoint rolled back afterwards, so every role meets the same objects;
a refused request must leave the data untouched. A URL added to the app or to the admin menu
without a row here fails ``test_every_url_is_in_the_matrix``.
"""

import uuid
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.db import transaction
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.models import Page, Revision, WorkflowState

from ambassadeurs.models import (
    Annonce,
    EvenementReseau,
    OffreHospitalite,
    Parrainage,
    StatutAmbassadeur,
)
from ambassadeurs.notifications import jeton_desinscription
from ambassadeurs.services import questions as services_questions
from lot_portal.courriels.models import Courriel

OK, CONNEXION, REFUS, METHODE = "ok", "connexion", "refus", "405"

ROLES = (
    "anonyme",
    "utilisateur",
    "arrivant",
    "ambassadeur_a",
    "ambassadeur_b",
    "candidat",
    "en_pause",
    "staff_sans_droit",
    "equipe_reseau",
    "superuser",
)
AMBASSADEURS_ACCEPTES = {"ambassadeur_a", "ambassadeur_b", "en_pause"}
COMPTES_PUBLICS = {"utilisateur", "arrivant", "candidat"} | AMBASSADEURS_ACCEPTES
# Not staff: Wagtail sends them to its login page, like anonymous visitors.
HORS_ADMIN = {"anonyme"} | COMPTES_PUBLICS


def _attendu(defaut, **roles):
    assert set(roles) <= set(ROLES), set(roles) - set(ROLES)
    return {role: roles.get(role, defaut) for role in ROLES}


TOUS = _attendu(OK)
POUR_TOUS_405 = _attendu(METHODE)
CONNECTES = _attendu(OK, anonyme=CONNEXION)
AMBASSADEURS = _attendu(REFUS, anonyme=CONNEXION, **dict.fromkeys(AMBASSADEURS_ACCEPTES, OK))
PROPRIETAIRE_A = _attendu(REFUS, anonyme=CONNEXION, ambassadeur_a=OK)
CONVERSATION_A = _attendu(REFUS, anonyme=CONNEXION, ambassadeur_a=OK, arrivant=OK)
# Anyone signed in may ask A a question, except A.
QUESTION_A = _attendu(OK, anonyme=CONNEXION, ambassadeur_a=REFUS)
ADMIN_RESEAU = _attendu(OK, staff_sans_droit=REFUS, **dict.fromkeys(HORS_ADMIN, CONNEXION))
# Allowed staff meet a 405 (the view has no POST); everyone else is refused before that.
ADMIN_RESEAU_SANS_POST = {
    **ADMIN_RESEAU,
    "equipe_reseau": METHODE,
    "superuser": METHODE,
}

# url name -> (arguments from the world, {method: expected outcome per role}).
PUBLIQUES = {
    "ambassadeurs:annuaire": (None, {"GET": TOUS, "POST": POUR_TOUS_405}),
    "ambassadeurs:profil": ("a_pk", {"GET": TOUS, "POST": POUR_TOUS_405}),
    "ambassadeurs:devenir": (None, {"GET": CONNECTES, "POST": CONNECTES}),
    "ambassadeurs:espace": (None, {"GET": AMBASSADEURS, "POST": AMBASSADEURS}),
    "ambassadeurs:histoires": (None, {"GET": AMBASSADEURS, "POST": POUR_TOUS_405}),
    "ambassadeurs:histoire_nouvelle": (None, {"GET": AMBASSADEURS, "POST": AMBASSADEURS}),
    "ambassadeurs:histoire_modifier": (
        "histoire_pk",
        {"GET": PROPRIETAIRE_A, "POST": PROPRIETAIRE_A},
    ),
    "ambassadeurs:partage": (None, {"GET": AMBASSADEURS, "POST": POUR_TOUS_405}),
    "ambassadeurs:hospitalite": (None, {"GET": AMBASSADEURS, "POST": POUR_TOUS_405}),
    "ambassadeurs:hospitalite_nouvelle": (None, {"GET": AMBASSADEURS, "POST": AMBASSADEURS}),
    "ambassadeurs:hospitalite_modifier": (
        "offre_pk",
        {"GET": PROPRIETAIRE_A, "POST": PROPRIETAIRE_A},
    ),
    "ambassadeurs:hospitalite_activer": (
        "offre_pk",
        {"GET": POUR_TOUS_405, "POST": PROPRIETAIRE_A},
    ),
    "ambassadeurs:mise_en_relation_repondre": (
        "mise_pk",
        {"GET": POUR_TOUS_405, "POST": PROPRIETAIRE_A},
    ),
    "ambassadeurs:impact": (None, {"GET": AMBASSADEURS, "POST": POUR_TOUS_405}),
    "ambassadeurs:annonces": (None, {"GET": AMBASSADEURS, "POST": POUR_TOUS_405}),
    "ambassadeurs:evenements": (None, {"GET": AMBASSADEURS, "POST": POUR_TOUS_405}),
    "ambassadeurs:evenement_repondre": (
        "evenement_pk",
        {"GET": POUR_TOUS_405, "POST": AMBASSADEURS},
    ),
    "ambassadeurs:question_poser": ("a_pk", {"GET": QUESTION_A, "POST": QUESTION_A}),
    "ambassadeurs:mes_questions": (None, {"GET": CONNECTES, "POST": POUR_TOUS_405}),
    "ambassadeurs:question": ("question_pk", {"GET": CONVERSATION_A, "POST": CONVERSATION_A}),
    "ambassadeurs:question_signaler": (
        "question_pk",
        {"GET": CONVERSATION_A, "POST": CONVERSATION_A},
    ),
    "ambassadeurs:question_clore": (
        "question_pk",
        {"GET": POUR_TOUS_405, "POST": CONVERSATION_A},
    ),
    # The signed token is the secret: whoever holds it may unsubscribe A (one click).
    "ambassadeurs:annonces_desinscription": ("jeton_a", {"GET": TOUS, "POST": TOUS}),
    "ambassadeurs:questions_boite": (None, {"GET": AMBASSADEURS, "POST": POUR_TOUS_405}),
}

LECTURE_SEULE = {"GET": ADMIN_RESEAU, "POST": ADMIN_RESEAU_SANS_POST}
FORMULAIRE = {"GET": ADMIN_RESEAU, "POST": ADMIN_RESEAU}

ADMIN = {
    # Applications and ambassadors (list, export, application page with the decision).
    "ambassadeurs_admin:index": (None, LECTURE_SEULE),
    "ambassadeurs_admin:index_results": (None, LECTURE_SEULE),
    "ambassadeurs_admin:inspect": ("candidat_pk", FORMULAIRE),
    # Announcements.
    "ambassadeurs_annonces:index": (None, LECTURE_SEULE),
    "ambassadeurs_annonces:index_results": (None, LECTURE_SEULE),
    "ambassadeurs_annonces:add": (None, FORMULAIRE),
    "ambassadeurs_annonces:edit": ("annonce_pk", FORMULAIRE),
    "ambassadeurs_annonces:delete": ("annonce_pk", FORMULAIRE),
    "ambassadeurs_annonces:history": ("annonce_pk", LECTURE_SEULE),
    "ambassadeurs_annonces:history_results": ("annonce_pk", LECTURE_SEULE),
    "ambassadeurs_annonces:usage": ("annonce_pk", LECTURE_SEULE),
    "ambassadeurs_annonces:inspect": ("annonce_pk", LECTURE_SEULE),
    "ambassadeurs_annonces:envoyer": ("annonce_pk", FORMULAIRE),
    # Network events.
    "ambassadeurs_evenements:index": (None, LECTURE_SEULE),
    "ambassadeurs_evenements:index_results": (None, LECTURE_SEULE),
    "ambassadeurs_evenements:add": (None, FORMULAIRE),
    "ambassadeurs_evenements:edit": ("evenement_pk", FORMULAIRE),
    "ambassadeurs_evenements:delete": ("evenement_pk", FORMULAIRE),
    "ambassadeurs_evenements:history": ("evenement_pk", LECTURE_SEULE),
    "ambassadeurs_evenements:history_results": ("evenement_pk", LECTURE_SEULE),
    "ambassadeurs_evenements:usage": ("evenement_pk", LECTURE_SEULE),
    "ambassadeurs_evenements:inspect": ("evenement_pk", LECTURE_SEULE),
    "ambassadeurs_evenements:copy": ("evenement_pk", FORMULAIRE),
    # Abuse reports on questions.
    "questions_signalements_admin:index": (None, LECTURE_SEULE),
    "questions_signalements_admin:index_results": (None, LECTURE_SEULE),
    "questions_signalements_admin:edit": ("signalement_pk", FORMULAIRE),
    # POST only: every admin user meets the 405 (outsiders are sent to the login first).
    "questions_signalements_admin:clore": (
        "signalement_pk",
        {"GET": {**ADMIN_RESEAU_SANS_POST, "staff_sans_droit": METHODE}, "POST": ADMIN_RESEAU},
    ),
    # Referrals.
    "ambassadeurs_parrainages:index": (None, LECTURE_SEULE),
    "ambassadeurs_parrainages:index_results": (None, LECTURE_SEULE),
    "ambassadeurs_parrainages:edit": ("parrainage_pk", FORMULAIRE),
    # Hospitality offers and their matches with discovery stays.
    "ambassadeurs_hospitalite:index": (None, LECTURE_SEULE),
    "ambassadeurs_hospitalite:index_results": (None, LECTURE_SEULE),
    "ambassadeurs_hospitalite:inspect": ("offre_pk", LECTURE_SEULE),
    "ambassadeurs_mises_en_relation:index": (None, LECTURE_SEULE),
    "ambassadeurs_mises_en_relation:index_results": (None, LECTURE_SEULE),
    "ambassadeurs_mises_en_relation:inspect": ("mise_pk", FORMULAIRE),  # « visite réalisée »
    "ambassadeurs_mises_en_relation:sejours": (None, LECTURE_SEULE),
    "ambassadeurs_mises_en_relation:sejour": ("sejour_pk", FORMULAIRE),
}

MATRICE = {**PUBLIQUES, **ADMIN}
# The same URL with a query string that changes what it does.
VARIANTES = {"ambassadeurs_admin:index?export=csv": ("ambassadeurs_admin:index", "?export=csv")}
# Personal pages answered to a signed-in visitor are never stored by a shared cache.
PAGES_PUBLIQUES_EN_CACHE = {"ambassadeurs:annuaire", "ambassadeurs:profil"}


# --- The URLs that exist ---------------------------------------------------------------------


def _routes(resolver=None, prefixe="", espaces=()):
    for motif in (resolver or get_resolver()).url_patterns:
        if isinstance(motif, URLResolver):
            espace = (motif.namespace,) if motif.namespace else ()
            yield from _routes(motif, prefixe + str(motif.pattern), espaces + espace)
        elif motif.name:
            yield prefixe + str(motif.pattern), ":".join((*espaces, motif.name))


def _espaces_du_menu() -> set[str]:
    from ambassadeurs.wagtail_hooks import AmbassadeursViewSetGroup

    return {viewset.url_namespace for viewset in AmbassadeursViewSetGroup().registerables}


def test_every_url_is_in_the_matrix():
    from ambassadeurs.urls import urlpatterns

    publiques = {f"ambassadeurs:{motif.name}" for motif in urlpatterns}
    espaces = _espaces_du_menu()
    admin = {
        nom
        for route, nom in _routes()
        if route.startswith("admin/ambassadeurs/") or nom.split(":")[0] in espaces
    }
    assert not publiques - set(PUBLIQUES), "URL publique absente de la matrice"
    assert not admin - set(ADMIN), "URL d'administration absente de la matrice"
    assert not set(MATRICE) - publiques - admin, "ligne de la matrice sans URL"


# --- The world --------------------------------------------------------------------------------


def _staff(fabrique_amb, email, *permissions, **champs):
    compte = fabrique_amb.utilisateur(email=email, is_staff=True, **champs)
    compte.user_permissions.add(Permission.objects.get(codename="access_admin"), *permissions)
    return compte


def _histoire_brouillon(auteur, commune):
    """A draft story of ``auteur`` under a small stories index (no workflow started)."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as ImagePIL
    from wagtail.images import get_image_model
    from wagtail.models import Site

    from lot_portal.cms.models import HistoireIndexPage, HistoirePage, HistoireProfil, HomePage

    racine = Page.get_first_root_node()
    accueil = HomePage(title="Le Lot", slug="lot-matrice")
    racine.add_child(instance=accueil)
    site = Site.objects.get(is_default_site=True)
    site.root_page = accueil
    site.save()
    index = HistoireIndexPage(title="Histoires", slug="histoires")
    accueil.add_child(instance=index)
    tampon = io.BytesIO()
    ImagePIL.new("RGB", (32, 20), "#3f6b4a").save(tampon, "PNG")
    image = get_image_model().objects.create(
        title="Causse", description="Un causse", file=ImageFile(tampon, name="causse.png")
    )
    page = HistoirePage(
        image=image,
        title="Le brouillon d'Alice",
        slug="brouillon-alice",
        chapo="Un chapô.",
        commune=commune,
        auteur=auteur,
        live=False,
        profils_cibles=[HistoireProfil(profil="jeunes")],
    )
    index.add_child(instance=page)
    page.save_revision(user=auteur)
    return page


@pytest.fixture
def monde(fabrique_amb):
    from accueil.models import ParcoursAccueil, Referent
    from accueil.models.reseau import SejourDecouverte
    from ambassadeurs.models import MiseEnRelationHospitalite

    a = fabrique_amb.ambassadeur(prenom="Alice")
    b = fabrique_amb.ambassadeur(prenom="Bruno")
    candidat = fabrique_amb.ambassadeur(prenom="Cyril", statut=StatutAmbassadeur.CANDIDATURE)
    en_pause = fabrique_amb.ambassadeur(prenom="Denise", disponible=False)
    arrivant = fabrique_amb.utilisateur(email="arrivant@exemple.fr", first_name="Léa")
    parcours = ParcoursAccueil.objects.create(
        utilisateur=arrivant,
        prenom="Léa",
        nom="Martin",
        profil="secondes_vies",
        lieu_actuel="Lyon",
        consentement_le=timezone.now(),
    )
    comptes = {
        "anonyme": None,
        "utilisateur": fabrique_amb.utilisateur(email="simple@exemple.fr"),
        "arrivant": arrivant,
        "ambassadeur_a": a.utilisateur,
        "ambassadeur_b": b.utilisateur,
        "candidat": candidat.utilisateur,
        "en_pause": en_pause.utilisateur,
        "staff_sans_droit": _staff(fabrique_amb, "staff@lot.fr"),
        "equipe_reseau": _staff(
            fabrique_amb,
            "reseau@lot.fr",
            *Permission.objects.filter(content_type__app_label="ambassadeurs"),
        ),
        "superuser": fabrique_amb.utilisateur(
            email="root@lot.fr", is_staff=True, is_superuser=True
        ),
    }
    # Matching stays with offers also needs to see the stays: accueil's policy lets the
    # departmental welcome team (and superusers) see them all.
    Referent.objects.create(utilisateur=comptes["equipe_reseau"], communaute=None)
    question = services_questions.question_poser(
        demandeur=arrivant, ambassadeur=a, sujet="Les écoles", texte="Quelles écoles à Figeac ?"
    )
    signalement = services_questions.question_signaler(
        question=question, auteur=arrivant, motif="Pour la matrice."
    )
    offre = OffreHospitalite.objects.create(
        ambassadeur=a, type="repas", commune=a.commune, capacite=4, periode="Les samedis"
    )
    sejour = SejourDecouverte.objects.create(parcours=parcours, periode_souhaitee="En mai")
    mise = MiseEnRelationHospitalite.objects.create(offre=offre, sejour=sejour)
    evenement = EvenementReseau.objects.create(
        titre="Rencontre",
        description="Apéritif.",
        debut=timezone.now() + timedelta(days=10),
        lieu="Salle des fêtes",
    )
    annonce = Annonce.objects.create(titre="Salon", texte="Venez tenir le stand.")
    parrainage = Parrainage.objects.create(ambassadeur=a, filleul_reference=uuid.uuid4())
    histoire = _histoire_brouillon(a.utilisateur, a.commune)
    arguments = {
        "a_pk": a.pk,
        "candidat_pk": candidat.pk,
        "histoire_pk": histoire.pk,
        "offre_pk": offre.pk,
        "mise_pk": mise.pk,
        "sejour_pk": sejour.pk,
        "evenement_pk": evenement.pk,
        "question_pk": question.pk,
        "signalement_pk": signalement.pk,
        "annonce_pk": annonce.pk,
        "parrainage_pk": parrainage.pk,
        "jeton_a": jeton_desinscription(a),
    }
    return comptes, arguments


# --- The matrix -------------------------------------------------------------------------------


def _classer(reponse) -> str:
    code = reponse.status_code
    if code >= 500:
        return f"erreur {code}"
    if code == 405:
        return METHODE
    if code in (403, 404):
        return REFUS
    if code in (301, 302, 303):
        lieu = reponse["Location"]
        if "/login/" in lieu:
            return CONNEXION
        if lieu in ("/admin/", "/ambassadeurs/devenir-ambassadeur/"):
            return REFUS
    return OK


def _empreinte() -> dict:
    """Every row of the network's tables, the stories' revisions and workflows, the outbox."""
    modeles = [
        *apps.get_app_config("ambassadeurs").get_models(),
        Revision,
        WorkflowState,
        Courriel,
    ]
    return {m._meta.label: list(m.objects.order_by("pk").values()) for m in modeles}


def _url(nom, argument, arguments):
    if nom in VARIANTES:
        nom, requete = VARIANTES[nom]
        return _url(nom, argument, arguments) + requete
    return reverse(nom, args=[arguments[argument]] if argument else None)


def _cas():
    for nom, (_argument, par_methode) in {**MATRICE, **VARIANTES}.items():
        for methode in par_methode if nom in MATRICE else ("GET",):
            yield pytest.param(nom, methode, id=f"{methode} {nom}")


@pytest.mark.parametrize(("nom", "methode"), list(_cas()))
def test_permission_matrix(client, monde, nom, methode):
    comptes, arguments = monde
    base = VARIANTES[nom][0] if nom in VARIANTES else nom
    argument, par_methode = MATRICE[base]
    attendus = par_methode[methode]
    url = _url(nom, argument, arguments)
    ecarts = []
    for role in ROLES:
        with transaction.atomic():
            client.logout()
            if comptes[role] is not None:
                client.force_login(comptes[role])
            avant = _empreinte()
            try:
                reponse = client.get(url) if methode == "GET" else client.post(url, {})
            except Exception as erreur:  # noqa: BLE001 - a 500: reported with the others
                ecarts.append(f"{role}: erreur 500 ({type(erreur).__name__}: {erreur})")
                transaction.set_rollback(True)
                continue
            obtenu = _classer(reponse)
            if obtenu != attendus[role]:
                lieu = reponse.get("Location", "")
                ecarts.append(
                    f"{role}: {obtenu} ({reponse.status_code} {lieu}), attendu {attendus[role]}"
                )
            elif obtenu != OK and _empreinte() != avant:
                ecarts.append(f"{role}: refusé ({reponse.status_code}) mais des données ont changé")
            elif (
                obtenu == OK
                and methode == "GET"
                and reponse.status_code == 200
                and role != "anonyme"
                and base.startswith("ambassadeurs:")
                and base not in PAGES_PUBLIQUES_EN_CACHE
            ):
                entete = reponse.get("Cache-Control", "")
                if "private" not in entete or "no-store" not in entete:
                    ecarts.append(
                        f"{role}: page personnelle sans « private, no-store » ({entete!r})"
                    )
            transaction.set_rollback(True)
    assert not ecarts, f"{methode} {url}\n" + "\n".join(ecarts)
