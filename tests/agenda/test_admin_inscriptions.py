"""Staff see registrations in the admin; nobody else does."""

import pytest
from django.contrib.auth.models import Group, Permission

pytestmark = pytest.mark.django_db

URL = "/admin/agenda/inscriptions/"


@pytest.fixture
def evenement_avec_inscriptions(creer_evenement, inscrire):
    evenement = creer_evenement(title="Job dating santé", capacite=3)
    inscrire(evenement, "inscrite@exemple.fr", personnes=3)
    inscrire(evenement, "attente@exemple.fr", personnes=2, statut="attente")
    return evenement


def test_staff_lists_filters_searches_and_exports(
    client, django_user_model, evenement_avec_inscriptions
):
    evenement = evenement_avec_inscriptions
    client.force_login(django_user_model.objects.create_superuser(email="s@lot.fr", password="x"))
    liste = client.get(URL)
    assert liste.status_code == 200
    assert "inscrite@exemple.fr" in liste.content.decode()
    filtre = client.get(URL, {"evenement": evenement.pk, "statut": "attente"}).content.decode()
    assert "attente@exemple.fr" in filtre and "inscrite@exemple.fr" not in filtre
    recherche = client.get(URL, {"q": "inscrite"}).content.decode()
    assert "inscrite@exemple.fr" in recherche and "attente@exemple.fr" not in recherche
    csv = client.get(URL, {"export": "csv"})
    assert csv.status_code == 200
    contenu = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "Adresse électronique" in contenu and "inscrite@exemple.fr" in contenu
    xlsx = client.get(URL, {"export": "xlsx"})
    assert xlsx.status_code == 200
    # Registrations are only created by visitors.
    assert client.get(URL + "new/").status_code in (302, 403)


def test_event_edit_screen_shows_the_counts(client, django_user_model, evenement_avec_inscriptions):
    client.force_login(django_user_model.objects.create_superuser(email="s@lot.fr", password="x"))
    html = client.get(f"/admin/pages/{evenement_avec_inscriptions.pk}/edit/").content.decode()
    assert "<strong>3</strong> personnes inscrites sur 3 places (0 restante)" in html
    assert "<strong>2</strong> personnes sur liste d'attente" in html
    assert f"?evenement={evenement_avec_inscriptions.pk}" in html


def test_add_event_screen_renders(client, django_user_model, agenda):
    client.force_login(django_user_model.objects.create_superuser(email="s@lot.fr", password="x"))
    assert client.get(f"/admin/pages/add/agenda/evenementpage/{agenda.pk}/").status_code == 200


@pytest.mark.parametrize("qui", ["anonyme", "non_equipe", "equipe_sans_droit"])
def test_registrations_are_refused_to_others(
    client, django_user_model, evenement_avec_inscriptions, qui
):
    if qui == "non_equipe":
        client.force_login(
            django_user_model.objects.create_user(email="v@exemple.fr", password="x")
        )
    elif qui == "equipe_sans_droit":
        redacteur = django_user_model.objects.create_user(
            email="r@lot.fr", password="x", is_staff=True
        )
        groupe = Group.objects.create(name="Rédaction seule")
        groupe.permissions.add(Permission.objects.get(codename="access_admin"))
        redacteur.groups.add(groupe)
        client.force_login(redacteur)
    for url in (URL, URL + "?export=csv"):
        reponse = client.get(url)
        assert reponse.status_code in (302, 403), (qui, url)
        contenu = b"" if reponse.streaming else reponse.content
        assert b"inscrite@exemple.fr" not in contenu


def test_staff_with_view_permission_sees_them(
    client, django_user_model, evenement_avec_inscriptions
):
    agent = django_user_model.objects.create_user(email="a@lot.fr", password="x", is_staff=True)
    groupe = Group.objects.create(name="Accueil")
    groupe.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_inscription"),
    )
    agent.groups.add(groupe)
    client.force_login(agent)
    assert "inscrite@exemple.fr" in client.get(URL).content.decode()
