import pytest

pytestmark = pytest.mark.django_db


def test_un_parcours_par_compte(fabrique):
    from django.db import IntegrityError, transaction

    parcours = fabrique.parcours()
    with pytest.raises(IntegrityError), transaction.atomic():
        fabrique.parcours(utilisateur=parcours.utilisateur)
    assert str(parcours) == f"{parcours.prenom} {parcours.nom}"


def test_referent_departemental(fabrique):
    assert fabrique.referent(communaute=None).est_departemental
    assert not fabrique.referent().est_departemental
