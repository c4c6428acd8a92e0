"""Votes racing on PostgreSQL: the row lock and the unique constraints hold.

SQLite serialises every write, so a race there proves nothing: these tests
run only when the test database is PostgreSQL (CI's second run).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, connections

import pytest

from cms.meetings import services
from cms.meetings.models import Ballot, VoteReceipt
from cms.members.choices import Position
from cms.members.factories import MemberFactory

from .conftest import make_cell, reseed

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (set DATABASE_URL=postgres://…): SQLite serialises all writes",
    ),
    pytest.mark.django_db(transaction=True),
]


def _setup(n_members, ballot_type):
    reseed()
    cell = make_cell("CM-X1-PG", name="Chi bộ ấp Đồng Thời")
    secretary = MemberFactory(cell=cell, position=Position.SECRETARY, full_name="Bí Thư Đồng Thời")
    voters = [MemberFactory(cell=cell, full_name=f"Đảng viên {i}") for i in range(n_members)]
    import datetime

    from django.utils import timezone

    meeting = services.create_meeting(
        secretary.user,
        kind="extraordinary",
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
        options=["Tán thành", "Không tán thành"],
        ballot_type=ballot_type,
        majority_rule="present_majority",
    )
    motion = services.open_motion(secretary.user, motion)
    return secretary, voters, motion


def _race(calls):
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


@pytest.mark.parametrize("ballot_type", ["open", "secret"])
def test_fifty_members_vote_at_once(ballot_type):
    secretary, voters, motion = _setup(50, ballot_type)
    yes, no = list(motion.options.all())
    calls = [
        (lambda m=m, o=(yes if i % 5 else no): services.cast_vote(m.user, motion.pk, o.pk))
        for i, m in enumerate(voters)
    ]
    outcomes = _race(calls)
    assert outcomes == ["ok"] * 50
    assert Ballot.objects.filter(motion=motion).count() == 50
    assert VoteReceipt.objects.filter(motion=motion).count() == 50
    motion = services.close_motion(secretary.user, motion)
    result = services.motion_result(motion)
    assert [r["count"] for r in result["rows"]] == [40, 10]
    assert result["present"] == 50 and result["passed"] is True


@pytest.mark.parametrize("ballot_type", ["open", "secret"])
def test_same_member_from_two_threads_gets_one_ballot(ballot_type):
    _secretary, voters, motion = _setup(3, ballot_type)
    yes, no = list(motion.options.all())
    member = voters[0]
    outcomes = _race(
        [lambda o=o: services.cast_vote(member.user, motion.pk, o.pk) for o in [yes, no] * 4]
    )
    assert outcomes.count("ok") == 1
    assert set(outcomes) - {"ok"} == {services.ALREADY_VOTED}
    assert Ballot.objects.filter(motion=motion).count() == 1
    assert VoteReceipt.objects.filter(motion=motion, member=member).count() == 1
