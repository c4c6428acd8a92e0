"""Two gates every logged-in request passes, after the forced password change:

1. ``TwoFactorMiddleware``: a session that must use a second factor (admin access, or a
   member who enrolled of their own accord) and has not given one yet is sent to the
   enrolment page (no authenticator yet) or to the code page. Whichever login page the
   password came through — the admin's or the members' — the next request lands here.
2. ``ProcessingNoticeMiddleware``: a member who has not acknowledged the current
   processing notice is sent to it.

Both remember their answer in the session, so a member's page costs no query for
them after the first; on admin addresses the second-factor rule is asked again, so
admin access granted during a session is not reached without a code.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from cms.members.signals import SESSION_MUST_CHANGE

from . import notice, twofactor

OTP_REQUIRED_KEY = "otp_required"
NOTICE_KEY = "notice_version"
# Addresses that never need a code or the notice: files, the service worker, logging out.
ALWAYS_OPEN = (
    "/static/",
    "/media/",
    "/healthz",
    "/favicon",
    "/sw.js",
    "/manifest.webmanifest",
    "/i18n/",
    "/dang-xuat/",
    "/en/dang-xuat/",
    "/admin/logout/",
)
TWO_FACTOR_PAGES = ("/xac-thuc-hai-buoc/", "/en/xac-thuc-hai-buoc/")
NOTICE_OPEN = (*TWO_FACTOR_PAGES, "/admin/", "/api/", "/en/api/", "/doi-mat-khau/")


def _to(name, request):
    return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")


def _open(request, extra=()):
    return request.path.startswith((*ALWAYS_OPEN, *extra)) or bool(
        request.session.get(SESSION_MUST_CHANGE)
    )


def otp_required(request, user):
    """Whether this session must give a second factor (remembered once it is true)."""
    if request.session.get(OTP_REQUIRED_KEY):
        return True
    if OTP_REQUIRED_KEY in request.session and not request.path.startswith("/admin/"):
        return False
    required = twofactor.required_for(user) or twofactor.is_enrolled(user)
    request.session[OTP_REQUIRED_KEY] = required
    return required


class _AccountGate:
    """A step every logged-in session passes before the site: ``detour`` names where a
    user who has not passed it goes (a redirect), or returns None."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response = self.detour(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def detour(self, request, user):
        raise NotImplementedError


class TwoFactorMiddleware(_AccountGate):
    def detour(self, request, user):
        if (
            not _open(request, TWO_FACTOR_PAGES)
            and not user.is_verified()
            and otp_required(request, user)
        ):
            if twofactor.is_enrolled(user):
                return _to("accounts:otp_verify", request)
            return _to("accounts:otp_enrol", request)
        return None


class ProcessingNoticeMiddleware(_AccountGate):
    def detour(self, request, user):
        if request.session.get(NOTICE_KEY) != notice.NOTICE_VERSION and not _open(
            request, (*NOTICE_OPEN, reverse("accounts:notice"))
        ):
            if notice.applies_to(user) and not notice.acknowledged(user):
                return _to("accounts:notice", request)
            request.session[NOTICE_KEY] = notice.NOTICE_VERSION
        return None
