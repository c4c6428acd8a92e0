"""The live JSON of a meeting screen, and the per-unit report."""

import datetime

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotModified, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cms.members.models import PartyOrganization

from .. import live_links, permissions, services
from .common import NOT_FOUND_PAGE


@require_GET
def live_status(request, pk):
    """Small JSON for the meeting screen.

    Who may see it is the meeting's own rule (``permissions.can_view_meeting``,
    which asks ``Member.objects.for_user``); the running vote count only for
    who runs the meeting (``permissions.can_see_running_count``). A poll costs
    the session, the user and the member rows plus two cache reads; a client
    with the current ETag gets a 304.
    """
    if not request.user.is_authenticated:
        return JsonResponse({"error": "Cần đăng nhập."}, status=401)
    version, payload = services.live_snapshot(pk)
    meeting = services.access_stub(payload) if payload is not None else None
    if meeting is None or not permissions.can_view_meeting(request.user, meeting):
        return JsonResponse({"error": "Không tìm thấy buổi sinh hoạt."}, status=404)
    full = permissions.can_see_running_count(request.user, meeting)
    return _live_response(request, pk, version, payload, full)


@require_GET
def live_status_signed(request, pk, view):
    """The live JSON through a signed address (``live_links``): no session, user
    or member is read, so a poll that hits the cache costs two cache reads and
    no database query. Everyone of one view of a meeting gets the same answer,
    which nginx may therefore keep for a second."""
    if view not in live_links.VIEWS or not live_links.is_valid(
        request.path, request.GET.get("e", ""), request.GET.get("s", "")
    ):
        return JsonResponse({"error": "Liên kết đã hết hạn, xin tải lại trang."}, status=403)
    version, payload = services.live_snapshot(pk)
    if payload is None:
        return JsonResponse({"error": "Không tìm thấy buổi sinh hoạt."}, status=404)
    return _live_response(request, pk, version, payload, view == live_links.FULL_VIEW)


def _live_response(request, pk, version, payload, full):
    # The view differs by viewer: a browser shared by two accounts must not
    # revalidate one's copy with the other's ETag.
    etag = f'"m{pk}-{version}-{"f" if full else "m"}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = JsonResponse(services.live_payload_for(payload, full))
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    return response


def _requested_month(request):
    try:
        year, month = (int(x) for x in request.GET.get("thang", "").split("-"))
        datetime.date(year, month, 1)
    except ValueError:
        today = timezone.localdate()
        year, month = today.year, today.month
    return year, month


@login_required
def report(request):
    units = permissions.report_units(request.user)
    if not units:
        raise Http404(NOT_FOUND_PAGE)
    code = request.GET.get("don-vi") or units[0].code
    organization = get_object_or_404(PartyOrganization, code=code)
    if not permissions.can_read_report(request.user, organization):
        raise Http404(NOT_FOUND_PAGE)
    year, month = _requested_month(request)
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
