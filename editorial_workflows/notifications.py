"""Telling people what the workflow needs from them, by email and in the admin.

Each stage's group members who may act (in scope, not the author) hear that a
page awaits them; the author hears every outcome with the reviewer's comment.
Wagtail's own workflow emails are switched off (see ``apps.py``) so that all
messages are scope-aware and in Vietnamese.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from . import objects
from .models import AdminNotification, ScopedGroupApprovalTask, ScreeningTask
from .services import display_name, notify_targets_for

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = "[Sổ tay đảng viên] "


def _edit_url(page):
    return objects.edit_url(page)


def notify(users, subject, message, url=""):
    """Store an admin notification for each user and email those with an address."""
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    for user in {u.pk: u for u in users if u is not None}.values():
        AdminNotification.objects.create(recipient=user, message=message, url=url)
        if user.email:
            try:
                send_mail(
                    SUBJECT_PREFIX + subject,
                    f"{message}\n\n{base}{url}" if url else message,
                    None,
                    [user.email],
                )
            except Exception:  # mail trouble must not undo the workflow step
                logger.exception("Không gửi được thư thông báo tới %s", user.email)


def _authors(workflow_state):
    page = workflow_state.content_object
    return [workflow_state.requested_by, getattr(page, "owner", None)]


def _title(page):
    return f"«{objects.title(page)}»"


def task_submitted(task_state, user=None):
    task = task_state.task.specific
    page = task_state.workflow_state.content_object
    if isinstance(task, ScreeningTask):
        task_state = task_state.specific
        if not task_state.findings:
            return
        markings = ", ".join(sorted({f["marking"] for f in task_state.findings}))
        url = reverse("editorial_workflows:findings", args=[task_state.pk])
        notify(
            notify_targets_for(task_state),
            f"Bị chặn kiểm tra bảo mật: {objects.title(page)}",
            f"{_title(page)} bị chặn ở bước {task.name}: phát hiện {len(task_state.findings)} "
            f"dấu hiệu bí mật nhà nước ({markings}). Cán bộ bảo mật xem xét để gỡ chặn "
            "hoặc trả lại tác giả.",
            url,
        )
        notify(
            _authors(task_state.workflow_state),
            f"Bài bị chặn: {objects.title(page)}",
            f"{_title(page)} bị chặn ở bước {task.name} ({markings}). Hãy xem các phát hiện, "
            "sửa bài để gỡ nội dung đó (bài sẽ được kiểm tra lại khi lưu), hoặc chờ cán bộ "
            "bảo mật xem xét.",
            url,
        )
    elif isinstance(task, ScopedGroupApprovalTask):
        notify(
            notify_targets_for(task_state),
            f"Chờ duyệt: {objects.title(page)}",
            f"{_title(page)} đang chờ bạn xử lý ở bước {task.name}.",
            _edit_url(page),
        )


def task_finished(task_state, user=None, approved=True):
    task = task_state.task.specific
    if not isinstance(task, ScopedGroupApprovalTask | ScreeningTask):
        return
    page = task_state.workflow_state.content_object
    who = display_name(user) if user else "hệ thống (tự động)"
    comment = f" Nhận xét: {task_state.comment}" if task_state.comment else ""
    if approved:
        subject = f"Đã qua bước {task.name}: {objects.title(page)}"
        message = f"{_title(page)} đã qua bước {task.name} (người xử lý: {who}).{comment}"
    else:
        subject = f"Cần chỉnh sửa: {objects.title(page)}"
        message = (
            f"{_title(page)} được yêu cầu chỉnh sửa ở bước {task.name} (người xử lý: {who}).{comment}"
            " Sau khi sửa, hãy gửi duyệt lại."
        )
    recipients = [u for u in _authors(task_state.workflow_state) if u != user]
    notify(recipients, subject, message, _edit_url(page))


def workflow_approved(workflow_state, user=None):
    page = objects.specific(workflow_state.content_object)
    page.refresh_from_db()
    if page.live:
        outcome = "đã được phê duyệt và xuất bản"
    elif page.go_live_at or page.get_latest_revision().approved_go_live_at:
        when = page.get_latest_revision().approved_go_live_at or page.go_live_at
        outcome = (
            "đã được phê duyệt, hẹn xuất bản lúc "
            f"{timezone.localtime(when).strftime('%H:%M ngày %d/%m/%Y')}"
        )
    else:
        outcome = "đã được phê duyệt"
    notify(
        _authors(workflow_state),
        f"Đã phê duyệt: {objects.title(page)}",
        f"{_title(page)} {outcome}.",
        _edit_url(page),
    )
