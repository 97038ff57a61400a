"""URLs of the ambassadeurs app; its pages join the navigation when they are built."""

app_name = "ambassadeurs"
urlpatterns = []
