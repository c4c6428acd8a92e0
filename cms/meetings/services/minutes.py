"""Minutes: the automatic facts, drafting with optimistic locking, approval, corrections."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.log_actions import log

from .. import permissions, sheets
from ..choices import AttendanceStatus, MeetingStatus, MinutesStatus, MotionStatus
from ..models import Minutes
from .common import MeetingError, require
from .tallies import motion_result

# No text box of the minutes holds more than this (a few printed pages; a 1 MB paste is refused).
MINUTES_FIELD_MAX_CHARS = 20_000
TOO_LONG = (
    "Mỗi ô nội dung của biên bản chỉ được dài tối đa 20.000 ký tự. Hãy rút gọn phần vừa dán; "
    "tài liệu dài nên đính kèm dưới dạng văn bản."
)
STALE = (
    "Biên bản vừa được người khác lưu trước khi đồng chí bấm lưu. Nội dung của đồng chí "
    "chưa được ghi; hãy tải lại trang để xem bản mới nhất rồi sửa tiếp."
)
APPROVED_IMMUTABLE = (
    "Biên bản đã được thông qua nên không thể sửa. Muốn điều chỉnh, hãy lập bản đính chính "
    "và ghi rõ lý do."
)


def current_minutes(meeting):
    return meeting.minutes_versions.current()


def _motion_facts(motion):
    result = motion_result(motion)
    return {
        "question": motion.question,
        "ballot_type": motion.get_ballot_type_display(),
        "rule": motion.get_majority_rule_display(),
        "options": [
            {"label": r["option"].label, "count": r["count"], "share": r["share"]}
            for r in result["rows"]
        ],
        "present": result["present"],
        "threshold": result["threshold"],
        "passed": result["passed"],
        "summary": result["summary"],
    }


def minutes_facts(meeting):
    """The parts of the minutes filled in automatically from the record."""
    attendances = meeting.attendances.select_related("member").order_by("member__full_name")
    quorum = meeting.quorum()
    closed = meeting.motions.filter(status=MotionStatus.CLOSED).prefetch_related("options")
    return {
        "cell": meeting.cell.name,
        "kind": meeting.get_kind_display(),
        "topic": meeting.topic,
        "date": meeting.date.strftime("%d/%m/%Y"),
        "start_time": meeting.start_time.strftime("%H:%M"),
        "place": meeting.place,
        "chair": meeting.chair.full_name if meeting.chair else "",
        "recorder": meeting.recorder.full_name if meeting.recorder else "",
        "expected": quorum["expected"],
        "present": quorum["present"],
        "quorum_needed": quorum["needed"],
        "quorum_met": quorum["met"],
        "absentees": [
            {"name": a.member.full_name, "status": a.get_status_display(), "reason": a.reason}
            for a in attendances
            if a.status != AttendanceStatus.PRESENT
        ],
        "agenda": [item.title for item in meeting.agenda_items.all()],
        "motions": [_motion_facts(motion) for motion in closed],
    }


def facts_of(minutes):
    return (
        minutes.facts if minutes.is_approved and minutes.facts else minutes_facts(minutes.meeting)
    )


def get_or_start_minutes(user, meeting):
    minutes = current_minutes(meeting)
    if minutes is not None:
        return minutes
    require(permissions.can_edit_minutes(user, meeting))
    require(meeting.status != MeetingStatus.SCHEDULED, "Buổi sinh hoạt chưa khai mạc.")
    items = [
        {"title": item.title, "content": "", "opinions": "", "conclusion": ""}
        for item in meeting.agenda_items.all()
    ]
    try:
        with transaction.atomic():
            minutes = Minutes.objects.create(
                meeting=meeting, number=1, items=items, created_by=user
            )
            log(minutes, "meetings.minutes.create", user=user, data={"meeting": meeting.pk})
    except IntegrityError:
        minutes = current_minutes(meeting)
    return minutes


def _update_draft(minutes, lock_version, approved_message, **changes):
    """UPDATE the draft only if nobody saved it since ``lock_version`` was read."""
    updated = Minutes.objects.filter(
        pk=minutes.pk, status=MinutesStatus.DRAFT, lock_version=lock_version
    ).update(lock_version=F("lock_version") + 1, **changes)
    sheets.forget_sheet([minutes.meeting_id])  # an UPDATE sends no signal
    if not updated:
        if Minutes.objects.filter(pk=minutes.pk, status=MinutesStatus.APPROVED).exists():
            raise MeetingError(approved_message)
        raise MeetingError(STALE)


def _texts(items, *others):
    for item in items:
        yield from (str(value or "") for key, value in item.items() if key != "title")
    yield from (str(value or "") for value in others)


def save_minutes(user, minutes, *, lock_version, items, general_opinions, conclusion, end_time):
    """Save the draft if nobody else saved it since ``lock_version`` was read."""
    meeting = minutes.meeting
    require(permissions.can_edit_minutes(user, meeting))
    require(
        all(
            len(text) <= MINUTES_FIELD_MAX_CHARS
            for text in _texts(items, general_opinions, conclusion)
        ),
        TOO_LONG,
    )
    with transaction.atomic():
        _update_draft(
            minutes,
            lock_version,
            APPROVED_IMMUTABLE,
            items=items,
            general_opinions=general_opinions,
            conclusion=conclusion,
            end_time=end_time,
            updated_by=user,
            updated_at=timezone.now(),
        )
        log(
            minutes,
            "meetings.minutes.edit",
            user=user,
            data={
                "meeting": meeting.pk,
                "version": minutes.number,
                "lock_version": lock_version + 1,
            },
        )
    minutes.refresh_from_db()
    return minutes


def approve_minutes(user, minutes, *, lock_version):
    meeting = minutes.meeting
    require(
        permissions.can_approve_minutes(user, meeting),
        "Chỉ đồng chí chủ trì được thông qua biên bản.",
    )
    require(
        meeting.status == MeetingStatus.CLOSED,
        "Hãy bế mạc buổi sinh hoạt (chốt điểm danh, biểu quyết) trước khi thông qua biên bản.",
    )
    with transaction.atomic():
        _update_draft(
            minutes,
            lock_version,
            "Biên bản này đã được thông qua trước đó.",
            status=MinutesStatus.APPROVED,
            facts=minutes_facts(meeting),
            approved_by=user,
            approved_at=timezone.now(),
        )
        log(
            minutes,
            "meetings.minutes.approve",
            user=user,
            data={"meeting": meeting.pk, "version": minutes.number},
        )
    minutes.refresh_from_db()
    return minutes


def start_correction(user, meeting, reason):
    """A new draft version copied from the approved one, with the reason for the correction."""
    reason = (reason or "").strip()
    require(permissions.can_edit_minutes(user, meeting))
    require(reason, "Hãy ghi lý do đính chính biên bản.")
    require(len(reason) <= MINUTES_FIELD_MAX_CHARS, TOO_LONG)
    with transaction.atomic():
        latest = Minutes.objects.select_for_update().filter(meeting=meeting).current()
        require(
            latest is not None and latest.is_approved,
            "Chỉ lập bản đính chính cho biên bản đã được thông qua.",
        )
        minutes = Minutes.objects.create(
            meeting=meeting,
            number=latest.number + 1,
            items=latest.items,
            general_opinions=latest.general_opinions,
            conclusion=latest.conclusion,
            end_time=latest.end_time,
            correction_reason=reason,
            created_by=user,
        )
        log(
            minutes,
            "meetings.minutes.correct",
            user=user,
            data={"meeting": meeting.pk, "version": minutes.number, "reason": reason},
        )
    return minutes
