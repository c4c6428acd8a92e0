"""The seed's study data (this test is about the demo, so it reads it)."""

from django.urls import reverse

import pytest

from cms.members.models import PartyOrganization
from cms.study import reach
from cms.study.models import LearningSummary, QuizAttempt, StudyAssignment, StudyRead

pytestmark = pytest.mark.django_db


def test_demo_has_believable_study_figures(client, users):
    assert StudyAssignment.objects.count() >= 3
    assert StudyRead.objects.count() > 100
    assert QuizAttempt.objects.filter(passed=True).exists()
    assert LearningSummary.objects.filter(status="reviewed").exists()
    main = StudyAssignment.objects.get(page__slug="nghi-quyet-12-nq-tu")
    total, rows = reach.unit_rows(main, PartyOrganization.get_first_root_node())
    assert total.assigned > total.read > total.passed > 0
    assert total.submitted > total.reviewed > 0
    assert any(r.below_target for r in rows) and not all(r.below_target for r in rows)

    client.force_login(users["dangvien"])
    html = client.get(reverse("study:my_study")).content.decode()
    assert "Học tập Nghị quyết 12-NQ/TU" in html and "Bản nháp" in html
    assert "chưa xem" in html
    assert (
        "Đảng viên đi làm ăn xa học tập nghị quyết thế nào?"
        in client.get(main.page.url).content.decode()
    )
    client.force_login(users["tuyengiao"])
    assert client.get(reverse("study:reach")).status_code == 200
    client.force_login(users["bithu"])
    assert client.get(reverse("study:cell_summaries")).status_code == 200
