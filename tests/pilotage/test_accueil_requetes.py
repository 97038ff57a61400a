"""Both accueil sections run a fixed number of queries whatever the volume."""

from datetime import date, timedelta

import pytest
import time_machine
from accueil_fabrique import dossier, jeu_de_donnees, paris
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accueil import pilotage
from accueil.models.choix import ProfilArrivant, StatutParcours

pytestmark = pytest.mark.django_db

FILTRES = [
    pilotage.Filtres(debut=date(2026, 1, 1), fin=date(2026, 3, 31)),
    pilotage.Filtres(debut=date(2026, 1, 1), fin=date(2026, 3, 31), granularite="semaine"),
]


def _requetes(filtres) -> dict:
    comptes = {}
    for nom, fonction in (
        ("arrivants", pilotage.calculer_arrivants),
        ("arrivants_chiffres", pilotage.chiffres_arrivants),
        ("reseau", pilotage.calculer_reseau),
        ("reseau_chiffres", pilotage.chiffres_reseau),
    ):
        with CaptureQueriesContext(connection) as contexte:
            fonction(filtres)
        comptes[nom] = len(contexte.captured_queries)
    return comptes


def _plus_de_dossiers(d, nombre):
    S = StatutParcours
    for i in range(nombre):
        cree = paris(2026, 1, 2) + timedelta(days=i * 3)
        dossier(
            cree_le=cree,
            communaute=(d.a, d.b, d.c, None)[i % 4],
            profil=(ProfilArrivant.WANTED, ProfilArrivant.TOURISTES)[i % 2],
            referent=(d.r_a, d.r_b, d.r_c, None)[i % 4],
            chemin=(
                (S.PREMIER_CONTACT, cree + timedelta(days=1)),
                (S.EN_ECHANGE, cree + timedelta(days=3)),
                (S.INSTALLE, cree + timedelta(days=9)),
            )[: i % 4],
            installe_le=(cree + timedelta(days=9)).date() if i % 4 == 3 else None,
            enfants=i % 3,
            source={"utm_source": "bing"} if i % 2 else {},
            prochaine_action_le=date(2026, 4, 1) if i % 5 == 0 else None,
        )


@pytest.mark.parametrize("filtres", FILTRES)
def test_nombre_de_requetes_borne(filtres):
    with time_machine.travel("2026-04-15 09:00 +0200", tick=False):
        d = jeu_de_donnees()
        petit = _requetes(filtres)
        _plus_de_dossiers(d, 24)
        grand = _requetes(filtres)
        zone = _requetes(
            pilotage.Filtres(filtres.debut, filtres.fin, (d.a.pk, d.b.pk), filtres.granularite)
        )
    assert petit == grand == zone
    assert petit == {"arrivants": 7, "arrivants_chiffres": 1, "reseau": 2, "reseau_chiffres": 1}
