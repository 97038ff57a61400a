"""Staff review in the Wagtail admin: list, filters, application page, decision, emails,
and who may decide."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from ambassadeurs.models import StatutAmbassadeur


def _staff(fabrique_amb, email, *codenames):
    compte = fabrique_amb.utilisateur(email=email, is_staff=True)
    compte.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *[
            Permission.objects.get(codename=c, content_type__app_label="ambassadeurs")
            for c in codenames
        ],
    )
    return compte


@pytest.fixture
def candidature(fabrique_amb):
    return fabrique_amb.ambassadeur(
        statut=StatutAmbassadeur.CANDIDATURE,
        prenom="Léa",
        nom="Martin",
        utilisateur=fabrique_amb.utilisateur(email="lea@exemple.fr"),
    )


def _url(ambassadeur):
    return f"/admin/ambassadeurs/candidatures/{ambassadeur.pk}/"


@pytest.mark.django_db
def test_list_filters_and_application_page(client, fabrique_amb, candidature):
    client.force_login(_staff(fabrique_amb, "equipe@lot.fr", "change_ambassadeur"))
    autre = fabrique_amb.ambassadeur(prenom="Paul", nom="Autre")
    liste = client.get("/admin/ambassadeurs/candidatures/?statut=candidature")
    assert liste.status_code == 200
    assert "Léa Martin" in liste.content.decode()
    assert "Paul Autre" not in liste.content.decode()
    communaute = client.get(
        f"/admin/ambassadeurs/candidatures/?communaute={autre.commune.communaute_id}"
    ).content.decode()
    assert "Paul Autre" in communaute and "Léa Martin" not in communaute
    page = client.get(_url(candidature)).content.decode()
    assert "lea@exemple.fr" in page and "Enregistrer la décision" in page


@pytest.mark.django_db
def test_accepting_emails_a_welcome_with_the_profile_link(
    client, fabrique_amb, candidature, django_capture_on_commit_callbacks
):
    equipe = _staff(fabrique_amb, "equipe@lot.fr", "change_ambassadeur")
    client.force_login(equipe)
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(_url(candidature), {"decision": "accepter", "message": "Bravo !"})
    assert reponse.status_code == 302
    candidature.refresh_from_db()
    assert candidature.statut == StatutAmbassadeur.ACCEPTE
    assert candidature.decide_par == equipe
    assert [m.to for m in mail.outbox] == [["lea@exemple.fr"]]
    assert f"/ambassadeurs/{candidature.pk}/" in mail.outbox[0].body
    assert "Bravo !" in mail.outbox[0].body


@pytest.mark.django_db
def test_refusing_needs_a_message_which_is_emailed(
    client, fabrique_amb, candidature, django_capture_on_commit_callbacks
):
    client.force_login(_staff(fabrique_amb, "equipe@lot.fr", "change_ambassadeur"))
    sans_message = client.post(_url(candidature), {"decision": "refuser", "message": ""})
    assert sans_message.status_code == 200
    assert "Expliquez en quelques mots la raison du refus." in sans_message.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(candidature), {"decision": "refuser", "message": "Réseau complet."})
    candidature.refresh_from_db()
    assert candidature.statut == StatutAmbassadeur.REFUSE
    assert "Réseau complet." in mail.outbox[0].body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "qui, lecture, decision",
    [
        ("candidat", 302, 302),  # not staff: sent to the admin login
        ("editeur_sans_droit", 302, 302),  # admin access, no permission on the model
        ("lecteur", 200, 403),  # may view, may not decide
        ("decideur", 200, 302),
    ],
)
def test_permission_matrix(client, fabrique_amb, candidature, qui, lecture, decision):
    comptes = {
        "candidat": lambda: candidature.utilisateur,
        "editeur_sans_droit": lambda: _staff(fabrique_amb, "ed@lot.fr"),
        "lecteur": lambda: _staff(fabrique_amb, "lect@lot.fr", "view_ambassadeur"),
        "decideur": lambda: _staff(fabrique_amb, "dec@lot.fr", "change_ambassadeur"),
    }
    client.force_login(comptes[qui]())
    assert client.get(_url(candidature)).status_code == lecture
    reponse = client.post(_url(candidature), {"decision": "accepter", "message": ""})
    assert reponse.status_code == decision
    candidature.refresh_from_db()
    attendu = StatutAmbassadeur.ACCEPTE if qui == "decideur" else StatutAmbassadeur.CANDIDATURE
    assert candidature.statut == attendu
