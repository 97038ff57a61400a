"""Staff add partner accounts in the admin: account, group, employers, password link."""

import re

import pytest
from django.contrib.auth import get_user_model

from lot_portal.courriels.models import Courriel
from opportunites.services import partenaires as services
from opportunites.structure import GROUPE_PARTENAIRES

URL = "/admin/opportunites/partenaires/"


@pytest.mark.django_db
def test_staff_invite_a_partner_who_sets_a_password(client, acteurs, django_assert_max_num_queries):
    client.force_login(acteurs.moderateur)
    assert client.get(URL).status_code == 200
    formulaire = client.get(URL + "inviter/")
    assert formulaire.status_code == 200
    # Bad input kept with a French message.
    reponse = client.post(URL + "inviter/", {"email": "pas-une-adresse", "employeurs": ["x"]})
    assert reponse.status_code == 200
    assert "Saisissez une adresse électronique valide." in reponse.content.decode()
    assert 'value="pas-une-adresse"' in reponse.content.decode()

    reponse = client.post(
        URL + "inviter/",
        {"email": "Recrutement@Garage.exemple.fr", "employeurs": [acteurs.employeur_2.pk]},
    )
    assert reponse.status_code == 302
    compte = get_user_model().objects.get(email="recrutement@garage.exemple.fr")
    assert not compte.has_usable_password()
    assert compte.groups.filter(name=GROUPE_PARTENAIRES).exists()
    assert list(compte.employeurs.all()) == [acteurs.employeur_2]
    assert services.est_partenaire(compte)
    courriel = Courriel.objects.filter(sujet__contains="espace partenaire").get()
    assert courriel.destinataires == ["recrutement@garage.exemple.fr"]
    lien = re.search(r"http\S+/compte/password/reset/key/\S+/", courriel.corps_texte).group(0)

    # The link opens allauth's « new password » form; the partner then logs in.
    client.logout()
    chemin = lien.split("://", 1)[1].split("/", 1)[1]
    reponse = client.get("/" + chemin, follow=True)
    assert reponse.status_code == 200
    page = reponse.redirect_chain[-1][0] if reponse.redirect_chain else "/" + chemin
    reponse = client.post(
        page, {"password1": "Causse-de-Gramat-46", "password2": "Causse-de-Gramat-46"}
    )
    assert reponse.status_code == 302
    compte.refresh_from_db()
    assert compte.has_usable_password()
    assert client.login(email="recrutement@garage.exemple.fr", password="Causse-de-Gramat-46")
    assert client.get("/opportunites/partenaires/").status_code == 200

    # An existing account becomes a partner, no password link.
    client.force_login(acteurs.superutilisateur)
    reponse = client.post(URL + "inviter/", {"email": acteurs.simple.email})
    assert reponse.status_code == 302
    assert services.est_partenaire(acteurs.simple)
    dernier = Courriel.objects.order_by("-pk").first()
    assert "/password/reset/" not in dernier.corps_texte

    # The list: constant queries.
    with django_assert_max_num_queries(20):
        assert client.get(URL).status_code == 200


@pytest.mark.django_db
def test_partner_admin_refused_to_others(client, acteurs):
    from django.contrib.auth.models import Permission

    acteurs.simple.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(acteurs.simple)
    assert client.get(URL).status_code in (302, 403)
    assert client.post(URL + "inviter/", {"email": "x@exemple.fr"}).status_code in (302, 403)
    assert not get_user_model().objects.filter(email="x@exemple.fr").exists()
