"""URLs of the opportunities' alertes area (included by opportunites/urls.py)."""

urlpatterns: list = []
