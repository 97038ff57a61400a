"""The demo seed creates the stories section once: stories, themes, groups, workflow."""

import os

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from lot_portal.cms.blocks import Profil
from lot_portal.cms.models import HistoireIndexPage, HistoirePage, HistoireProfil, Thematique

pytestmark = pytest.mark.django_db


def _etat():
    return (
        Page.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        Thematique.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        HistoireProfil.objects.count(),
    )


def test_seed_covers_profiles_themes_and_communautes_and_is_idempotent(site_demo_complet):
    histoires = HistoirePage.objects.live()
    assert histoires.count() >= 24
    assert set(HistoireProfil.objects.values_list("profil", flat=True)) == set(Profil.values)
    assert Thematique.objects.count() == 11
    assert not Thematique.objects.filter(histoires__isnull=True).exists()
    communautes = set(histoires.values_list("commune__communaute", flat=True))
    assert len(communautes) >= 8 and None not in communautes
    assert all(h.image_id and h.texte_alternatif for h in histoires)
    avant = _etat()
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert _etat() == avant


def test_seed_sets_up_the_editorial_workflow(site_demo_complet):
    index = HistoireIndexPage.objects.get()
    assert index.slug == "histoires" and index.show_in_menus and index.live
    assert WorkflowPage.objects.get(page=index).workflow.name == "Relecture"
    tache = Workflow.objects.get(name="Relecture").tasks.get().specific
    assert list(tache.groups.values_list("name", flat=True)) == ["Relecteurs"]
    redaction = Group.objects.get(name="Rédaction")
    codes = set(redaction.permissions.values_list("codename", flat=True))
    assert codes == {"access_admin"}  # no user, group or settings permission
    pages = set(
        GroupPagePermission.objects.filter(group=redaction).values_list(
            "permission__codename", flat=True
        )
    )
    assert pages == {"add_page", "change_page"}


def test_demo_pages_render(client, site_demo_complet):
    accueil = client.get("/").content.decode()
    for profil in Profil.values:
        assert f'href="/histoires/?profil={profil}"' in accueil
    assert accueil.count('class="carte-histoire"') == 3
    index = client.get("/histoires/").content.decode()
    assert index.count('class="carte-histoire"') == 12
    audio = HistoirePage.objects.get(slug="trufficultrice-a-lalbenque")
    html = client.get(audio.url).content.decode()
    assert "Lire la transcription" in html and "coup de sifflet" in html
    video = HistoirePage.objects.get(slug="guide-canoe-a-cajarc")
    html = client.get(video.url).content.decode()
    assert '<track kind="captions" srclang="fr"' in html
