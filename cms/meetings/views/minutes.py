"""Minutes: read any version, draft, approve, correct, download as PDF or DOCX."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from cms.security.audit import record_read
from cms.security.privacy import private_response

from .. import exports, permissions, services
from ..forms import CorrectionForm, MinutesForm
from ..services import MeetingError
from .common import NOT_FOUND_PAGE, back_to_meeting, download, meeting_for

FORMATS = {
    "pdf": (exports.minutes_pdf, "application/pdf"),
    "docx": (
        exports.minutes_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}


def _minutes_version(meeting, number=None):
    versions = meeting.minutes_versions.all()
    minutes = versions.filter(number=number).first() if number is not None else versions.current()
    if minutes is None:
        raise Http404("Chưa có biên bản.")
    return minutes


@private_response
@login_required
def minutes_view(request, pk, number=None):
    meeting = meeting_for(request.user, pk)
    minutes = (
        meeting.minutes_versions.filter(number=number).first()
        if number is not None
        else services.current_minutes(meeting)
    )
    if number is not None and minutes is None:
        raise Http404("Không có phiên bản biên bản này.")
    facts = services.facts_of(minutes) if minutes else services.minutes_facts(meeting)
    return render(
        request,
        "meetings/minutes_detail.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "facts": facts,
            "history": meeting.minutes_versions.select_related("approved_by").order_by("-number"),
            "can_edit": permissions.can_edit_minutes(request.user, meeting),
            "can_approve": permissions.can_approve_minutes(request.user, meeting),
            "correction_form": CorrectionForm(),
        },
    )


@private_response
@login_required
def minutes_edit(request, pk):
    meeting = meeting_for(request.user, pk)
    if not permissions.can_edit_minutes(request.user, meeting):
        raise Http404(NOT_FOUND_PAGE)
    try:
        minutes = services.get_or_start_minutes(request.user, meeting)
    except MeetingError as error:
        return back_to_meeting(request, meeting, error=error)
    if minutes.is_approved:
        messages.error(request, services.APPROVED_IMMUTABLE)
        return redirect("meetings:minutes", pk=pk)
    form = MinutesForm(request.POST if request.method == "POST" else None, minutes=minutes)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.save_minutes(request.user, minutes, **form.minutes_data())
            except MeetingError as error:
                # Keep what the person typed on screen: nothing is lost.
                form.add_error(None, str(error))
                status = 409
            else:
                messages.success(request, "Đã lưu biên bản.")
                return redirect("meetings:minutes", pk=pk)
    return render(
        request,
        "meetings/minutes_form.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "form": form,
            "facts": services.minutes_facts(meeting),
        },
        status=status,
    )


@login_required
@require_POST
def minutes_approve(request, pk):
    meeting = meeting_for(request.user, pk)
    minutes = _minutes_version(meeting)
    try:
        lock_version = int(request.POST.get("lock_version", ""))
    except ValueError:
        lock_version = -1
    try:
        services.approve_minutes(request.user, minutes, lock_version=lock_version)
    except MeetingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Biên bản đã được thông qua và không thể sửa nữa.")
    return redirect("meetings:minutes", pk=pk)


@login_required
@require_POST
def minutes_correct(request, pk):
    meeting = meeting_for(request.user, pk)
    form = CorrectionForm(request.POST)
    try:
        services.start_correction(request.user, meeting, form.data.get("reason", ""))
    except MeetingError as error:
        messages.error(request, str(error))
        return redirect("meetings:minutes", pk=pk)
    messages.success(
        request, "Đã lập bản đính chính; hãy sửa rồi trình đồng chí chủ trì thông qua."
    )
    return redirect("meetings:minutes_edit", pk=pk)


@private_response
@login_required
@require_GET
def minutes_export(request, pk, number, fmt):
    if fmt not in FORMATS:
        raise Http404("Định dạng không hỗ trợ.")
    meeting = meeting_for(request.user, pk)
    minutes = _minutes_version(meeting, number)
    render_file, content_type = FORMATS[fmt]
    record_read(
        request,
        meeting,
        f"Biên bản phiên bản {minutes.number} ({fmt.upper()})",
        meeting.attendances.count(),
        export=True,
    )
    return download(
        render_file(minutes, services.facts_of(minutes)),
        content_type,
        f"bien-ban-{meeting.date:%Y-%m-%d}-v{minutes.number}.{fmt}",
    )
