"""The study pages under /en/: English interface, Vietnamese stays the default."""

from django.urls import reverse
from django.utils import translation

import pytest

from cms.members.choices import Position
from cms.study import services
from cms.study.factories import StudyAssignmentFactory
from cms.study.models import Notification

pytestmark = pytest.mark.django_db


def _en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def test_member_space_quiz_and_inbox_in_english(client, member_in, resolution):
    member = member_in("TST-A")
    StudyAssignmentFactory(page=resolution)
    Notification.objects.create(user=member.user, kind="assigned", title="Mới")
    client.force_login(member.user)
    # Vietnamese is the default language.
    html = client.get(reverse("study:my_study")).content.decode()
    assert "Hạn hoàn thành" in html and "Deadline" not in html
    assert _en("study:my_study").startswith("/en/")

    html = client.get(_en("study:my_study")).content.decode()
    for english in ("My study", "Deadline", "Not read", "Self-check quiz not taken", "Read later"):
        assert english in html, english
    assert "1 unread" in html
    for vietnamese in ("Hạn hoàn thành", "Chưa đọc", "Chưa làm bài tự kiểm tra"):
        assert vietnamese not in html, vietnamese

    html = client.get(_en("study:quiz", resolution.pk)).content.decode()
    assert "Self-check quiz" in html and "Submit" in html and "Nộp bài" not in html
    html = client.post(_en("study:quiz", resolution.pk), {}).content.decode()
    assert "Result: 0/" in html and "Right answer" in html and "Đáp án đúng" not in html

    html = client.get(_en("study:inbox")).content.decode()
    assert "Mark all as read" in html and "Đánh dấu đã xem tất cả" not in html


def test_summary_review_and_report_in_english(client, member_in, resolution):
    member = member_in("TST-A")
    secretary = member_in("TST-A", position=Position.SECRETARY)
    StudyAssignmentFactory(page=resolution)
    summary = services.save_summary(member, resolution, "Bài của tôi.", submit=True)
    client.force_login(member.user)
    html = client.get(_en("study:summary", resolution.pk)).content.decode()
    assert "Submitted, awaiting review" in html or "Submitted" in html
    response = client.post(
        _en("study:summary", resolution.pk), {"text": "Sửa", "action": "submit"}, follow=True
    )
    assert "can no longer be changed" in response.content.decode()

    client.force_login(secretary.user)
    html = client.get(_en("study:review", summary.pk)).content.decode()
    assert "Review the learning summary" in html and "Save the comment" in html
    html = client.get(_en("study:reach")).content.decode()
    for english in ("Study report", "Assigned", "Member", "Not read"):
        assert english in html, english
    assert "Đã giao" not in html
