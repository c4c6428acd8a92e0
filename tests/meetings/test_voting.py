from django.db import models
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

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


def test_secret_ballot_records_that_and_what_but_never_links_them(open_meeting, secretary, members):
    present(open_meeting, secretary, [secretary, *members[:4]])
    motion = make_motion(open_meeting, secretary, ballot_type="secret")
    services.cast_vote(members[1].user, motion.pk, option(motion, "Tán thành").pk)
    services.cast_vote(members[2].user, motion.pk, option(motion, "Không tán thành").pk)
    # that they voted
    assert set(VoteReceipt.objects.filter(motion=motion).values_list("member", flat=True)) == {
        members[1].pk,
        members[2].pk,
    }
    # what was chosen, with no voter, no time, no sequential key
    ballots = list(Ballot.objects.filter(motion=motion))
    assert sorted(b.option.label for b in ballots) == ["Không tán thành", "Tán thành"]
    assert all(b.member_id is None for b in ballots)
    field_types = {type(f) for f in Ballot._meta.concrete_fields}
    assert not field_types & {
        models.DateTimeField,
        models.DateField,
        models.AutoField,
        models.BigAutoField,
    }
    assert Ballot._meta.pk.get_internal_type() == "UUIDField"
    # the audit log says who voted, never the choice
    for entry in ModelLogEntry.objects.filter(action="meetings.vote", object_id=str(motion.pk)):
        assert "option" not in entry.data
        assert "Tán thành" not in str(entry.data)
    services.close_motion(secretary.user, motion)
    assert Ballot.objects.filter(motion=motion, sealed=True).count() == 2


def test_results_are_hidden_until_close_even_in_the_live_json(
    client, voting, secretary, members, django_capture_on_commit_callbacks
):
    services.cast_vote(members[1].user, voting.pk, option(voting, "Tán thành").pk)
    login(client, members[2])
    data = client.get(reverse("meetings:live", args=[voting.meeting_id])).json()
    (entry,) = data["motions"]
    assert entry["votes"] == 1 and "result" not in entry
    with django_capture_on_commit_callbacks(execute=True):
        services.close_motion(secretary.user, voting)
    data = client.get(reverse("meetings:live", args=[voting.meeting_id])).json()
    assert data["motions"][0]["result"]["options"][0] == {"label": "Tán thành", "count": 1}


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
    import io

    from openpyxl import load_workbook

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
