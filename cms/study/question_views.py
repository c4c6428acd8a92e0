"""Hỏi đáp, góp ý: ask, see the answers, answer (thin views over ``questions.py``)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from wagtail.models import Page

from cms.core.feedback import attempt
from cms.core.visibility import visible_to
from cms.members.models import Member

from . import questions
from .choices import QuestionKind, QuestionTarget
from .models import QUESTION_MAX_LENGTH, Question


@login_required
@never_cache
def ask(request, page_id):
    member = Member.objects.for_user(request.user)
    if member is None:
        raise PermissionDenied(_("Chỉ đảng viên đang sinh hoạt mới gửi được câu hỏi, góp ý."))
    page = get_object_or_404(visible_to(Page.objects.live(), request.user), pk=page_id)
    data = {"text": "", "kind": QuestionKind.QUESTION, "target": QuestionTarget.CELL}
    if request.method == "POST":
        data = {k: request.POST.get(k, "") for k in data}
        if attempt(
            request,
            lambda: questions.ask(
                member, page, data["text"], target=data["target"], kind=data["kind"]
            ),
            _("Đã gửi; đồng chí sẽ nhận thông báo khi có trả lời."),
        ):
            return redirect("study:questions")
    return render(
        request,
        "study/ask.html",
        {
            "page": page,
            "data": data,
            "kinds": QuestionKind.choices,
            "targets": QuestionTarget.choices,
            "max_length": QUESTION_MAX_LENGTH,
        },
    )


@login_required
@never_cache
def question_list(request):
    member = Member.objects.for_user(request.user)
    own = Question.objects.filter(member=member).select_related("page") if member else []
    to_answer = Question.objects.answerable_by(request.user).select_related("page", "unit")
    return render(
        request,
        "study/questions.html",
        {"own": own, "to_answer": to_answer.order_by("answered_at", "-created_at")[:200]},
    )


@login_required
@never_cache
def answer(request, pk):
    question = get_object_or_404(Question.objects.select_related("page", "unit", "member"), pk=pk)
    if not questions.can_answer(request.user, question):
        raise PermissionDenied(_("Câu hỏi này không gửi đến đơn vị đồng chí phụ trách."))
    if request.method == "POST":
        text = request.POST.get("answer", "")
        suggest = bool(request.POST.get("suggest_publishing"))
        if attempt(
            request,
            lambda: questions.answer(request.user, question, text, suggest_publishing=suggest),
            _("Đã gửi câu trả lời cho đảng viên."),
        ):
            return redirect("study:questions")
    return render(request, "study/answer.html", {"question": question})
