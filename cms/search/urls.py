from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("tra-cuu/", views.search_page, name="search"),
]
