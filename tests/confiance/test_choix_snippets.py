"""Wagtail's snippet chooser « create » URL on our snippets: their choosers have no
creation form, so a POST there (even by a superuser, who may add every snippet) is a 405,
not Wagtail's 500 (lot_portal/cms/snippets.py)."""

import pytest
from fabriques import UtilisateurFactory
from wagtail.snippets.models import get_snippet_models

from opportunites.models import Employeur

pytestmark = pytest.mark.django_db

PROJET = ("cms", "vitrine", "territoire", "opportunites")


def test_every_snippet_chooser_create_post_is_a_405_for_a_superuser(client):
    client.force_login(UtilisateurFactory(is_staff=True, is_superuser=True))
    # Employers are registered through the opportunities' admin group, not listed there.
    modeles = {m for m in get_snippet_models() if m._meta.app_label in PROJET} | {Employeur}
    assert len(modeles) >= 5, modeles
    for modele in modeles:
        url = f"/admin/snippets/choose/{modele._meta.app_label}/{modele._meta.model_name}/"
        assert client.get(url).status_code == 200, url
        assert client.post(url + "create/", {}).status_code == 405, url
