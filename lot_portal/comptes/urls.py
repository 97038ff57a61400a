from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.compte, name="compte"),
    path("", include("allauth.urls")),
]
