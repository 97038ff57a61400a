"""URLs of the jeunesse app; its pages join the navigation when they are built."""

app_name = "jeunesse"
urlpatterns = []
