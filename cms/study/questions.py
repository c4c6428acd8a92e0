"""Hỏi đáp, góp ý: a member asks their cell or committee about a material; the
responsible officer answers and may propose publishing it; an editor removes who
asked and sends it through the editorial workflow (``PublishedQuestion``)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import log

from cms.members.choices import Position
from cms.members.models import Member
from cms.members.permissions import is_secretary_of, staffed_units

from .choices import NotificationKind, QuestionKind, QuestionTarget
from .models import QUESTION_MAX_LENGTH, PublishedQuestion, Question
from .notifications import notify


def ask(member, page, text, *, target, kind=QuestionKind.QUESTION):
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Hãy viết câu hỏi hoặc ý kiến trước khi gửi."))
    if len(text) > QUESTION_MAX_LENGTH:
        raise ValidationError(
            _("Nội dung dài quá %(limit)s ký tự.") % {"limit": QUESTION_MAX_LENGTH}
        )
    if kind not in QuestionKind.values or target not in QuestionTarget.values:
        raise ValidationError(_("Hãy chọn loại nội dung và nơi gửi trong danh sách."))
    unit = member.cell if target == QuestionTarget.CELL else member.cell.committee()
    question = Question.objects.create(member=member, page=page, text=text, kind=kind, unit=unit)
    log(instance=question, action="study.question.ask", user=member.user)
    answerers = Member.objects.active().filter(cell=unit, position=Position.SECRETARY)
    user_ids = list(answerers.values_list("user_id", flat=True))
    user_ids += list(unit.staff.values_list("user_id", flat=True))
    for ancestor in unit.get_ancestors():
        user_ids += list(ancestor.staff.values_list("user_id", flat=True))
    notify(
        sorted(set(user_ids)),
        NotificationKind.QUESTION,
        f"{question.get_kind_display()} mới về: {page.title}",
        reverse("study:answer", args=[question.pk]),
    )
    return question


def can_answer(user, question):
    unit = question.unit
    return is_secretary_of(user, unit) or any(
        unit.path.startswith(u.path) for u in staffed_units(user)
    )


def answer(user, question, text, *, suggest_publishing=False):
    if not can_answer(user, question):
        raise PermissionDenied
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Hãy viết câu trả lời."))
    question.answer = text[:QUESTION_MAX_LENGTH]
    question.answered_by = user
    question.answered_at = timezone.now()
    question.suggest_publishing = suggest_publishing
    question.save()
    log(instance=question, action="study.question.answer", user=user)
    notify(
        [question.member.user_id],
        NotificationKind.ANSWERED,
        f"Câu hỏi của đồng chí về “{question.page.title}” đã được trả lời",
        reverse("study:questions"),
    )
    if suggest_publishing:
        propose_publication(user, question)
    return question


@transaction.atomic
def propose_publication(user, question):
    """A draft ``PublishedQuestion`` for the editors: the member's words as they are,
    which the editor must rewrite before submitting it to the workflow."""
    if not can_answer(user, question):
        raise PermissionDenied
    if not question.is_answered:
        raise ValidationError(_("Chỉ đề nghị công khai câu hỏi đã được trả lời."))
    entry, created = PublishedQuestion.objects.get_or_create(
        question=question,
        defaults={
            "page_id": question.page_id,
            "public_question": question.text,
            "answer": question.answer,
            "live": False,
            "proposed_by": user,
        },
    )
    if not created:
        return entry
    # The draft keeps the member's words until the editor rewrites them (not validated here).
    entry.save_revision(user=user, clean=False)
    log(instance=entry, action="study.question.propose", user=user)
    editors = get_user_model().objects.filter(
        is_active=True,
        groups__permissions__codename="add_publishedquestion",
        groups__permissions__content_type__app_label="study",
    )
    notify(
        sorted(set(editors.values_list("pk", flat=True))),
        NotificationKind.QUESTION,
        _("Đề nghị công khai hỏi đáp về: %(title)s") % {"title": question.page.title},
        AdminURLFinder().get_edit_url(entry) or "",
    )
    return entry
