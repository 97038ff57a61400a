"""URLs of the jeunesse « idees » area (names join the ``jeunesse`` namespace)."""

urlpatterns = []
