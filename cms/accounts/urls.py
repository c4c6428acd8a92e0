from django.urls import path

from . import data_views, views

app_name = "accounts"

urlpatterns = [
    path("xac-thuc-hai-buoc/", views.verify, name="otp_verify"),
    path("xac-thuc-hai-buoc/dang-ky/", views.enrol, name="otp_enrol"),
    path("xac-thuc-hai-buoc/ma-du-phong/", views.recovery_codes, name="recovery_codes"),
    path(
        "xac-thuc-hai-buoc/ma-du-phong/tai-ve/",
        views.recovery_codes_download,
        name="recovery_codes_download",
    ),
    path(
        "xac-thuc-hai-buoc/ma-du-phong/tao-moi/",
        views.new_recovery_codes,
        name="new_recovery_codes",
    ),
    path("thong-bao-du-lieu-ca-nhan/", data_views.processing_notice, name="notice"),
    path("du-lieu-cua-toi/", data_views.my_data, name="my_data"),
    path("du-lieu-cua-toi/tai-ve/", data_views.my_data_download, name="my_data_download"),
]
