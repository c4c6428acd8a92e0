"""Every view and export of members' personal data leaves an audit record: who, what,
when, how many people (cms/security/audit.py, ``record_read``)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from cms.meetings import services
from cms.members.models import PartyOrganization
from cms.security.audit import EXPORT, READ, record_read
from tests.meetings import conftest as meeting_fixtures
from tests.meetings.test_voting import make_motion, present
from tests.members.test_members_import import GOOD, xlsx

pytestmark = pytest.mark.django_db
cell, meeting, members = meeting_fixtures.cell, meeting_fixtures.meeting, meeting_fixtures.members
open_meeting, secretary = meeting_fixtures.open_meeting, meeting_fixtures.secretary


def reads(instance, action=READ):
    return ModelLogEntry.objects.for_instance(instance).filter(action=action)


def test_the_cell_account_list_and_the_activation_code_sheet(client, secretary, members, cell):
    members[0].user.set_unusable_password()  # not logged in yet: gets a code
    members[0].user.save()
    client.force_login(secretary.user)
    assert client.get(reverse("members:cell_accounts", args=[cell.code])).status_code == 200
    entry = reads(cell).get()
    assert entry.user_id == secretary.user.pk
    assert entry.data["people"] == 6
    assert entry.data["what"] == "Danh sách tài khoản đảng viên của chi bộ"
    assert entry.timestamp is not None

    response = client.post(reverse("members:print_credentials", args=[cell.code]))
    assert response.status_code == 200
    sheet = reads(cell, EXPORT).get()
    assert sheet.data["what"] == "Danh sách mã kích hoạt của chi bộ"
    assert sheet.data["people"] == 1


def test_the_never_logged_in_list(client, users):
    unit = PartyOrganization.get_first_root_node()
    client.force_login(users["quantri"])
    url = reverse("members_admin:never_logged_in", args=[unit.code])
    assert client.get(url).status_code == 200
    entry = reads(unit).get()
    assert entry.user_id == users["quantri"].pk
    assert entry.data["what"] == "Danh sách đảng viên chưa đăng nhập"
    assert entry.data["people"] >= 1


def test_the_attendance_list_vote_results_and_minutes_exports(
    client, open_meeting, secretary, members
):
    present(open_meeting, secretary, [secretary, *members[:2]])
    motion = make_motion(open_meeting, secretary)
    services.close_motion(secretary.user, motion)
    client.force_login(secretary.user)
    assert client.get(reverse("meetings:attendance", args=[open_meeting.pk])).status_code == 200
    assert reads(open_meeting).get().data["people"] == 6
    response = client.get(reverse("meetings:motions_xlsx", args=[open_meeting.pk]))
    assert response.status_code == 200
    export = reads(open_meeting, EXPORT).get()
    assert export.data == {
        "what": "Kết quả biểu quyết (Excel)",
        "people": 6,
        "path": reverse("meetings:motions_xlsx", args=[open_meeting.pk]),
    }


def test_the_roster_preview(client, users):
    client.force_login(users["tochuc"])
    upload = SimpleUploadedFile("ds.xlsx", xlsx(GOOD))
    assert client.post(reverse("members_admin:import"), {"file": upload}).status_code == 200
    entry = reads(users["tochuc"]).get()
    assert entry.data["what"] == "Xem trước danh sách nhập ds.xlsx"
    assert entry.data["people"] == 4


def test_the_minutes_exports(client, open_meeting, secretary, members):
    services.get_or_start_minutes(members[0].user, open_meeting)
    client.force_login(secretary.user)
    for fmt in ("pdf", "docx"):
        url = reverse("meetings:minutes_export", args=[open_meeting.pk, 1, fmt])
        assert client.get(url).status_code == 200
    entries = reads(open_meeting, EXPORT).order_by("timestamp", "pk")
    assert [e.data["what"] for e in entries] == [
        "Biên bản phiên bản 1 (PDF)",
        "Biên bản phiên bản 1 (DOCX)",
    ]
    assert {e.data["people"] for e in entries} == {6}
    assert {e.user_id for e in entries} == {secretary.user.pk}


def test_the_helper_records_who_what_and_how_many(rf, users):
    request = rf.get("/somewhere/")
    request.user = users["quantri"]
    unit = PartyOrganization.get_first_root_node()
    entry = record_read(request, unit, "Danh sách thử", 12, export=True, page=3)
    assert entry.action == EXPORT
    assert entry.user_id == users["quantri"].pk
    assert entry.data == {"what": "Danh sách thử", "people": 12, "path": "/somewhere/", "page": 3}
    assert entry.label == str(unit)
