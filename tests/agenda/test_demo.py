"""The demo agenda: ten believable events, seeded once."""

import os

import pytest
from django.core.management import call_command
from django.utils import timezone

from lot_portal.agenda.models import EvenementIndexPage, EvenementPage, Inscription

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_believable(site_demo_complet, client):
    index = EvenementIndexPage.objects.get()
    assert index.slug == "agenda" and index.show_in_menus and index.live
    assert index.get_parent().specific_class.__name__ == "HomePage"
    evenements = EvenementPage.objects.child_of(index).live()
    assert evenements.count() == 10
    maintenant = timezone.now()
    assert evenements.filter(fin__lt=maintenant).exists()
    assert evenements.filter(debut__gt=maintenant).exists()
    complets = [e for e in evenements.filter(capacite__isnull=False) if e.complet]
    assert complets
    assert Inscription.objects.filter(
        evenement__in=complets, statut=Inscription.Statut.ATTENTE
    ).exists()
    assert evenements.filter(commune__isnull=True).exists()  # a trade fair outside the Lot

    avant = (EvenementPage.objects.count(), Inscription.objects.count())
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert (EvenementPage.objects.count(), Inscription.objects.count()) == avant

    assert client.get("/agenda/").status_code == 200
    assert client.get("/agenda/?periode=passes").status_code == 200
    for evenement in evenements:
        assert client.get(evenement.url).status_code == 200, evenement.url
        assert client.get(evenement.url + "inscription/").status_code == 200
    assert 'href="/agenda/"' in client.get("/").content.decode()  # in the main menu
