import pytest

from cms.members.factories import MemberFactory, UserFactory

PASSWORD = "Matkhau@2026"


@pytest.fixture
def member(db):
    return MemberFactory(full_name="Trần Thị Riêng Tư")


@pytest.fixture
def editor(db, users):
    """A staff account (admin access through the editors' group), no member profile."""
    user = UserFactory(username="bientapvien2fa")
    user.groups.set(users["bientap"].groups.all())
    return user


# The meeting suite's cell, secretary, members and meetings.
from tests.meetings.conftest import cell, meeting, members, open_meeting, secretary  # noqa: E402,F401
