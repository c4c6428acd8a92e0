"""Every state change a person makes in the study domain leaves a record in Wagtail's log."""

from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from cms.members.choices import Position
from cms.resolutions.models import Audience
from cms.study import services
from cms.study.models import LearningSummary, QuizAttempt, StudyAssignment

pytestmark = pytest.mark.django_db


def _actions(instance):
    return list(
        ModelLogEntry.objects.filter(object_id=str(instance.pk), action__startswith="study.")
        .filter(content_type__model=instance._meta.model_name)
        .order_by("timestamp", "pk")
        .values_list("action", "user_id")
    )


def test_summary_submit_and_review_are_logged_with_who_did_it(member_in, resolution):
    member = member_in("TST-A")
    secretary = member_in("TST-A", position=Position.SECRETARY)
    services.save_summary(member, resolution, "Bản nháp.")
    summary = LearningSummary.objects.get(member=member)
    assert _actions(summary) == []  # a draft is the member's own, not yet sent
    summary = services.save_summary(member, resolution, "Bài hoàn chỉnh.", submit=True)
    services.review_summary(secretary.user, summary, "Bài viết tốt.")
    assert _actions(summary) == [
        ("study.summary.submit", member.user_id),
        ("study.summary.review", secretary.user_id),
    ]


def test_quiz_attempt_is_logged(member_in, resolution):
    member = member_in("TST-B")
    attempt, _result = services.submit_quiz(member, resolution, {})
    assert _actions(attempt) == [("study.quiz.submit", member.user_id)]
    assert QuizAttempt.objects.filter(member=member).count() == 1


def test_assignment_created_and_changed_in_the_admin_is_logged(client, users, resolution):
    client.force_login(users["tuyengiao"])
    data = {
        "page": resolution.pk,
        "audience": Audience.ALL,
        "deadline": "30/12/2026",
        "assigned_on": "10/11/2026",
    }
    client.post(reverse("wagtailsnippets_study_studyassignment:add"), data)
    assignment = StudyAssignment.objects.get(page=resolution)
    data["deadline"] = "31/12/2026"
    edit = reverse("wagtailsnippets_study_studyassignment:edit", args=[assignment.pk])
    assert client.post(edit, data).status_code == 302
    logged = ModelLogEntry.objects.filter(
        object_id=str(assignment.pk), content_type__model="studyassignment"
    ).values_list("action", "user__username")
    assert set(logged) >= {("wagtail.create", "tuyengiao"), ("wagtail.edit", "tuyengiao")}
