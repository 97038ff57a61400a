"""``manage.py import_offres FICHIER.csv [--dry-run]``: import job offers from a CSV file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opportunites.services.imports import TAILLE_MAX, importer_offres


class Command(BaseCommand):
    help = (
        "Importe des offres d'emploi depuis un fichier CSV (« ; » ou « , », UTF-8 ou "
        "Windows-1252). Tout ou rien : une seule erreur et rien n'est importé. Une nouvelle "
        "importation met à jour les offres de même référence."
    )

    def add_arguments(self, parser):
        parser.add_argument("fichier", help="Le fichier CSV.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Vérifie le fichier et dit ce qui serait fait, sans rien importer.",
        )

    def handle(self, *args, fichier, dry_run=False, **options):
        chemin = Path(fichier)
        if not chemin.is_file():
            raise CommandError(f"Fichier introuvable : {fichier}")
        if chemin.stat().st_size > TAILLE_MAX:
            raise CommandError(
                f"Le fichier dépasse {TAILLE_MAX // (1024 * 1024)} Mo : découpez-le en "
                "plusieurs fichiers."
            )
        rapport = importer_offres(chemin.read_bytes(), simulation=dry_run)
        for erreur in rapport.erreurs:
            self.stderr.write(str(erreur))
        if rapport.erreurs_omises:
            self.stderr.write(f"… et {rapport.erreurs_omises} autre(s) erreur(s).")
        if not rapport.ok:
            raise CommandError(rapport.resume())
        prefixe = "Simulation : " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefixe + rapport.resume()))
