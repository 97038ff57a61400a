import pytest
from wagtail.models import PageViewRestriction

from tests.recherche.conftest import resultats

pytestmark = pytest.mark.django_db


def _html(client, requete):
    reponse = client.get("/recherche/", {"q": requete})
    assert reponse.status_code == 200
    return reponse.content.decode()


def test_drafts_are_never_returned(client, publier):
    publier("Cazals brouillon", chapo="Quercynois en brouillon.", live=False)
    assert resultats(_html(client, "quercynois")) == 0


def test_unpublished_changes_of_a_live_page_are_not_searchable(client, publier):
    page = publier("Cazals", chapo="Bastide du Quercy.")
    page.chapo = "Texte secret pas encore publié : zanzibar."
    page.save_revision()
    assert resultats(_html(client, "zanzibar")) == 0
    assert resultats(_html(client, "bastide")) == 1


def test_private_pages_and_their_children_are_never_returned(client, publier):
    privee = publier("Espace partenaires", chapo="Réservé : clafoutis.")
    PageViewRestriction.objects.create(
        page=privee, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    publier("Sous-page", chapo="Aussi du clafoutis.", parent=privee)
    publier("Recette publique", chapo="Le clafoutis aux cerises.")
    html = _html(client, "clafoutis")
    assert resultats(html) == 1
    assert "Recette publique" in html
    assert "Espace partenaires" not in html


def test_unpublished_pages_leave_the_results(client, publier):
    page = publier("Zocamadour", chapo="Cité religieuse.")
    assert resultats(_html(client, "zocamadour")) == 1
    page.unpublish()
    assert resultats(_html(client, "zocamadour")) == 0
