"""URLs of the opportunites app; its pages join the navigation when they are built."""

app_name = "opportunites"
urlpatterns = []
