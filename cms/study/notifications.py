"""Thông báo: writing messages to people's inboxes on the site."""

import datetime

from django.urls import reverse
from django.utils import timezone

from cms.members.choices import Position
from cms.members.models import Member

from .caching import notices_changed
from .choices import NotificationKind
from .models import Notification, StudyAssignment, StudyRead


def notify(user_ids, kind, title, link=""):
    """One notification per user, written in batches."""
    now = timezone.now()
    user_ids = list(user_ids)
    notices_changed(user_ids)
    Notification.objects.bulk_create(
        [
            Notification(user_id=uid, kind=kind, title=title[:255], link=link, created_at=now)
            for uid in user_ids
        ],
        batch_size=2000,
    )


def _assigned_user_ids(assignment):
    return Member.objects.active().filter(assignment.member_q()).values_list("user_id", flat=True)


def assignment_created(assignment):
    notify(
        _assigned_user_ids(assignment),
        NotificationKind.ASSIGNED,
        f"Nội dung học tập mới: {assignment.page.title} (hạn {assignment.deadline:%d/%m/%Y})",
        assignment.page.url or "",
    )


def summary_submitted(summary):
    secretaries = Member.objects.active().filter(
        cell_id=summary.member.cell_id, position=Position.SECRETARY
    )
    notify(
        secretaries.values_list("user_id", flat=True),
        NotificationKind.SUBMITTED,
        f"Đồng chí {summary.member.full_name} đã gửi bài thu hoạch: {summary.page.title}",
        reverse("study:review", args=[summary.pk]),
    )


def summary_reviewed(summary):
    notify(
        [summary.member.user_id],
        NotificationKind.REVIEWED,
        f"Bí thư chi bộ đã nhận xét bài thu hoạch: {summary.page.title}",
        reverse("study:summary", args=[summary.page_id]),
    )


def deadline_reminders(today=None, days=3):
    """Remind members who have not opened an item due within ``days`` (once per item)."""
    today = today or timezone.localdate()
    due = StudyAssignment.objects.live().filter(
        deadline__gte=today, deadline__lte=today + datetime.timedelta(days=days)
    )
    sent = 0
    for assignment in due.select_related("page"):
        link = assignment.page.url or ""
        already = Notification.objects.filter(kind=NotificationKind.DEADLINE, link=link)
        readers = StudyRead.objects.filter(page_id=assignment.page_id).values("member_id")
        user_ids = list(
            _assigned_user_ids(assignment)
            .exclude(pk__in=readers)
            .exclude(user_id__in=already.values("user_id"))
        )
        notify(
            user_ids,
            NotificationKind.DEADLINE,
            f"Sắp đến hạn học tập ({assignment.deadline:%d/%m/%Y}): {assignment.page.title}",
            link,
        )
        sent += len(user_ids)
    return sent


def mark_all_read(user):
    notices_changed([user.pk])
    return Notification.objects.for_user(user).unread().update(read_at=timezone.now())
