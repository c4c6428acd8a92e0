import io

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest
from docx import Document
from pypdf import PdfReader

from cms.meetings import services
from cms.meetings.models import ImmutableMinutesError, Minutes, SupervisionScope
from cms.members.models import PartyOrganization

from .conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(open_meeting, secretary, members):
    """A meeting with attendance, an excused absentee and a closed vote."""
    for person in [secretary, *members[:3]]:
        services.mark_attendance(secretary.user, open_meeting, person.pk, "present")
    services.mark_attendance(
        secretary.user, open_meeting, members[3].pk, "excused", "Đi công tác xa"
    )
    motion = services.create_motion(
        secretary.user,
        open_meeting,
        question="Kết nạp quần chúng Nguyễn Thị Hiền vào Đảng",
        options=["Tán thành", "Không tán thành"],
        ballot_type="secret",
        majority_rule="members_majority",
    )
    services.open_motion(secretary.user, motion)
    for person in [secretary, *members[:3]]:
        services.cast_vote(person.user, motion.pk, motion.options.first().pk)
    services.close_motion(secretary.user, motion)
    return open_meeting


def edit_payload(minutes, **extra):
    data = {
        "lock_version": minutes.lock_version,
        "general_opinions": "",
        "conclusion": "",
        "end_time": "",
    }
    for i, _ in enumerate(minutes.items):
        data[f"content_{i}"] = f"Nội dung mục {i + 1}"
        data[f"opinions_{i}"] = ""
        data[f"conclusion_{i}"] = ""
    data.update(extra)
    return data


def test_minutes_facts_are_filled_in_automatically(held, members):
    facts = services.minutes_facts(held)
    assert facts["chair"] == "Nguyễn Văn Chủ Trì" and facts["recorder"] == "Trần Thị Thư Ký"
    assert (facts["expected"], facts["present"], facts["quorum_met"]) == (6, 4, True)
    assert {"name": "Võ Minh Đức", "status": "Vắng có lý do", "reason": "Đi công tác xa"} in facts[
        "absentees"
    ]
    (motion,) = facts["motions"]
    assert motion["options"][0] == {"label": "Tán thành", "count": 4, "share": 100.0}
    assert motion["passed"] is True  # 4 of 6 members > half


def test_recorder_writes_the_draft_through_the_form(client, held, recorder):
    login(client, recorder)
    url = reverse("meetings:minutes_edit", args=[held.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Đánh giá nhiệm vụ tháng trước" in html and "Võ Minh Đức" in html
    minutes = services.current_minutes(held)
    response = client.post(url, edit_payload(minutes, conclusion="Chi bộ thống nhất 100%."))
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.items[0] == {
        "title": "Đánh giá nhiệm vụ tháng trước",
        "content": "Nội dung mục 1",
        "opinions": "",
        "conclusion": "",
    }
    assert minutes.conclusion == "Chi bộ thống nhất 100%." and minutes.lock_version == 2
    assert ModelLogEntry.objects.filter(
        action="meetings.minutes.edit", object_id=str(minutes.pk)
    ).exists()


def test_an_ordinary_member_cannot_edit_the_minutes(client, held, members):
    login(client, members[2])
    assert client.get(reverse("meetings:minutes_edit", args=[held.pk])).status_code == 404


def test_second_concurrent_save_is_refused_with_a_conflict_message(
    client, held, recorder, secretary
):
    minutes = services.get_or_start_minutes(recorder.user, held)
    stale_version = minutes.lock_version
    services.save_minutes(
        secretary.user,
        minutes,
        lock_version=stale_version,
        items=minutes.items,
        general_opinions="Ý kiến của bí thư",
        conclusion="Bản của bí thư",
        end_time=None,
    )
    login(client, recorder)
    response = client.post(
        reverse("meetings:minutes_edit", args=[held.pk]),
        {**edit_payload(minutes, conclusion="Bản của thư ký"), "lock_version": stale_version},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Biên bản vừa được người khác lưu trước khi đồng chí bấm lưu" in html
    assert "Bản của thư ký" in html  # what the recorder typed is still on screen
    minutes.refresh_from_db()
    assert minutes.conclusion == "Bản của bí thư" and minutes.lock_version == 2


def test_chair_approves_only_after_closing_and_then_minutes_are_immutable(
    client, held, secretary, recorder
):
    minutes = services.get_or_start_minutes(recorder.user, held)
    with pytest.raises(services.MeetingError, match="bế mạc"):
        services.approve_minutes(secretary.user, minutes, lock_version=minutes.lock_version)
    with pytest.raises(services.MeetingError, match="Chỉ đồng chí chủ trì"):
        services.approve_minutes(recorder.user, minutes, lock_version=minutes.lock_version)
    services.close_meeting(secretary.user, held)
    login(client, secretary)
    response = client.post(
        reverse("meetings:minutes_approve", args=[held.pk]),
        {"lock_version": minutes.lock_version},
        follow=True,
    )
    assert "Biên bản đã được thông qua và không thể sửa nữa." in response.content.decode()
    minutes.refresh_from_db()
    assert minutes.is_approved and minutes.facts["present"] == 4
    frozen = (minutes.items, minutes.conclusion, minutes.lock_version)
    # an edit through the page is refused
    login(client, recorder)
    response = client.post(
        reverse("meetings:minutes_edit", args=[held.pk]),
        edit_payload(minutes, conclusion="Sửa lén"),
        follow=True,
    )
    assert "Biên bản đã được thông qua nên không thể sửa" in response.content.decode()
    # and through the service and the model
    with pytest.raises(services.MeetingError, match="đã được thông qua"):
        services.save_minutes(
            recorder.user,
            minutes,
            lock_version=minutes.lock_version,
            items=[],
            general_opinions="",
            conclusion="Sửa lén",
            end_time=None,
        )
    minutes.conclusion = "Sửa lén"
    with pytest.raises(ImmutableMinutesError):
        minutes.save()
    minutes.refresh_from_db()
    assert (minutes.items, minutes.conclusion, minutes.lock_version) == frozen
    assert ModelLogEntry.objects.filter(
        action="meetings.minutes.approve", user=secretary.user
    ).exists()


def test_correction_is_a_new_version_with_a_reason_and_history_is_kept(
    client, held, secretary, recorder
):
    minutes = services.get_or_start_minutes(recorder.user, held)
    minutes = services.save_minutes(
        recorder.user,
        minutes,
        lock_version=1,
        items=minutes.items,
        general_opinions="",
        conclusion="Kết luận ban đầu",
        end_time=None,
    )
    held = services.close_meeting(secretary.user, held)
    services.approve_minutes(secretary.user, minutes, lock_version=minutes.lock_version)
    login(client, recorder)
    response = client.post(
        reverse("meetings:minutes_correct", args=[held.pk]), {"reason": ""}, follow=True
    )
    assert "Hãy ghi lý do đính chính biên bản." in response.content.decode()
    client.post(
        reverse("meetings:minutes_correct", args=[held.pk]), {"reason": "Ghi sai giờ kết thúc"}
    )
    v2 = services.current_minutes(held)
    assert (v2.number, v2.status, v2.correction_reason, v2.conclusion) == (
        2,
        "draft",
        "Ghi sai giờ kết thúc",
        "Kết luận ban đầu",
    )
    services.save_minutes(
        recorder.user,
        v2,
        lock_version=v2.lock_version,
        items=v2.items,
        general_opinions="",
        conclusion="Kết luận đã đính chính",
        end_time=None,
    )
    v2.refresh_from_db()
    services.approve_minutes(secretary.user, v2, lock_version=v2.lock_version)
    versions = list(
        Minutes.objects.filter(meeting=held)
        .order_by("number")
        .values_list("number", "status", "conclusion")
    )
    assert versions == [
        (1, "approved", "Kết luận ban đầu"),
        (2, "approved", "Kết luận đã đính chính"),
    ]
    html = client.get(reverse("meetings:minutes", args=[held.pk])).content.decode()
    assert "Lịch sử phiên bản" in html and "Ghi sai giờ kết thúc" in html
    old = client.get(reverse("meetings:minutes_version", args=[held.pk, 1])).content.decode()
    assert "Kết luận ban đầu" in old


def test_minutes_are_read_by_the_cell_and_superior_committees_only(
    client, held, recorder, members, other_cell_member
):
    services.get_or_start_minutes(recorder.user, held)
    url = reverse("meetings:minutes", args=[held.pk])
    pdf = reverse("meetings:minutes_export", args=[held.pk, 1, "pdf"])
    User = get_user_model()
    login(client, members[4])
    assert client.get(url).status_code == 200
    # a committee officer of Cẩm Mỹ (ancestor of the cell) reads; of Biên Hòa does not
    officer = User.objects.create_user("capuy-cm-test", password="x")
    SupervisionScope.objects.create(
        user=officer, organization=PartyOrganization.objects.get(code="CM")
    )
    client.force_login(officer)
    assert client.get(url).status_code == 200
    assert client.get(pdf).status_code == 200
    stranger = User.objects.create_user("capuy-bh-test", password="x")
    SupervisionScope.objects.create(
        user=stranger, organization=PartyOrganization.objects.get(code="BH")
    )
    for user in [stranger, other_cell_member.user, User.objects.get(username="quantri")]:
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.get(pdf).status_code == 404
    client.logout()
    assert client.get(pdf).status_code == 302


def test_exports_carry_correct_vietnamese(client, held, secretary, recorder):
    minutes = services.get_or_start_minutes(recorder.user, held)
    services.save_minutes(
        recorder.user,
        minutes,
        lock_version=1,
        items=minutes.items,
        general_opinions="Đồng chí Lê Văn Đồng đề nghị tăng cường tuyên truyền.",
        conclusion="Chi bộ thống nhất nghị quyết tháng.",
        end_time=None,
    )
    login(client, secretary)
    pdf = client.get(reverse("meetings:minutes_export", args=[held.pk, 1, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    docx = client.get(reverse("meetings:minutes_export", args=[held.pk, 1, "docx"]))
    doc = Document(io.BytesIO(docx.content))
    doc_text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for row in t.rows for c in row.cells
    )
    for expected in [
        "BIÊN BẢN SINH HOẠT CHI BỘ",
        "CHI BỘ ẤP THỬ NGHIỆM",
        "Nguyễn Văn Chủ Trì",
        "Trần Thị Thư Ký",
        "Võ Minh Đức: vắng có lý do – lý do: Đi công tác xa",
        "Kết nạp quần chúng Nguyễn Thị Hiền vào Đảng",
        "Đồng chí Lê Văn Đồng đề nghị tăng cường tuyên truyền.",
        "Chi bộ thống nhất nghị quyết tháng.",
    ]:
        assert expected in " ".join(text.split()), expected
        assert expected in doc_text, expected
    assert (
        client.get(reverse("meetings:minutes_export", args=[held.pk, 1, "exe"])).status_code == 404
    )
