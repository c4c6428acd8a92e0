from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("tra-cuu/", views.search_page, name="search"),
    path("api/search/", views.api_search, name="api_search"),
    path("api/search/suggest/", views.api_suggest, name="api_suggest"),
]
