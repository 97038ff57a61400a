"""URLs of the jeunesse « equipe » area (names join the ``jeunesse`` namespace)."""

urlpatterns = []
