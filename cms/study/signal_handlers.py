"""Notifications for events of other apps, without those apps knowing about the inbox."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse

from cms.meetings.models import Meeting
from cms.members.models import Member

from . import notifications
from .choices import NotificationKind


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
