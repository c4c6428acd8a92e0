from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from cms.members.choices import Position
from cms.study.choices import SummaryStatus
from cms.study.models import SUMMARY_MAX_LENGTH, LearningSummary

pytestmark = pytest.mark.django_db


def test_draft_then_submit_once(client, member_in, resolution):
    member = member_in("TST-A")
    client.force_login(member.user)
    url = reverse("study:summary", args=[resolution.pk])
    response = client.post(url, {"text": "Bản nháp đầu tiên.", "action": "save"}, follow=True)
    assert "Đã lưu bản nháp bài thu hoạch." in response.content.decode()
    summary = LearningSummary.objects.get(member=member, page=resolution)
    assert summary.status == SummaryStatus.DRAFT and summary.text == "Bản nháp đầu tiên."
    assert "Bản nháp đầu tiên." in client.get(url).content.decode()

    response = client.post(url, {"text": "Bài hoàn chỉnh.", "action": "submit"}, follow=True)
    assert "Đã gửi bài thu hoạch đến bí thư chi bộ." in response.content.decode()
    summary.refresh_from_db()
    assert summary.status == SummaryStatus.SUBMITTED and summary.submitted_at

    response = client.post(url, {"text": "Sửa sau khi gửi", "action": "submit"}, follow=True)
    assert "đã gửi, không sửa được nữa" in response.content.decode()
    summary.refresh_from_db()
    assert summary.text == "Bài hoàn chỉnh."


def test_too_long_or_empty_summary_gets_a_clear_message(client, member_in, resolution):
    member = member_in("TST-A")
    client.force_login(member.user)
    url = reverse("study:summary", args=[resolution.pk])
    response = client.post(url, {"text": "x" * (SUMMARY_MAX_LENGTH + 1), "action": "save"})
    assert response.status_code == 200
    assert "quá giới hạn 5000 ký tự" in response.content.decode()
    response = client.post(url, {"text": "   ", "action": "submit"})
    assert "còn trống, chưa gửi được" in response.content.decode()
    assert not LearningSummary.objects.filter(member=member).exclude(status=SummaryStatus.DRAFT)


def test_own_secretary_reviews_another_cells_secretary_gets_403(client, member_in, resolution):
    member = member_in("TST-A")
    secretary = member_in("TST-A", position=Position.SECRETARY)
    stranger = member_in("TST-B", position=Position.SECRETARY)
    summary = LearningSummary.objects.create(
        member=member, page=resolution, text="Bài của tôi.", status=SummaryStatus.SUBMITTED
    )
    review_url = reverse("study:review", args=[summary.pk])

    client.force_login(stranger.user)
    assert client.get(review_url).status_code == 403
    assert client.post(review_url, {"comment": "Không được"}).status_code == 403
    assert member.full_name not in client.get(reverse("study:cell_summaries")).content.decode()

    client.force_login(member.user)
    assert client.get(review_url).status_code == 403
    assert client.get(reverse("study:cell_summaries")).status_code == 403

    client.force_login(secretary.user)
    listing = client.get(reverse("study:cell_summaries")).content.decode()
    assert member.full_name in listing
    response = client.post(review_url, {"comment": "  "})
    assert "Hãy viết nhận xét" in response.content.decode()
    client.post(review_url, {"comment": "Bài viết sâu sắc, cần nêu việc làm cụ thể hơn."})
    summary.refresh_from_db()
    assert summary.status == SummaryStatus.REVIEWED and summary.reviewer == secretary.user
    assert ModelLogEntry.objects.filter(
        action="study.summary.review", object_id=str(summary.pk)
    ).exists()

    client.force_login(member.user)
    html = client.get(reverse("study:summary", args=[resolution.pk])).content.decode()
    assert "Bài viết sâu sắc, cần nêu việc làm cụ thể hơn." in html


def test_page_without_summary_request_has_no_summary_form(client, member_in, resolution):
    resolution.asks_for_summary = False
    resolution.save()
    client.force_login(member_in("TST-A").user)
    assert client.get(reverse("study:summary", args=[resolution.pk])).status_code == 404
