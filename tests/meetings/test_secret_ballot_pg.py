"""Nothing in PostgreSQL's storage links a secret ballot to its voter (issue 15, item 1).

The attacker reads the database (or a copy of it): every table, the system
columns ``xmin`` (the writing transaction) and ``ctid`` (the physical place),
the keys and the timestamps. They know who voted from the receipts and the
audit log; this test tries every join from there to the choices, while the
motion is open and after it closes, and finds nothing. Against the design
before issue 15 (the ballot row written in the voter's transaction) the very
first join named every voter's choice.

21 voters choose among 3 options, 7 each: a random order reproduces the
voters' choices by chance once in 21!/(7!)^3 ≈ 400 million; over the 12
pairings tried, less than once in 30 million runs.
"""

from django.db import connection

import pytest

from cms.meetings import services

from .conftest import open_motion_with_voters, race

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (set DATABASE_URL=postgres://…): xmin and ctid are PostgreSQL's",
    ),
    pytest.mark.django_db(transaction=True),
    # One worker runs every race (scripts/test.sh: --dist loadgroup): two races at once
    # would open 70+ connections against PostgreSQL's 100, with the deploy stack's too.
    pytest.mark.xdist_group("pg_races"),
]

VOTERS = 21


def rows(sql, *params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def aligned(motion_id, ballot_order, receipt_order):
    """The choice each voter would have made if the two orders matched, {member: option}."""
    ballots = rows(
        f"SELECT option_id FROM meetings_ballot WHERE motion_id = %s ORDER BY {ballot_order}",
        motion_id,
    )
    receipts = rows(
        f"SELECT member_id FROM meetings_votereceipt WHERE motion_id = %s ORDER BY {receipt_order}",
        motion_id,
    )
    return {member: option for (member,), (option,) in zip(receipts, ballots, strict=False)}


def joins_by_transaction(motion_id):
    """Choices whose row was written by the transaction that wrote a receipt or a log entry."""
    return rows(
        "SELECT b.option_id FROM meetings_ballot b "
        "JOIN meetings_votereceipt r ON b.xmin = r.xmin "
        "WHERE b.motion_id = %s AND r.motion_id = %s "
        "UNION ALL SELECT b.option_id FROM meetings_ballot b "
        "JOIN wagtailcore_modellogentry l ON b.xmin = l.xmin "
        "WHERE b.motion_id = %s AND l.action = 'meetings.vote'",
        motion_id,
        motion_id,
        motion_id,
    )


def open_secret_motion():
    return open_motion_with_voters(VOTERS, "secret", ["Đồng ý", "Không đồng ý", "Ý kiến khác"])


def test_no_storage_level_link_between_a_secret_ballot_and_its_voter():
    secretary, voters, motion = open_secret_motion()
    options = list(motion.options.order_by("order"))
    truth = {}
    for i, voter in enumerate(voters):
        chosen = options[i % 3]  # each in its own transaction, as from the phones
        services.cast_vote(voter.user, motion.pk, chosen.pk)
        truth[voter.pk] = chosen.pk

    # While the motion is open: no choice stands in a row the voter's transaction wrote.
    assert joins_by_transaction(motion.pk) == []
    assert rows("SELECT count(*) FROM meetings_ballot WHERE motion_id = %s", motion.pk) == [(0,)]
    # The envelopes are the voter's (same xmin as the receipt) but hold no option id.
    envelopes = rows(
        "SELECT e.envelope FROM meetings_sealedballot e "
        "JOIN meetings_votereceipt r ON e.xmin = r.xmin WHERE e.motion_id = %s",
        motion.pk,
    )
    assert len(envelopes) == VOTERS
    for (envelope,) in envelopes:
        assert not any(o.pk.to_bytes(8, "big") in bytes(envelope) for o in options)

    services.close_motion(secretary.user, motion)

    # After the close: exact counts, and every join finds nothing.
    result = services.motion_result(motion)
    assert [r["count"] for r in result["rows"]] == [7, 7, 7]
    assert rows("SELECT count(*) FROM meetings_sealedballot") == [(0,)]
    assert joins_by_transaction(motion.pk) == []
    ballot_xmins = rows(
        "SELECT DISTINCT xmin::text FROM meetings_ballot WHERE motion_id = %s", motion.pk
    )
    assert len(ballot_xmins) == 1  # all written by the closing transaction
    receipt_xmins = rows(
        "SELECT DISTINCT xmin::text FROM meetings_votereceipt WHERE motion_id = %s", motion.pk
    )
    assert len(receipt_xmins) == VOTERS and not set(ballot_xmins) & set(receipt_xmins)
    # Physical order, key order, time order: none lines up with the voters.
    for ballot_order in ("ctid", "id", "xmin::text::bigint, ctid"):
        for receipt_order in ("ctid", "id", "voted_at", "xmin::text::bigint"):
            guess = aligned(motion.pk, ballot_order, receipt_order)
            assert len(guess) == VOTERS
            assert guess != truth, (ballot_order, receipt_order)
    # No voter, no time and no sequence on the ballot side to line up with anything.
    columns = rows(
        "SELECT table_name, column_name, data_type, coalesce(column_default, '') "
        "FROM information_schema.columns "
        "WHERE table_name IN ('meetings_ballot', 'meetings_sealedballot')"
    )
    assert not [c for c in columns if "time" in c[2] or "date" in c[2] or "nextval" in c[3]]
    assert ("meetings_sealedballot", "member_id") not in [c[:2] for c in columns]
    assert rows(
        "SELECT count(*) FROM meetings_ballot WHERE motion_id = %s AND member_id IS NOT NULL",
        motion.pk,
    ) == [(0,)]


def test_votes_racing_on_a_secret_motion_are_all_counted():
    """Sealing happens in the voter's own transaction: concurrent voters lose nothing."""
    secretary, voters, motion = open_secret_motion()
    options = list(motion.options.order_by("order"))
    outcomes = race(
        [
            (lambda v=voter, o=options[i % 3]: services.cast_vote(v.user, motion.pk, o.pk))
            for i, voter in enumerate(voters)
        ]
    )
    assert outcomes == ["ok"] * VOTERS
    services.close_motion(secretary.user, motion)
    assert [r["count"] for r in services.motion_result(motion)["rows"]] == [7, 7, 7]
