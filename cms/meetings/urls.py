from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("sinh-hoat-chi-bo/", views.meeting_home, name="home"),
    path("sinh-hoat-chi-bo/tao-moi/", views.meeting_create, name="create"),
    path("sinh-hoat-chi-bo/bao-cao/", views.report, name="report"),
    path("sinh-hoat-chi-bo/<int:pk>/", views.meeting_detail, name="detail"),
    path("sinh-hoat-chi-bo/<int:pk>/khai-mac/", views.meeting_open, name="open"),
    path("sinh-hoat-chi-bo/<int:pk>/be-mac/", views.meeting_close, name="close"),
    path("sinh-hoat-chi-bo/<int:pk>/co-mat/", views.check_in, name="check_in"),
    path("sinh-hoat-chi-bo/<int:pk>/diem-danh/", views.attendance, name="attendance"),
    path("sinh-hoat-chi-bo/<int:pk>/bieu-quyet/them/", views.motion_create, name="motion_create"),
    path(
        "sinh-hoat-chi-bo/<int:pk>/ket-qua-bieu-quyet.xlsx",
        views.motions_xlsx,
        name="motions_xlsx",
    ),
    path("sinh-hoat-chi-bo/bieu-quyet/<int:motion_pk>/mo/", views.motion_open, name="motion_open"),
    path(
        "sinh-hoat-chi-bo/bieu-quyet/<int:motion_pk>/ket-thuc/",
        views.motion_close,
        name="motion_close",
    ),
    path("sinh-hoat-chi-bo/bieu-quyet/<int:motion_pk>/bo-phieu/", views.vote, name="vote"),
    path("sinh-hoat-chi-bo/<int:pk>/bien-ban/", views.minutes_view, name="minutes"),
    path("sinh-hoat-chi-bo/<int:pk>/bien-ban/sua/", views.minutes_edit, name="minutes_edit"),
    path(
        "sinh-hoat-chi-bo/<int:pk>/bien-ban/thong-qua/",
        views.minutes_approve,
        name="minutes_approve",
    ),
    path(
        "sinh-hoat-chi-bo/<int:pk>/bien-ban/dinh-chinh/",
        views.minutes_correct,
        name="minutes_correct",
    ),
    path(
        "sinh-hoat-chi-bo/<int:pk>/bien-ban/phien-ban-<int:number>/",
        views.minutes_view,
        name="minutes_version",
    ),
    path(
        "sinh-hoat-chi-bo/<int:pk>/bien-ban/phien-ban-<int:number>.<str:fmt>",
        views.minutes_export,
        name="minutes_export",
    ),
    # Not counted as page visits (the counter middleware skips /api/).
    path("api/sinh-hoat-chi-bo/<int:pk>/truc-tiep.json", views.live_status, name="live"),
]
