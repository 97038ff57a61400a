"""URLs of the opportunities' partenaires area (included by opportunites/urls.py)."""

urlpatterns: list = []
