from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("dang-nhap/", views.MemberLoginView.as_view(), name="login"),
    path("dang-xuat/", views.MemberLogoutView.as_view(), name="logout"),
]
