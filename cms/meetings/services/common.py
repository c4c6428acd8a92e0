"""What every meeting service shares: the refusal, its messages and the locked rows.

Each service checks the rule (``permissions.py``), writes inside one
transaction, leaves an audit entry in Wagtail's log and marks the live
counters stale. A refused action raises ``MeetingError`` with a Vietnamese
message and changes nothing.
"""

from contextlib import contextmanager

from django.db import transaction

from .. import live, permissions
from ..models import Meeting, Motion


class MeetingError(Exception):
    """A refused action; ``str(error)`` is the message for the member."""


NOT_FOUND = "Không tìm thấy nội dung này trong chi bộ của đồng chí."
NOT_ALLOWED = "Đồng chí không có quyền thực hiện thao tác này."


def require(condition, message=NOT_ALLOWED):
    if not condition:
        raise MeetingError(message)


def locked_meeting(meeting_id):
    return Meeting.objects.select_for_update().select_related("cell").get(pk=meeting_id)


@contextmanager
def managing_meeting(user, meeting):
    """The meeting's row, locked, for someone who runs it; the live screen is told on commit."""
    with transaction.atomic():
        meeting = locked_meeting(meeting.pk)
        require(permissions.can_manage_meeting(user, meeting))
        yield meeting
        live.bump(meeting.pk)


@contextmanager
def managing_motion(user, motion):
    """The motion's row, locked (it orders the votes against closing), for who runs the meeting."""
    with transaction.atomic():
        motion = (
            Motion.objects.select_for_update(of=("self",))
            .select_related("meeting")
            .get(pk=motion.pk)
        )
        require(permissions.can_manage_meeting(user, motion.meeting))
        yield motion
        live.bump(motion.meeting_id)
