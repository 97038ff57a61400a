import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

pytestmark = pytest.mark.django_db


def test_email_is_the_login_and_there_is_no_username(django_user_model):
    utilisateur = django_user_model.objects.create_user(email="Claire@Exemple.FR", password="x")
    assert utilisateur.email == "claire@exemple.fr"
    assert not hasattr(utilisateur, "username") or utilisateur.username is None
    assert django_user_model.USERNAME_FIELD == "email"


def test_signup_requires_email_verification(client, site_demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            "/compte/signup/",
            {
                "email": "nouvel.arrivant@exemple.fr",
                "password1": "Causse-46-Figeac",
                "password2": "Causse-46-Figeac",
            },
        )
    assert reponse.status_code == 302
    assert reponse["Location"] == "/compte/confirm-email/"
    assert len(mail.outbox) == 1
    lien = re.search(r"https?://[^/\s]+(/compte/confirm-email/[^\s]+/)", mail.outbox[0].body).group(
        1
    )
    assert not EmailAddress.objects.get(email="nouvel.arrivant@exemple.fr").verified
    # Cannot log in before confirming.
    client.logout()
    connexion = client.post(
        "/compte/login/", {"login": "nouvel.arrivant@exemple.fr", "password": "Causse-46-Figeac"}
    )
    assert connexion.status_code == 302 and "confirm-email" in connexion["Location"]
    client.post(lien)
    assert EmailAddress.objects.get(email="nouvel.arrivant@exemple.fr").verified


def test_signup_errors_are_in_french_and_keep_what_was_typed(client, site_demo):
    reponse = client.post(
        "/compte/signup/",
        {"email": "pas-une-adresse", "password1": "court", "password2": "autre"},
    )
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert 'value="pas-une-adresse"' in html
    assert "Saisissez une adresse de courriel valide." in html
    assert 'aria-invalid="true"' in html


def test_admin_login_is_redirected_to_allauth(client):
    reponse = client.get("/admin/login/?next=/admin/")
    assert reponse.status_code == 302
    assert reponse["Location"].startswith("/compte/login/")


@pytest.mark.parametrize(
    ("role", "url", "attendu"),
    [
        ("anonyme", "/compte/", 302),
        ("anonyme", "/admin/", 302),
        ("utilisateur", "/compte/", 200),
        ("utilisateur", "/admin/", 302),
        ("equipe", "/compte/", 200),
        ("equipe", "/admin/", 200),
        ("anonyme", "/admin/courriels/", 302),
        ("utilisateur", "/admin/courriels/", 302),
        ("equipe", "/admin/courriels/", 200),
        ("equipe", "/admin/snippets/territoire/commune/", 200),
        ("utilisateur", "/admin/snippets/territoire/commune/", 302),
    ],
)
def test_permission_matrix(client, django_user_model, site_demo, role, url, attendu):
    if role == "utilisateur":
        client.force_login(
            django_user_model.objects.create_user(email="u@exemple.fr", password="x")
        )
    elif role == "equipe":
        client.force_login(
            django_user_model.objects.create_superuser(email="s@lot.fr", password="x")
        )
    assert client.get(url).status_code == attendu
