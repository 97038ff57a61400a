"""Permission matrix of the jury's public and admin URLs, GET and POST."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from test_jury_outils import Jeu, connecter

from jeunesse.models import Affectation, MembreJury, Note
from jeunesse.models.choix import Statut

ACTEURS = [
    "porteur",
    "autre",
    "equipier",
    "mentor",
    "jure",
    "jure2",
    "jure_libre",
    "jure_conflit",
    "jure_ailleurs",
    "instructeur",
    "staff_sans_droit",
    "agent_admin",
]


@pytest.fixture
def jeu(fabrique_jeu):
    jeu = Jeu(fabrique_jeu)
    # Staff with admin access but outside the « Instruction jeunesse » group.
    jeu.agent_admin = fabrique_jeu.compte("admin.autre@lot.fr", is_staff=True)
    jeu.agent_admin.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return jeu


def urls_publiques(jeu):
    a = jeu.affectation
    return {
        "evaluation": reverse("jeunesse:jury_evaluation", args=[a.pk]),
        "conflit": reverse("jeunesse:jury_conflit", args=[a.pk]),
        "piece": reverse("jeunesse:jury_piece", args=[a.pk, jeu.document.pk]),
    }


def urls_admin(jeu):
    return {
        "appels": reverse("jeunesse_jury_appels:index"),
        "jury": reverse("jeunesse_jury", args=[jeu.appel.pk]),
        "classement": reverse("jeunesse_classement", args=[jeu.appel.pk]),
        "export": reverse("jeunesse_classement", args=[jeu.appel.pk]) + "?format=csv",
        "decision": reverse("jeunesse_jury_decision", args=[jeu.appel.pk, jeu.candidature.pk]),
    }


@pytest.mark.parametrize("acteur", ACTEURS)
def test_pages_publiques_du_dossier_get(client, jeu, acteur):
    connecter(client, getattr(jeu, acteur))
    attendu = 200 if acteur == "jure" else 404
    for nom, url in urls_publiques(jeu).items():
        assert client.get(url).status_code == attendu, (acteur, nom)


@pytest.mark.parametrize("acteur", ACTEURS)
def test_pages_publiques_du_dossier_post(client, jeu, acteur):
    connecter(client, getattr(jeu, acteur))
    criteres = jeu.criteres
    donnees = {"action": "terminer", "commentaire": "Intrusion"}
    donnees.update({f"note_{c.pk}": "1" for c in criteres})
    url = urls_publiques(jeu)["evaluation"]
    reponse = client.post(url, donnees)
    if acteur == "jure":
        assert reponse.status_code == 302
        assert Note.objects.filter(affectation=jeu.affectation).count() == 3
    else:
        assert reponse.status_code == 404
        assert not Note.objects.exists()
    reponse = client.post(
        urls_publiques(jeu)["conflit"], {"nature": "Intrusion", "confirmation": "on"}
    )
    jeu.affectation.refresh_from_db()
    if acteur == "jure":
        assert reponse.status_code == 302 and jeu.affectation.conflit
    else:
        assert reponse.status_code == 404 and not jeu.affectation.conflit


def test_anonyme_redirige_vers_la_connexion(client, jeu):
    for url in [reverse("jeunesse:jury"), *urls_publiques(jeu).values()]:
        for methode in (client.get, client.post):
            reponse = methode(url)
            assert reponse.status_code == 302
            assert "/login/" in reponse["Location"] and "next=" in reponse["Location"]
    assert not Note.objects.exists()


def test_compte_non_verifie_redirige(client, jeu, fabrique_jeu):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=jeu.jure).update(verified=False)
    connecter(client, jeu.jure)
    reponse = client.get(urls_publiques(jeu)["evaluation"])
    assert reponse.status_code == 302
    assert reponse["Location"] == reverse("account_email")


@pytest.mark.parametrize("acteur", ACTEURS)
def test_liste_ne_montre_que_mes_dossiers(client, jeu, acteur):
    connecter(client, getattr(jeu, acteur))
    reponse = client.get(reverse("jeunesse:jury"))
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    lien = urls_publiques(jeu)["evaluation"]
    assert (lien in contenu) == (acteur == "jure")
    assert (jeu.candidature.titre in contenu) == (acteur in ("jure", "jure2", "jure_conflit"))
    assert (jeu.candidature_ailleurs.titre in contenu) == (acteur == "jure_ailleurs")


def test_jure_d_un_autre_appel_voit_son_propre_dossier(client, jeu):
    connecter(client, jeu.jure_ailleurs)
    url = reverse("jeunesse:jury_evaluation", args=[jeu.affectation_ailleurs.pk])
    assert client.get(url).status_code == 200


def test_affectation_sur_un_brouillon_404(client, jeu, fabrique_jeu):
    brouillon = fabrique_jeu.candidature(jeu.appel, instructeur=jeu.instructeur)
    affectation = Affectation.objects.create(candidature=brouillon, jure=jeu.jure)
    connecter(client, jeu.jure)
    assert client.get(reverse("jeunesse:jury_evaluation", args=[affectation.pk])).status_code == 404
    assert brouillon.statut == Statut.BROUILLON


@pytest.mark.parametrize("acteur", ACTEURS)
def test_pages_admin_get(client, jeu, acteur):
    connecter(client, getattr(jeu, acteur))
    for nom, url in urls_admin(jeu).items():
        reponse = client.get(url)
        if acteur == "instructeur":
            assert reponse.status_code == 200, nom
        elif acteur == "agent_admin":
            # Admin access without the group: the page does not exist for them.
            assert reponse.status_code == 404, nom
        else:
            # No admin access at all: Wagtail sends them to its login page.
            assert reponse.status_code == 302, (acteur, nom)
            assert "login" in reponse["Location"]


def test_menu_jury_reserve_aux_instructeurs(client, jeu):
    connecter(client, jeu.agent_admin)
    reponse = client.get(reverse("jeunesse_jury_appels:index"))
    assert reponse.status_code == 404


@pytest.mark.parametrize("acteur", [a for a in ACTEURS if a != "instructeur"] + ["anonyme"])
def test_pages_admin_post_refuse(client, jeu, acteur, fabrique_jeu):
    if acteur != "anonyme":
        connecter(client, getattr(jeu, acteur))
    fabrique_jeu.compte("nouveau@exemple.fr")
    urls = urls_admin(jeu)
    avant = (MembreJury.objects.count(), Affectation.objects.count())
    for donnees in (
        {"action": "ajouter_membre", "email": "nouveau@exemple.fr", "qualite": "agent"},
        {"action": "affecter_tous"},
        {"action": "retirer_affectation", "affectation": jeu.affectation.pk},
    ):
        reponse = client.post(urls["jury"], donnees)
        assert reponse.status_code in (302, 404)
        if acteur == "agent_admin":
            assert reponse.status_code == 404
    reponse = client.post(urls["decision"], {"action": "refuser", "refuser-motif": "Intrusion"})
    assert reponse.status_code in (302, 404)
    assert (MembreJury.objects.count(), Affectation.objects.count()) == avant
    jeu.candidature.refresh_from_db()
    assert jeu.candidature.statut == Statut.EN_INSTRUCTION


def test_pages_admin_post_instructeur(client, jeu):
    connecter(client, jeu.instructeur)
    reponse = client.post(
        urls_admin(jeu)["decision"], {"action": "refuser", "refuser-motif": "Hors sujet"}
    )
    assert reponse.status_code == 302
    jeu.candidature.refresh_from_db()
    assert jeu.candidature.statut == Statut.NON_RETENU


def test_admin_appel_inconnu_404(client, jeu):
    connecter(client, jeu.instructeur)
    for nom in ("jeunesse_jury", "jeunesse_classement"):
        assert client.get(reverse(nom, args=[999999])).status_code == 404


def test_encart_jury_sur_la_fiche(jeu):
    """The box included by the staff file page (area C1)."""
    from django.template.loader import render_to_string
    from test_jury_outils import noter

    noter(jeu.affectation, [8, 6, 4])
    noter(jeu.affectation2, [10, 10, 10])
    html = render_to_string("jeunesse/admin/_encart_jury.html", {"candidature": jeu.candidature})
    assert "16,67 / 20" in html
    assert "écart entre jurés : 6,67" in html
    assert "Conflit déclaré" in html and "Évaluation terminée" in html
    assert reverse("jeunesse_classement", args=[jeu.appel.pk]) in html
