from opportunites.models import OffreEmploiPage
from opportunites.structure import structure_creer


def test_structure_idempotente_et_adresses(opp, site_demo):
    again = structure_creer(site_demo)
    assert again.offres.pk == opp.offres.pk
    assert opp.offres.url == "/opportunites/emplois/"
    assert opp.reprises.url == "/opportunites/reprises/"
    assert opp.creation.url == "/opportunites/creer/"


def test_offre_expiree(fabrique_opp):
    import datetime

    from django.utils import timezone

    hier = timezone.localdate() - datetime.timedelta(days=1)
    offre = fabrique_opp.offre(
        date_publication=hier - datetime.timedelta(days=30), date_expiration=hier
    )
    assert offre.expiree
    assert OffreEmploiPage.objects.live().count() == 1
