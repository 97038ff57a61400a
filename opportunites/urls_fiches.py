"""URLs of the opportunities' fiches area (included by opportunites/urls.py).

Never under emplois/, reprises/ or creer/: those paths belong to the Wagtail pages.
"""

from django.urls import path

from . import views_fiches

urlpatterns = [
    path(
        "contact-reprise/<int:pk>/",
        views_fiches.contact_reprise,
        name="contact_reprise",
    ),
]
