from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RechercheConfig(AppConfig):
    name = "lot_portal.recherche"
    label = "recherche"
    verbose_name = "Recherche"

    def ready(self):
        from .index import reconstruire_apres_migration

        # Not restricted to this app as sender: post_migrate is only sent for
        # apps with a models module, and this one has none.
        post_migrate.connect(
            reconstruire_apres_migration, dispatch_uid="recherche_reconstruire_index"
        )
