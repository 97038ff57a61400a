"""Query budgets: the applicant pages run a fixed number of queries whatever their size."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jeunesse.models import LigneBudget, PieceJointe
from jeunesse.models.choix import NatureBudget, NaturePiece, Statut

PLAFOND = 30


def requetes(client, url) -> int:
    client.get(url)  # warm the per-process caches (site, content types)
    with CaptureQueriesContext(connection) as capture:
        reponse = client.get(url)
    assert reponse.status_code == 200
    return len(capture)


def test_mes_candidatures_1_ou_8(client, fabrique_jeu):
    compte = fabrique_jeu.compte()
    fabrique_jeu.candidature(porteur=compte)
    client.force_login(compte)
    url = reverse("jeunesse:mes_candidatures")
    une = requetes(client, url)
    for numero in range(7):
        fabrique_jeu.candidature(
            porteur=compte, statut=Statut.DEPOSE if numero % 2 else Statut.BROUILLON
        )
    huit = requetes(client, url)
    assert une == huit
    assert huit <= PLAFOND


def grossir(candidature, combien):
    for numero in range(combien):
        LigneBudget.objects.create(
            candidature=candidature,
            nature=NatureBudget.DEPENSE if numero % 2 else NatureBudget.RESSOURCE,
            libelle=f"Ligne {numero}",
            montant=Decimal("10"),
        )
        piece = PieceJointe(
            candidature=candidature,
            nature=NaturePiece.AUTRE,
            nom_original=f"p{numero}.pdf",
            type_mime="application/pdf",
            taille=10,
        )
        piece.fichier.save("p.pdf", ContentFile(b"%PDF-1.4\n%%EOF"), save=False)
        piece.save()


@pytest.mark.parametrize(
    ("ecran", "statut"),
    [
        (ecran, statut)
        for ecran in ("candidature", "deposer", "recepisse", "budget")
        for statut in (Statut.BROUILLON, Statut.DEPOSE)
        if (ecran, statut) != ("recepisse", Statut.BROUILLON)  # no receipt for a draft
    ],
)
def test_pages_du_dossier_1_ou_8_lignes(client, fabrique_jeu, statut, ecran):
    petite = fabrique_jeu.candidature(statut=statut)
    grande = fabrique_jeu.candidature(petite.appel, statut=statut)
    grossir(grande, 8)

    def url(candidature):
        if ecran == "budget":
            return reverse(
                "jeunesse:candidature_section",
                kwargs={"reference": candidature.reference, "section": "budget"},
            )
        return reverse(f"jeunesse:{ecran}", kwargs={"reference": candidature.reference})

    client.force_login(petite.porteur)
    une = requetes(client, url(petite))
    client.force_login(grande.porteur)
    huit = requetes(client, url(grande))
    assert une == huit
    assert huit <= PLAFOND
