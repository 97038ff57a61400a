"""Changing a partner forgets the cached pages (they show partners in the footer)."""

import pytest
from django.test import Client

from lot_portal.vitrine.models import Partenaire

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("changement", ["modifier", "ajouter", "supprimer"])
def test_partner_change_invalidates_the_page_cache(site_demo, cache_vide, wsgi_get, changement):
    Client().get("/mentions-legales/")
    assert wsgi_get("/mentions-legales/") == []
    if changement == "modifier":
        partenaire = Partenaire.objects.get(nom="CCI du Lot")
        partenaire.nom = "CCI du Lot (nouveau nom)"
        partenaire.save()
    elif changement == "ajouter":
        Partenaire.objects.create(nom="Nouvelle entreprise", type="entreprise", pied_de_page=True)
    else:
        Partenaire.objects.get(nom="CCI du Lot").delete()
    assert wsgi_get("/mentions-legales/") == ["/mentions-legales/"]
