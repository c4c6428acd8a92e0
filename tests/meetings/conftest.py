import datetime

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
    from django.core.management import call_command

    call_command("seed_demo", "--no-index", verbosity=0)
