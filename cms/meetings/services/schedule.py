"""Scheduling a meeting, opening and closing it, and the next one a member sees."""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from cms.bulletins.models import BulletinPage
from cms.core.months import add_months
from cms.members.models import Member

from .. import live, permissions
from ..choices import AttendanceStatus, MeetingKind, MeetingStatus, MotionStatus
from ..models import AgendaItem, Attendance, Meeting
from .common import managing_meeting, require
from .voting import close_locked_motion

MATERIAL_ITEM = "Sinh hoạt theo tài liệu: {title}"


def month_materials(cell, year, month):
    return list(
        BulletinPage.objects.live()
        .cell_material()
        .for_month(year, month)
        .for_cell_type(cell.cell_type or None)
        .order_by("pk")
        .distinct()
    )


def material_item_title(page):
    return MATERIAL_ITEM.format(title=page.title)


def suggested_agenda(cell, date, kind=MeetingKind.REGULAR):
    """Agenda pre-filled from the month's cell material for the cell's type."""
    materials = month_materials(cell, date.year, date.month)
    items = [{"title": material_item_title(page), "material": page} for page in materials]
    if kind == MeetingKind.REGULAR:
        year, month = add_months(date.year, date.month, -1)
        items.insert(
            0,
            {
                "title": f"Đánh giá kết quả thực hiện nhiệm vụ tháng {month}/{year}",
                "material": None,
            },
        )
        items.append(
            {"title": f"Phương hướng, nhiệm vụ tháng {date.month}/{date.year}", "material": None}
        )
    return items, materials


# A meeting is recorded at most this long before or after today (not 0001-01-01 or 9999-12-31).
MEETING_DATE_RANGE_DAYS = 2 * 366


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
    """``agenda``: ``{"title", "material"}`` items; an item's material is a page, kept by id."""
    member = Member.objects.for_user(user)
    require(
        permissions.can_create_meeting(user),
        "Chỉ bí thư, phó bí thư chi bộ được tạo buổi sinh hoạt.",
    )
    require(
        abs((date - timezone.localdate()).days) <= MEETING_DATE_RANGE_DAYS,
        "Ngày sinh hoạt phải trong vòng hai năm trước hoặc sau hôm nay.",
    )
    cell = member.cell
    for person in (chair, recorder):
        require(
            person is None or person.cell_id == cell.pk,
            "Chủ trì và thư ký phải là đảng viên của chi bộ.",
        )
    if kind == MeetingKind.REGULAR:
        require(
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
    items = [item for item in agenda if item["title"].strip()]
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, order=i, title=item["title"], material=item.get("material"))
        for i, item in enumerate(items, start=1)
    )
    linked = [item["material"] for item in items if item.get("material") is not None]
    meeting.materials.set({page.pk: page for page in [*materials, *linked]}.values())
    log(meeting, "meetings.meeting.create", user=user, data={"cell": cell.code})
    live.reset(meeting.pk)
    return meeting


def open_meeting(user, meeting):
    with managing_meeting(user, meeting) as meeting:
        require(
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
    return meeting


def close_meeting(user, meeting):
    with managing_meeting(user, meeting) as meeting:
        require(
            meeting.status == MeetingStatus.OPEN, "Buổi sinh hoạt chưa khai mạc hoặc đã kết thúc."
        )
        # Each open motion's row is locked too: a vote still in flight commits
        # (and its sealed ballot is counted) before the motion closes.
        for motion in meeting.motions.select_for_update().filter(status=MotionStatus.OPEN):
            close_locked_motion(user, motion)
        meeting.attendances.filter(status=AttendanceStatus.PENDING).update(
            status=AttendanceStatus.ABSENT
        )
        meeting.status = MeetingStatus.CLOSED
        meeting.closed_at = timezone.now()
        meeting.save(update_fields=["status", "closed_at"])
        log(meeting, "meetings.meeting.close", user=user, data=meeting.attendance_counts())
    return meeting


def next_meeting_for(user, today=None):
    member = Member.objects.for_user(user)
    if member is None:
        return None
    today = today or timezone.localdate()
    return (
        Meeting.objects.for_cell(member.cell_id)
        .upcoming(today)
        .prefetch_related("materials")
        .first()
    )
