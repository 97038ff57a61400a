"""URLs of the jeunesse « jury » area (names join the ``jeunesse`` namespace)."""

urlpatterns = []
