from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("dang-nhap/", views.MemberLoginView.as_view(), name="login"),
    path("dang-xuat/", views.MemberLogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", views.PasswordChangeView.as_view(), name="password_change"),
    path("quan-ly-tai-khoan/", views.accounts_home, name="accounts_home"),
    path("quan-ly-tai-khoan/chi-bo/<slug:code>/", views.cell_accounts, name="cell_accounts"),
    path(
        "quan-ly-tai-khoan/chi-bo/<slug:code>/in-ma-kich-hoat/",
        views.print_credentials,
        name="print_credentials",
    ),
    path(
        "quan-ly-tai-khoan/dang-vien/<int:pk>/cap-lai-mat-khau/",
        views.reset_password,
        name="reset_password",
    ),
]
