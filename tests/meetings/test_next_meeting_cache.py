"""The home page's "next meeting" panel is kept per cell (cms/meetings/caching.py):
a change shows on the next request, and a cell only ever sees its own meetings."""

import datetime

from django.utils import timezone

from cms.bulletins.models import BulletinPage
from cms.meetings import services
from cms.meetings.choices import MeetingKind
from cms.members.factories import MemberFactory

from .conftest import make_cell


def schedule(secretary, topic, days=0):
    return services.create_meeting(
        secretary.user,
        kind=MeetingKind.REGULAR,
        topic=topic,
        date=timezone.localdate() + datetime.timedelta(days=days),
        start_time=datetime.time(19, 30),
        place="Nhà văn hóa ấp",
        chair=secretary,
        recorder=secretary,
        agenda=[{"title": "Đánh giá nhiệm vụ tháng trước"}],
    )


def home(client, member):
    client.force_login(member.user)
    return client.get("/").content.decode()


def test_a_newly_scheduled_meeting_shows_on_the_next_request(client, secretary, members):
    assert "Lịch sinh hoạt chi bộ" not in home(client, members[1])
    home(client, members[1])  # kept: no meeting
    meeting = schedule(secretary, "Sinh hoạt chuyên đề học tập nghị quyết")
    page = home(client, members[1])
    assert "Sinh hoạt chuyên đề học tập nghị quyết" in page

    services.open_meeting(secretary.user, meeting)
    assert "Chi bộ đang sinh hoạt" in home(client, members[1])
    services.close_meeting(secretary.user, meeting)
    assert "Sinh hoạt chuyên đề học tập nghị quyết" not in home(client, members[1])


def test_a_member_never_sees_another_cells_meeting(client, secretary, members):
    schedule(secretary, "Sinh hoạt riêng của chi bộ ấp Thử Nghiệm")
    assert "Sinh hoạt riêng của chi bộ ấp Thử Nghiệm" in home(client, members[1])

    other_cell = make_cell("CM-X1-T2", name="Chi bộ ấp Thử Khác")
    outsider = MemberFactory(cell=other_cell, full_name="Ngô Văn Ngoài")
    page = home(client, outsider)
    assert "Sinh hoạt riêng của chi bộ ấp Thử Nghiệm" not in page
    assert "Lịch sinh hoạt chi bộ" not in page

    # A member moved to the other cell sees that cell's (empty) schedule at once.
    mover = members[2]
    mover.cell = other_cell
    mover.save()
    assert "Sinh hoạt riêng của chi bộ ấp Thử Nghiệm" not in home(client, mover)


def test_changing_a_meetings_materials_shows_on_the_next_request(client, secretary, members):
    meeting = schedule(secretary, "Sinh hoạt có tài liệu đọc trước")
    assert "Tài liệu đọc trước" not in home(client, members[1])
    material = BulletinPage.objects.live().first()
    meeting.materials.add(material)
    page = home(client, members[1])
    assert "Tài liệu đọc trước" in page
    assert material.title in page
