"""Editors write stories in the admin; the Relecture workflow publishes them."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from lot_portal.cms.demo import _groupes_et_relecture
from lot_portal.cms.models import HistoirePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def redaction(accueil, index_histoires, django_user_model):
    _groupes_et_relecture(accueil, index_histoires)
    redacteur = django_user_model.objects.create_user(email="redac@lot.fr", password="x")
    redacteur.groups.add(Group.objects.get(name="Rédaction"))
    relecteur = django_user_model.objects.create_user(email="relec@lot.fr", password="x")
    relecteur.groups.add(Group.objects.get(name="Relecteurs"))
    return redacteur, relecteur


def test_admin_forms_render(client, index_histoires, creer_histoire, communes, django_user_model):
    client.force_login(django_user_model.objects.create_superuser(email="s@lot.fr", password="x"))
    page = creer_histoire("Médecin", commune=communes["Figeac"], profils=["wanted", "jeunes"])
    for url in (
        f"/admin/pages/add/cms/histoirepage/{index_histoires.pk}/",
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{index_histoires.pk}/edit/",
        "/admin/snippets/cms/thematique/",
    ):
        assert client.get(url).status_code == 200, url
    edition = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="profils" value="wanted"' in edition and "checked" in edition


def test_editor_submits_a_story_and_a_reviewer_approves_it(
    client, redaction, index_histoires, communes, thematiques, creer_image
):
    redacteur, relecteur = redaction
    illustration = creer_image()
    client.force_login(redacteur)
    reponse = client.post(
        f"/admin/pages/add/cms/histoirepage/{index_histoires.pk}/",
        {
            "title": "Nadia, infirmière à Salviac",
            "slug": "nadia-infirmiere",
            "chapo": "Elle suit les patients chroniques de la Bouriane.",
            "image": illustration.pk,
            "image_alt": "",
            "corps-count": "0",
            "profils": ["wanted"],
            "thematiques": [thematiques["sante"].pk],
            "commune": communes["Gourdon"].pk,
            "auteur_nom": "",
            "action-submit": "submit",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        },
    )
    assert reponse.status_code == 302, reponse.content.decode()[:3000]
    page = HistoirePage.objects.get(slug="nadia-infirmiere")
    assert not page.live
    etat = WorkflowState.objects.get(object_id=str(page.pk))
    assert etat.workflow.name == "Relecture"
    client.logout()
    assert "nadia-infirmiere" not in client.get("/histoires/").content.decode()

    client.force_login(relecteur)
    tache = etat.current_task_state
    reponse = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{tache.pk}/", {"comment": ""}
    )
    assert reponse.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert [p.profil for p in page.profils_cibles.all()] == ["wanted"]
    client.logout()
    assert "Nadia, infirmière à Salviac" in client.get("/histoires/").content.decode()
    assert "/histoires/nadia-infirmiere/" in client.get("/sitemap.xml").content.decode()
