"""Staff edit the section in the admin; nobody else reaches those screens."""

import pytest

from lot_portal.vitrine.models import (
    CampagnePage,
    Partenaire,
    PartenairesPage,
    VivreIndexPage,
    VivrePage,
)

pytestmark = pytest.mark.django_db


def _urls():
    index = VivreIndexPage.objects.get()
    partenaire = Partenaire.objects.first()
    return [
        "/admin/snippets/vitrine/partenaire/",
        "/admin/snippets/vitrine/partenaire/?type=communaute&pied_de_page=true",
        "/admin/snippets/vitrine/partenaire/?q=Lot",
        "/admin/snippets/vitrine/partenaire/add/",
        f"/admin/snippets/vitrine/partenaire/edit/{partenaire.pk}/",
        f"/admin/pages/{index.pk}/edit/",
        f"/admin/pages/{VivrePage.objects.first().pk}/edit/",
        f"/admin/pages/{CampagnePage.objects.get().pk}/edit/",
        f"/admin/pages/{PartenairesPage.objects.get().pk}/edit/",
        f"/admin/pages/add/vitrine/vivrepage/{index.pk}/",
        f"/admin/pages/add/vitrine/campagnepage/{index.get_parent().pk}/",
    ]


def test_staff_reach_every_editing_screen(equipe, site_demo):
    for url in _urls():
        assert equipe.get(url).status_code == 200, url


def test_a_logged_in_visitor_without_staff_rights_is_refused(habitant, site_demo):
    for url in _urls():
        reponse = habitant.get(url)
        assert reponse.status_code in (302, 403), url
        if reponse.status_code == 302:
            assert reponse["Location"].startswith("/compte/login/"), url


def test_anonymous_visitors_are_sent_to_the_login_page(client, site_demo):
    for url in _urls():
        reponse = client.get(url)
        assert reponse.status_code == 302, url
        assert "login" in reponse["Location"], url


def test_staff_create_a_partner_from_the_admin(equipe, site_demo):
    reponse = equipe.post(
        "/admin/snippets/vitrine/partenaire/add/",
        {
            "nom": "Association des amis du Célé",
            "type": "association",
            "lien": "https://amis-du-cele.example",
            "ordre": "5",
        },
    )
    assert reponse.status_code == 302
    assert Partenaire.objects.get(nom="Association des amis du Célé").type == "association"
