import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from cms.meetings import live, services
from cms.meetings.factories import MeetingFactory
from cms.meetings.models import Meeting, SupervisionScope
from cms.members.models import Member, PartyOrganization

from .conftest import login

pytestmark = pytest.mark.django_db


def test_live_json_counts_update_after_each_write_and_304_in_between(
    client, open_meeting, secretary, members, django_capture_on_commit_callbacks
):
    login(client, secretary)
    url = reverse("meetings:live", args=[open_meeting.pk])
    first = client.get(url)
    data = first.json()
    assert data["attendance"] == {
        "expected": 6,
        "present": 0,
        "excused": 0,
        "absent": 0,
        "pending": 6,
        "quorum_needed": 4,
        "quorum_met": False,
    }
    etag = first["ETag"]
    unchanged = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304 and unchanged.content == b""
    with django_capture_on_commit_callbacks(execute=True):
        services.check_in(members[1].user, open_meeting)
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert changed.json()["attendance"]["present"] == 1


def test_a_poll_costs_no_meeting_query_once_cached(client, open_meeting, secretary):
    login(client, secretary)
    url = reverse("meetings:live", args=[open_meeting.pk])
    client.get(url)  # warms the payload
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert "meetings_" not in tables, tables  # nothing from the meeting tables
    assert len(queries) <= 3  # session, user, member


def test_live_json_is_refused_outside_the_cell(client, open_meeting, other_cell_member):
    url = reverse("meetings:live", args=[open_meeting.pk])
    assert client.get(url).status_code == 401
    login(client, other_cell_member)
    response = client.get(url)
    assert response.status_code == 404 and "Không tìm thấy" in response.json()["error"]


def test_supervisors_read_the_live_json_like_the_meeting_page(
    client, open_meeting, django_user_model
):
    officer = django_user_model.objects.create_user("capuy-live", password="x")
    url = reverse("meetings:live", args=[open_meeting.pk])
    client.force_login(officer)
    assert client.get(url).status_code == 404
    SupervisionScope.objects.create(
        user=officer, organization=PartyOrganization.objects.get(code="CM")
    )
    data = client.get(url).json()
    assert data["attendance"]["expected"] == 6 and "access" not in data
    missing = reverse("meetings:live", args=[open_meeting.pk + 10_000])
    assert client.get(missing).status_code == 404
    assert live.known_version(open_meeting.pk + 10_000) is None  # nothing made up


def test_lost_version_key_never_serves_an_old_payload(open_meeting):
    first = live.current_version(open_meeting.pk)
    cache.delete(live.version_key(open_meeting.pk))
    assert live.current_version(open_meeting.pk) != first


def test_secretary_page_loads_the_live_script_without_inline_code(client, open_meeting, secretary):
    login(client, secretary)
    html = client.get(reverse("meetings:detail", args=[open_meeting.pk])).content.decode()
    assert 'src="/static/meetings/live.js"' in html
    assert f'data-live-url="/api/sinh-hoat-chi-bo/{open_meeting.pk}/truc-tiep-f.json?e=' in html
    assert "<script>" not in html and "style=" not in html


def test_unit_report_counts_cells_that_met_and_attendance(open_meeting, secretary, members, cell):
    # Only this test's meetings count: the fixture tree's own meetings are
    # replaced by one that is merely scheduled this month.
    others = Meeting.objects.exclude(pk=open_meeting.pk)
    for n, meeting in enumerate(others):  # moved to distinct months long ago
        Meeting.objects.filter(pk=meeting.pk).update(date=datetime.date(2000, 1 + n, 4))
    a1 = PartyOrganization.objects.get(code="CM-X1-A1")
    MeetingFactory(
        cell=a1,
        chair=Member.objects.filter(cell=a1).first(),
        recorder=Member.objects.filter(cell=a1).last(),
        date=timezone.localdate(),
    )
    for person in [secretary, *members[:2]]:
        services.mark_attendance(secretary.user, open_meeting, person.pk, "present")
    services.close_meeting(secretary.user, open_meeting)
    today = timezone.localdate()
    grassroots = PartyOrganization.objects.get(code="CM-X1")
    report = services.unit_report(grassroots, today.year, today.month)
    rows = {r["unit"].code: r for r in report["rows"]}
    assert rows["CM-X1-T1"]["held"] == 1 and rows["CM-X1-T1"]["attendance_rate"] == 50.0
    assert rows["CM-X1-A1"]["held"] == 0  # its meeting this month is only scheduled
    committee = services.unit_report(
        PartyOrganization.objects.get(code="CM"), today.year, today.month
    )
    crow = {r["unit"].code: r for r in committee["rows"]}["CM-X1"]
    assert crow["cells"] == 4 and crow["held"] == 1 and crow["held_rate"] == 25.0
    assert (crow["present"], crow["expected"]) == (3, 6)
    province = services.unit_report(
        PartyOrganization.objects.get(code="DBT"), today.year, today.month
    )
    assert province["totals"]["held"] == 1
    assert province["totals"]["cells"] == PartyOrganization.objects.cells().count()


def test_report_view_is_for_supervisors_and_leaders(
    client, open_meeting, secretary, members, django_user_model
):
    officer = django_user_model.objects.create_user("capuy-report", password="x")
    SupervisionScope.objects.create(
        user=officer, organization=PartyOrganization.objects.get(code="CM")
    )
    client.force_login(officer)
    html = client.get(reverse("meetings:report") + "?don-vi=CM").content.decode()
    assert "Tình hình sinh hoạt chi bộ tháng" in html and "Đảng bộ xã" in html
    assert client.get(reverse("meetings:report") + "?don-vi=BH").status_code == 404
    login(client, members[1])
    assert client.get(reverse("meetings:report")).status_code == 404
    login(client, secretary)
    assert client.get(reverse("meetings:report")).status_code == 200
