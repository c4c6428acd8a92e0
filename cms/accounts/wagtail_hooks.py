from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.widgets import Button

from . import admin_views

LOG_ACTIONS = [
    ("accounts.otp_enrol", "Bật xác thực hai bước"),
    ("accounts.otp_failure", "Nhập sai mã xác thực hai bước"),
    ("accounts.otp_reset", "Đặt lại xác thực hai bước"),
    ("accounts.recovery_codes", "Cấp mã dự phòng"),
    ("accounts.recovery_used", "Dùng một mã dự phòng"),
    ("accounts.notice_ack", "Xác nhận thông báo xử lý dữ liệu cá nhân"),
]


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    for action, label in LOG_ACTIONS:
        actions.register_action(action, label, label)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("<int:pk>/dat-lai/", admin_views.ResetDevicesView.as_view(), name="reset_devices"),
    ]
    return [
        path("xac-thuc-hai-buoc/", include((urls, "accounts_admin"), namespace="accounts_admin"))
    ]


@hooks.register("register_user_listing_buttons")
def reset_devices_button(user, request_user):
    if admin_views.can_reset(request_user):
        yield Button(
            "Đặt lại xác thực hai bước",
            reverse("accounts_admin:reset_devices", args=[user.pk]),
            icon_name="key",
            priority=60,
        )
