from django.urls import reverse

import pytest

from cms.members.choices import Position
from cms.members.factories import UserFactory
from cms.members.models import UnitStaff
from cms.study.choices import NotificationKind
from cms.study.models import Notification, Question

pytestmark = pytest.mark.django_db


def test_member_asks_cell_secretary_answers_and_member_is_told(client, tree, member_in, resolution):
    member = member_in("TST-A")
    secretary = member_in("TST-A", position=Position.SECRETARY)
    other_secretary = member_in("TST-B", position=Position.SECRETARY)
    client.force_login(member.user)
    assert "Hỏi, góp ý về tài liệu này" in client.get(resolution.url).content.decode()
    url = reverse("study:ask", args=[resolution.pk])
    response = client.post(
        url,
        {"text": "Chi bộ ấp có phải họp ngày 3 không?", "kind": "question", "target": "cell"},
        follow=True,
    )
    assert "Đã gửi; đồng chí sẽ nhận thông báo" in response.content.decode()
    question = Question.objects.get(member=member)
    assert question.unit == tree["TST-A"]
    assert Notification.objects.filter(user=secretary.user, kind=NotificationKind.QUESTION).exists()

    answer_url = reverse("study:answer", args=[question.pk])
    client.force_login(other_secretary.user)
    assert client.get(answer_url).status_code == 403
    assert "Chi bộ ấp có phải" not in client.get(reverse("study:questions")).content.decode()

    client.force_login(secretary.user)
    assert "Chi bộ ấp có phải" in client.get(reverse("study:questions")).content.decode()
    client.post(
        answer_url, {"answer": "Chi bộ họp từ ngày 3 đến ngày 5.", "suggest_publishing": "1"}
    )
    question.refresh_from_db()
    assert question.is_answered and question.suggest_publishing
    assert not question.publication.live  # proposed: a draft for the editors
    assert Notification.objects.filter(user=member.user, kind=NotificationKind.ANSWERED).exists()

    client.force_login(member.user)
    assert (
        "Chi bộ họp từ ngày 3 đến ngày 5."
        in client.get(reverse("study:questions")).content.decode()
    )


def test_committee_question_goes_to_committee_staff(client, tree, member_in, resolution):
    member = member_in("TST-B")
    officer, outsider = UserFactory(), UserFactory()
    UnitStaff.objects.create(user=officer, unit=tree["TST"])
    UnitStaff.objects.create(user=outsider, unit=tree["TSU"])
    client.force_login(member.user)
    client.post(
        reverse("study:ask", args=[resolution.pk]),
        {"text": "Góp ý: nên in thêm tài liệu.", "kind": "opinion", "target": "committee"},
    )
    question = Question.objects.get(member=member)
    assert question.unit == tree["TST"] and question.kind == "opinion"
    client.force_login(outsider)
    assert client.get(reverse("study:answer", args=[question.pk])).status_code == 403
    client.force_login(officer)
    assert (
        client.post(
            reverse("study:answer", args=[question.pk]), {"answer": "Cảm ơn đồng chí."}
        ).status_code
        == 302
    )


def test_empty_or_unknown_input_gets_a_message(client, member_in, resolution):
    member = member_in("TST-A")
    client.force_login(member.user)
    url = reverse("study:ask", args=[resolution.pk])
    response = client.post(url, {"text": "  ", "kind": "question", "target": "cell"})
    assert response.status_code == 200 and "Hãy viết câu hỏi" in response.content.decode()
    response = client.post(url, {"text": "Câu hỏi", "kind": "x", "target": "tinh"})
    assert response.status_code == 200 and "Hãy chọn loại nội dung" in response.content.decode()
    assert not Question.objects.filter(member=member).exists()
