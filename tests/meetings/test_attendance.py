from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from cms.meetings import services
from cms.meetings.choices import AttendanceStatus, QuorumRule
from cms.meetings.models import Attendance, default_quorum_rule

from .conftest import login

pytestmark = pytest.mark.django_db


def test_opening_creates_attendance_for_every_active_member(open_meeting, secretary, members):
    rows = Attendance.objects.filter(meeting=open_meeting)
    assert rows.count() == 6 == open_meeting.expected_count
    assert set(rows.values_list("status", flat=True)) == {AttendanceStatus.PENDING}
    assert ModelLogEntry.objects.filter(
        action="meetings.meeting.open", object_id=str(open_meeting.pk), user=secretary.user
    ).exists()


def test_member_checks_in_on_the_phone(client, open_meeting, members):
    login(client, members[1])
    page = client.get(reverse("meetings:detail", args=[open_meeting.pk])).content.decode()
    assert "Điểm danh: tôi có mặt" in page
    response = client.post(reverse("meetings:check_in", args=[open_meeting.pk]), follow=True)
    assert "Đồng chí đã điểm danh: có mặt." in response.content.decode()
    row = Attendance.objects.get(meeting=open_meeting, member=members[1])
    assert row.status == AttendanceStatus.PRESENT and row.self_checked_in and row.checked_in_at
    assert ModelLogEntry.objects.filter(
        action="meetings.attendance.check_in", user=members[1].user
    ).exists()


def test_check_in_before_opening_is_refused(client, meeting, members):
    login(client, members[1])
    response = client.post(reverse("meetings:check_in", args=[meeting.pk]), follow=True)
    assert "chưa khai mạc, chưa thể điểm danh" in response.content.decode()
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_check_in_to_a_closed_meeting_is_refused_and_nothing_changes(
    client, open_meeting, secretary, members
):
    closed = services.close_meeting(secretary.user, open_meeting)
    before = list(Attendance.objects.filter(meeting=closed).values_list("member", "status"))
    login(client, members[1])
    response = client.post(reverse("meetings:check_in", args=[closed.pk]), follow=True)
    assert "Buổi sinh hoạt đã kết thúc, không thể điểm danh." in response.content.decode()
    assert list(Attendance.objects.filter(meeting=closed).values_list("member", "status")) == before
    assert (
        Attendance.objects.get(meeting=closed, member=members[1]).status == AttendanceStatus.ABSENT
    )


def test_check_in_from_outside_the_cell_is_refused(client, open_meeting, other_cell_member):
    login(client, other_cell_member)
    response = client.post(reverse("meetings:check_in", args=[open_meeting.pk]))
    assert response.status_code == 404
    with pytest.raises(services.MeetingError, match="Không tìm thấy"):
        services.check_in(other_cell_member.user, open_meeting)
    assert not Attendance.objects.filter(member=other_cell_member).exists()


def test_secretary_marks_present_excused_with_reason_and_absent(
    client, open_meeting, secretary, members
):
    login(client, secretary)
    url = reverse("meetings:attendance", args=[open_meeting.pk])
    assert "Điểm danh" in client.get(url).content.decode()
    client.post(url, {"member": members[1].pk, "status": "present"})
    client.post(url, {"member": members[2].pk, "status": "excused", "reason": "Ốm, nằm viện"})
    client.post(url, {"member": members[3].pk, "status": "absent"})
    status = dict(Attendance.objects.filter(meeting=open_meeting).values_list("member", "status"))
    assert status[members[1].pk] == "present"
    assert status[members[2].pk] == "excused"
    assert status[members[3].pk] == "absent"
    assert Attendance.objects.get(meeting=open_meeting, member=members[2]).reason == "Ốm, nằm viện"
    entry = ModelLogEntry.objects.filter(action="meetings.attendance.mark").latest("timestamp")
    assert entry.data["status"] == "absent" and entry.user == secretary.user


def test_excused_without_reason_is_refused(client, open_meeting, secretary, members):
    login(client, secretary)
    response = client.post(
        reverse("meetings:attendance", args=[open_meeting.pk]),
        {"member": members[2].pk, "status": "excused", "reason": "  "},
        follow=True,
    )
    assert "Vắng có lý do thì phải ghi lý do." in response.content.decode()
    assert Attendance.objects.get(meeting=open_meeting, member=members[2]).status == "pending"


def test_member_cannot_mark_others(client, open_meeting, members):
    login(client, members[1])
    url = reverse("meetings:attendance", args=[open_meeting.pk])
    assert client.post(url, {"member": members[2].pk, "status": "present"}).status_code == 404
    assert Attendance.objects.get(meeting=open_meeting, member=members[2]).status == "pending"


def test_secretary_cannot_mark_a_member_of_another_cell(open_meeting, secretary, other_cell_member):
    with pytest.raises(services.MeetingError, match="không thuộc chi bộ"):
        services.mark_attendance(secretary.user, open_meeting, other_cell_member.pk, "present")


def test_quorum_more_than_half_and_two_thirds(open_meeting, secretary, members):
    for member in [secretary, *members[:2]]:
        services.mark_attendance(secretary.user, open_meeting, member.pk, "present")
    q = open_meeting.quorum()
    assert (q["expected"], q["present"], q["needed"], q["met"]) == (6, 3, 4, False)
    services.mark_attendance(secretary.user, open_meeting, members[2].pk, "present")
    assert open_meeting.quorum()["met"] is True
    open_meeting.quorum_rule = QuorumRule.TWO_THIRDS
    assert open_meeting.quorum()["needed"] == 4
    open_meeting.expected_count = 9
    assert open_meeting.quorum()["needed"] == 6
    assert open_meeting.quorum()["met"] is False


def test_quorum_rule_default_comes_from_settings(settings, secretary):
    settings.MEETINGS_QUORUM_RULE = QuorumRule.TWO_THIRDS
    assert default_quorum_rule() == QuorumRule.TWO_THIRDS


def test_closing_marks_the_unmarked_absent(open_meeting, secretary, members):
    services.check_in(members[1].user, open_meeting)
    closed = services.close_meeting(secretary.user, open_meeting)
    counts = closed.attendance_counts()
    assert counts == {"pending": 0, "present": 1, "excused": 0, "absent": 5}
    with pytest.raises(services.MeetingError, match="đang diễn ra"):
        services.mark_attendance(secretary.user, closed, members[2].pk, "present")
