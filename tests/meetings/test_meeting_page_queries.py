"""The meeting page and its live status read each kind of row once, however many motions
the meeting has: the options, the closed motions' ballots and, for who runs the meeting,
the running counts (``services.tallies``)."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from cms.meetings import services
from cms.meetings.models import Meeting
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


def test_the_meeting_page_opened_again_reads_only_the_members_own_rows(
    client, open_meeting, secretary, members
):
    """The meeting, agenda, motions, results and minutes come from the meeting's kept sheet
    and the counters from the live payload (``cms.meetings.sheets``): a page opened again
    reads the user, their attendance and their votes, whoever opens it."""
    present(open_meeting, secretary, [secretary, *members])
    add_motions(open_meeting, secretary, members, closed=2, still_open=2)
    for who in (secretary, members[4]):
        login(client, who)
        page(client, open_meeting)
        with CaptureQueriesContext(connection) as captured:
            html = client.get(reverse("meetings:detail", args=[open_meeting.pk])).content
        # The table each query reads (its last FROM: the user's carries subqueries before it).
        tables = [re.findall(r'FROM "(\w+)"', q["sql"])[-1] for q in captured.captured_queries]
        tables = [t for t in tables if t != "django_session"]
        assert tables == ["auth_user", "meetings_attendance", "meetings_votereceipt"], who
        assert html.decode().count("Không thông qua: «Tán thành» 2/6 đảng viên có mặt") == 2


def counters(html):
    return dict(re.findall(r'data-live="attendance\.(\w+)">(\d+)<', html))


def test_what_changes_shows_on_the_next_page_of_everyone(client, open_meeting, secretary, members):
    """Each kind of change reaches the kept sheet or the counters at once: a check-in, a
    motion added and opened, a vote, a closed result, the agenda, the meeting's facts and
    the minutes."""
    url = reverse("meetings:detail", args=[open_meeting.pk])
    login(client, members[4])
    html = client.get(url).content.decode()
    assert counters(html)["present"] == "0" and "Chưa có nội dung biểu quyết." in html

    services.check_in(members[0].user, open_meeting)
    present(open_meeting, secretary, [secretary, members[4]])
    motion = make_motion(open_meeting, secretary)
    html = client.get(url).content.decode()
    assert counters(html)["present"] == "3"
    assert f'action="/sinh-hoat-chi-bo/bieu-quyet/{motion.pk}/bo-phieu/"' in html

    services.cast_vote(members[4].user, motion.pk, option(motion, "Tán thành").pk)
    html = client.get(url).content.decode()
    assert "Đồng chí đã biểu quyết." in html and "bo-phieu/" not in html

    services.close_motion(secretary.user, motion)
    assert "Không thông qua: «Tán thành» 1/3 đảng viên có mặt" in client.get(url).content.decode()

    item = open_meeting.agenda_items.first()
    item.title = "Nội dung đã sửa của chương trình"
    item.save()
    changed = Meeting.objects.get(pk=open_meeting.pk)
    changed.place = "Hội trường mới của ấp"
    changed.save()
    html = client.get(url).content.decode()
    assert "Nội dung đã sửa của chương trình" in html and "Hội trường mới của ấp" in html

    minutes = services.get_or_start_minutes(secretary.user, open_meeting)
    assert "Phiên bản 1: Dự thảo." in client.get(url).content.decode()
    services.close_meeting(secretary.user, open_meeting)
    assert "Phiên bản 1: Dự thảo." in client.get(url).content.decode()
    minutes.refresh_from_db()
    services.approve_minutes(secretary.user, minutes, lock_version=minutes.lock_version)
    assert "Phiên bản 1: Đã thông qua." in client.get(url).content.decode()


def test_a_deleted_meeting_is_gone_from_its_page_and_its_check_in(client, open_meeting, members):
    """Its kept payload and sheet are not left behind: a member with the page still open gets
    the "not found" page, not an error."""
    login(client, members[4])
    url = reverse("meetings:detail", args=[open_meeting.pk])
    assert client.get(url).status_code == 200
    pk = open_meeting.pk
    Meeting.objects.filter(pk=pk).delete()
    assert client.get(url).status_code == 404
    response = client.post(reverse("meetings:check_in", args=[pk]))
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()
