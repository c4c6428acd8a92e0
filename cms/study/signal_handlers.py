"""Notifications for events of other apps, without those apps knowing about the inbox,
and the cached study parts of members' pages made stale by model saves (``caching.py``).

Only saves are watched: a ``post_delete`` receiver would make Django load every
read record of a deleted page or member to send it (no fast delete). Deleting
a page bumps the content version, which the cached entries name; a deleted
member's entries are never asked for again.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse

from cms.meetings.models import Meeting
from cms.members.models import Member

from . import notifications
from .caching import notices_changed, progress_changed
from .choices import NotificationKind
from .models import LearningSummary, Notification, QuizAttempt, StudyRead


@receiver(post_save, sender=StudyRead, dispatch_uid="study_progress_read")
@receiver(post_save, sender=QuizAttempt, dispatch_uid="study_progress_quiz")
@receiver(post_save, sender=LearningSummary, dispatch_uid="study_progress_summary")
def progress_saved(sender, instance, **kwargs):
    progress_changed([instance.member_id])


@receiver(post_save, sender=Member, dispatch_uid="study_progress_member")
def member_saved(sender, instance, **kwargs):
    """A member moved to another cell (or left) has other assignments."""
    progress_changed([instance.pk])


@receiver(post_save, sender=Notification, dispatch_uid="study_notice_saved")
def notice_saved(sender, instance, **kwargs):
    notices_changed([instance.user_id])


@receiver(post_save, sender=Meeting, dispatch_uid="study_meeting_scheduled")
def meeting_scheduled(sender, instance, created, raw=False, **kwargs):
    """A newly scheduled meeting goes to the inbox of every active member of the cell."""
    if not created or raw:
        return
    meeting = instance

    def send():
        users = (
            Member.objects.active()
            .filter(cell_id=meeting.cell_id)
            .values_list("user_id", flat=True)
        )
        notifications.notify(
            users,
            NotificationKind.MEETING,
            f"Lịch sinh hoạt chi bộ: {meeting.topic}, {meeting.start_time:%H:%M} ngày "
            f"{meeting.date:%d/%m/%Y} tại {meeting.place}",
            reverse("meetings:detail", args=[meeting.pk]),
        )

    transaction.on_commit(send)
