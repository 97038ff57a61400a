"""The job alerts in the admin: read-only list with filters and export; no edit."""

import pytest
from django.contrib.auth.models import Group, Permission
from fabriques import UtilisateurFactory

from opportunites.models import Alerte, AlerteEnvoi
from opportunites.services import alertes as services

pytestmark = pytest.mark.django_db

URL = "/admin/opportunites/alertes/"


@pytest.fixture
def alertes(fabrique_opp):
    active, _ = services.alerte_demander(
        email="active@exemple.fr", parametres={"contrat": ["cdi"]}, frequence="quotidienne"
    )
    services.alerte_confirmer(alerte=active)
    attente, _ = services.alerte_demander(
        email="=attente@exemple.fr", parametres={"contrat": ["stage"]}, frequence="hebdomadaire"
    )
    offre = fabrique_opp.offre()
    AlerteEnvoi.objects.create(alerte=active, offre=offre)
    return active, attente


@pytest.fixture
def admin(client, opp):
    client.force_login(UtilisateurFactory(is_staff=True, is_superuser=True))
    return client


def test_the_list_shows_address_summary_frequency_state_and_count(admin, alertes):
    reponse = admin.get(URL)
    assert reponse.status_code == 200
    html = reponse.content.decode()
    for texte in (
        "active@exemple.fr",
        "CDI",
        "Chaque jour",
        "Active",
        "En attente de confirmation",
    ):
        assert texte in html
    assert f"{URL}edit/" not in html
    assert f"{URL}new/" not in html


def test_filter_by_state(admin, alertes):
    html = admin.get(URL, {"etat": "attente"}).content.decode()
    assert "=attente@exemple.fr" in html and "active@exemple.fr" not in html.replace(
        "=attente@exemple.fr", ""
    )
    assert admin.get(URL, {"etat": "n'importe"}).status_code == 200


def test_no_add_no_edit(admin, alertes):
    active, _ = alertes
    assert admin.get(f"{URL}new/").status_code in (302, 403)
    reponse = admin.post(f"{URL}edit/{active.pk}/", {"frequence": "hebdomadaire"})
    assert reponse.status_code in (302, 403)
    active.refresh_from_db()
    assert active.frequence == "quotidienne"
    assert admin.get(f"{URL}inspect/{active.pk}/").status_code == 200


def test_csv_export(admin, alertes):
    reponse = admin.get(URL, {"export": "csv"})
    assert reponse.status_code == 200
    contenu = b"".join(reponse.streaming_content).decode()
    assert "Adresse" in contenu and "Offres envoyées" in contenu
    assert "active@exemple.fr" in contenu
    assert "'=attente@exemple.fr" in contenu  # no spreadsheet formula


def test_staff_without_the_permission_sees_nothing(client, alertes):
    equipe = UtilisateurFactory(is_staff=True)
    equipe.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(equipe)
    assert client.get(URL).status_code in (302, 403)


def test_staff_with_view_permission_reads_but_does_not_edit(client, alertes):
    active, _ = alertes
    groupe = Group.objects.create(name="Lecture alertes")
    groupe.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_alerte"),
        Permission.objects.get(codename="change_alerte"),
    )
    equipe = UtilisateurFactory(is_staff=True)
    equipe.groups.add(groupe)
    client.force_login(equipe)
    assert client.get(URL).status_code == 200
    client.post(f"{URL}edit/{active.pk}/", {"frequence": "hebdomadaire"})
    assert Alerte.objects.get(pk=active.pk).frequence == "quotidienne"
