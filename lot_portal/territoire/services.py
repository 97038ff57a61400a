import csv
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from wagtail.search.backends import get_search_backend

from .models import CommunauteDeCommunes, Commune

DONNEES = Path(__file__).resolve().parent / "donnees"


@transaction.atomic
def territoire_charger(*, dossier: Path = DONNEES) -> tuple[int, int]:
    """Create or update the Lot's EPCI and communes from the bundled CSV files.

    Idempotent: a second run changes nothing. Returns (epci, communes) counts.
    """
    with open(dossier / "lot-epci.csv", encoding="utf-8", newline="") as fichier:
        for ligne in csv.DictReader(fichier):
            CommunauteDeCommunes.objects.update_or_create(
                siren=ligne["siren"],
                defaults={"nom": ligne["nom"], "population": int(ligne["population"])},
            )
    communautes = {c.siren: c for c in CommunauteDeCommunes.objects.all()}
    existantes = {c.insee: c for c in Commune.objects.all()}
    nouvelles, modifiees = [], []
    champs = ["nom", "codes_postaux", "latitude", "longitude", "population", "communaute"]
    with open(dossier / "lot-communes.csv", encoding="utf-8", newline="") as fichier:
        for ligne in csv.DictReader(fichier):
            valeurs = {
                "nom": ligne["nom"],
                "codes_postaux": ligne["codes_postaux"].replace("|", ","),
                "latitude": Decimal(ligne["latitude"]),
                "longitude": Decimal(ligne["longitude"]),
                "population": int(ligne["population"]),
                "communaute": communautes[ligne["epci_siren"]],
            }
            commune = existantes.get(ligne["insee"])
            if commune is None:
                nouvelles.append(Commune(insee=ligne["insee"], **valeurs))
            elif any(getattr(commune, champ) != valeur for champ, valeur in valeurs.items()):
                for champ, valeur in valeurs.items():
                    setattr(commune, champ, valeur)
                modifiees.append(commune)
    Commune.objects.bulk_create(nouvelles)
    Commune.objects.bulk_update(modifiees, champs)
    if nouvelles or modifiees:
        # bulk operations send no signal: index the communes for the choosers.
        get_search_backend().add_bulk(Commune, [*nouvelles, *modifiees])
    return CommunauteDeCommunes.objects.count(), Commune.objects.count()
