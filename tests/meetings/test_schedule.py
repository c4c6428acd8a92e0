import datetime
import importlib

from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from cms.meetings import services
from cms.meetings.choices import MeetingKind
from cms.meetings.models import AgendaItem, Meeting

from .conftest import login

pytestmark = pytest.mark.django_db


def test_agenda_is_prefilled_from_the_months_material_for_the_cell_type(cell):
    today = timezone.localdate()
    agenda, materials = services.suggested_agenda(cell, today)
    titles = [item["title"] for item in agenda]
    assert len(materials) == 1
    assert "khu dân cư" in materials[0].title
    assert f"Sinh hoạt theo tài liệu: {materials[0].title}" in titles
    assert titles[-1] == f"Phương hướng, nhiệm vụ tháng {today.month}/{today.year}"


def agenda_rows(*rows):
    """The agenda formset's POST data; a row is a title or a (title, material) pair."""
    data = {"agenda-TOTAL_FORMS": str(len(rows)), "agenda-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        title, material = row if isinstance(row, tuple) else (row, None)
        data[f"agenda-{i}-title"] = title
        data[f"agenda-{i}-material"] = material.pk if material is not None else ""
    return data


def meeting_post(secretary, members, date, **extra):
    return {
        "kind": MeetingKind.THEMATIC,
        "topic": "Chuyên đề tháng",
        "date": date.isoformat(),
        "start_time": "19:30",
        "place": "Nhà văn hóa ấp",
        "chair": secretary.pk,
        "recorder": members[0].pk,
        "notice": "",
        **extra,
    }


def test_secretary_creates_meeting_through_the_form(client, secretary, members):
    login(client, secretary)
    form_page = client.get(reverse("meetings:create"))
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert "Sinh hoạt theo tài liệu: Tài liệu sinh hoạt chi bộ khu dân cư" in html
    date = timezone.localdate() + datetime.timedelta(days=40)
    response = client.post(
        reverse("meetings:create") + f"?date={date.isoformat()}",
        {
            "kind": MeetingKind.THEMATIC,
            "topic": "Chuyên đề học tập và làm theo tư tưởng, đạo đức Hồ Chí Minh",
            "date": date.isoformat(),
            "start_time": "19:30",
            "place": "Nhà văn hóa ấp",
            "chair": secretary.pk,
            "recorder": members[0].pk,
            **agenda_rows("Quán triệt chuyên đề", "Thảo luận"),
            "notice": "Mời các đồng chí đọc trước tài liệu.",
        },
    )
    meeting = Meeting.objects.get(cell=secretary.cell, kind=MeetingKind.THEMATIC)
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:detail", args=[meeting.pk])
    assert list(meeting.agenda_items.values_list("title", flat=True)) == [
        "Quán triệt chuyên đề",
        "Thảo luận",
    ]
    assert meeting.chair == secretary and meeting.recorder == members[0]
    assert ModelLogEntry.objects.filter(
        action="meetings.meeting.create", object_id=str(meeting.pk)
    ).exists()


def test_agenda_keeps_its_material_by_id_whatever_the_titles(client, secretary, members):
    """The line's text and the material's title can both change: the link stays."""
    today = timezone.localdate()
    _agenda, (material,) = services.suggested_agenda(secretary.cell, today)
    login(client, secretary)
    form_page = client.get(reverse("meetings:create")).content.decode()
    assert f'<option value="{material.pk}" selected>' in form_page
    # An editor renames the material while the secretary fills in the form.
    material.title = "Tài liệu sinh hoạt chi bộ khu dân cư (bản sửa)"
    material.save()
    response = client.post(
        reverse("meetings:create"),
        meeting_post(
            secretary,
            members,
            today,
            **agenda_rows(
                ("Học tập tài liệu tháng, liên hệ thực tế ấp", material),
                ("", material),
                "Thảo luận",
            ),
        ),
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(cell=secretary.cell, kind=MeetingKind.THEMATIC)
    items = list(meeting.agenda_items.values_list("title", "material"))
    assert items == [
        ("Học tập tài liệu tháng, liên hệ thực tế ấp", material.pk),
        (f"Sinh hoạt theo tài liệu: {material.title}", material.pk),
        ("Thảo luận", None),
    ]
    material.title = "Tài liệu đổi tên lần hai"
    material.save()
    html = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert html.count(f'href="{material.url}">đọc tài liệu</a>') == 2


def test_agenda_material_must_be_one_of_the_months(client, secretary, members):
    today = timezone.localdate()
    _agenda, (material,) = services.suggested_agenda(secretary.cell, today)
    later = today + datetime.timedelta(days=400)  # a month without material
    login(client, secretary)
    response = client.post(
        reverse("meetings:create"),
        meeting_post(secretary, members, later, **agenda_rows(("Học tập", material))),
    )
    assert response.status_code == 200
    assert "Tài liệu này không thuộc tháng của buổi sinh hoạt" in response.content.decode()
    assert not Meeting.objects.filter(cell=secretary.cell).exists()


def test_migration_links_agenda_items_whose_title_names_a_material(meeting):
    migration = importlib.import_module("cms.meetings.migrations.0002_agenda_material_by_id")
    _agenda, (material,) = services.suggested_agenda(meeting.cell, meeting.date)
    meeting.materials.add(material)
    named = AgendaItem.objects.create(
        meeting=meeting, title=f"Sinh hoạt theo tài liệu: {material.title}"
    )
    unknown = AgendaItem.objects.create(
        meeting=meeting, title="Sinh hoạt theo tài liệu: một tài liệu khác"
    )
    migration.link_by_title(django_apps, None)
    named.refresh_from_db()
    unknown.refresh_from_db()
    assert named.material_id == material.pk and unknown.material_id is None


def test_rank_and_file_member_cannot_create_a_meeting(client, members):
    login(client, members[1])
    assert client.get(reverse("meetings:create")).status_code == 404
    with pytest.raises(services.MeetingError, match="Chỉ bí thư, phó bí thư"):
        services.create_meeting(
            members[1].user,
            kind=MeetingKind.REGULAR,
            topic="x",
            date=timezone.localdate(),
            start_time=datetime.time(8),
            place="x",
            chair=None,
            recorder=None,
        )
    assert not Meeting.objects.filter(cell=members[1].cell).exists()


def test_second_regular_meeting_in_a_month_is_refused(meeting, secretary):
    with pytest.raises(services.MeetingError, match="đã có buổi sinh hoạt thường kỳ tháng"):
        services.create_meeting(
            secretary.user,
            kind=MeetingKind.REGULAR,
            topic="Lần hai",
            date=meeting.date,
            start_time=datetime.time(8),
            place="x",
            chair=secretary,
            recorder=None,
        )
    assert Meeting.objects.filter(cell=secretary.cell).count() == 1


def test_chair_from_another_cell_is_refused(secretary, other_cell_member):
    with pytest.raises(services.MeetingError, match="phải là đảng viên của chi bộ"):
        services.create_meeting(
            secretary.user,
            kind=MeetingKind.THEMATIC,
            topic="x",
            date=timezone.localdate(),
            start_time=datetime.time(8),
            place="x",
            chair=other_cell_member,
            recorder=None,
        )


def test_members_see_the_next_meeting_and_its_materials_on_the_home_page(client, users, home_page):
    client.force_login(users["dangvien"])
    html = client.get("/").content.decode()
    assert "Lịch sinh hoạt chi bộ" in html
    upcoming = Meeting.objects.filter(cell__code="CM-X1-A1", status="scheduled").get()
    assert upcoming.topic in html
    assert reverse("meetings:detail", args=[upcoming.pk]) in html
    assert "Tài liệu đọc trước" in html
    assert upcoming.materials.first().url in html
    assert "style=" not in html


def test_anonymous_home_page_has_no_meeting_panel(client, home_page):
    html = client.get("/").content.decode()
    assert "Lịch sinh hoạt chi bộ" not in html


def test_meeting_pages_need_login_and_membership(client, meeting, other_cell_member, users):
    url = reverse("meetings:detail", args=[meeting.pk])
    assert client.get(url).status_code == 302
    login(client, other_cell_member)
    assert client.get(url).status_code == 404
    client.force_login(users["quantri"])  # a superuser is not the cell
    assert client.get(url).status_code == 404


def test_meeting_list_shows_the_cells_meetings(client, meeting, members):
    login(client, members[2])
    html = client.get(reverse("meetings:home")).content.decode()
    assert meeting.topic in html
    assert "Lên lịch buổi sinh hoạt" not in html
