from django.urls import include, path

from . import views

app_name = "meetings"

meeting = [
    path("", views.meeting_detail, name="detail"),
    path("khai-mac/", views.meeting_open, name="open"),
    path("be-mac/", views.meeting_close, name="close"),
    path("co-mat/", views.check_in, name="check_in"),
    path("diem-danh/", views.attendance, name="attendance"),
    path("bieu-quyet/them/", views.motion_create, name="motion_create"),
    path("ket-qua-bieu-quyet.xlsx", views.motions_xlsx, name="motions_xlsx"),
    path("bien-ban/", views.minutes_view, name="minutes"),
    path("bien-ban/sua/", views.minutes_edit, name="minutes_edit"),
    path("bien-ban/thong-qua/", views.minutes_approve, name="minutes_approve"),
    path("bien-ban/dinh-chinh/", views.minutes_correct, name="minutes_correct"),
    path("bien-ban/phien-ban-<int:number>/", views.minutes_view, name="minutes_version"),
    path("bien-ban/phien-ban-<int:number>.<str:fmt>", views.minutes_export, name="minutes_export"),
]

motion = [
    path("mo/", views.motion_open, name="motion_open"),
    path("ket-thuc/", views.motion_close, name="motion_close"),
    path("bo-phieu/", views.vote, name="vote"),
]

urlpatterns = [
    path("sinh-hoat-chi-bo/", views.meeting_home, name="home"),
    path("sinh-hoat-chi-bo/tao-moi/", views.meeting_create, name="create"),
    path("sinh-hoat-chi-bo/bao-cao/", views.report, name="report"),
    path("sinh-hoat-chi-bo/<int:pk>/", include(meeting)),
    path("sinh-hoat-chi-bo/bieu-quyet/<int:pk>/", include(motion)),
    # Not counted as page visits (the counter middleware skips /api/).
    path("api/sinh-hoat-chi-bo/<int:pk>/truc-tiep.json", views.live_status, name="live"),
    path(
        "api/sinh-hoat-chi-bo/<int:pk>/truc-tiep-<str:view>.json",
        views.live_status_signed,
        name="live_signed",
    ),
]
