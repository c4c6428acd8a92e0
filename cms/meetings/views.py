"""Thin views: find the meeting the user may see, call a service, show the result."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from cms.members.models import PartyOrganization

from . import exports, live, permissions, services
from .forms import AttendanceMarkForm, CorrectionForm, MeetingForm, MinutesForm, MotionForm
from .models import Meeting, Motion
from .services import MeetingError


def _meeting_for(user, pk):
    """The meeting if the user may see it; 404 otherwise (no hint that it exists)."""
    meeting = Meeting.objects.select_related("cell", "chair", "recorder").filter(pk=pk).first()
    if meeting is None or not permissions.can_view_meeting(user, meeting):
        raise Http404("Không tìm thấy buổi sinh hoạt.")
    return meeting


def _refused(request, error, meeting):
    messages.error(request, str(error))
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
def meeting_home(request):
    member = permissions.member_of(request.user)
    today = timezone.localdate()
    meetings = Meeting.objects.none()
    if member is not None:
        meetings = Meeting.objects.for_cell(member.cell_id).select_related("cell")[:24]
    return render(
        request,
        "meetings/meeting_home.html",
        {
            "member": member,
            "today": today,
            "upcoming": [m for m in meetings if not m.is_closed],
            "past": [m for m in meetings if m.is_closed],
            "can_create": permissions.can_create_meeting(request.user),
            "report_units": permissions.report_units(request.user),
        },
    )


@login_required
def meeting_create(request):
    if not permissions.can_create_meeting(request.user):
        raise Http404("Không tìm thấy trang.")
    cell = permissions.member_of(request.user).cell
    today = timezone.localdate()
    kind = request.POST.get("kind") or request.GET.get("kind") or "regular"
    try:
        date = datetime.date.fromisoformat(
            request.POST.get("date") or request.GET.get("date") or ""
        )
    except ValueError:
        date = today
    agenda, materials = services.suggested_agenda(cell, date, kind)
    if request.method == "POST":
        form = MeetingForm(request.POST, cell=cell)
        if form.is_valid():
            data = form.cleaned_data
            by_title = {item["title"]: item.get("material") for item in agenda}
            try:
                meeting = services.create_meeting(
                    request.user,
                    kind=data["kind"],
                    topic=data["topic"],
                    date=data["date"],
                    start_time=data["start_time"],
                    place=data["place"],
                    chair=data["chair"],
                    recorder=data["recorder"],
                    notice=data["notice"],
                    agenda=[
                        {"title": t, "material": by_title.get(t)} for t in form.agenda_titles()
                    ],
                    materials=materials,
                )
            except MeetingError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, "Đã lên lịch buổi sinh hoạt; đảng viên thấy thông báo trên trang chủ."
                )
                return redirect("meetings:detail", pk=meeting.pk)
    else:
        member = permissions.member_of(request.user)
        form = MeetingForm(
            cell=cell,
            initial={
                "kind": kind,
                "topic": f"Sinh hoạt chi bộ thường kỳ tháng {date.month}/{date.year}",
                "date": date,
                "start_time": datetime.time(8, 0),
                "place": f"Hội trường {cell.name}",
                "chair": member,
                "agenda": "\n".join(item["title"] for item in agenda),
            },
        )
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "cell": cell, "materials": materials},
    )


@login_required
def meeting_detail(request, pk):
    meeting = _meeting_for(request.user, pk)
    context = services.meeting_overview(request.user, meeting)
    return render(request, "meetings/meeting_detail.html", context)


def _meeting_action(request, meeting, run, done):
    """Run one meeting or motion action; refusals are explained, success goes back to the meeting."""
    try:
        run()
    except MeetingError as error:
        return _refused(request, error, meeting)
    messages.success(request, done)
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
@require_POST
def meeting_open(request, pk):
    meeting = _meeting_for(request.user, pk)
    return _meeting_action(
        request,
        meeting,
        lambda: services.open_meeting(request.user, meeting),
        "Đã khai mạc buổi sinh hoạt. Đảng viên có thể điểm danh.",
    )


@login_required
@require_POST
def meeting_close(request, pk):
    meeting = _meeting_for(request.user, pk)
    return _meeting_action(
        request,
        meeting,
        lambda: services.close_meeting(request.user, meeting),
        "Đã bế mạc buổi sinh hoạt; điểm danh và biểu quyết đã được chốt.",
    )


@login_required
@require_POST
def check_in(request, pk):
    meeting = _meeting_for(request.user, pk)
    return _meeting_action(
        request,
        meeting,
        lambda: services.check_in(request.user, meeting),
        "Đồng chí đã điểm danh: có mặt.",
    )


@login_required
def attendance(request, pk):
    meeting = _meeting_for(request.user, pk)
    if not permissions.can_manage_meeting(request.user, meeting):
        raise Http404("Không tìm thấy trang.")
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
    return render(
        request,
        "meetings/attendance.html",
        {
            "meeting": meeting,
            "attendances": meeting.attendances.select_related("member").order_by(
                "member__full_name"
            ),
            "quorum": services.quorum(meeting),
        },
    )


@login_required
def motion_create(request, pk):
    meeting = _meeting_for(request.user, pk)
    if not permissions.can_manage_meeting(request.user, meeting):
        raise Http404("Không tìm thấy trang.")
    form = MotionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_motion(
                request.user,
                meeting,
                question=form.cleaned_data["question"],
                options=form.option_labels(),
                ballot_type=form.cleaned_data["ballot_type"],
                majority_rule=form.cleaned_data["majority_rule"],
            )
        except MeetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, "Đã thêm nội dung biểu quyết. Bấm “Mở biểu quyết” khi sẵn sàng."
            )
            return redirect("meetings:detail", pk=pk)
    return render(request, "meetings/motion_form.html", {"meeting": meeting, "form": form})


def _motion_for(user, motion_pk):
    motion = Motion.objects.select_related("meeting", "meeting__cell").filter(pk=motion_pk).first()
    if motion is None or not permissions.can_view_meeting(user, motion.meeting):
        raise Http404("Không tìm thấy nội dung biểu quyết.")
    return motion


@login_required
@require_POST
def motion_open(request, motion_pk):
    motion = _motion_for(request.user, motion_pk)
    return _meeting_action(
        request,
        motion.meeting,
        lambda: services.open_motion(request.user, motion),
        "Đã mở biểu quyết.",
    )


@login_required
@require_POST
def motion_close(request, motion_pk):
    motion = _motion_for(request.user, motion_pk)
    return _meeting_action(
        request,
        motion.meeting,
        lambda: services.close_motion(request.user, motion),
        "Đã kết thúc biểu quyết; kết quả được công bố.",
    )


@login_required
@require_POST
def vote(request, motion_pk):
    try:
        option_id = int(request.POST.get("option", ""))
    except ValueError:
        option_id = None
    found = (
        Motion.objects.filter(pk=motion_pk).values_list("meeting_id", "meeting__cell_id").first()
    )
    member = permissions.member_of(request.user)
    back_to_meeting = found is not None and member is not None and found[1] == member.cell_id
    try:
        if option_id is None:
            raise MeetingError("Hãy chọn một phương án trước khi gửi phiếu.")
        services.cast_vote(request.user, motion_pk, option_id)
    except MeetingError as error:
        messages.error(request, str(error))
        if back_to_meeting:
            return redirect("meetings:detail", pk=found[0])
        return redirect("meetings:home")
    messages.success(request, "Đã ghi nhận phiếu biểu quyết của đồng chí.")
    return redirect("meetings:detail", pk=found[0])


@login_required
@require_GET
def motions_xlsx(request, pk):
    meeting = _meeting_for(request.user, pk)
    response = HttpResponse(
        exports.motions_xlsx(meeting),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="ket-qua-bieu-quyet-{meeting.pk}.xlsx"'
    return response


# --- minutes ----------------------------------------------------------------


def _minutes_version(meeting, number=None):
    versions = meeting.minutes_versions.all()
    minutes = (
        versions.filter(number=number).first() if number else versions.order_by("-number").first()
    )
    if minutes is None:
        raise Http404("Chưa có biên bản.")
    return minutes


@login_required
def minutes_view(request, pk, number=None):
    meeting = _meeting_for(request.user, pk)
    minutes = (
        meeting.minutes_versions.filter(number=number).first()
        if number
        else services.current_minutes(meeting)
    )
    if number and minutes is None:
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


@login_required
def minutes_edit(request, pk):
    meeting = _meeting_for(request.user, pk)
    if not permissions.can_edit_minutes(request.user, meeting):
        raise Http404("Không tìm thấy trang.")
    try:
        minutes = services.get_or_start_minutes(request.user, meeting)
    except MeetingError as error:
        return _refused(request, error, meeting)
    if minutes.is_approved:
        messages.error(request, services.APPROVED_IMMUTABLE)
        return redirect("meetings:minutes", pk=pk)
    if request.method == "POST":
        form = MinutesForm(request.POST, minutes=minutes)
        if form.is_valid():
            try:
                services.save_minutes(
                    request.user,
                    minutes,
                    lock_version=form.cleaned_data["lock_version"],
                    items=form.items(),
                    general_opinions=form.cleaned_data["general_opinions"],
                    conclusion=form.cleaned_data["conclusion"],
                    end_time=form.cleaned_data["end_time"],
                )
            except MeetingError as error:
                # Keep what the person typed on screen: nothing is lost.
                form.add_error(None, str(error))
                status = 409
            else:
                messages.success(request, "Đã lưu biên bản.")
                return redirect("meetings:minutes", pk=pk)
        else:
            status = 400
    else:
        status = 200
        form = MinutesForm(
            minutes=minutes,
            initial={
                "lock_version": minutes.lock_version,
                "general_opinions": minutes.general_opinions,
                "conclusion": minutes.conclusion,
                "end_time": minutes.end_time,
            },
        )
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
    meeting = _meeting_for(request.user, pk)
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
    meeting = _meeting_for(request.user, pk)
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


@login_required
@require_GET
def minutes_export(request, pk, number, fmt):
    if fmt not in ("pdf", "docx"):
        raise Http404("Định dạng không hỗ trợ.")
    meeting = _meeting_for(request.user, pk)
    minutes = _minutes_version(meeting, number)
    facts = services.facts_of(minutes)
    if fmt == "pdf":
        body, content_type = exports.minutes_pdf(minutes, facts), "application/pdf"
    else:
        body = exports.minutes_docx(minutes, facts)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="bien-ban-{meeting.date:%Y-%m-%d}-v{minutes.number}.{fmt}"'
    )
    return response


# --- live and reports -------------------------------------------------------


def _meeting_access(meeting_id):
    """(cell_id, cell_path) of a meeting, cached: a meeting never changes cell."""
    key = f"meetings:cell:{meeting_id}"
    found = cache.get(key)
    if found is None:
        row = Meeting.objects.filter(pk=meeting_id).values_list("cell_id", "cell__path").first()
        if row is None:
            return None
        found = tuple(row)
        cache.set(key, found, 24 * 3600)
    return found


@require_GET
def live_status(request, pk):
    """Small JSON for the meeting screen. A poll costs the session, the member
    row and two cache reads; a client with the current ETag gets a 304."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "Cần đăng nhập."}, status=401)
    access = _meeting_access(pk)
    member = permissions.member_of(request.user)
    if access is None or member is None or member.cell_id != access[0]:
        return JsonResponse({"error": "Không tìm thấy buổi sinh hoạt."}, status=404)
    version = live.current_version(pk)
    etag = f'"m{pk}-{version}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = JsonResponse(live.snapshot(pk, version))
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    return response


@login_required
def report(request):
    units = permissions.report_units(request.user)
    if not units:
        raise Http404("Không tìm thấy trang.")
    code = request.GET.get("don-vi") or units[0].code
    organization = get_object_or_404(PartyOrganization, code=code)
    if not permissions.can_read_report(request.user, organization):
        raise Http404("Không tìm thấy trang.")
    today = timezone.localdate()
    try:
        year, month = (int(x) for x in request.GET.get("thang", "").split("-"))
        datetime.date(year, month, 1)
    except ValueError:
        year, month = today.year, today.month
    return render(
        request,
        "meetings/report.html",
        {
            "organization": organization,
            "ancestors": organization.get_ancestors(),
            "year": year,
            "month": month,
            "month_value": f"{year:04d}-{month:02d}",
            "report": services.unit_report(organization, year, month),
            "units": units,
        },
    )
