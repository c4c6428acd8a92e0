"""Issue 15, items 9 and 10: meeting input the services refuse, in Vietnamese."""

import datetime
import io

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from cms.files.samples import build_pdf
from cms.files.validation import check_upload, detect_kind
from cms.meetings import services
from cms.meetings.choices import MeetingKind
from cms.meetings.models import Meeting, Motion

from .conftest import login
from .test_minutes import edit_payload, held  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "date", [datetime.date(1, 1, 1), datetime.date(9999, 12, 31), datetime.date(1900, 1, 1)]
)
def test_meeting_dates_outside_a_sane_range_are_refused(client, secretary, members, date):
    login(client, secretary)
    response = client.post(
        reverse("meetings:create"),
        {
            "kind": MeetingKind.THEMATIC,
            "topic": "Chuyên đề",
            "date": date.isoformat(),
            "start_time": "19:30",
            "place": "Nhà văn hóa ấp",
            "chair": secretary.pk,
            "recorder": members[0].pk,
            "agenda-TOTAL_FORMS": "0",
            "agenda-INITIAL_FORMS": "0",
            "notice": "",
        },
    )
    assert response.status_code == 200
    assert "trong vòng hai năm" in response.content.decode()
    assert not Meeting.objects.filter(cell=secretary.cell, kind=MeetingKind.THEMATIC).exists()


def test_a_meeting_next_year_is_fine(secretary, members):
    date = timezone.localdate() + datetime.timedelta(days=400)
    meeting = services.create_meeting(
        secretary.user,
        kind=MeetingKind.THEMATIC,
        topic="Chuyên đề năm sau",
        date=date,
        start_time=datetime.time(8),
        place="Hội trường",
        chair=secretary,
        recorder=members[0],
    )
    assert meeting.date == date


def test_a_motion_with_a_thousand_options_is_refused(client, open_meeting, secretary):
    login(client, secretary)
    response = client.post(
        reverse("meetings:motion_create", args=[open_meeting.pk]),
        {
            "question": "Bầu chọn",
            "options": "\n".join(f"Phương án {i}" for i in range(1000)),
            "ballot_type": "open",
            "majority_rule": "members_majority",
        },
    )
    assert response.status_code == 200
    assert "tối đa 20 phương án" in response.content.decode()
    assert not Motion.objects.filter(meeting=open_meeting).exists()
    with pytest.raises(services.MeetingError, match="tối đa 255 ký tự"):
        services.create_motion(
            secretary.user,
            open_meeting,
            question="Câu hỏi",
            options=["Tán thành", "x" * 256],
            ballot_type="open",
            majority_rule="members_majority",
        )


def test_a_megabyte_in_the_minutes_is_refused(client, held, recorder):  # noqa: F811
    login(client, recorder)
    minutes = services.get_or_start_minutes(recorder.user, held)
    response = client.post(
        reverse("meetings:minutes_edit", args=[held.pk]),
        edit_payload(minutes, conclusion="a" * 1_000_000),
    )
    assert "tối đa 20.000 ký tự" in response.content.decode()
    minutes.refresh_from_db()
    assert minutes.conclusion == "" and minutes.lock_version == 1


@pytest.mark.parametrize("lock_version", [None, "", "abc", "0", "99999999999999999999"])
def test_a_missing_or_broken_lock_version_is_explained(client, held, recorder, lock_version):  # noqa: F811
    login(client, recorder)
    minutes = services.get_or_start_minutes(recorder.user, held)
    payload = edit_payload(minutes, conclusion="Bản của thư ký")
    if lock_version is None:
        del payload["lock_version"]
    else:
        payload["lock_version"] = lock_version
    response = client.post(reverse("meetings:minutes_edit", args=[held.pk]), payload)
    assert response.status_code == 400
    html = response.content.decode()
    assert "thiếu số phiên bản" in html and "Bản của thư ký" in html
    minutes.refresh_from_db()
    assert minutes.conclusion == ""


def test_minutes_version_zero_is_not_found(client, held, secretary, recorder):  # noqa: F811
    services.get_or_start_minutes(recorder.user, held)
    login(client, secretary)
    assert client.get(reverse("meetings:minutes_version", args=[held.pk, 0])).status_code == 404
    for fmt in ("pdf", "docx"):
        url = reverse("meetings:minutes_export", args=[held.pk, 0, fmt])
        assert client.get(url).status_code == 404
    assert client.get(reverse("meetings:minutes_version", args=[held.pk, 1])).status_code == 200


def test_html_with_a_pdf_marker_in_a_comment_is_not_a_pdf():
    fake = b"<!-- %PDF-1.4 -->\n<html><body><script>alert(1)</script></body></html>\n%%EOF"
    assert detect_kind(io.BytesIO(fake)) == "html"
    with pytest.raises(ValidationError, match="không phải PDF thật"):
        check_upload(io.BytesIO(fake), "bao-cao.pdf")
    truncated = build_pdf(["Văn bản"]).replace(b"%%EOF", b"")  # cut off in transfer
    assert detect_kind(io.BytesIO(truncated)) != "pdf"
    assert detect_kind(io.BytesIO(build_pdf(["Văn bản thật"]))) == "pdf"
    assert detect_kind(io.BytesIO(b"\n\n" + build_pdf(["Có dòng trống đầu tệp"]))) == "pdf"
