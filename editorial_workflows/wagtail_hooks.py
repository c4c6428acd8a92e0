"""Admin wiring: editorial scopes, no publishing around the workflow, dashboard
panels, audit actions and the approval history report.

Scopes are Wagtail page permissions (see ``permissions.py``), so Wagtail's own
page permission checks already keep a user to their scope in every page view;
the hooks below refuse, with the reason, whatever reaches them outside it
(moving a page across scopes, copying another section's page…) and keep other
sections out of the explorer and of the page chooser. They name no admin URL,
so an upgrade that renames one changes nothing.
"""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from . import permissions, services, urls
from .models import AdminNotification, ScopedGroupApprovalTask, ScreeningTask

NO_BYPASS_MESSAGE = (
    "Trang thuộc quy trình duyệt của Ban Biên tập: không xuất bản trực tiếp, hãy gửi duyệt."
)


def forbidden(request, message):
    """A real 403 with the reason in Vietnamese (Wagtail would redirect to the dashboard)."""
    return TemplateResponse(
        request, "editorial_workflows/forbidden.html", {"message": message}, status=403
    )


@hooks.register("register_admin_urls")
def register_urls():
    return [path("duyet-noi-dung/", include(urls, namespace="editorial_workflows"))]


@hooks.register("register_log_actions")
def register_actions(actions):
    actions.register_action(
        "editorial_workflows.screening_pass",
        "Kiểm tra bảo mật: đạt",
        "Kiểm tra bảo mật tự động: không phát hiện dấu hiệu bí mật nhà nước",
    )
    actions.register_action(
        "editorial_workflows.screening_block",
        "Kiểm tra bảo mật: bị chặn",
        "Kiểm tra bảo mật tự động: phát hiện dấu hiệu bí mật nhà nước, trang bị chặn",
    )
    actions.register_action(
        "editorial_workflows.screening_clear",
        "Kiểm tra bảo mật: gỡ chặn",
        "Cán bộ bảo mật gỡ chặn kèm lý do",
    )
    actions.register_action(
        "editorial_workflows.schedule",
        "Phê duyệt hẹn giờ xuất bản",
        "Phê duyệt và hẹn giờ xuất bản",
    )


@hooks.register("register_permissions")
def register_editorial_permissions():
    """The board's own permissions, grantable to groups in Cài đặt → Nhóm."""
    return Permission.objects.filter(
        content_type__app_label="editorial_workflows", codename="view_approval_history"
    )


class HistoryMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_view_history(request.user)


@hooks.register("register_reports_menu_item")
def register_history_report():
    return HistoryMenuItem(
        "Lịch sử duyệt nội dung",
        reverse("editorial_workflows:history"),
        name="lich-su-duyet",
        icon_name="history",
        order=950,
    )


class UserPanel(Component):
    """A dashboard panel about the signed-in user."""

    def __init__(self, user):
        self.user = user


class AwaitingPanel(UserPanel):
    """Chờ tôi duyệt: what awaits the signed-in user, by stage, oldest age first."""

    name = "cho_toi_duyet"
    order = 50
    template_name = "editorial_workflows/awaiting_panel.html"

    def get_context_data(self, parent_context):
        stages = services.awaiting(self.user)
        for stage in stages:
            stage["oldest_label"] = services.format_age(stage["oldest"])
            for item in stage["items"]:
                item["age_label"] = services.format_age(item["age"])
                if isinstance(stage["task"], ScreeningTask):
                    item["url"] = reverse("editorial_workflows:findings", args=[item["state"].pk])
                else:
                    item["url"] = reverse("wagtailadmin_pages:edit", args=[item["page"].pk])
        return {"stages": stages}


class NotificationsPanel(UserPanel):
    """Thông báo duyệt bài: the latest workflow messages for the signed-in user."""

    name = "thong_bao_duyet"
    order = 60
    template_name = "editorial_workflows/notifications_panel.html"

    def get_context_data(self, parent_context):
        return {"notifications": AdminNotification.objects.filter(recipient=self.user)[:8]}


@hooks.register("construct_homepage_panels")
def add_panels(request, panels):
    panels[:] = [p for p in panels if getattr(p, "name", "") != "workflow_objects_to_moderate"]
    panels.append(AwaitingPanel(request.user))
    panels.append(NotificationsPanel(request.user))


# --- scopes ---------------------------------------------------------------


def out_of_scope(request, *pages):
    """The explained 403 when any of ``pages`` lies outside the user's scope."""
    if all(permissions.within_scope(request.user, page) for page in pages):
        return None
    return forbidden(request, permissions.OUT_OF_SCOPE_MESSAGE)


@hooks.register("construct_explorer_page_queryset")
def limit_explorer_to_scope(parent_page, pages, request):
    """Only the scope and the way to it; another section cannot be explored at all."""
    user = request.user
    if not permissions.has_scope(user):
        return pages
    if parent_page is not None and not permissions.navigable(user, parent_page):
        raise PermissionDenied(permissions.OUT_OF_SCOPE_MESSAGE)
    return pages.filter(permissions.navigable_q(user))


@hooks.register("construct_page_chooser_queryset")
def limit_chooser_to_scope(pages, request):
    """Published pages may be linked from anywhere; drafts only within the scope."""
    if permissions.has_scope(request.user):
        pages = pages.filter(permissions.navigable_q(request.user) | Q(live=True))
    return pages


def _current_task(page):
    task = page.current_workflow_task
    return task.specific if task else None


@hooks.register("before_edit_page")
def check_edit(request, page):
    user = request.user
    task = _current_task(page)
    if not (task is not None and task.user_can_access_editor(page, user)):
        refusal = out_of_scope(request, page)
        if refusal:
            return refusal
    if request.method == "POST" and request.POST.get("action-publish") and page.get_workflow():
        return forbidden(request, NO_BYPASS_MESSAGE)
    if request.method != "GET" or task is None:
        return None
    state = page.current_workflow_task_state
    if isinstance(task, ScreeningTask):
        state = state.specific
        if state.findings:
            messages.warning(
                request,
                format_html(
                    'Trang bị chặn ở bước kiểm tra bảo mật ({} phát hiện). <a href="{}">Xem chi '
                    "tiết các phát hiện</a>.",
                    len(state.findings),
                    reverse("editorial_workflows:findings", args=[state.pk]),
                ),
            )
    is_member = (isinstance(task, ScopedGroupApprovalTask) and task._member(user)) or (
        isinstance(task, ScreeningTask) and task._officer(user)
    )
    if is_member and permissions.is_author(user, state):
        messages.info(request, permissions.SELF_APPROVAL_MESSAGE)
    return None


@hooks.register("before_create_page")
def check_create(request, parent_page, page_class):
    refusal = out_of_scope(request, parent_page)
    if refusal:
        return refusal
    if (
        request.method == "POST"
        and request.POST.get("action-publish")
        and parent_page.get_workflow()
    ):
        return forbidden(request, NO_BYPASS_MESSAGE)
    return None


@hooks.register("before_move_page")
def check_move(request, page, destination):
    return out_of_scope(request, page, destination)


@hooks.register("before_copy_page")
def check_copy(request, page):
    # The destination is checked by Wagtail (an "add" permission there = in scope).
    return out_of_scope(request, page)


@hooks.register("before_delete_page")
@hooks.register("before_unpublish_page")
@hooks.register("before_convert_alias_page")
def check_page_in_scope(request, page):
    return out_of_scope(request, page)


@hooks.register("after_edit_page")
def rescreen_after_edit(request, page):
    """An edit during a blocked screening screens the new revision at once."""
    task = _current_task(page)
    if not isinstance(task, ScreeningTask):
        return None
    state = page.current_workflow_task_state
    latest = page.get_latest_revision()
    if (
        state
        and state.status == state.STATUS_IN_PROGRESS
        and latest
        and state.revision_id != latest.pk
    ):
        state.specific.cancel(user=request.user, resume=True)
    return None


@hooks.register("before_bulk_action")
def no_bulk_publish_under_a_workflow(request, action_type, objects, action):
    """Bulk "publish" from a listing would skip review and state-secret screening."""
    if action_type != "publish" or not issubclass(action.model, Page):
        return None
    if any(page.get_workflow() for page in objects):
        return forbidden(request, NO_BYPASS_MESSAGE)
    return None


@hooks.register("construct_page_action_menu")
def hide_direct_publish(menu_items, request, context):
    page = context.get("parent_page") if context.get("view") == "create" else context.get("page")
    if page is not None and page.pk and page.get_workflow():
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
