from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .signals import SESSION_MUST_CHANGE

ALLOWED_PREFIXES = ("/static/", "/media/", "/healthz", "/favicon", "/dang-xuat/", "/en/dang-xuat/")


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
