"""Staff can reach every editing screen the foundation adds to the admin."""

import pytest

from lot_portal.cms.models import HomePage, PageSimple

pytestmark = pytest.mark.django_db


@pytest.fixture
def equipe(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser(email="s@lot.fr", password="x"))
    return client


def test_admin_screens_render(equipe, site_demo):
    accueil = HomePage.objects.get()
    simple = PageSimple.objects.first()
    for url in (
        "/admin/",
        f"/admin/pages/{accueil.pk}/edit/",
        f"/admin/pages/{simple.pk}/edit/",
        f"/admin/pages/add/cms/pagesimple/{accueil.pk}/",
        "/admin/users/",
        "/admin/users/new/",
        "/admin/courriels/",
        "/admin/snippets/territoire/communautedecommunes/",
        "/admin/snippets/territoire/commune/?communaute=1",
    ):
        assert equipe.get(url).status_code == 200, url
    parametres = equipe.get("/admin/settings/cms/parametressite/")
    assert parametres.status_code in (200, 302)


def test_editor_publishes_a_page_from_the_admin(equipe, site_demo):
    accueil = HomePage.objects.get()
    reponse = equipe.post(
        f"/admin/pages/add/cms/pagesimple/{accueil.pk}/",
        {
            "title": "S'installer dans le Lot",
            "slug": "s-installer",
            "chapo": "Tout pour préparer votre arrivée.",
            "corps-count": "0",
            "action-publish": "publish",
            "comment_notifications": "on",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        },
    )
    assert reponse.status_code == 302, reponse.content.decode()[:2000]
    page = PageSimple.objects.get(slug="s-installer")
    assert page.live
    assert "Tout pour préparer votre arrivée." in equipe.get("/s-installer/").content.decode()
