from django.urls import path

from . import views

urlpatterns = [path("", views.recherche, name="recherche")]
