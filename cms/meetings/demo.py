"""Demo meetings of cell CM-X1-A1: last month's, held and approved; this month's, posted ahead.

Also a committee officer ``capuy`` (password as the other demo accounts)
who supervises Đảng bộ huyện Cẩm Mỹ and so reads its cells' minutes and
the meeting report.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.members.models import Member, PartyOrganization

from . import services
from .choices import AttendanceStatus, MeetingKind
from .models import Meeting, SupervisionScope

DEMO_CELL = "CM-X1-A1"


def _meeting_day(year, month):
    return datetime.date(year, month, 4)


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
    today = timezone.localdate()
    last = today.replace(day=1) - datetime.timedelta(days=1)
    past_date = _meeting_day(last.year, last.month)
    agenda, materials = services.suggested_agenda(cell, past_date)
    past = services.create_meeting(
        secretary,
        kind=MeetingKind.REGULAR,
        topic=f"Sinh hoạt chi bộ thường kỳ tháng {past_date.month}/{past_date.year}",
        date=past_date,
        start_time=datetime.time(19, 30),
        place="Hội trường văn hóa ấp 1",
        chair=chair,
        recorder=recorder,
        agenda=agenda,
        materials=materials,
    )
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

    next_date = _meeting_day(today.year, today.month)
    if next_date < today:
        next_date = today + datetime.timedelta(days=2)
    agenda, materials = services.suggested_agenda(cell, next_date)
    services.create_meeting(
        secretary,
        kind=MeetingKind.REGULAR,
        topic=f"Sinh hoạt chi bộ thường kỳ tháng {next_date.month}/{next_date.year}",
        date=next_date,
        start_time=datetime.time(19, 30),
        place="Hội trường văn hóa ấp 1",
        chair=chair,
        recorder=recorder,
        agenda=agenda,
        materials=materials,
        notice="Đề nghị các đồng chí đọc trước tài liệu sinh hoạt tháng này.",
    )
    ctx.setdefault("accounts", []).append(
        ("capuy", "Trần Văn Cấp Ủy", "Theo dõi sinh hoạt chi bộ (Đảng bộ huyện Cẩm Mỹ)")
    )
