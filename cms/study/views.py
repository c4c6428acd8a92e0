"""The member's study space, the secretary's summaries and the reach report (thin views)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.models import Page

from cms.core.feedback import attempt
from cms.core.visibility import visible_to
from cms.members.models import Member, PartyOrganization
from cms.members.permissions import secretary_cell
from cms.resolutions.models import ResolutionStudyPage
from cms.security.audit import record_read

from . import notifications, permissions, reach, services
from .models import (
    SUMMARY_MAX_LENGTH,
    Bookmark,
    LearningSummary,
    Notification,
    QuizAttempt,
    StudyAssignment,
)
from .progress import member_progress

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _member(request):
    member = Member.objects.for_user(request.user)
    if member is None:
        raise PermissionDenied(_("Chỉ đảng viên đang sinh hoạt mới có không gian học tập."))
    return member


def _resolution(request, page_id):
    pages = visible_to(ResolutionStudyPage.objects.live(), request.user)
    return get_object_or_404(pages, pk=page_id)


@login_required
@never_cache
def my_study(request):
    member = _member(request)
    items = member_progress(member)
    return render(
        request,
        "study/my_study.html",
        {
            "member": member,
            "items": items,
            "overdue": [i for i in items if i.overdue],
            "is_secretary": secretary_cell(request.user) is not None,
            "unread": Notification.objects.for_user(request.user).unread().count(),
        },
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def inbox(request):
    """Thông báo: newest first; "Đánh dấu đã xem" marks them all read."""
    if request.method == "POST":
        notifications.mark_all_read(request.user)
        messages.success(request, _("Đã đánh dấu mọi thông báo là đã xem."))
        return redirect("study:inbox")
    items = Notification.objects.for_user(request.user)
    return render(
        request,
        "study/inbox.html",
        {"notifications": items[:100], "unread": items.unread().count()},
    )


@login_required
@never_cache
def quiz(request, page_id):
    member = _member(request)
    page = _resolution(request, page_id)
    questions = services.quiz_questions(page)
    if not questions:
        raise Http404(_("Tài liệu này chưa có bài tự kiểm tra."))
    context = {"page": page, "questions": questions}
    if request.method == "POST":
        answers = services.parse_answers(page, request.POST)
        attempt, result = services.submit_quiz(member, page, answers)
        context |= {"attempt": attempt, "result": result}
    context["best"] = QuizAttempt.objects.best_for(member, page)
    context["attempt_count"] = QuizAttempt.objects.filter(member=member, page=page).count()
    return render(request, "study/quiz.html", context)


@login_required
@never_cache
def summary(request, page_id):
    member = _member(request)
    page = _resolution(request, page_id)
    if not page.asks_for_summary:
        raise Http404(_("Tài liệu này không yêu cầu viết bài thu hoạch."))
    current = services.summary_for(member, page)
    text = current.text if current else ""
    if request.method == "POST":
        text = request.POST.get("text", "")
        submit = request.POST.get("action") == "submit"
        done = (
            _("Đã gửi bài thu hoạch đến bí thư chi bộ.")
            if submit
            else _("Đã lưu bản nháp bài thu hoạch.")
        )
        if attempt(request, lambda: services.save_summary(member, page, text, submit=submit), done):
            return redirect("study:summary", page_id=page.pk)
    return render(
        request,
        "study/summary.html",
        {
            "page": page,
            "summary": current,
            "text": text,
            "max_length": SUMMARY_MAX_LENGTH,
            "editable": current is None or current.is_draft,
        },
    )


@login_required
@never_cache
def cell_summaries(request):
    cell = secretary_cell(request.user)
    if cell is None:
        raise PermissionDenied(_("Chỉ bí thư chi bộ xem được bài thu hoạch của chi bộ."))
    summaries = (
        LearningSummary.objects.for_cell(cell)
        .sent()
        .select_related("member", "page")
        .order_by("status", "-submitted_at")
    )
    record_read(request, cell, "Bài thu hoạch của chi bộ", summaries.count())
    return render(request, "study/cell_summaries.html", {"cell": cell, "summaries": summaries})


@login_required
@never_cache
def review(request, pk):
    item = get_object_or_404(
        LearningSummary.objects.sent().select_related("member__cell", "page"), pk=pk
    )
    if not services.can_review(request.user, item):
        raise PermissionDenied(_("Chỉ bí thư chi bộ của đảng viên được nhận xét bài này."))
    if request.method == "POST":
        comment = request.POST.get("comment", "")
        if attempt(
            request,
            lambda: services.review_summary(request.user, item, comment),
            _("Đã lưu nhận xét; đảng viên sẽ thấy nhận xét này."),
        ):
            return redirect("study:cell_summaries")
    return render(request, "study/review.html", {"summary": item})


def _report_scope(request):
    """``(assignment, unit, assignments)`` asked for, within what the user may see."""
    roots = permissions.report_roots(request.user)
    if not roots:
        raise PermissionDenied(_("Đồng chí không có quyền xem báo cáo học tập."))
    code = request.GET.get("don-vi", "")
    unit = PartyOrganization.objects.filter(code=code).first() if code else roots[0]
    if unit is None:
        raise Http404(_("Không tìm thấy đơn vị."))
    if not permissions.can_view_unit(request.user, unit):
        raise PermissionDenied(_("Đơn vị này nằm ngoài phạm vi đồng chí được xem."))
    assignments = list(StudyAssignment.objects.live().select_related("page"))
    raw = request.GET.get("noi-dung", "")
    chosen = None
    if raw:
        chosen = next((a for a in assignments if str(a.pk) == raw), None)
        if chosen is None:
            messages.warning(
                request, _("Không tìm thấy nội dung học tập đã chọn; hiện nội dung đầu tiên.")
            )
    return chosen or (assignments[0] if assignments else None), unit, assignments


@login_required
@never_cache
def reach_report(request):
    assignment, unit, assignments = _report_scope(request)
    context = {"unit": unit, "assignments": assignments, "assignment": assignment}
    if assignment is not None:
        total, rows = reach.unit_rows(assignment, unit)
        context |= {"total": total, "rows": rows, "kind": reach.item_kind(assignment.page)}
        if not rows:
            context["members"] = members = reach.member_rows(assignment, unit)
            record_read(
                request,
                unit,
                "Báo cáo học tập theo đảng viên",
                len(members),
                page=assignment.page_id,
            )
        context["breadcrumbs"] = [
            a for a in unit.get_ancestors() if permissions.can_view_unit(request.user, a)
        ]
        context["target_percent"] = round(reach.target() * 100)
    return render(request, "study/reach_report.html", context)


@login_required
@never_cache
def reach_overview(request):
    """Every study item side by side for one unit (the reach of each, as shares)."""
    _assignment, unit, assignments = _report_scope(request)
    context = {
        "unit": unit,
        "rows": reach.item_rows(assignments, unit),
        "breadcrumbs": [
            a for a in unit.get_ancestors() if permissions.can_view_unit(request.user, a)
        ],
        "target_percent": round(reach.target() * 100),
    }
    return render(request, "study/reach_overview.html", context)


@login_required
@never_cache
def reach_xlsx(request):
    assignment, unit, _assignments = _report_scope(request)
    if assignment is None:
        raise Http404(_("Chưa có nội dung học tập nào được giao."))
    total, rows = reach.unit_rows(assignment, unit)
    members = None
    if not rows:
        members = reach.member_rows(assignment, unit)
        record_read(
            request,
            unit,
            "Báo cáo học tập theo đảng viên (Excel)",
            len(members),
            export=True,
            page=assignment.page_id,
        )
    body = reach.report_xlsx(assignment, unit, total, rows, members)
    response = HttpResponse(body, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="bao-cao-hoc-tap-{unit.code}.xlsx"'
    return response


@login_required
@never_cache
def bookmarks(request):
    saved = Bookmark.objects.filter(user=request.user, page__live=True).select_related("page")
    return render(request, "study/bookmarks.html", {"bookmarks": saved})


@login_required
@require_POST
def toggle_bookmark(request, page_id):
    page = get_object_or_404(visible_to(Page.objects.live(), request.user), pk=page_id)
    if services.toggle_bookmark(request.user, page):
        messages.success(request, _("Đã lưu vào mục Đọc sau."))
    else:
        messages.success(request, _("Đã bỏ khỏi mục Đọc sau."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = page.url or "/"
    return redirect(target)
