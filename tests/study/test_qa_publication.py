"""Answered questions reach the material only through the editorial workflow, anonymised.

The officer who answers proposes publication; a propaganda editor rewrites the
entry without who asked (the form refuses the member's name, card number and
cell); the propaganda workflow (review → state-secret screening → approval)
publishes it. Before the final approval nothing shows on the page.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from wagtail.models import ModelLogEntry, TaskState

import pytest

from cms.members.choices import Position
from cms.study import questions
from cms.study.models import Notification, PublishedQuestion

pytestmark = pytest.mark.django_db

ASKED = "Tôi là Lê Thị Người Hỏi, Chi bộ ấp Thử A, xin hỏi hạn học tập nghị quyết là khi nào?"
ANSWER = "Hạn học tập là ngày 31 tháng 12; chi bộ tổ chức học bù cho người vắng."
REWRITTEN = "Hạn học tập nghị quyết là khi nào, có học bù không?"


@pytest.fixture
def proposed(tree, member_in, resolution):
    member = member_in("TST-A", full_name="Lê Thị Người Hỏi")
    secretary = member_in("TST-A", position=Position.SECRETARY)
    question = questions.ask(member, resolution, ASKED, target="cell")
    questions.answer(secretary.user, question, ANSWER, suggest_publishing=True)
    return PublishedQuestion.objects.get(question=question)


def _fresh(entry):
    return PublishedQuestion.objects.get(pk=entry.pk)


def _act(entry, user, action="approve", **kwargs):
    state = _fresh(entry).current_workflow_task_state
    state.task.specific.on_action(state.specific, user, action, **kwargs)


def _rewrite_and_submit(entry, editor, answer=ANSWER):
    entry.public_question = REWRITTEN
    entry.answer = answer
    entry.full_clean()
    entry.save()
    entry.save_revision(user=editor)
    workflow = entry.get_workflow()
    assert workflow is not None, "the propaganda workflow covers published questions"
    workflow.start(entry, editor)


def test_proposal_is_a_draft_with_the_members_words_for_the_editor(proposed, client, resolution):
    assert not proposed.live
    assert proposed.public_question == ASKED and proposed.answer == ANSWER
    assert proposed.workflow_scope_page.pk == resolution.pk
    assert ANSWER not in client.get(resolution.url).content.decode()
    editors = Notification.objects.filter(title__contains="Đề nghị công khai hỏi đáp")
    assert editors.filter(user__username="tuyengiao").exists()


def test_the_editor_cannot_keep_who_asked(proposed):
    with pytest.raises(ValidationError) as error:
        proposed.full_clean()
    assert "Lê Thị Người Hỏi" in str(error.value)
    proposed.public_question = "Chi bo ap Thu A hỏi: hạn học tập là khi nào?"  # no diacritics
    with pytest.raises(ValidationError):
        proposed.full_clean()
    proposed.public_question = REWRITTEN
    proposed.full_clean()


def test_visible_only_after_review_screening_and_approval_without_the_name(
    proposed, users, client, resolution
):
    _rewrite_and_submit(proposed, users["tuyengiao"])
    assert ANSWER not in client.get(resolution.url).content.decode()

    _act(proposed, users["duyettg"])  # review; the screening then passes by itself
    entry = _fresh(proposed)
    assert entry.current_workflow_task.name == "Phê duyệt (Ban Tuyên giáo)"
    assert not entry.live
    assert ANSWER not in client.get(resolution.url).content.decode()

    _act(proposed, users["pheduyettg"])
    entry = _fresh(proposed)
    assert entry.live and not entry.workflow_in_progress
    html = client.get(resolution.url).content.decode()
    assert REWRITTEN in html and ANSWER in html
    assert "Người Hỏi" not in html and "Chi bộ ấp Thử A" not in html
    assert ModelLogEntry.objects.filter(
        action="editorial_workflows.screening_pass", object_id=str(entry.pk)
    ).exists()


def test_a_state_secret_marking_blocks_the_entry_at_screening(proposed, users, client, resolution):
    _rewrite_and_submit(proposed, users["tuyengiao"], answer="Xem tài liệu TUYỆT MẬT số 5.")
    _act(proposed, users["duyettg"])
    state = _fresh(proposed).current_workflow_task_state.specific
    assert state.status == TaskState.STATUS_IN_PROGRESS and state.findings
    assert not _fresh(proposed).live
    assert "TUYỆT MẬT" not in client.get(resolution.url).content.decode()


def test_the_author_cannot_approve_their_own_rewrite(proposed, users):
    _rewrite_and_submit(proposed, users["duyettg"])
    with pytest.raises(PermissionDenied):
        _act(proposed, users["duyettg"])


def test_editor_sees_the_anonymising_note_in_the_admin(proposed, users, client):
    client.force_login(users["tuyengiao"])
    url = reverse(PublishedQuestion.snippet_viewset.get_url_name("edit"), args=[proposed.pk])
    html = client.get(url).content.decode()
    assert "hãy xóa mọi chi tiết cho biết ai đã hỏi" in html
    assert "Lê Thị Người Hỏi" in html  # the original words, for the editor to rewrite


def test_ask_answer_and_proposal_are_audited(proposed):
    actions = set(
        ModelLogEntry.objects.filter(action__startswith="study.question.").values_list(
            "action", flat=True
        )
    )
    assert actions == {"study.question.ask", "study.question.answer", "study.question.propose"}


def test_only_the_answering_officer_may_propose(tree, member_in, resolution):
    member = member_in("TST-A")
    other_secretary = member_in("TST-B", position=Position.SECRETARY)
    question = questions.ask(member, resolution, "Câu hỏi thử?", target="cell")
    with pytest.raises(PermissionDenied):
        questions.propose_publication(other_secretary.user, question)
