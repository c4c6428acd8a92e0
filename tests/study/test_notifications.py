import datetime

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from cms.meetings.factories import MeetingFactory
from cms.members.choices import Position
from cms.resolutions.models import Audience
from cms.study import services
from cms.study.choices import NotificationKind
from cms.study.factories import StudyAssignmentFactory, StudyReadFactory
from cms.study.models import Notification

pytestmark = pytest.mark.django_db


def _kinds(user):
    return list(Notification.objects.for_user(user).values_list("kind", flat=True))


def test_new_assignment_from_the_admin_reaches_the_inboxes(
    client, users, tree, member_in, resolution
):
    inside, outside = member_in("TST-A"), member_in("TSU-A")
    client.force_login(users["tuyengiao"])
    response = client.post(
        reverse("wagtailsnippets_study_studyassignment:add"),
        {
            "page": resolution.pk,
            "audience": Audience.UNITS,
            "units": [tree["TST"].pk],
            "deadline": "30/12/2026",
            "assigned_on": "10/11/2026",
        },
    )
    assert response.status_code == 302
    assert _kinds(inside.user) == [NotificationKind.ASSIGNED]
    assert _kinds(outside.user) == []


def test_summary_submitted_and_reviewed_are_told(client, tree, member_in, resolution):
    member = member_in("TST-A")
    secretary = member_in("TST-A", position=Position.SECRETARY)
    summary = services.save_summary(member, resolution, "Bài thu hoạch.", submit=True)
    assert _kinds(secretary.user) == [NotificationKind.SUBMITTED]
    services.review_summary(secretary.user, summary, "Tốt.")
    assert _kinds(member.user) == [NotificationKind.REVIEWED]

    client.force_login(member.user)
    assert "1 chưa xem" in client.get(reverse("study:my_study")).content.decode()
    html = client.get(reverse("study:inbox")).content.decode()
    assert "Bí thư chi bộ đã nhận xét bài thu hoạch" in html and "1 thông báo chưa xem" in html
    client.post(reverse("study:inbox"))
    assert not Notification.objects.for_user(member.user).unread().exists()
    assert "0 thông báo chưa xem" in client.get(reverse("study:inbox")).content.decode()


def test_deadline_reminders_once_and_only_to_those_who_have_not_read(tree, member_in, resolution):
    reader, idle = member_in("TST-A"), member_in("TST-A")
    StudyAssignmentFactory(
        page=resolution,
        audience=Audience.UNITS,
        units=[tree["TST"]],
        deadline=timezone.localdate() + datetime.timedelta(days=2),
    )
    StudyReadFactory(member=reader, page=resolution)
    call_command("study_reminders", verbosity=0)
    call_command("study_reminders", verbosity=0)
    assert _kinds(idle.user) == [NotificationKind.DEADLINE]
    assert _kinds(reader.user) == []


def test_inbox_needs_login(client):
    assert client.get(reverse("study:inbox")).status_code == 302


def test_a_scheduled_meeting_reaches_the_cell(tree, member_in, django_capture_on_commit_callbacks):
    secretary = member_in("TST-A", position=Position.SECRETARY)
    member, elsewhere = member_in("TST-A"), member_in("TST-B")
    with django_capture_on_commit_callbacks(execute=True):
        meeting = MeetingFactory(chair=secretary, recorder=member, topic="Học tập Nghị quyết thử")
    assert _kinds(member.user) == [NotificationKind.MEETING]
    assert _kinds(elsewhere.user) == []
    note = Notification.objects.get(user=member.user)
    assert "Học tập Nghị quyết thử" in note.title and str(meeting.pk) in note.link
    meeting.topic = "Đổi chủ đề"
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save()
    assert Notification.objects.filter(user=member.user).count() == 1


def test_home_page_shows_the_members_study_at_a_glance(
    client, tree, member_in, resolution, home_page
):
    member = member_in("TST-A")
    StudyAssignmentFactory(page=resolution, audience=Audience.UNITS, units=[tree["TST"]])
    Notification.objects.create(user=member.user, kind=NotificationKind.ASSIGNED, title="Mới")
    assert "Vào Học tập của tôi" not in client.get(home_page.url).content.decode()
    client.force_login(member.user)
    html = client.get(home_page.url).content.decode()
    assert "Còn 1 nội dung cần học tập." in html and "(1 chưa xem)" in html


def test_header_shows_the_unread_count_in_both_languages(client, member_in, home_page):
    member = member_in("TST-A")
    client.force_login(member.user)
    assert "header-notices" not in client.get(home_page.url).content.decode()
    Notification.objects.create(user=member.user, kind=NotificationKind.ASSIGNED, title="Mới")
    Notification.objects.create(user=member.user, kind=NotificationKind.ASSIGNED, title="Mới 2")
    assert "Thông báo (2)" in client.get(home_page.url).content.decode()
    html = client.get("/en/").content.decode()
    assert "Notifications (2)" in html and "Thông báo (2)" not in html
