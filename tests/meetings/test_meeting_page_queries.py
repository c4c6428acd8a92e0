"""The meeting page and its live status read each kind of row once, however many motions
the meeting has: the options, the closed motions' ballots and, for who runs the meeting,
the running counts (``services.tallies``)."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from cms.meetings import services
from cms.meetings.services.tallies import build_live_payload

from .conftest import login
from .test_voting import make_motion, option, present

pytestmark = pytest.mark.django_db


def add_motions(meeting, secretary, members, closed, still_open):
    """``closed`` motions with two votes for and one against, then ``still_open`` motions
    with two votes each."""
    for _ in range(closed):
        motion = make_motion(meeting, secretary)
        for member, label in zip(members[:3], ("Tán thành", "Tán thành", "Không tán thành")):
            services.cast_vote(member.user, motion.pk, option(motion, label).pk)
        services.close_motion(secretary.user, motion)
    for _ in range(still_open):
        motion = make_motion(meeting, secretary)
        for member in members[:2]:
            services.cast_vote(member.user, motion.pk, option(motion, "Tán thành").pk)


def page(client, meeting):
    with CaptureQueriesContext(connection) as captured:
        html = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    return html, len(captured.captured_queries)


def steady(client, who, meeting):
    """The page as ``who`` opens it again (the first page of a session does more)."""
    login(client, who)
    page(client, meeting)
    return page(client, meeting)


def test_the_meeting_page_costs_the_same_with_more_motions(
    client, open_meeting, secretary, members
):
    present(open_meeting, secretary, [secretary, *members])
    add_motions(open_meeting, secretary, members, closed=1, still_open=1)
    counted = {}
    for who in (secretary, members[4]):
        counted[who.pk] = steady(client, who, open_meeting)[1]

    add_motions(open_meeting, secretary, members, closed=3, still_open=3)
    for who in (secretary, members[4]):
        html, queries = steady(client, who, open_meeting)
        assert queries == counted[who.pk], who
        # Each closed motion's result, from its own ballots: 2 of the 6 present.
        assert html.count("Không thông qua: «Tán thành» 2/6 đảng viên có mặt") == 4
        running = re.findall(r'data-live="motion\.\d+\.votes">(\d+)<', html)
        # The running counts are for who runs the meeting only, each its own motion's.
        assert running == (["2"] * 4 if who == secretary else [])


def test_the_live_status_costs_the_same_with_more_motions(open_meeting, secretary, members):
    present(open_meeting, secretary, [secretary, *members])
    add_motions(open_meeting, secretary, members, closed=1, still_open=1)
    with CaptureQueriesContext(connection) as few:
        build_live_payload(open_meeting)
    add_motions(open_meeting, secretary, members, closed=3, still_open=3)
    with CaptureQueriesContext(connection) as many:
        payload = build_live_payload(open_meeting)
    assert len(many.captured_queries) == len(few.captured_queries)
    closed = [m for m in payload["motions"] if m["status"] == "closed"]
    assert len(closed) == 4
    for motion in closed:
        counts = {row["label"]: row["count"] for row in motion["result"]["options"]}
        assert counts == {"Tán thành": 2, "Không tán thành": 1}
