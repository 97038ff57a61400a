"""The admin list of takeover contacts reads each takeover in the same query (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opportunites.models import ContactReprise

pytestmark = pytest.mark.django_db


def _requetes(client):
    with CaptureQueriesContext(connection) as capture:
        reponse = client.get("/admin/opportunites/contacts-reprises/")
    assert reponse.status_code == 200
    return len(capture)


def test_contacts_list_queries_do_not_grow(client, fabrique_opp, django_user_model):
    admin = django_user_model.objects.create_superuser(email="admin@lot.fr", password="x")
    client.force_login(admin)
    for numero in range(2):
        ContactReprise.objects.create(
            reprise=fabrique_opp.reprise(),
            nom=f"Acheteur {numero}",
            email="a@exemple.fr",
            message="Bonjour",
        )
    client.get("/admin/opportunites/contacts-reprises/")
    peu = _requetes(client)
    for numero in range(6):
        ContactReprise.objects.create(
            reprise=fabrique_opp.reprise(),
            nom=f"Acheteur {numero}",
            email="a@exemple.fr",
            message="Bonjour",
        )
    assert _requetes(client) == peu
