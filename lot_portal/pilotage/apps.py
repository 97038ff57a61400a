from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PilotageConfig(AppConfig):
    name = "lot_portal.pilotage"
    label = "pilotage"
    verbose_name = "Pilotage"

    def ready(self):
        from .acces import groupe_pilotage_apres_migration

        # Not restricted to this app as sender: post_migrate is only sent for apps with a
        # models module, and this one has none. The receiver acts on wagtailadmin's signal,
        # once the « access_admin » permission exists.
        post_migrate.connect(groupe_pilotage_apres_migration, dispatch_uid="pilotage_groupe")
