from django.core.management.base import BaseCommand

from lot_portal.territoire.services import territoire_charger


class Command(BaseCommand):
    help = "Load the Lot's communes and communautés de communes (idempotent)."

    def handle(self, *args, **options):
        epci, communes = territoire_charger()
        self.stdout.write(f"Territoire : {epci} intercommunalités, {communes} communes.")
