"""What the meeting views share: finding what the user may see, and running an action."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from .. import permissions, services
from ..models import Meeting, Motion
from ..services import MeetingError

NOT_FOUND_PAGE = "Không tìm thấy trang."
NOT_FOUND_MEETING = "Không tìm thấy buổi sinh hoạt."


def meeting_for(user, pk):
    """The meeting if the user may see it; 404 otherwise (no hint that it exists)."""
    meeting = Meeting.objects.select_related("cell", "chair", "recorder").filter(pk=pk).first()
    if meeting is None or not permissions.can_view_meeting(user, meeting):
        raise Http404(NOT_FOUND_MEETING)
    return meeting


def live_payload_for(user, pk):
    """The meeting's live payload (``services.live_snapshot``) if the user may see the
    meeting; 404 otherwise. No query when the payload is kept."""
    _version, payload = services.live_snapshot(pk)
    if payload is None or not permissions.can_view_meeting(user, services.access_stub(payload)):
        raise Http404(NOT_FOUND_MEETING)
    return payload


def meeting_stub_for(user, pk):
    """The meeting as its live payload knows it (its id, cell and chair: what the rules
    read), for the actions a whole cell sends at once (check-in), whose service reads and
    locks the row itself."""
    return services.access_stub(live_payload_for(user, pk))


def managed_meeting_for(user, pk):
    """The meeting if the user runs it; 404 otherwise."""
    meeting = meeting_for(user, pk)
    if not permissions.can_manage_meeting(user, meeting):
        raise Http404(NOT_FOUND_PAGE)
    return meeting


def motion_for(user, pk):
    motion = Motion.objects.select_related("meeting", "meeting__cell").filter(pk=pk).first()
    if motion is None or not permissions.can_view_meeting(user, motion.meeting):
        raise Http404("Không tìm thấy nội dung biểu quyết.")
    return motion


def back_to_meeting(request, meeting, *, error=None, done=None):
    if error is not None:
        messages.error(request, str(error))
    if done is not None:
        messages.success(request, done)
    return redirect("meetings:detail", pk=meeting.pk)


def action_view(find, service, done):
    """A POST-only view: find the meeting or motion, run the service, say how it went.

    ``find(user, pk)`` returns the object (or raises 404); ``service(user, obj)``
    performs the action or raises ``MeetingError``, whose message is shown.
    """

    @login_required
    @require_POST
    def view(request, pk):
        found = find(request.user, pk)
        meeting = found if isinstance(found, Meeting) else found.meeting
        try:
            service(request.user, found)
        except MeetingError as error:
            return back_to_meeting(request, meeting, error=error)
        return back_to_meeting(request, meeting, done=done)

    return view


def download(body, content_type, filename):
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
