from django.urls import path

from . import views

app_name = "pwa"

urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    # At the root, so the worker's scope is the whole site.
    path("sw.js", views.service_worker, name="service_worker"),
    path("ngoai-tuyen/", views.offline, name="offline"),
]
