"""URLs of the accueil app; its pages join the navigation when they are built."""

app_name = "accueil"
urlpatterns = []
