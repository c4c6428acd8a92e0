"""Votes racing on PostgreSQL: the row lock and the unique constraints hold.

SQLite serialises every write, so a race there proves nothing: these tests
run only when the test database is PostgreSQL (CI's second run).
"""

from django.db import connection

import pytest

from cms.meetings import services
from cms.meetings.models import Ballot, SealedBallot, VoteReceipt

from .conftest import open_motion_with_voters, race

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (set DATABASE_URL=postgres://…): SQLite serialises all writes",
    ),
    pytest.mark.django_db(transaction=True),
    # One worker runs every race (scripts/test.sh: --dist loadgroup): two races at once
    # would open 70+ connections against PostgreSQL's 100, with the deploy stack's too.
    pytest.mark.xdist_group("pg_races"),
]


def choices_recorded(motion):
    """Ballots, and for a secret motion still open, the sealed envelopes."""
    return (
        Ballot.objects.filter(motion=motion).count()
        + SealedBallot.objects.filter(motion=motion).count()
    )


def _setup(n_members, ballot_type):
    return open_motion_with_voters(n_members, ballot_type, ["Tán thành", "Không tán thành"])


@pytest.mark.parametrize("ballot_type", ["open", "secret"])
def test_fifty_members_vote_at_once(ballot_type):
    secretary, voters, motion = _setup(50, ballot_type)
    yes, no = list(motion.options.all())
    calls = [
        (lambda m=m, o=(yes if i % 5 else no): services.cast_vote(m.user, motion.pk, o.pk))
        for i, m in enumerate(voters)
    ]
    outcomes = race(calls)
    assert outcomes == ["ok"] * 50
    assert choices_recorded(motion) == 50
    assert VoteReceipt.objects.filter(motion=motion).count() == 50
    motion = services.close_motion(secretary.user, motion)
    assert Ballot.objects.filter(motion=motion).count() == 50
    assert not SealedBallot.objects.filter(motion=motion).exists()
    result = services.motion_result(motion)
    assert [r["count"] for r in result["rows"]] == [40, 10]
    assert result["present"] == 50 and result["passed"] is True


@pytest.mark.parametrize("ballot_type", ["open", "secret"])
def test_same_member_from_two_threads_gets_one_ballot(ballot_type):
    _secretary, voters, motion = _setup(3, ballot_type)
    yes, no = list(motion.options.all())
    member = voters[0]
    outcomes = race(
        [lambda o=o: services.cast_vote(member.user, motion.pk, o.pk) for o in [yes, no] * 4]
    )
    assert outcomes.count("ok") == 1
    assert set(outcomes) - {"ok"} == {services.ALREADY_VOTED}
    assert choices_recorded(motion) == 1
    assert VoteReceipt.objects.filter(motion=motion, member=member).count() == 1
