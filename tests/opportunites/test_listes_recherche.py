"""Offers and takeovers in the site search (/recherche/)."""

import datetime

from django.utils import timezone

from opportunites.selectors import pages_hors_recherche


def test_offres_et_reprises_dans_la_recherche(client, fabrique_opp):
    fabrique_opp.offre(title="Orthophoniste libérale", description="<p>Cabinet à Figeac.</p>")
    fabrique_opp.reprise(title="Quincaillerie du causse", activite="Quincaillerie")
    html = client.get("/recherche/", {"q": "orthophoniste"}).content.decode()
    assert 'href="/opportunites/emplois/orthophoniste-liberale/"' in html
    assert "Offre d&#x27;emploi" in html
    html = client.get("/recherche/", {"q": "quincaillerie"}).content.decode()
    assert 'href="/opportunites/reprises/quincaillerie-du-causse/"' in html


def test_pages_hors_recherche(fabrique_opp):
    hier = timezone.localdate() - datetime.timedelta(days=1)
    courante = fabrique_opp.offre(title="Courante")
    expiree = fabrique_opp.offre(
        title="Expirée", date_publication=hier - datetime.timedelta(9), date_expiration=hier
    )
    pourvue = fabrique_opp.offre(title="Pourvue", pourvue_le=hier)
    cedee = fabrique_opp.reprise(title="Cédée", cedee_le=hier)
    a_vendre = fabrique_opp.reprise(title="À vendre")
    exclues = set(pages_hors_recherche().values_list("pk", flat=True))
    assert exclues == {expiree.pk, pourvue.pk, cedee.pk}
    assert not exclues & {courante.pk, a_vendre.pk}


def test_exclusion_compatible_avec_le_moteur_de_recherche(fabrique_opp):
    """What lot_portal.recherche would do with ``pages_hors_recherche`` (see the report)."""
    from wagtail.models import Page

    hier = timezone.localdate() - datetime.timedelta(days=1)
    fabrique_opp.offre(title="Ébéniste en poste", description="<p>Menuiserie.</p>")
    fabrique_opp.offre(
        title="Ébéniste expiré",
        description="<p>Menuiserie.</p>",
        date_publication=hier - datetime.timedelta(9),
        date_expiration=hier,
    )
    pages = Page.objects.live().public().exclude(pk__in=pages_hors_recherche())
    titres = [page.title for page in pages.search("menuiserie")]
    assert titres == ["Ébéniste en poste"]
    assert pages.search("menuiserie", order_by_relevance=False).facet("content_type_id")
