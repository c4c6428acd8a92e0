"""The cell's meetings: list, scheduling, the meeting page, opening, closing, attendance."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from cms.members.models import Member
from cms.security.audit import record_read

from .. import caching, live_links, permissions, services
from ..forms import AttendanceMarkForm, MeetingForm
from ..models import Meeting
from ..services import MeetingError
from .common import (
    NOT_FOUND_MEETING,
    NOT_FOUND_PAGE,
    action_view,
    live_payload_for,
    managed_meeting_for,
    meeting_for,
    meeting_stub_for,
)


@login_required
def meeting_home(request):
    member = Member.objects.for_user(request.user)
    meetings = Meeting.objects.none()
    if member is not None:
        meetings = Meeting.objects.for_cell(member.cell_id).select_related("cell")[:24]
    return render(
        request,
        "meetings/meeting_home.html",
        {
            "member": member,
            "today": timezone.localdate(),
            "upcoming": [m for m in meetings if not m.is_closed],
            "past": [m for m in meetings if m.is_closed],
            "can_create": permissions.can_create_meeting(request.user),
            "report_units": permissions.report_units(request.user),
        },
    )


def _requested_date(request):
    try:
        return datetime.date.fromisoformat(
            request.POST.get("date") or request.GET.get("date") or ""
        )
    except ValueError:
        return timezone.localdate()


@login_required
def meeting_create(request):
    if not permissions.can_create_meeting(request.user):
        raise Http404(NOT_FOUND_PAGE)
    member = Member.objects.for_user(request.user)
    cell = member.cell
    date = _requested_date(request)
    kind = request.POST.get("kind") or request.GET.get("kind") or "regular"
    agenda, materials = services.suggested_agenda(cell, date, kind)
    form = MeetingForm(
        request.POST if request.method == "POST" else None,
        cell=cell,
        materials=materials,
        agenda=agenda,
        initial={
            "kind": kind,
            "topic": f"Sinh hoạt chi bộ thường kỳ tháng {date.month}/{date.year}",
            "date": date,
            "start_time": datetime.time(8, 0),
            "place": f"Hội trường {cell.name}",
            "chair": member,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.create_meeting(
                request.user, **form.meeting_data(), materials=materials
            )
        except MeetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, "Đã lên lịch buổi sinh hoạt; đảng viên thấy thông báo trên trang chủ."
            )
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "cell": cell, "materials": materials},
    )


@login_required
def meeting_detail(request, pk):
    """The page every member keeps open, and returns to after each check-in and vote:
    the counters from the live payload, the rest from the meeting's kept sheet, and only
    the member's own attendance and votes from the database (``sheets``)."""
    payload = live_payload_for(request.user, pk)
    sheet = caching.kept_meeting_sheet(request, pk, payload["shape"])
    if sheet is None:
        raise Http404(NOT_FOUND_MEETING)
    context = services.meeting_overview(request.user, sheet, payload)
    if context["in_cell"] and not context["meeting"].is_closed:
        context["live_url"] = live_links.poll_url(pk, context["sees_running_count"])
    return render(request, "meetings/meeting_detail.html", context)


meeting_open = action_view(
    meeting_for,
    services.open_meeting,
    "Đã khai mạc buổi sinh hoạt. Đảng viên có thể điểm danh.",
)
meeting_close = action_view(
    meeting_for,
    services.close_meeting,
    "Đã bế mạc buổi sinh hoạt; điểm danh và biểu quyết đã được chốt.",
)
check_in = action_view(meeting_stub_for, services.check_in, "Đồng chí đã điểm danh: có mặt.")


@login_required
def attendance(request, pk):
    meeting = managed_meeting_for(request.user, pk)
    if request.method == "POST":
        form = AttendanceMarkForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Thông tin điểm danh không hợp lệ.")
        else:
            try:
                services.mark_attendance(
                    request.user,
                    meeting,
                    form.cleaned_data["member"],
                    form.cleaned_data["status"],
                    form.cleaned_data["reason"],
                )
            except MeetingError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, "Đã ghi nhận điểm danh.")
        return redirect("meetings:attendance", pk=pk)
    attendances = list(meeting.attendances.select_related("member").order_by("member__full_name"))
    record_read(request, meeting, "Danh sách điểm danh", len(attendances))
    return render(
        request,
        "meetings/attendance.html",
        {
            "meeting": meeting,
            "attendances": attendances,
            "quorum": meeting.quorum(),
        },
    )
