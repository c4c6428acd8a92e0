from django.contrib.auth.models import Permission
from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.security.privacy import private_response

from . import admin_views, permissions
from .models import LoginLockout, UnitStaff


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        # Pages and files with members' personal data: never kept by a cache (cms/security).
        path("nhap-danh-sach/", private_response(admin_views.ImportView.as_view()), name="import"),
        path(
            "nhap-danh-sach/mau.<str:fmt>",
            admin_views.import_template,
            name="import_template",
        ),
        path(
            "ty-le-dang-nhap/",
            private_response(admin_views.DashboardView.as_view()),
            name="dashboard",
        ),
        path(
            "ty-le-dang-nhap/xuat.xlsx",
            private_response(admin_views.dashboard_export),
            name="dashboard_export",
        ),
        path(
            "ty-le-dang-nhap/chua-dang-nhap/<slug:code>/",
            private_response(admin_views.NeverLoggedInView.as_view()),
            name="never_logged_in",
        ),
    ]
    return [path("dang-vien/", include((urls, "members_admin"), namespace="members_admin"))]


class ShownIf(MenuItem):
    def __init__(self, *args, check, **kwargs):
        self.check = check
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return self.check(request.user)


class MembersSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        user = request.user
        return (
            permissions.can_view_dashboard(user)
            or permissions.can_import(user)
            or permissions.can_assign_unit_staff(user)
            or permissions.can_unlock_logins(user)
        )


@hooks.register("register_admin_menu_item")
def register_members_menu():
    menu = Menu(
        items=[
            ShownIf(
                "Tỷ lệ đăng nhập",
                reverse("members_admin:dashboard"),
                icon_name="table",
                order=100,
                check=permissions.can_view_dashboard,
            ),
            ShownIf(
                "Nhập danh sách",
                reverse("members_admin:import"),
                icon_name="upload",
                order=200,
                check=permissions.can_import,
            ),
            ShownIf(
                "Cán bộ phụ trách",
                reverse("wagtailsnippets_members_unitstaff:list"),
                icon_name="user",
                order=300,
                check=permissions.can_assign_unit_staff,
            ),
            ShownIf(
                "Đăng nhập bị tạm khóa",
                reverse("members_lockouts:index"),
                icon_name="lock",
                order=400,
                check=permissions.can_unlock_logins,
            ),
        ]
    )
    return MembersSubmenu("Đảng viên", menu, icon_name="group", order=250)


class UnitStaffViewSet(SnippetViewSet):
    model = UnitStaff
    icon = "user"
    menu_label = "Cán bộ phụ trách"
    list_display = ["user", "unit"]


register_snippet(UnitStaffViewSet)


class UnlockPolicy(ModelPermissionPolicy):
    """Locked logins are looked at and lifted (deleted), never written by hand."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)


class LockoutViewSet(ModelViewSet):
    """Đăng nhập bị tạm khóa: login name and address pairs waiting after too many
    failures; deleting one lets that pair try again at once."""

    model = LoginLockout
    icon = "lock"
    menu_label = "Đăng nhập bị tạm khóa"
    add_to_admin_menu = False
    url_prefix = "dang-vien/dang-nhap-bi-khoa"
    url_namespace = "members_lockouts"
    list_display = [
        Column("username", label="Tên đăng nhập (số thẻ, số điện thoại)"),
        Column("ip_address", label="Địa chỉ mạng"),
        Column("failures_since_start", label="Số lần nhập sai"),
        Column("attempt_time", label="Lần sai gần nhất"),
    ]
    form_fields = ["username"]  # no add or edit view is reachable (UnlockPolicy)
    copy_view_enabled = False


register_permission_policy(LoginLockout, UnlockPolicy(LoginLockout))


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet("members_lockouts")


@hooks.register("register_log_actions")
def register_member_log_actions(actions):
    for action, label in [
        ("members.import", "Nhập danh sách đảng viên"),
        ("members.import_create", "Tạo tài khoản khi nhập danh sách"),
        ("members.import_update", "Cập nhật khi nhập danh sách"),
        ("members.credentials_issue", "Cấp mã kích hoạt"),
        ("members.password_reset", "Cấp lại mật khẩu"),
        ("members.password_change", "Đổi mật khẩu"),
        ("members.transfer", "Chuyển sinh hoạt"),
        ("members.status", "Đổi trạng thái đảng viên"),
    ]:
        actions.register_action(action, label, label)


@hooks.register("register_permissions")
def register_member_permissions():
    """The organisation department's powers, grantable to groups in Cài đặt → Nhóm."""
    return Permission.objects.filter(
        content_type__app_label="members",
        codename__in=["manage_accounts", "view_login_rates", "import_roster"],
    )
