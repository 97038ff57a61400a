"""Leaving or managing a job alert from its email: unsubscribe page, one-click, manage page."""

import pytest
from django.test import Client

from opportunites.models import AlerteEnvoi, FrequenceAlerte
from opportunites.services import alertes as services
from opportunites.tasks import alertes_envoyer_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def alerte(opp):
    alerte, _ = services.alerte_demander(
        email="lea@exemple.fr", parametres={"contrat": ["cdi"]}, frequence="quotidienne"
    )
    services.alerte_confirmer(alerte=alerte)
    alerte.refresh_from_db()
    return alerte


def _url(alerte):
    jeton = services.jeton_signer(alerte, services.SEL_DESINSCRIRE)
    return f"/opportunites/alertes/desinscription/{jeton}/"


def _url_gerer(alerte):
    return f"/opportunites/alertes/gerer/{services.jeton_signer(alerte, services.SEL_GERER)}/"


def test_get_asks_for_confirmation_and_changes_nothing(client, alerte):
    reponse = client.get(_url(alerte))
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert "Ne plus recevoir cette alerte" in html
    assert "CDI" in html
    assert reponse["X-Robots-Tag"] == "noindex"
    assert "no-store" in reponse["Cache-Control"]
    alerte.refresh_from_db()
    assert alerte.active


def test_post_from_the_page_unsubscribes(alerte):
    client = Client(enforce_csrf_checks=True)
    page = client.get(_url(alerte))
    reponse = client.post(_url(alerte), {"csrfmiddlewaretoken": str(page.context["csrf_token"])})
    assert reponse.status_code == 200
    assert "Désinscription confirmée" in reponse.content.decode()
    alerte.refresh_from_db()
    assert alerte.desinscrite_le is not None and not alerte.active


def test_one_click_post_from_a_mail_client_without_csrf_token(alerte, fabrique_opp):
    client = Client(enforce_csrf_checks=True)
    for _ in range(2):  # twice is harmless
        reponse = client.post(
            _url(alerte),
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        assert reponse.status_code == 200
    alerte.refresh_from_db()
    assert not alerte.active
    assert "déjà désinscrit" in client.get(_url(alerte)).content.decode()
    fabrique_opp.offre()
    alertes_envoyer_task()
    assert not AlerteEnvoi.objects.exists()


def test_the_manage_page_changes_the_frequency(client, alerte):
    page = client.get(_url_gerer(alerte))
    assert page.status_code == 200
    assert "Gérer mon alerte emploi" in page.content.decode()
    reponse = client.post(_url_gerer(alerte), {"action": "frequence", "frequence": "hebdomadaire"})
    assert reponse.status_code == 302
    alerte.refresh_from_db()
    assert alerte.frequence == FrequenceAlerte.HEBDOMADAIRE
    mauvais = client.post(_url_gerer(alerte), {"action": "frequence", "frequence": "annuelle"})
    assert mauvais.status_code == 400
    assert "Chaque semaine" in mauvais.content.decode()


def test_the_manage_page_pauses_resumes_and_unsubscribes(client, alerte):
    client.post(_url_gerer(alerte), {"action": "suspendre"})
    alerte.refresh_from_db()
    assert alerte.suspendue_le is not None and not alerte.active
    assert "Reprendre l'alerte" in client.get(_url_gerer(alerte)).content.decode()
    client.post(_url_gerer(alerte), {"action": "reprendre"})
    alerte.refresh_from_db()
    assert alerte.active
    client.post(_url_gerer(alerte), {"action": "desinscrire"})
    alerte.refresh_from_db()
    assert alerte.desinscrite_le is not None
    html = client.get(_url_gerer(alerte)).content.decode()
    assert "Cette alerte est arrêtée" in html
    assert "/opportunites/alertes/nouvelle/?contrat=cdi" in html


@pytest.mark.parametrize("action", ["", "supprimer", "<script>", "x" * 500])
def test_the_manage_page_refuses_unknown_actions(client, alerte, action):
    reponse = client.post(_url_gerer(alerte), {"action": action})
    assert reponse.status_code == 400
    alerte.refresh_from_db()
    assert alerte.active
