from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("sinh-hoat-chi-bo/", views.meeting_home, name="home"),
]
