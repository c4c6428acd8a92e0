import io

from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest
from openpyxl import load_workbook

from cms.members.choices import MemberStatus, Position
from cms.members.factories import UserFactory
from cms.members.models import UnitStaff
from cms.resolutions.models import Audience
from cms.study import reach
from cms.study.choices import SummaryStatus
from cms.study.factories import (
    LearningSummaryFactory,
    QuizAttemptFactory,
    StudyAssignmentFactory,
    StudyReadFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(tree, member_in, resolution):
    """TST-A: 3 assigned (one did everything, one read, one nothing); TST-B: 1 read and passed;
    TSU-A is not assigned (its read must not count); a member who left is not counted."""
    assignment = StudyAssignmentFactory(
        page=resolution, audience=Audience.UNITS, units=[tree["TST"]]
    )
    a1 = member_in("TST-A", full_name='=HYPERLINK("http://x.invalid","Bấm")')
    a2, _a3 = member_in("TST-A"), member_in("TST-A")
    secretary = member_in("TST-A", position=Position.SECRETARY, status=MemberStatus.TRANSFERRED)
    b1 = member_in("TST-B")
    outside = member_in("TSU-A")
    for m in (a1, a2, b1, outside, secretary):
        StudyReadFactory(member=m, page=resolution)
    QuizAttemptFactory(member=a1, page=resolution, correct=1, total=3)
    QuizAttemptFactory(member=a1, page=resolution, correct=3, total=3)
    QuizAttemptFactory(member=a2, page=resolution, correct=1, total=3)
    QuizAttemptFactory(member=b1, page=resolution, correct=2, total=3)
    LearningSummaryFactory(member=a1, page=resolution, status=SummaryStatus.REVIEWED, comment="Tốt")
    LearningSummaryFactory(member=a2, page=resolution, status=SummaryStatus.DRAFT)
    return {"assignment": assignment, "a1": a1, "b1": b1}


def _numbers(row):
    return (row.assigned, row.read, row.passed, row.submitted, row.reviewed)


def test_figures_per_unit_and_drill_down(tree, figures):
    assignment = figures["assignment"]
    total, rows = reach.unit_rows(assignment, tree["TST"])
    assert [r.unit.code for r in rows] == ["TST-CS"]
    assert _numbers(total) == (4, 3, 2, 1, 1)
    total, rows = reach.unit_rows(assignment, tree["TST-CS"])
    by_code = {r.unit.code: r for r in rows}
    assert _numbers(by_code["TST-A"]) == (3, 2, 1, 1, 1)
    assert _numbers(by_code["TST-B"]) == (1, 1, 1, 0, 0)
    assert by_code["TST-A"].below_target and not by_code["TST-B"].below_target
    assert by_code["TST-A"].read_share == 66.7
    total, rows = reach.unit_rows(assignment, tree["TSU"])
    assert _numbers(total) == (0, 0, 0, 0, 0)
    members = reach.member_rows(assignment, tree["TST-A"])
    assert len(members) == 3
    assert sum(r.reviewed for r in members) == 1


def _viewer(perm=False):
    user = UserFactory()
    if perm:
        user.user_permissions.add(Permission.objects.get(codename="view_reach"))
    return user


def _get(client, code, assignment, name="study:reach"):
    return client.get(reverse(name), {"don-vi": code, "noi-dung": assignment.pk})


def test_report_page_highlights_units_below_target(client, tree, figures):
    client.force_login(_viewer(perm=True))
    html = _get(client, "TST-CS", figures["assignment"]).content.decode()
    assert "Báo cáo học tập" in html and "Chi bộ ấp Thử A" in html
    assert "Dưới chỉ tiêu" in html and 'class="study-below"' in html
    assert "66.7%" in html or "66,7%" in html
    assert "don-vi=TST-A" in html  # drill-down link
    assert "style=" not in html.split("<main", 1)[1]


def test_member_level_view_is_audited(client, tree, figures):
    viewer = _viewer(perm=True)
    client.force_login(viewer)
    html = _get(client, "TST-A", figures["assignment"]).content.decode()
    assert "Chưa đọc" in html and "Đã nhận xét" in html
    entry = ModelLogEntry.objects.get(action="personal_data.read", user=viewer)
    assert entry.object_id == str(tree["TST-A"].pk)
    assert entry.data["what"] == "Báo cáo học tập theo đảng viên"
    assert entry.data["people"] == 3


@pytest.mark.parametrize(
    "who, allowed, refused",
    [
        ("officer", ["TST", "TST-CS", "TST-A", "TST-B"], ["TSU", "TSU-A", "root"]),
        ("secretary", ["TST-A"], ["TST-B", "TST", "TSU-A", "root"]),
        ("member", [], ["TST-A", "TST"]),
        ("staff", [], ["TST-A", "root"]),
        ("province", ["root", "TST", "TSU-A"], []),
    ],
)
def test_scope(client, tree, member_in, figures, who, allowed, refused):
    if who == "officer":
        user = _viewer()
        UnitStaff.objects.create(user=user, unit=tree["TST"])
    elif who == "secretary":
        user = member_in("TST-A", position=Position.SECRETARY).user
    elif who == "member":
        user = member_in("TST-A").user
    elif who == "staff":
        user = _viewer()
    else:
        user = _viewer(perm=True)
    client.force_login(user)
    for code in allowed:
        assert _get(client, tree[code].code, figures["assignment"]).status_code == 200, code
    for code in refused:
        for name in ("study:reach", "study:reach_xlsx"):
            assert _get(client, tree[code].code, figures["assignment"], name).status_code == 403


def test_anonymous_is_sent_to_login(client, figures):
    response = client.get(reverse("study:reach"))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_bad_input_gets_a_message_not_an_error(client, tree, figures):
    client.force_login(_viewer(perm=True))
    response = client.get(reverse("study:reach"), {"don-vi": "TST", "noi-dung": "abc'--"})
    assert response.status_code == 200
    assert "Không tìm thấy nội dung học tập đã chọn" in response.content.decode()
    response = client.get(reverse("study:reach"), {"don-vi": "KHONG-CO"})
    assert response.status_code == 404


def test_xlsx_reads_back_with_names_as_text(client, tree, figures):
    viewer = _viewer(perm=True)
    client.force_login(viewer)
    response = _get(client, "TST-CS", figures["assignment"], "study:reach_xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[3][:3] == ["Mã đơn vị", "Đơn vị", "Đã giao"]
    assert rows[4][:5] == ["TST-A", "Chi bộ ấp Thử A", 3, 2, 66.7]
    assert rows[-1][2:4] == [4, 3]

    response = _get(client, "TST-A", figures["assignment"], "study:reach_xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    name_cells = [row[0] for row in sheet.iter_rows(min_row=5) if row[0].value]
    formula_like = [c for c in name_cells if str(c.value).startswith("=")]
    assert formula_like and all(c.data_type == "s" for c in formula_like)
    assert formula_like[0].value == figures["a1"].full_name
    entry = ModelLogEntry.objects.get(action="personal_data.export", user=viewer)
    assert entry.data["people"] == 3


def test_every_item_side_by_side_for_a_unit(client, tree, member_in, figures):
    from cms.bulletins.factories import BulletinPageFactory
    from cms.bulletins.models import BulletinIndexPage

    bulletin = BulletinPageFactory(
        parent=BulletinIndexPage.objects.live().first(), title="Bản tin nội bộ thử"
    )
    everyone = StudyAssignmentFactory(page=bulletin)
    member = member_in("TST-B")
    StudyReadFactory(member=member, page=bulletin)
    StudyReadFactory(member=figures["b1"], page=bulletin)
    rows = reach.item_rows([figures["assignment"], everyone], tree["TST-CS"])
    # The new TST-B member is assigned the resolution too (it goes to the whole TST).
    assert [_numbers(r) for r in rows] == [(5, 3, 2, 1, 1), (5, 2, 0, 0, 0)]
    assert rows[0].read_share == 60.0 and rows[1].read_share == 40.0
    assert rows[0].below_target and rows[1].below_target
    assert not reach.item_rows([everyone], tree["TST-B"])[0].below_target  # 2 of 2 read
    assert not rows[1].kind.has_quiz and rows[0].kind.asks_for_summary

    client.force_login(_viewer(perm=True))
    url = reverse("study:reach_overview")
    html = client.get(url, {"don-vi": "TST-CS"}).content.decode()
    assert "Mọi nội dung học tập" in html and "Bản tin nội bộ thử" in html
    assert "Học tập Nghị quyết thử" in html and "Dưới chỉ tiêu" in html
    assert f"noi-dung={everyone.pk}" in html  # on to the item, unit by unit
    officer = _viewer()
    UnitStaff.objects.create(user=officer, unit=tree["TST"])
    client.force_login(officer)
    assert client.get(url, {"don-vi": "TST-A"}).status_code == 200
    assert client.get(url, {"don-vi": "TSU-A"}).status_code == 403
    assert client.get(url, {"don-vi": "KHONG-CO"}).status_code == 404
