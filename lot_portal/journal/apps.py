from django.apps import AppConfig
from django.db.models.signals import post_migrate


class JournalConfig(AppConfig):
    name = "lot_portal.journal"
    label = "journal"
    verbose_name = "Journal des accès"

    def ready(self):
        from .exports import exports_journaliser
        from .permissions import groupe_dpo_creer

        exports_journaliser()
        post_migrate.connect(groupe_dpo_creer, sender=self)
