"""Everything that changes a meeting's state, in one place.

Each function checks the rule (``permissions.py``), writes inside one
transaction, leaves an audit entry in Wagtail's log and marks the live
counters stale. A refused action raises ``MeetingError`` with a Vietnamese
message and changes nothing.
"""

import uuid

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from wagtail.log_actions import log

from cms.members.choices import OrgLevel
from cms.members.models import Member, PartyOrganization

from . import live, permissions
from .choices import (
    AttendanceStatus,
    BallotType,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    MotionStatus,
)
from .models import (
    AgendaItem,
    Attendance,
    Ballot,
    Meeting,
    Minutes,
    Motion,
    MotionOption,
    VoteReceipt,
)


class MeetingError(Exception):
    """A refused action; ``str(error)`` is the message for the member."""


NOT_FOUND = "Không tìm thấy nội dung này trong chi bộ của đồng chí."
NOT_ALLOWED = "Đồng chí không có quyền thực hiện thao tác này."


def _require(condition, message=NOT_ALLOWED):
    if not condition:
        raise MeetingError(message)


# --- schedule ---------------------------------------------------------------


def month_materials(cell, year, month):
    from cms.bulletins.models import BulletinPage

    return list(
        BulletinPage.objects.live()
        .cell_material()
        .for_month(year, month)
        .for_cell_type(cell.cell_type or None)
        .order_by("pk")
        .distinct()
    )


def suggested_agenda(cell, date, kind=MeetingKind.REGULAR):
    """Agenda pre-filled from the month's cell material for the cell's type."""
    materials = month_materials(cell, date.year, date.month)
    items = []
    if kind == MeetingKind.REGULAR:
        items.append(
            {
                "title": f"Đánh giá kết quả thực hiện nhiệm vụ tháng {_previous_month(date)}",
                "material": None,
            }
        )
    for page in materials:
        items.append({"title": f"Sinh hoạt theo tài liệu: {page.title}", "material": page})
    if kind == MeetingKind.REGULAR:
        items.append(
            {"title": f"Phương hướng, nhiệm vụ tháng {date.month}/{date.year}", "material": None}
        )
    return items, materials


def _previous_month(date):
    month, year = date.month - 1, date.year
    if month == 0:
        month, year = 12, year - 1
    return f"{month}/{year}"


@transaction.atomic
def create_meeting(
    user,
    *,
    kind,
    topic,
    date,
    start_time,
    place,
    chair,
    recorder,
    notice="",
    agenda=(),
    materials=(),
):
    member = permissions.member_of(user)
    _require(
        permissions.can_create_meeting(user),
        "Chỉ bí thư, phó bí thư chi bộ được tạo buổi sinh hoạt.",
    )
    cell = member.cell
    for person in (chair, recorder):
        _require(
            person is None or person.cell_id == cell.pk,
            "Chủ trì và thư ký phải là đảng viên của chi bộ.",
        )
    if kind == MeetingKind.REGULAR:
        _require(
            not Meeting.objects.for_cell(cell).regular().in_month(date.year, date.month).exists(),
            f"Chi bộ đã có buổi sinh hoạt thường kỳ tháng {date.month}/{date.year}.",
        )
    meeting = Meeting.objects.create(
        cell=cell,
        kind=kind,
        topic=topic,
        date=date,
        start_time=start_time,
        place=place,
        chair=chair,
        recorder=recorder,
        notice=notice,
        created_by=user,
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, order=i, title=item["title"], material=item.get("material"))
        for i, item in enumerate(agenda, start=1)
        if item["title"].strip()
    )
    meeting.materials.set(materials)
    log(meeting, "meetings.meeting.create", user=user, data={"cell": cell.code})
    live.reset(meeting.pk)
    return meeting


def _locked_meeting(meeting_id):
    return Meeting.objects.select_for_update().select_related("cell").get(pk=meeting_id)


def open_meeting(user, meeting):
    with transaction.atomic():
        meeting = _locked_meeting(meeting.pk)
        _require(permissions.can_manage_meeting(user, meeting))
        _require(
            meeting.status == MeetingStatus.SCHEDULED, "Buổi sinh hoạt đã được khai mạc trước đó."
        )
        members = list(
            Member.objects.active().filter(cell=meeting.cell).values_list("pk", flat=True)
        )
        Attendance.objects.bulk_create(
            [Attendance(meeting=meeting, member_id=pk) for pk in members], ignore_conflicts=True
        )
        meeting.status = MeetingStatus.OPEN
        meeting.opened_at = timezone.now()
        meeting.expected_count = len(members)
        meeting.save(update_fields=["status", "opened_at", "expected_count"])
        log(meeting, "meetings.meeting.open", user=user, data={"expected": len(members)})
        live.bump(meeting.pk)
    return meeting


def close_meeting(user, meeting):
    with transaction.atomic():
        meeting = _locked_meeting(meeting.pk)
        _require(permissions.can_manage_meeting(user, meeting))
        _require(
            meeting.status == MeetingStatus.OPEN, "Buổi sinh hoạt chưa khai mạc hoặc đã kết thúc."
        )
        for motion in meeting.motions.filter(status=MotionStatus.OPEN):
            _close_motion(user, motion)
        meeting.attendances.filter(status=AttendanceStatus.PENDING).update(
            status=AttendanceStatus.ABSENT
        )
        meeting.status = MeetingStatus.CLOSED
        meeting.closed_at = timezone.now()
        meeting.save(update_fields=["status", "closed_at"])
        log(meeting, "meetings.meeting.close", user=user, data=attendance_counts(meeting))
        live.bump(meeting.pk)
    return meeting


# --- attendance -------------------------------------------------------------


def attendance_counts(meeting):
    counts = dict(meeting.attendances.values_list("status").annotate(n=Count("pk")).order_by())
    return {status: counts.get(status, 0) for status in AttendanceStatus.values}


def quorum(meeting):
    counts = attendance_counts(meeting)
    expected = meeting.expected_count or sum(counts.values())
    needed = meeting.quorum_needed(expected)
    present = counts[AttendanceStatus.PRESENT]
    return {
        "expected": expected,
        "present": present,
        "needed": needed,
        "met": expected > 0 and present >= needed,
        "counts": counts,
    }


def check_in(user, meeting):
    """A member checks in on their own phone."""
    member = permissions.member_of(user)
    _require(member is not None and member.cell_id == meeting.cell_id, NOT_FOUND)
    with transaction.atomic():
        meeting = _locked_meeting(meeting.pk)
        _require(
            meeting.status != MeetingStatus.CLOSED,
            "Buổi sinh hoạt đã kết thúc, không thể điểm danh.",
        )
        _require(
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
        log(attendance, "meetings.attendance.check_in", user=user, data={"meeting": meeting.pk})
        live.bump(meeting.pk)
    return attendance


def mark_attendance(user, meeting, member_id, status, reason=""):
    """The secretary marks a member present, excused (with a reason) or absent."""
    reason = (reason or "").strip()
    _require(
        status in AttendanceStatus.values and status != AttendanceStatus.PENDING,
        "Trạng thái điểm danh không hợp lệ.",
    )
    _require(status != AttendanceStatus.EXCUSED or reason, "Vắng có lý do thì phải ghi lý do.")
    with transaction.atomic():
        meeting = _locked_meeting(meeting.pk)
        _require(permissions.can_manage_meeting(user, meeting))
        _require(
            meeting.status == MeetingStatus.OPEN,
            "Chỉ điểm danh được khi buổi sinh hoạt đang diễn ra.",
        )
        member = Member.objects.filter(pk=member_id, cell=meeting.cell).first()
        _require(member is not None, "Đảng viên này không thuộc chi bộ.")
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
        live.bump(meeting.pk)
    return attendance


# --- motions and votes ------------------------------------------------------


def create_motion(user, meeting, *, question, options, ballot_type, majority_rule):
    options = [o.strip() for o in options if o and o.strip()]
    _require(question.strip(), "Hãy nhập nội dung biểu quyết.")
    _require(len(options) >= 2, "Cần ít nhất hai phương án.")
    _require(len(set(options)) == len(options), "Các phương án không được trùng nhau.")
    with transaction.atomic():
        meeting = _locked_meeting(meeting.pk)
        _require(permissions.can_manage_meeting(user, meeting))
        _require(meeting.status != MeetingStatus.CLOSED, "Buổi sinh hoạt đã kết thúc.")
        motion = Motion.objects.create(
            meeting=meeting,
            question=question.strip(),
            ballot_type=ballot_type,
            majority_rule=majority_rule,
        )
        MotionOption.objects.bulk_create(
            MotionOption(motion=motion, order=i, label=label) for i, label in enumerate(options)
        )
        log(motion, "meetings.motion.create", user=user, data={"meeting": meeting.pk})
        live.bump(meeting.pk)
    return motion


def open_motion(user, motion):
    with transaction.atomic():
        motion = Motion.objects.select_for_update().select_related("meeting").get(pk=motion.pk)
        _require(permissions.can_manage_meeting(user, motion.meeting))
        _require(
            motion.meeting.status == MeetingStatus.OPEN,
            "Chỉ mở biểu quyết khi buổi sinh hoạt đang diễn ra.",
        )
        _require(motion.status == MotionStatus.DRAFT, "Biểu quyết này đã được mở trước đó.")
        motion.status = MotionStatus.OPEN
        motion.opened_at = timezone.now()
        motion.save(update_fields=["status", "opened_at"])
        log(motion, "meetings.motion.open", user=user)
        live.bump(motion.meeting_id)
    return motion


def _close_motion(user, motion):
    meeting = motion.meeting
    motion.status = MotionStatus.CLOSED
    motion.closed_at = timezone.now()
    motion.present_count = meeting.attendances.filter(status=AttendanceStatus.PRESENT).count()
    motion.member_count = meeting.expected_count or meeting.attendances.count()
    motion.save(update_fields=["status", "closed_at", "present_count", "member_count"])
    if motion.is_secret:
        # Rewrite every anonymous row in this one transaction, so the rows'
        # physical versions no longer carry the transaction of each vote.
        Ballot.objects.filter(motion=motion).update(sealed=True)
    log(motion, "meetings.motion.close", user=user, data=motion_result(motion, as_data=True))
    live.bump(meeting.pk)


def close_motion(user, motion):
    with transaction.atomic():
        motion = Motion.objects.select_for_update().select_related("meeting").get(pk=motion.pk)
        _require(permissions.can_manage_meeting(user, motion.meeting))
        _require(motion.status == MotionStatus.OPEN, "Biểu quyết này không ở trạng thái đang mở.")
        _close_motion(user, motion)
    return motion


def cast_vote(user, motion_id, option_id):
    """Record one vote: a receipt (who) and a ballot (what), in one transaction.

    Refusals: not a member of the motion's cell (including a guessed id of
    another cell's motion), motion not open, meeting closed, member not
    checked in as present, a second vote, an option of another motion.
    """
    member = permissions.member_of(user)
    _require(member is not None, NOT_FOUND)
    try:
        with transaction.atomic():
            # The row lock orders the votes of one motion against its closing;
            # different motions (different cells) never wait for each other.
            motion = (
                Motion.objects.select_for_update()
                .select_related("meeting")
                .filter(pk=motion_id, meeting__cell_id=member.cell_id)
                .first()
            )
            _require(motion is not None, NOT_FOUND)
            _require(
                motion.meeting.status == MeetingStatus.OPEN
                and motion.status != MotionStatus.CLOSED,
                "Biểu quyết đã kết thúc, không nhận thêm phiếu.",
            )
            _require(motion.status == MotionStatus.OPEN, "Biểu quyết chưa được mở.")
            _require(
                Attendance.objects.filter(
                    meeting_id=motion.meeting_id, member=member, status=AttendanceStatus.PRESENT
                ).exists(),
                "Đồng chí chưa điểm danh có mặt nên chưa thể biểu quyết.",
            )
            option = motion.options.filter(pk=option_id).first()
            _require(option is not None, "Phương án không hợp lệ.")
            _require(
                not VoteReceipt.objects.filter(motion=motion, member=member).exists(),
                ALREADY_VOTED,
            )
            VoteReceipt.objects.create(motion=motion, member=member)
            Ballot.objects.create(
                id=uuid.uuid4(),
                motion=motion,
                option=option,
                member=None if motion.is_secret else member,
            )
            data = {"meeting": motion.meeting_id, "member": member.pk}
            if motion.ballot_type == BallotType.OPEN:
                data["option"] = option.label
            log(motion, "meetings.vote", user=user, data=data)
            live.bump(motion.meeting_id)
    except IntegrityError as error:
        # Two requests of the same member raced past the check above; the
        # unique constraint let exactly one through.
        raise MeetingError(ALREADY_VOTED) from error


ALREADY_VOTED = "Đồng chí đã biểu quyết nội dung này; phiếu đã gửi không thể thay đổi."


def has_voted(member, motion):
    return VoteReceipt.objects.filter(motion=motion, member=member).exists()


def motion_result(motion, as_data=False):
    """Counts, shares of those present and whether the motion passed by its rule.

    The first option is the proposal itself ("Tán thành"): the motion passes
    when that option reaches the threshold of the motion's majority rule.
    """
    counts = dict(
        Ballot.objects.filter(motion=motion)
        .values_list("option")
        .annotate(n=Count("pk"))
        .order_by()
    )
    options = list(motion.options.all())
    present = motion.present_count
    if present is None:
        present = motion.meeting.attendances.filter(status=AttendanceStatus.PRESENT).count()
    members = motion.member_count or motion.meeting.expected_count or 0
    threshold = motion.threshold(present, members)
    rows = []
    for option in options:
        count = counts.get(option.pk, 0)
        share = round(100 * count / present, 1) if present else 0.0
        rows.append({"option": option, "count": count, "share": share})
    total = sum(r["count"] for r in rows)
    passed = bool(rows) and rows[0]["count"] >= threshold
    summary = (
        f"{'Thông qua' if passed else 'Không thông qua'}: «{options[0].label}» "
        f"{rows[0]['count']}/{present} đảng viên có mặt; cần {threshold} "
        f"({motion.get_majority_rule_display().lower()})."
        if rows
        else ""
    )
    if as_data:
        return {
            "counts": {r["option"].label: r["count"] for r in rows},
            "present": present,
            "members": members,
            "threshold": threshold,
            "passed": passed,
        }
    return {
        "rows": rows,
        "total": total,
        "present": present,
        "members": members,
        "threshold": threshold,
        "passed": passed,
        "summary": summary,
    }


# --- minutes ----------------------------------------------------------------


STALE = (
    "Biên bản vừa được người khác lưu trước khi đồng chí bấm lưu. Nội dung của đồng chí "
    "chưa được ghi; hãy tải lại trang để xem bản mới nhất rồi sửa tiếp."
)
APPROVED_IMMUTABLE = (
    "Biên bản đã được thông qua nên không thể sửa. Muốn điều chỉnh, hãy lập bản đính chính "
    "và ghi rõ lý do."
)


def current_minutes(meeting):
    return meeting.minutes_versions.order_by("-number").first()


def minutes_facts(meeting):
    """The parts of the minutes filled in automatically from the record."""
    attendances = list(meeting.attendances.select_related("member").order_by("member__full_name"))
    quorum_info = quorum(meeting)
    motions = []
    for motion in meeting.motions.filter(status=MotionStatus.CLOSED).prefetch_related("options"):
        result = motion_result(motion)
        motions.append(
            {
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
        )
    return {
        "cell": meeting.cell.name,
        "kind": meeting.get_kind_display(),
        "topic": meeting.topic,
        "date": meeting.date.strftime("%d/%m/%Y"),
        "start_time": meeting.start_time.strftime("%H:%M"),
        "place": meeting.place,
        "chair": meeting.chair.full_name if meeting.chair else "",
        "recorder": meeting.recorder.full_name if meeting.recorder else "",
        "expected": quorum_info["expected"],
        "present": quorum_info["present"],
        "quorum_needed": quorum_info["needed"],
        "quorum_met": quorum_info["met"],
        "absentees": [
            {
                "name": a.member.full_name,
                "status": a.get_status_display(),
                "reason": a.reason,
            }
            for a in attendances
            if a.status != AttendanceStatus.PRESENT
        ],
        "agenda": [item.title for item in meeting.agenda_items.all()],
        "motions": motions,
    }


def facts_of(minutes):
    return (
        minutes.facts if minutes.is_approved and minutes.facts else minutes_facts(minutes.meeting)
    )


def _blank_items(meeting):
    return [
        {"title": item.title, "content": "", "opinions": "", "conclusion": ""}
        for item in meeting.agenda_items.all()
    ]


def get_or_start_minutes(user, meeting):
    minutes = current_minutes(meeting)
    if minutes is not None:
        return minutes
    _require(permissions.can_edit_minutes(user, meeting))
    _require(meeting.status != MeetingStatus.SCHEDULED, "Buổi sinh hoạt chưa khai mạc.")
    try:
        with transaction.atomic():
            minutes = Minutes.objects.create(
                meeting=meeting, number=1, items=_blank_items(meeting), created_by=user
            )
            log(minutes, "meetings.minutes.create", user=user, data={"meeting": meeting.pk})
    except IntegrityError:
        minutes = current_minutes(meeting)
    return minutes


def save_minutes(user, minutes, *, lock_version, items, general_opinions, conclusion, end_time):
    """Save the draft if nobody else saved it since ``lock_version`` was read."""
    meeting = minutes.meeting
    _require(permissions.can_edit_minutes(user, meeting))
    with transaction.atomic():
        updated = Minutes.objects.filter(
            pk=minutes.pk, status=MinutesStatus.DRAFT, lock_version=lock_version
        ).update(
            items=items,
            general_opinions=general_opinions,
            conclusion=conclusion,
            end_time=end_time,
            updated_by=user,
            updated_at=timezone.now(),
            lock_version=F("lock_version") + 1,
        )
        if not updated:
            if Minutes.objects.filter(pk=minutes.pk, status=MinutesStatus.APPROVED).exists():
                raise MeetingError(APPROVED_IMMUTABLE)
            raise MeetingError(STALE)
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
    _require(
        permissions.can_approve_minutes(user, meeting),
        "Chỉ đồng chí chủ trì được thông qua biên bản.",
    )
    _require(
        meeting.status == MeetingStatus.CLOSED,
        "Hãy bế mạc buổi sinh hoạt (chốt điểm danh, biểu quyết) trước khi thông qua biên bản.",
    )
    with transaction.atomic():
        updated = Minutes.objects.filter(
            pk=minutes.pk, status=MinutesStatus.DRAFT, lock_version=lock_version
        ).update(
            status=MinutesStatus.APPROVED,
            facts=minutes_facts(meeting),
            approved_by=user,
            approved_at=timezone.now(),
            lock_version=F("lock_version") + 1,
        )
        if not updated:
            if Minutes.objects.filter(pk=minutes.pk, status=MinutesStatus.APPROVED).exists():
                raise MeetingError("Biên bản này đã được thông qua trước đó.")
            raise MeetingError(STALE)
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
    _require(permissions.can_edit_minutes(user, meeting))
    _require(reason, "Hãy ghi lý do đính chính biên bản.")
    with transaction.atomic():
        latest = (
            Minutes.objects.select_for_update().filter(meeting=meeting).order_by("-number").first()
        )
        _require(
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


# --- reports ----------------------------------------------------------------


def unit_report(organization, year, month):
    """Per child unit: share of cells that held their regular meeting, attendance rate.

    Three grouped queries whatever the size of the tree: the child a cell
    belongs to is the prefix of its materialised path.
    """
    from django.db.models.functions import Substr

    steplen = PartyOrganization.steplen
    if organization.level == OrgLevel.CELL:
        children = [organization]
        prefix_len = len(organization.path)
    else:
        children = list(organization.get_children())
        prefix_len = len(organization.path) + steplen
    cells = dict(
        PartyOrganization.objects.filter(level=OrgLevel.CELL, path__startswith=organization.path)
        .annotate(prefix=Substr("path", 1, prefix_len))
        .values_list("prefix")
        .annotate(n=Count("pk"))
        .order_by()
    )
    meetings = (
        Meeting.objects.in_subtree(organization)
        .regular()
        .held()
        .in_month(year, month)
        .annotate(prefix=Substr("cell__path", 1, prefix_len))
    )
    held = dict(meetings.values_list("prefix").annotate(n=Count("cell", distinct=True)).order_by())
    attendance = {
        row["prefix"]: row
        for row in Attendance.objects.filter(meeting__in=meetings.values("pk"))
        .annotate(prefix=Substr("meeting__cell__path", 1, prefix_len))
        .values("prefix")
        .annotate(
            total=Count("pk"),
            present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT)),
        )
        .order_by()
    }
    rows = []
    for child in children:
        key = child.path[:prefix_len]
        n_cells = cells.get(key, 0)
        n_held = held.get(key, 0)
        att = attendance.get(key, {"total": 0, "present": 0})
        rows.append(
            {
                "unit": child,
                "cells": n_cells,
                "held": n_held,
                "held_rate": round(100 * n_held / n_cells, 1) if n_cells else None,
                "expected": att["total"],
                "present": att["present"],
                "attendance_rate": round(100 * att["present"] / att["total"], 1)
                if att["total"]
                else None,
            }
        )
    totals = {
        "cells": sum(r["cells"] for r in rows),
        "held": sum(r["held"] for r in rows),
        "expected": sum(r["expected"] for r in rows),
        "present": sum(r["present"] for r in rows),
    }
    totals["held_rate"] = (
        round(100 * totals["held"] / totals["cells"], 1) if totals["cells"] else None
    )
    totals["attendance_rate"] = (
        round(100 * totals["present"] / totals["expected"], 1) if totals["expected"] else None
    )
    return {"rows": rows, "totals": totals}


def next_meeting_for(user, today=None):
    member = permissions.member_of(user)
    if member is None:
        return None
    today = today or timezone.localdate()
    return (
        Meeting.objects.for_cell(member.cell_id)
        .upcoming(today)
        .prefetch_related("materials")
        .first()
    )


def meeting_overview(user, meeting):
    """What the meeting page shows to this user (member, secretary or supervisor)."""
    member = permissions.member_of(user)
    in_cell = member is not None and member.cell_id == meeting.cell_id
    my_attendance = meeting.attendances.filter(member=member).first() if in_cell else None
    voted = set(
        VoteReceipt.objects.filter(motion__meeting=meeting, member=member).values_list(
            "motion_id", flat=True
        )
        if in_cell
        else []
    )
    motions = []
    for motion in meeting.motions.prefetch_related("options"):
        motions.append(
            {
                "motion": motion,
                "voted": motion.pk in voted,
                "can_vote": in_cell
                and motion.is_open
                and meeting.is_open
                and motion.pk not in voted
                and my_attendance is not None
                and my_attendance.status == AttendanceStatus.PRESENT,
                "result": motion_result(motion) if motion.is_closed else None,
                "votes": motion.receipts.count() if not motion.is_closed else None,
            }
        )
    return {
        "meeting": meeting,
        "member": member,
        "in_cell": in_cell,
        "is_manager": permissions.can_manage_meeting(user, meeting),
        "my_attendance": my_attendance,
        "quorum": quorum(meeting) if meeting.status != MeetingStatus.SCHEDULED else None,
        "agenda": meeting.agenda_items.select_related("material"),
        "materials": meeting.materials.all(),
        "motions": motions,
        "minutes": current_minutes(meeting),
        "can_edit_minutes": permissions.can_edit_minutes(user, meeting),
        "live_shape": live.shape(
            meeting.status, [(row["motion"].pk, row["motion"].status) for row in motions]
        ),
    }
