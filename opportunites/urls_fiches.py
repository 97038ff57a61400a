"""URLs of the opportunities' fiches area (included by opportunites/urls.py)."""

urlpatterns: list = []
