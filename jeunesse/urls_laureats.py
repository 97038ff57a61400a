"""URLs of the jeunesse « laureats » area (names join the ``jeunesse`` namespace)."""

urlpatterns = []
