"""Other people's objects by id (issue #9): every attempt refused with 403 or 404.

For each URL that takes the id of a personal object, A (signed in) tries B's object with GET
and POST: the answer is 403 or 404, B's rows are unchanged and no byte of B's file leaks.
Each attempt is its own test id; ``test_au_moins_cinquante_tentatives`` counts them.
Signed or random tokens (alerts, unsubscribe links, invitations, event cancellations) are
tried tampered or made up at the end: refused, nothing changed.
"""

import uuid

import pytest
from _idor import (
    MARQUEUR,
    scene_accueil,
    scene_ambassadeurs,
    scene_jeunesse,
    scene_opportunites,
)
from django.urls import reverse

pytestmark = pytest.mark.django_db

REFUS = {403, 404}


class _Adresse:
    """A URL built from the scene; ``cle`` describes it (route name and which objects)."""

    def __init__(self, cle, construire):
        self.cle = cle
        self.construire = construire

    def __call__(self, scene):
        return self.construire(scene)


def _r(nom, *args):
    return _Adresse(
        (nom, *(getattr(a, "cle", a) for a in args)),
        lambda s: reverse(nom, args=[a(s) if callable(a) else a for a in args]),
    )


def _ref(attr):
    return _Adresse(attr, lambda s: getattr(s, attr).reference)


def _pk(attr):
    return _Adresse(attr, lambda s: getattr(s, attr).pk)


def _jeu(nom, *args):
    return _r(f"jeunesse:{nom}", *args)


def _section(cle):
    return _Adresse(
        ("jeunesse:candidature_section", "brouillon_b", cle),
        lambda s: reverse(
            "jeunesse:candidature_section",
            kwargs={"reference": s.brouillon_b.reference, "section": cle},
        ),
    )


# (id, domain, attacker attribute of the scene, method, URL builder, POST data[, owner]):
# the owner (by default the attacker's counterpart, see PROPRIETAIRES) reaches the same GET URL,
# which proves each attempt aims at a real object; ``None``: no such control (no file yet).
TENTATIVES = [
    # --- accueil: a newcomer tries another newcomer's step and CV ---
    (
        "accueil-etape-statut",
        "accueil",
        "attaquant",
        "post",
        _r("accueil:parcours_etape", _pk("etape_b")),
        {"etape-0-statut": "fait", "statut": "fait"},
    ),
    (
        "accueil-cv-telecharger",
        "accueil",
        "attaquant",
        "get",
        _r("accueil:parcours_cv_telecharger", _pk("cv_b")),
        None,
    ),
    (
        "accueil-cv-telecharger-head",
        "accueil",
        "attaquant",
        "head",
        _r("accueil:parcours_cv_telecharger", _pk("cv_b")),
        None,
    ),
    (
        "accueil-cv-supprimer-get",
        "accueil",
        "attaquant",
        "get",
        _r("accueil:parcours_cv_supprimer", _pk("cv_b")),
        None,
    ),
    (
        "accueil-cv-supprimer-post",
        "accueil",
        "attaquant",
        "post",
        _r("accueil:parcours_cv_supprimer", _pk("cv_b")),
        {},
    ),
    # --- ambassadeurs: another ambassador, and a newcomer outside the conversation ---
    (
        "amb-histoire-get",
        "ambassadeurs",
        "attaquant",
        "get",
        _r("ambassadeurs:histoire_modifier", _pk("histoire_b")),
        None,
    ),
    (
        "amb-histoire-post",
        "ambassadeurs",
        "attaquant",
        "post",
        _r("ambassadeurs:histoire_modifier", _pk("histoire_b")),
        {"titre": "Piraté", "chapo": "x", "texte": "x", "action": "soumettre"},
    ),
    (
        "amb-hospitalite-get",
        "ambassadeurs",
        "attaquant",
        "get",
        _r("ambassadeurs:hospitalite_modifier", _pk("offre_b")),
        None,
    ),
    (
        "amb-hospitalite-post",
        "ambassadeurs",
        "attaquant",
        "post",
        _r("ambassadeurs:hospitalite_modifier", _pk("offre_b")),
        {"type": "repas", "capacite": "9", "periode": "Jamais", "commune": ""},
    ),
    (
        "amb-hospitalite-activer",
        "ambassadeurs",
        "attaquant",
        "post",
        _r("ambassadeurs:hospitalite_activer", _pk("offre_b")),
        {"active": "1"},
    ),
    (
        "amb-question-get-ambassadeur",
        "ambassadeurs",
        "attaquant",
        "get",
        _r("ambassadeurs:question", _pk("question_b")),
        None,
    ),
    (
        "amb-question-post-ambassadeur",
        "ambassadeurs",
        "attaquant",
        "post",
        _r("ambassadeurs:question", _pk("question_b")),
        {"texte": "Je m'invite."},
    ),
    (
        "amb-question-get-arrivant",
        "ambassadeurs",
        "arrivant",
        "get",
        _r("ambassadeurs:question", _pk("question_b")),
        None,
    ),
    (
        "amb-question-post-arrivant",
        "ambassadeurs",
        "arrivant",
        "post",
        _r("ambassadeurs:question", _pk("question_b")),
        {"texte": "Je m'invite."},
    ),
    (
        "amb-signaler-get-ambassadeur",
        "ambassadeurs",
        "attaquant",
        "get",
        _r("ambassadeurs:question_signaler", _pk("question_b")),
        None,
    ),
    (
        "amb-signaler-post-ambassadeur",
        "ambassadeurs",
        "attaquant",
        "post",
        _r("ambassadeurs:question_signaler", _pk("question_b")),
        {"motif": "Faux signalement."},
    ),
    (
        "amb-signaler-get-arrivant",
        "ambassadeurs",
        "arrivant",
        "get",
        _r("ambassadeurs:question_signaler", _pk("question_b")),
        None,
    ),
    (
        "amb-signaler-post-arrivant",
        "ambassadeurs",
        "arrivant",
        "post",
        _r("ambassadeurs:question_signaler", _pk("question_b")),
        {"motif": "Faux signalement."},
    ),
    (
        "amb-clore-ambassadeur",
        "ambassadeurs",
        "attaquant",
        "post",
        _r("ambassadeurs:question_clore", _pk("question_b")),
        {},
    ),
    (
        "amb-clore-arrivant",
        "ambassadeurs",
        "arrivant",
        "post",
        _r("ambassadeurs:question_clore", _pk("question_b")),
        {},
    ),
    # --- opportunites: another account's alert; another employer's drafts ---
    (
        "opp-alerte-suspendre",
        "opportunites",
        "attaquant",
        "post",
        _r("opportunites:alertes_action", _pk("alerte_b"), "suspendre"),
        {},
    ),
    (
        "opp-alerte-reprendre",
        "opportunites",
        "attaquant",
        "post",
        _r("opportunites:alertes_action", _pk("alerte_b"), "reprendre"),
        {},
    ),
    (
        "opp-alerte-supprimer",
        "opportunites",
        "attaquant",
        "post",
        _r("opportunites:alertes_action", _pk("alerte_b"), "supprimer"),
        {},
    ),
    (
        "opp-offre-get",
        "opportunites",
        "partenaire_a",
        "get",
        _r("opportunites:partenaires_offre_modifier", _pk("offre_b")),
        None,
    ),
    (
        "opp-offre-post",
        "opportunites",
        "partenaire_a",
        "post",
        _r("opportunites:partenaires_offre_modifier", _pk("offre_b")),
        {"title": "Piratée", "action": "soumettre"},
    ),
    (
        "opp-offre-pourvue",
        "opportunites",
        "partenaire_a",
        "post",
        _r("opportunites:partenaires_offre_pourvue", _pk("offre_b")),
        {},
    ),
    (
        "opp-reprise-get",
        "opportunites",
        "partenaire_a",
        "get",
        _r("opportunites:partenaires_reprise_modifier", _pk("reprise_b")),
        None,
    ),
    (
        "opp-reprise-post",
        "opportunites",
        "partenaire_a",
        "post",
        _r("opportunites:partenaires_reprise_modifier", _pk("reprise_b")),
        {"title": "Piratée", "action": "soumettre"},
    ),
    # --- jeunesse: another applicant's draft, attachments, team, mentors, messages ---
    (
        "jeu-candidature-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("candidature", _ref("brouillon_b")),
        None,
    ),
    ("jeu-section-projet-get", "jeunesse", "attaquant", "get", _section("projet"), None),
    (
        "jeu-section-projet-post",
        "jeunesse",
        "attaquant",
        "post",
        _section("projet"),
        {"titre": "Piraté", "resume": "x"},
    ),
    ("jeu-section-moi-get", "jeunesse", "attaquant", "get", _section("moi"), None),
    (
        "jeu-section-moi-post",
        "jeunesse",
        "attaquant",
        "post",
        _section("moi"),
        {"prenom": "X", "date_naissance": "2000-01-01"},
    ),
    (
        "jeu-section-budget-post",
        "jeunesse",
        "attaquant",
        "post",
        _section("budget"),
        {"montant_demande": "1"},
    ),
    ("jeu-section-pieces-get", "jeunesse", "attaquant", "get", _section("pieces"), None),
    ("jeu-deposer-get", "jeunesse", "attaquant", "get", _jeu("deposer", _ref("brouillon_b")), None),
    (
        "jeu-deposer-post",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("deposer", _ref("brouillon_b")),
        {"confirmation": "on"},
    ),
    (
        "jeu-recepisse-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("recepisse", _ref("depose_b")),
        None,
    ),
    (
        "jeu-piece-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("piece", _ref("brouillon_b"), _pk("piece_b")),
        None,
    ),
    (
        "jeu-piece-croisee-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("piece", _ref("brouillon_a"), _pk("piece_b")),
        None,
        None,
    ),
    (
        "jeu-piece-supprimer",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("piece_supprimer", _ref("brouillon_b"), _pk("piece_b")),
        {},
    ),
    (
        "jeu-piece-croisee-supprimer",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("piece_supprimer", _ref("brouillon_a"), _pk("piece_b")),
        {},
    ),
    ("jeu-equipe-get", "jeunesse", "attaquant", "get", _jeu("equipe", _ref("brouillon_b")), None),
    (
        "jeu-equipe-post",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("equipe", _ref("brouillon_b")),
        {"prenom": "Eve", "nom": "Intruse", "email": "eve@exemple.fr"},
    ),
    (
        "jeu-membre-renvoyer",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("membre_renvoyer", _ref("brouillon_b"), _pk("membre_b")),
        {},
    ),
    (
        "jeu-membre-croise-renvoyer",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("membre_renvoyer", _ref("brouillon_a"), _pk("membre_b")),
        {},
    ),
    (
        "jeu-membre-retirer-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("membre_retirer", _ref("brouillon_b"), _pk("membre_b")),
        None,
    ),
    (
        "jeu-membre-retirer-post",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("membre_retirer", _ref("brouillon_b"), _pk("membre_b")),
        {},
    ),
    (
        "jeu-membre-croise-retirer",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("membre_retirer", _ref("brouillon_a"), _pk("membre_b")),
        {},
    ),
    (
        "jeu-mes-informations-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("equipe_mes_informations", _ref("brouillon_b")),
        None,
        "membre_joint_b",
    ),
    (
        "jeu-mes-informations-post",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("equipe_mes_informations", _ref("brouillon_b")),
        {"prenom": "X", "nom": "Y"},
    ),
    (
        "jeu-quitter-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("equipe_quitter", _ref("brouillon_b")),
        None,
        "membre_joint_b",
    ),
    (
        "jeu-quitter-post",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("equipe_quitter", _ref("brouillon_b")),
        {},
    ),
    (
        "jeu-accompagnement-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("accompagnement", _ref("brouillon_b")),
        None,
    ),
    (
        "jeu-accompagnement-post",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("accompagnement", _ref("brouillon_b")),
        {"nom": "Faux", "email": "faux@exemple.fr", "type_mentor": "autre"},
    ),
    (
        "jeu-mentor-renvoyer",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("mentor_renvoyer", _ref("brouillon_b"), _pk("mentor_b")),
        {},
    ),
    (
        "jeu-mentor-croise-renvoyer",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("mentor_renvoyer", _ref("brouillon_a"), _pk("mentor_b")),
        {},
    ),
    (
        "jeu-mentor-retirer-post",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("mentor_retirer", _ref("brouillon_b"), _pk("mentor_b")),
        {},
    ),
    (
        "jeu-mentor-croise-retirer",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("mentor_retirer", _ref("brouillon_a"), _pk("mentor_b")),
        {},
    ),
    (
        "jeu-messages-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("messages", _ref("brouillon_b")),
        None,
    ),
    (
        "jeu-messages-post",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("messages", _ref("brouillon_b")),
        {"texte": "Je lis vos messages."},
    ),
    # --- jeunesse: another team's laureate space ---
    ("jeu-accepter-get", "jeunesse", "attaquant", "get", _jeu("accepter", _ref("retenu_b")), None),
    (
        "jeu-accepter-post",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("accepter", _ref("retenu_b")),
        {"accepte": "on", "iban": "FR7630006000011234567890189"},
    ),
    ("jeu-projet-get", "jeunesse", "attaquant", "get", _jeu("projet", _ref("espace_b")), None),
    (
        "jeu-attestation-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("attestation", _ref("espace_b")),
        None,
    ),
    (
        "jeu-vitrine-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("projet_vitrine", _ref("espace_b")),
        None,
    ),
    (
        "jeu-vitrine-post",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("projet_vitrine", _ref("espace_b")),
        {"consentement_vitrine": "on", "vitrine_resume": "Piraté"},
    ),
    (
        "jeu-journal-ecrire-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("journal_ecrire", _ref("espace_b")),
        None,
    ),
    (
        "jeu-journal-ecrire-post",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("journal_ecrire", _ref("espace_b")),
        {"titre": "Piraté", "texte": "x"},
    ),
    (
        "jeu-journal-modifier-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("journal_modifier", _ref("espace_b"), _pk("entree_b")),
        None,
    ),
    (
        "jeu-journal-modifier-post",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("journal_modifier", _ref("espace_b"), _pk("entree_b")),
        {"titre": "Piraté", "texte": "x"},
    ),
    (
        "jeu-rapport-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("rapport_deposer", _ref("espace_b"), _pk("rapport_b")),
        None,
    ),
    (
        "jeu-rapport-post",
        "jeunesse",
        "attaquant",
        "post",
        _jeu("rapport_deposer", _ref("espace_b"), _pk("rapport_b")),
        {},
    ),
    (
        "jeu-rapport-fichier-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("rapport_fichier", _ref("espace_b"), _pk("rapport_b")),
        None,
        None,
    ),
    # --- jeunesse: a juror of call A on call B's assignment and file ---
    (
        "jury-evaluation-get",
        "jeunesse",
        "jure_a",
        "get",
        _jeu("jury_evaluation", _pk("affectation_b")),
        None,
    ),
    (
        "jury-evaluation-post",
        "jeunesse",
        "jure_a",
        "post",
        _jeu("jury_evaluation", _pk("affectation_b")),
        {"commentaire": "Nul.", "action": "terminer"},
    ),
    (
        "jury-piece-get",
        "jeunesse",
        "jure_a",
        "get",
        _jeu("jury_piece", _pk("affectation_b"), _pk("piece_depose_b")),
        None,
    ),
    (
        "jury-piece-croisee-get",
        "jeunesse",
        "jure_a",
        "get",
        _jeu("jury_piece", _pk("affectation_a"), _pk("piece_depose_b")),
        None,
        None,
    ),
    (
        "jury-conflit-get",
        "jeunesse",
        "jure_a",
        "get",
        _jeu("jury_conflit", _pk("affectation_b")),
        None,
    ),
    (
        "jury-conflit-post",
        "jeunesse",
        "jure_a",
        "post",
        _jeu("jury_conflit", _pk("affectation_b")),
        {"motif": "Un faux conflit."},
    ),
    (
        "jury-candidat-evaluation-get",
        "jeunesse",
        "attaquant",
        "get",
        _jeu("jury_evaluation", _pk("affectation_b")),
        None,
        "jure_b",
    ),
]

SCENES = {
    "accueil": lambda client, site: scene_accueil(client),
    "ambassadeurs": scene_ambassadeurs,
    "opportunites": scene_opportunites,
    "jeunesse": lambda client, site: scene_jeunesse(client),
}


PROPRIETAIRES = {
    "attaquant": "proprietaire",
    "arrivant": "demandeur",
    "partenaire_a": "partenaire_b",
    "jure_a": "jure_b",
}


def _tentatives():
    for t in TENTATIVES:
        identifiant, domaine, qui, methode, url, donnees = t[:6]
        proprietaire = t[6] if len(t) > 6 else PROPRIETAIRES[qui]
        yield identifiant, domaine, qui, methode, url, donnees, proprietaire


def _contenu(reponse) -> bytes:
    if getattr(reponse, "streaming", False):
        return b"".join(reponse.streaming_content)
    return reponse.content


def test_au_moins_cinquante_tentatives():
    """At least 50 distinct (URL, method, object, attacker) attempts, each its own test id."""
    identifiants = [t[0] for t in TENTATIVES]
    assert len(set(identifiants)) == len(identifiants)
    distinctes = {(t[4].cle, t[3], t[2]) for t in TENTATIVES}
    assert len(distinctes) == len(TENTATIVES)
    assert len(distinctes) >= 50, len(distinctes)


@pytest.mark.parametrize(
    ("domaine", "qui", "methode", "url", "donnees"),
    [pytest.param(*t[1:6], id=t[0]) for t in TENTATIVES],
)
def test_objet_d_autrui_refuse(client, site_demo, domaine, qui, methode, url, donnees):
    scene = SCENES[domaine](client, site_demo)
    adresse = url(scene)
    avant = scene.etat()
    client.force_login(getattr(scene, qui))
    if methode == "post":
        reponse = client.post(adresse, donnees or {})
    else:
        reponse = getattr(client, methode)(adresse)
    assert reponse.status_code in REFUS, (adresse, reponse.status_code)
    assert MARQUEUR not in _contenu(reponse)
    assert scene.etat() == avant


# --- ids that do not exist: 404, never a 500 ----------------------------------------------------

INEXISTANTS = [
    ("accueil:parcours_cv_telecharger", "get"),
    ("accueil:parcours_cv_supprimer", "post"),
    ("accueil:parcours_etape", "post"),
    ("ambassadeurs:histoire_modifier", "get"),
    ("ambassadeurs:hospitalite_modifier", "post"),
    ("ambassadeurs:question", "get"),
    ("ambassadeurs:question_clore", "post"),
    ("ambassadeurs:profil", "get"),
    ("opportunites:partenaires_offre_modifier", "get"),
    ("opportunites:partenaires_reprise_modifier", "post"),
    ("jeunesse:jury_evaluation", "get"),
    ("jeunesse:idee", "get"),
]


@pytest.mark.parametrize("valeur", [999_999, 2**31, 2**63], ids=["suivant", "int32", "int64"])
@pytest.mark.parametrize(("nom", "methode"), INEXISTANTS, ids=[n for n, _ in INEXISTANTS])
def test_identifiant_inexistant_404(client, site_demo, nom, methode, valeur):
    """Sequential guessing past the last id, and ids beyond the database's integers."""
    scenes = {
        "accueil": lambda: scene_accueil(client).attaquant,
        "ambassadeurs": lambda: scene_ambassadeurs(client, site_demo).attaquant,
        "opportunites": lambda: scene_opportunites(client, site_demo).partenaire_a,
        "jeunesse": lambda: scene_jeunesse(client).jure_a,
    }
    client.force_login(scenes[nom.split(":")[0]]())
    reponse = getattr(client, methode)(reverse(nom, args=[valeur]))
    assert reponse.status_code == 404


def test_reference_de_candidature_inexistante_404(client, site_demo):
    scene = scene_jeunesse(client)
    client.force_login(scene.attaquant)
    for nom in ("candidature", "deposer", "recepisse", "equipe", "messages", "projet"):
        reponse = client.get(reverse(f"jeunesse:{nom}", args=["JEU-0000-ZZZZ"]))
        assert reponse.status_code == 404, nom


# --- tokens: made up or tampered, refused and harmless ------------------------------------------


def test_jetons_inventes_ou_alteres(client, site_demo):
    from opportunites.services import alertes as services_alertes

    scene = scene_opportunites(client, site_demo)
    avant = scene.etat()
    client.force_login(scene.attaquant)
    vrai = services_alertes.jeton_signer(scene.alerte_b, services_alertes.SEL_GERER)
    confirmer = services_alertes.jeton_signer(scene.alerte_b, services_alertes.SEL_CONFIRMER)
    altere = vrai[:-2] + ("AA" if not vrai.endswith("AA") else "BB")
    adresses = [
        reverse("opportunites:alertes_gerer", args=[altere]),
        # a valid token of B's alert, but for confirming: refused on the manage page
        reverse("opportunites:alertes_gerer", args=[confirmer]),
        reverse("opportunites:alertes_desinscription", args=[altere]),
        reverse("opportunites:alertes_confirmer", args=[altere]),
        reverse("accueil:desinscription", args=["pas-un-jeton"]),
        reverse("accueil:cv_transmis", args=["pas-un-jeton"]),
        reverse("accueil:bilan", args=[uuid.uuid4()]),
        reverse("ambassadeurs:annonces_desinscription", args=["pas-un-jeton"]),
        reverse("jeunesse:invitation", args=["pas-un-jeton"]),
        reverse("jeunesse:invitation_mentor", args=["pas-un-jeton"]),
        reverse("agenda:annulation", args=[uuid.uuid4()]),
    ]
    get_seulement = {reverse("accueil:cv_transmis", args=["pas-un-jeton"])}
    for adresse in adresses:
        for methode in ("get",) if adresse in get_seulement else ("get", "post"):
            donnees = {"action": "supprimer"} if methode == "post" else None
            reponse = getattr(client, methode)(adresse, donnees)
            # 400: a signature that does not verify (« lien invalide »); never a success.
            assert reponse.status_code in {400, 403, 404}, (adresse, methode, reponse.status_code)
    assert scene.etat() == avant


@pytest.mark.parametrize(
    ("domaine", "methode", "url", "proprietaire"),
    [
        pytest.param(d, m, u, p, id=i)
        for i, d, _q, m, u, _d, p in _tentatives()
        if m in ("get", "head") and p is not None
    ],
)
def test_le_proprietaire_y_accede(client, site_demo, domaine, methode, url, proprietaire):
    """Control: the same GET reaches the object for its owner (so a refusal above is a
    refusal, not a wrong URL)."""
    scene = SCENES[domaine](client, site_demo)
    client.force_login(getattr(scene, proprietaire))
    reponse = getattr(client, methode)(url(scene))
    assert reponse.status_code not in REFUS | {405}, reponse.status_code
