from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, permissions
from .models import UnitStaff


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("nhap-danh-sach/", admin_views.ImportView.as_view(), name="import"),
        path(
            "nhap-danh-sach/mau.<str:fmt>",
            admin_views.import_template,
            name="import_template",
        ),
        path("ty-le-dang-nhap/", admin_views.DashboardView.as_view(), name="dashboard"),
        path("ty-le-dang-nhap/xuat.xlsx", admin_views.dashboard_export, name="dashboard_export"),
        path(
            "ty-le-dang-nhap/chua-dang-nhap/<str:code>/",
            admin_views.NeverLoggedInView.as_view(),
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
        return permissions.can_view_dashboard(request.user) or permissions.can_import(request.user)


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
                check=permissions.is_organisation_department,
            ),
        ]
    )
    return MembersSubmenu("Đảng viên", menu, icon_name="group", order=250)


class OrganisationDepartmentPolicy(BasePermissionPolicy):
    """Only the organisation department assigns committee staff."""

    def user_has_permission(self, user, action):
        return permissions.is_organisation_department(user)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()


class UnitStaffViewSet(SnippetViewSet):
    model = UnitStaff
    icon = "user"
    menu_label = "Cán bộ phụ trách"
    add_to_admin_menu = False
    list_display = ["user", "unit"]


register_permission_policy(UnitStaff, OrganisationDepartmentPolicy(UnitStaff))
register_snippet(UnitStaffViewSet)


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
