"""Attendance: members check themselves in; who runs the meeting marks the others."""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from cms.members.models import Member
from cms.security.audit import record_change

from .. import live
from ..choices import AttendanceStatus, MeetingStatus
from ..models import Attendance
from .common import NOT_FOUND, locked_meeting, managing_meeting, require


def check_in(user, meeting):
    """A member checks in on their own phone."""
    member = Member.objects.for_user(user)
    require(member is not None and member.cell_id == meeting.cell_id, NOT_FOUND)
    with transaction.atomic():
        meeting = locked_meeting(meeting.pk)
        require(
            meeting.status != MeetingStatus.CLOSED,
            "Buổi sinh hoạt đã kết thúc, không thể điểm danh.",
        )
        require(
            meeting.status == MeetingStatus.OPEN,
            "Buổi sinh hoạt chưa khai mạc, chưa thể điểm danh.",
        )
        attendance, _ = Attendance.objects.get_or_create(meeting=meeting, member=member)
        if attendance.status == AttendanceStatus.PRESENT:
            return attendance
        attendance.status = AttendanceStatus.PRESENT
        attendance.reason = ""
        attendance.checked_in_at = timezone.now()
        attendance.self_checked_in = True
        attendance.save()
        attendance.member = member  # the audit entry's label names them: no second read
        record_change(
            attendance, "meetings.attendance.check_in", user=user, data={"meeting": meeting.pk}
        )
        live.bump(meeting.pk)
    return attendance


def mark_attendance(user, meeting, member_id, status, reason=""):
    """The secretary marks a member present, excused (with a reason) or absent."""
    reason = (reason or "").strip()
    require(
        status in AttendanceStatus.values and status != AttendanceStatus.PENDING,
        "Trạng thái điểm danh không hợp lệ.",
    )
    require(status != AttendanceStatus.EXCUSED or reason, "Vắng có lý do thì phải ghi lý do.")
    with managing_meeting(user, meeting) as meeting:
        require(
            meeting.status == MeetingStatus.OPEN,
            "Chỉ điểm danh được khi buổi sinh hoạt đang diễn ra.",
        )
        member = Member.objects.filter(pk=member_id, cell=meeting.cell).first()
        require(member is not None, "Đảng viên này không thuộc chi bộ.")
        attendance, _ = Attendance.objects.get_or_create(meeting=meeting, member=member)
        attendance.status = status
        attendance.reason = reason if status != AttendanceStatus.PRESENT else ""
        if status == AttendanceStatus.PRESENT and not attendance.checked_in_at:
            attendance.checked_in_at = timezone.now()
        attendance.save()
        log(
            attendance,
            "meetings.attendance.mark",
            user=user,
            data={"meeting": meeting.pk, "member": member.pk, "status": status, "reason": reason},
        )
    return attendance
