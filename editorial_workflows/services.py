"""Queries and actions shared by the admin panels, views and notifications."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page, Task, TaskState

from . import permissions
from .models import ScopedGroupApprovalTask, ScreeningTaskState


def awaiting(user):
    """Task states waiting for ``user``, grouped by stage.

    Returns ``[{"task": task, "items": [...], "oldest": timedelta}, …]`` in
    workflow order. Only states the user may actually approve are listed
    (in scope, not authored by them); screenings appear for security officers
    only while blocked.
    """
    groups = {}
    now = timezone.now()
    for task in Task.objects.filter(active=True).specific():
        states = task.get_task_states_user_can_moderate(user).select_related(
            "workflow_state", "revision", "revision__user"
        )
        for state in states.order_by("started_at"):
            state = state.specific
            page = state.workflow_state.content_object
            if page is None:
                continue
            actions = [name for name, _label, _modal in task.get_actions(page, user)]
            if "approve" not in actions:
                continue
            entry = groups.setdefault(task.pk, {"task": task, "items": [], "oldest": None})
            entry["items"].append(
                {
                    "page": page.specific_deferred if isinstance(page, Page) else page,
                    "state": state,
                    "age": now - state.started_at,
                    "author": display_name(state.workflow_state.requested_by)
                    if state.workflow_state.requested_by
                    else "",
                }
            )
    result = []
    for entry in groups.values():
        entry["oldest"] = max(item["age"] for item in entry["items"])
        result.append(entry)
    result.sort(key=lambda e: e["task"].pk)
    return result


def notify_targets_for(task_state):
    """Members of the task's groups who may act on this state.

    Not the authors; for the scoped review and approval stages, only those whose
    scope holds the page (security officers screen the whole province).
    """
    task = task_state.task.specific
    page = task_state.workflow_state.content_object
    users = get_user_model().objects.filter(groups__in=task.groups.all(), is_active=True).distinct()
    authors = permissions.authors_of(task_state)
    scoped = isinstance(task, ScopedGroupApprovalTask)
    return [
        u
        for u in users
        if u.pk not in authors and (not scoped or permissions.page_in_scope(u, page))
    ]


def blocked_screenings():
    """Screenings waiting for a security officer, oldest first."""
    return ScreeningTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).order_by(
        "started_at"
    )


def format_age(delta):
    """A short Vietnamese age: "3 ngày", "5 giờ", "12 phút"."""
    seconds = int(delta.total_seconds())
    if seconds >= 86400:
        return f"{seconds // 86400} ngày"
    if seconds >= 3600:
        return f"{seconds // 3600} giờ"
    return f"{max(seconds // 60, 0)} phút"


def display_name(user):
    """A person's name in Vietnamese order (family name first), else the username."""
    if user is None:
        return "Hệ thống (tự động)"
    return user.get_full_name() or user.get_username()
