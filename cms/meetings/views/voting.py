"""Motions: adding, opening and closing them, voting, and the results sheet."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from cms.security.audit import record_read
from cms.security.privacy import private_response

from .. import exports, permissions, services
from ..forms import MotionForm
from ..models import Motion
from ..services import MeetingError
from .common import action_view, download, managed_meeting_for, meeting_for, motion_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def motion_create(request, pk):
    meeting = managed_meeting_for(request.user, pk)
    form = MotionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_motion(request.user, meeting, **form.motion_data())
        except MeetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, "Đã thêm nội dung biểu quyết. Bấm “Mở biểu quyết” khi sẵn sàng."
            )
            return redirect("meetings:detail", pk=pk)
    return render(request, "meetings/motion_form.html", {"meeting": meeting, "form": form})


motion_open = action_view(motion_for, services.open_motion, "Đã mở biểu quyết.")
motion_close = action_view(
    motion_for, services.close_motion, "Đã kết thúc biểu quyết; kết quả được công bố."
)


@login_required
@require_POST
def vote(request, pk):
    try:
        option_id = int(request.POST.get("option", ""))
    except ValueError:
        option_id = None
    found = Motion.objects.filter(pk=pk).values_list("meeting_id", "meeting__cell_id").first()
    in_cell = found is not None and permissions.is_cell_member(request.user, found[1])
    try:
        if option_id is None:
            raise MeetingError("Hãy chọn một phương án trước khi gửi phiếu.")
        services.cast_vote(request.user, pk, option_id)
    except MeetingError as error:
        messages.error(request, str(error))
        # Outside the cell, not even the meeting's address is given away.
        return redirect("meetings:detail", pk=found[0]) if in_cell else redirect("meetings:home")
    messages.success(request, "Đã ghi nhận phiếu biểu quyết của đồng chí.")
    return redirect("meetings:detail", pk=found[0])


@private_response
@login_required
@require_GET
def motions_xlsx(request, pk):
    meeting = meeting_for(request.user, pk)
    body = exports.motions_xlsx(meeting)
    people = meeting.attendances.count()
    record_read(request, meeting, "Kết quả biểu quyết (Excel)", people, export=True)
    return download(body, XLSX, f"ket-qua-bieu-quyet-{meeting.pk}.xlsx")
