from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from cms.resolutions.blocks import QuizQuestionBlock
from cms.resolutions.models import ResolutionStudyPage
from cms.study import services
from cms.study.models import QuizAttempt

pytestmark = pytest.mark.django_db


def _ids(page):
    return [block_id for block_id, _ in services.quiz_questions(page)]


def test_scoring_one_and_several_right_answers(resolution):
    q1, q2, q3 = _ids(resolution)
    result = services.score_quiz(resolution, {q1: [0], q2: [0], q3: [0]})
    # question 2 has two right answers: one of them is not enough
    assert (result.correct, result.total, result.percent) == (2, 3, 67)
    assert result.passed  # pass mark 60 %
    (wrong,) = result.wrong
    assert wrong.number == 2
    assert wrong.right_texts == ["Đọc tài liệu trước buổi sinh hoạt", "Điểm danh và biểu quyết"]
    assert "tài liệu mật không bao giờ" in wrong.explanation
    assert services.score_quiz(resolution, {q1: [0], q2: [0, 1], q3: [0]}).correct == 3
    assert services.score_quiz(resolution, {q1: [0, 1], q2: [0, 1, 2]}).correct == 0


def test_member_submits_sees_score_wrong_answers_and_explanations(client, member_in, resolution):
    member = member_in("TST-A")
    client.force_login(member.user)
    url = reverse("study:quiz", args=[resolution.pk])
    form = client.get(url).content.decode()
    assert "Bài tự kiểm tra" in form and "Chi bộ sinh hoạt thường kỳ bao lâu một lần?" in form
    q1, q2, q3 = _ids(resolution)
    html = client.post(url, {f"q-{q1}": "1", f"q-{q2}": ["0", "1"]}).content.decode()
    assert "Kết quả: đúng 1/3 câu (33%)" in html
    assert "Chưa đạt (cần 60%)" in html
    assert "Đáp án đúng" in html and "Mỗi tháng một lần" in html
    assert "Điều lệ Đảng quy định" in html  # the explanation of question 1
    assert "Biên bản đã phê duyệt là bất biến" in html  # question 3, left blank
    assert "(bỏ trống)" in html

    html = client.post(
        url, {f"q-{q1}": "0", f"q-{q2}": ["0", "1"], f"q-{q3}": "0"}
    ).content.decode()
    assert "Kết quả: đúng 3/3 câu (100%)" in html and "Đạt." in html
    client.post(url, {f"q-{q1}": "2"})
    attempts = QuizAttempt.objects.filter(member=member, page=resolution)
    assert attempts.count() == 3
    best = QuizAttempt.objects.best_for(member, resolution)
    assert best.correct == 3 and best.passed
    assert "kết quả tốt nhất 100%" in client.get(url).content.decode()


def test_garbage_answers_are_wrong_answers_not_errors(client, member_in, resolution):
    client.force_login(member_in("TST-A").user)
    url = reverse("study:quiz", args=[resolution.pk])
    q1, *_ = _ids(resolution)
    response = client.post(url, {f"q-{q1}": ["99", "-1", "abc", "０"], "q-unknown": "1"})
    assert response.status_code == 200
    assert "Kết quả: đúng 0/3 câu" in response.content.decode()


def test_a_page_without_quiz_has_no_quiz_page(client, member_in):
    page = ResolutionStudyPage.objects.exclude(slug="nghi-quyet-thu").filter(quiz=[]).first()
    client.force_login(member_in("TST-A").user)
    if page is not None:
        assert client.get(reverse("study:quiz", args=[page.pk])).status_code == 404
    assert client.get(reverse("study:quiz", args=[999999])).status_code == 404


def test_question_block_needs_two_choices_and_a_right_one():
    block = QuizQuestionBlock()
    value = {
        "question": "Câu hỏi?",
        "choices": [{"text": "A", "correct": False}, {"text": "B", "correct": False}],
        "explanation": "Vì thế.",
    }
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(value))
    assert "ít nhất một đáp án đúng" in str(error.value.block_errors)
    value["choices"] = [{"text": "A", "correct": True}]
    with pytest.raises(ValidationError):
        block.clean(block.to_python(value))
    value["choices"].append({"text": "B", "correct": False})
    assert block.clean(block.to_python(value))["question"] == "Câu hỏi?"
