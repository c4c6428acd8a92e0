import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import permissions
from .signals import IDLE_LIMIT_KEY, LAST_SEEN_KEY, SESSION_MUST_CHANGE

ALLOWED_PREFIXES = ("/static/", "/media/", "/healthz", "/favicon", "/dang-xuat/", "/en/dang-xuat/")
# The last-seen mark is rewritten at most this often (a session save per request is wasteful).
LAST_SEEN_RESOLUTION = 60
# Requests a page makes on its own (live meeting figures, search suggestions, the service
# worker) are not activity of the person: they never keep a session alive.
BACKGROUND_PREFIXES = (
    "/api/",
    "/en/api/",
    "/sw.js",
    "/manifest.webmanifest",
    "/static/",
    "/media/",
)


def idle_limit_seconds(user):
    """STAFF_IDLE_MINUTES for anyone with admin access or a staff post, else MEMBER_IDLE_MINUTES."""
    if permissions.is_staff_account(user):
        return settings.STAFF_IDLE_MINUTES * 60
    return settings.MEMBER_IDLE_MINUTES * 60


class IdleTimeoutMiddleware:
    """Ends a session left unused longer than its owner's idle limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self.check(request, user)
        return self.get_response(request)

    @staticmethod
    def check(request, user):
        session = request.session
        now = int(time.time())
        limit = session.get(IDLE_LIMIT_KEY)
        if limit is None:
            limit = session[IDLE_LIMIT_KEY] = idle_limit_seconds(user)
        last_seen = session.get(LAST_SEEN_KEY)
        if last_seen is not None and now - last_seen > limit:
            logout(request)
            messages.info(
                request,
                _("Phiên đăng nhập đã kết thúc vì lâu không sử dụng. Mời đồng chí đăng nhập lại."),
            )
            return
        if request.path.startswith(BACKGROUND_PREFIXES):
            return
        if last_seen is None or not 0 <= now - last_seen < LAST_SEEN_RESOLUTION:
            session[LAST_SEEN_KEY] = now


class ForcePasswordChangeMiddleware:
    """After logging in with a one-time code, nothing but choosing a password."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_MUST_CHANGE):
            target = reverse("members:password_change")
            if request.path != target and not request.path.startswith(ALLOWED_PREFIXES):
                if request.user.is_authenticated:
                    return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
                session.pop(SESSION_MUST_CHANGE, None)
        return self.get_response(request)
