"""Demo meetings of cell CM-X1-A1: last month's, held and approved; this month's, posted ahead.

Also a committee officer ``capuy`` (password as the other demo accounts)
who supervises Đảng bộ huyện Cẩm Mỹ and so reads its cells' minutes and
the meeting report.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.bulletins.demo import MEETING_DAY, issue_month
from cms.core.months import add_months
from cms.members.models import Member, PartyOrganization

from . import services
from .choices import AttendanceStatus, MeetingKind
from .models import Meeting, SupervisionScope

DEMO_CELL = "CM-X1-A1"


def seed(ctx):
    User = get_user_model()
    officer = User.objects.filter(username="capuy").first()
    if officer is None:
        officer = User(
            username="capuy", first_name="Cấp Ủy", last_name="Trần Văn", email="capuy@dongnai.local"
        )
        officer.set_password(ctx["password"])
        officer.save()
    SupervisionScope.objects.get_or_create(
        user=officer, organization=PartyOrganization.objects.get(code="CM")
    )
    cell = PartyOrganization.objects.get(code=DEMO_CELL)
    if Meeting.objects.filter(cell=cell).exists():
        return
    secretary = User.objects.get(username="bithu")
    chair = secretary.member
    recorder = Member.objects.get(user__username="dangvien")
    next_date = datetime.date(*issue_month(timezone.localdate()), MEETING_DAY)
    past_date = datetime.date(*add_months(next_date.year, next_date.month, -1), MEETING_DAY)
    past = _regular_meeting(cell, secretary, chair, recorder, past_date)
    _hold(past, secretary, chair, recorder)
    _regular_meeting(
        cell,
        secretary,
        chair,
        recorder,
        next_date,
        notice="Đề nghị các đồng chí đọc trước tài liệu sinh hoạt tháng này.",
    )
    ctx.setdefault("accounts", []).append(
        ("capuy", "Trần Văn Cấp Ủy", "Theo dõi sinh hoạt chi bộ (Đảng bộ huyện Cẩm Mỹ)")
    )


def _regular_meeting(cell, secretary, chair, recorder, date, notice=""):
    agenda, materials = services.suggested_agenda(cell, date)
    return services.create_meeting(
        secretary,
        kind=MeetingKind.REGULAR,
        topic=f"Sinh hoạt chi bộ thường kỳ tháng {date.month}/{date.year}",
        date=date,
        start_time=datetime.time(19, 30),
        place="Hội trường văn hóa ấp 1",
        chair=chair,
        recorder=recorder,
        agenda=agenda,
        materials=materials,
        notice=notice,
    )


def _hold(past, secretary, chair, recorder):
    """Last month's meeting: attendance, one open vote, minutes approved."""
    cell = past.cell
    past = services.open_meeting(secretary, past)
    others = list(Member.objects.filter(cell=cell).exclude(pk__in=[chair.pk, recorder.pk]))
    for member in [chair, recorder, *others[:-1]]:
        services.mark_attendance(secretary, past, member.pk, AttendanceStatus.PRESENT)
    if others:
        services.mark_attendance(
            secretary, past, others[-1].pk, AttendanceStatus.EXCUSED, "Đi công tác"
        )
    motion = services.create_motion(
        secretary,
        past,
        question="Thông qua phương hướng, nhiệm vụ tháng tới",
        options=["Tán thành", "Không tán thành"],
        ballot_type="open",
        majority_rule="present_majority",
    )
    services.open_motion(secretary, motion)
    options = list(motion.options.all())
    for i, member in enumerate([chair, recorder, *others[:-1]]):
        services.cast_vote(member.user, motion.pk, options[1 if i == 3 else 0].pk)
    services.close_motion(secretary, motion)
    past = services.close_meeting(secretary, past)
    minutes = services.get_or_start_minutes(secretary, past)
    items = [
        dict(
            item,
            content="Đồng chí Bí thư quán triệt nội dung.",
            conclusion="Chi bộ thống nhất thực hiện.",
        )
        for item in minutes.items
    ]
    minutes = services.save_minutes(
        secretary,
        minutes,
        lock_version=minutes.lock_version,
        items=items,
        general_opinions="",
        conclusion="Chi bộ thống nhất các nội dung đã thảo luận.",
        end_time=datetime.time(21, 0),
    )
    services.approve_minutes(secretary, minutes, lock_version=minutes.lock_version)
