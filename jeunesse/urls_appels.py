"""URLs of the jeunesse « appels » area (names join the ``jeunesse`` namespace)."""

urlpatterns = []
