import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

from django.core.management import call_command
from django.db import connections
from django.utils import timezone

import pytest

from cms.meetings import services
from cms.meetings.choices import MeetingKind
from cms.members.choices import CellType, OrgLevel, Position
from cms.members.factories import MemberFactory, add_organization
from cms.members.models import PartyOrganization

PASSWORD = "Matkhau@2026"


def make_cell(code="CM-X1-T1", parent_code="CM-X1", name="Chi bộ ấp Thử Nghiệm"):
    parent = PartyOrganization.objects.get(code=parent_code)
    return add_organization(parent, code, name, OrgLevel.CELL, CellType.RESIDENTIAL)


@pytest.fixture
def cell(db):
    return make_cell()


@pytest.fixture
def secretary(cell):
    return MemberFactory(cell=cell, position=Position.SECRETARY, full_name="Nguyễn Văn Chủ Trì")


@pytest.fixture
def members(cell):
    names = ["Trần Thị Thư Ký", "Lê Văn Đồng", "Phạm Thị Hương", "Võ Minh Đức", "Đặng Thu Yến"]
    return [MemberFactory(cell=cell, full_name=name) for name in names]


@pytest.fixture
def recorder(members):
    return members[0]


@pytest.fixture
def meeting(secretary, members):
    return services.create_meeting(
        secretary.user,
        kind=MeetingKind.REGULAR,
        topic="Sinh hoạt chi bộ thường kỳ tháng này",
        date=timezone.localdate(),
        start_time=datetime.time(19, 30),
        place="Nhà văn hóa ấp",
        chair=secretary,
        recorder=members[0],
        agenda=[{"title": "Đánh giá nhiệm vụ tháng trước"}, {"title": "Phương hướng tháng tới"}],
    )


@pytest.fixture
def open_meeting(meeting, secretary):
    return services.open_meeting(secretary.user, meeting)


@pytest.fixture
def other_cell_member(db):
    other = make_cell("CM-X1-T2", name="Chi bộ ấp Bên Cạnh")
    return MemberFactory(cell=other, full_name="Hồ Văn Người Ngoài")


def login(client, member):
    client.force_login(member.user)
    return client


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def reseed():
    """Rebuild the demo in a transactional test (an earlier one flushed the DB)."""
    call_command("seed_demo", "--no-index", verbosity=0)


def open_motion_with_voters(n_voters, ballot_type, options):
    """For the transactional PostgreSQL tests: a fresh demo, a cell with a secretary and
    ``n_voters`` members checked in, and an open motion; ``(secretary, voters, motion)``."""
    reseed()
    cell = make_cell("CM-X1-PG", name="Chi bộ ấp Đồng Thời")
    secretary = MemberFactory(cell=cell, position=Position.SECRETARY, full_name="Bí Thư Đồng Thời")
    voters = [MemberFactory(cell=cell, full_name=f"Đảng viên {i}") for i in range(n_voters)]
    meeting = services.create_meeting(
        secretary.user,
        kind=MeetingKind.EXTRAORDINARY,
        topic="Biểu quyết đồng thời",
        date=timezone.localdate(),
        start_time=datetime.time(8),
        place="Hội trường",
        chair=secretary,
        recorder=None,
    )
    meeting = services.open_meeting(secretary.user, meeting)
    for member in voters:
        services.mark_attendance(secretary.user, meeting, member.pk, "present")
    motion = services.create_motion(
        secretary.user,
        meeting,
        question="Thông qua đề án",
        options=options,
        ballot_type=ballot_type,
        majority_rule="present_majority",
    )
    return secretary, voters, services.open_motion(secretary.user, motion)


def race(calls):
    """Run the calls in threads released together; each outcome is "ok" or the refusal."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        try:
            barrier.wait()
            call()
            return "ok"
        except services.MeetingError as error:
            return str(error)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))
