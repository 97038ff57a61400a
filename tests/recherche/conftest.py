import re

import pytest
from django.utils.text import slugify

from lot_portal.cms.models import PageSimple


@pytest.fixture
def publier(site_demo):
    """Create a PageSimple under the home page (live unless told otherwise)."""

    def creer(titre, *, chapo="", corps=(), slug="", parent=None, **champs):
        page = PageSimple(
            title=titre,
            slug=slug or slugify(titre)[:60] or "page",
            chapo=chapo,
            corps=list(corps),
            **champs,
        )
        (parent or site_demo).add_child(instance=page)
        return page

    return creer


def resultats(html: str) -> int:
    """Number of results listed on a results page."""
    return html.count('<li class="resultat">')


def liens(html: str) -> list[str]:
    """URLs of the results listed on a results page, in order."""
    return re.findall(r'<h3 class="resultat__titre"><a href="([^"]*)">', html)
