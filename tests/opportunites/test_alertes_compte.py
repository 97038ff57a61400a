"""« Mes alertes emploi »: a logged-in user's alerts, pause, resume, delete; nobody else's."""

import pytest
from allauth.account.models import EmailAddress
from fabriques import UtilisateurFactory

from opportunites.models import Alerte
from opportunites.services import alertes as services

pytestmark = pytest.mark.django_db

URL = "/opportunites/alertes/"


def _alerte(email, parametres, *, compte=None, confirmer=True):
    alerte, _ = services.alerte_demander(
        email=email, parametres=parametres, frequence="quotidienne", compte=compte
    )
    if confirmer:
        services.alerte_confirmer(alerte=alerte)
    alerte.refresh_from_db()
    return alerte


@pytest.fixture
def lea(opp):
    return UtilisateurFactory(email="lea@exemple.fr")


@pytest.fixture
def marc(opp):
    return UtilisateurFactory(email="marc@exemple.fr")


def test_anonymous_visitors_are_sent_to_the_login(client, opp):
    reponse = client.get(URL)
    assert reponse.status_code == 302
    assert "/compte/" in reponse["Location"]
    alerte = _alerte("lea@exemple.fr", {})
    assert client.post(f"{URL}{alerte.pk}/supprimer/").status_code == 302
    assert Alerte.objects.filter(pk=alerte.pk).exists()


def test_lists_alerts_of_the_account_and_of_its_verified_addresses(client, lea, marc):
    par_compte = _alerte("ancienne@exemple.fr", {"contrat": ["cdi"]}, compte=lea)
    par_adresse = _alerte("lea@exemple.fr", {"contrat": ["stage"]})
    EmailAddress.objects.create(user=lea, email="pas-verifiee@exemple.fr", verified=False)
    _alerte("pas-verifiee@exemple.fr", {"contrat": ["interim"]})
    _alerte("marc@exemple.fr", {"contrat": ["alternance"]})
    client.force_login(lea)
    reponse = client.get(URL)
    assert reponse.status_code == 200
    assert "no-store" in reponse["Cache-Control"] and "private" in reponse["Cache-Control"]
    html = reponse.content.decode()
    assert par_compte.libelle in html and par_adresse.libelle in html
    assert "Intérim" not in html and "Alternance" not in html
    assert html.count('class="alerte-emploi"') == 2


def test_pause_resume_and_delete(client, lea):
    alerte = _alerte("lea@exemple.fr", {"contrat": ["cdi"]})
    client.force_login(lea)
    assert client.post(f"{URL}{alerte.pk}/suspendre/").status_code == 302
    alerte.refresh_from_db()
    assert alerte.suspendue_le is not None
    assert "Reprendre" in client.get(URL).content.decode()
    client.post(f"{URL}{alerte.pk}/reprendre/")
    alerte.refresh_from_db()
    assert alerte.active
    client.post(f"{URL}{alerte.pk}/supprimer/")
    assert not Alerte.objects.filter(pk=alerte.pk).exists()
    assert "pas encore d'alerte" in client.get(URL).content.decode()


@pytest.mark.parametrize("action", ["suspendre", "reprendre", "supprimer"])
@pytest.mark.parametrize("qui", ["autre_compte", "equipe"])
def test_nobody_touches_someone_elses_alert(client, lea, marc, action, qui):
    alerte = _alerte("lea@exemple.fr", {"contrat": ["cdi"]}, compte=lea)
    if action == "reprendre":
        services.alerte_suspendre(alerte=alerte)
    intrus = marc if qui == "autre_compte" else UtilisateurFactory(is_staff=True, is_superuser=True)
    client.force_login(intrus)
    assert client.post(f"{URL}{alerte.pk}/{action}/").status_code == 404
    assert alerte.libelle not in client.get(URL).content.decode()
    avant = Alerte.objects.get(pk=alerte.pk)
    assert (avant.suspendue_le is None) == (action != "reprendre")


@pytest.mark.parametrize(
    "chemin",
    ["999999/supprimer/", "1/detruire/", "abc/supprimer/", "99999999999999999999999/supprimer/"],
)
def test_bad_ids_and_actions_are_404(client, lea, chemin):
    client.force_login(lea)
    assert client.post(f"{URL}{chemin}").status_code == 404


def test_actions_are_post_only(client, lea):
    alerte = _alerte("lea@exemple.fr", {})
    client.force_login(lea)
    assert client.get(f"{URL}{alerte.pk}/supprimer/").status_code == 405
    assert Alerte.objects.filter(pk=alerte.pk).exists()


def test_the_page_costs_the_same_queries_for_2_or_20_alerts(
    client, lea, django_assert_max_num_queries
):
    for numero in range(2):
        _alerte("lea@exemple.fr", {"q": f"metier{numero}"})
    client.force_login(lea)
    client.get(URL)  # warm the site's caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as peu:
        assert client.get(URL).status_code == 200
    for numero in range(2, 20):
        _alerte("lea@exemple.fr", {"q": f"metier{numero}"})
    with django_assert_max_num_queries(len(peu)):
        reponse = client.get(URL)
    assert reponse.content.decode().count('class="alerte-emploi"') == 20
