"""Counts page views of people for the footer and the per-unit figures."""

import logging
import secrets

from django.conf import settings

from . import counters

logger = logging.getLogger(__name__)

COOKIE = "stdv_vid"
# Codes of the units (cell up to committee) a logged-in member's visits count for.
UNIT_CODES_SESSION_KEY = "visit_unit_codes"
SKIP_PREFIXES = (
    "/admin",
    "/django-admin",
    "/static/",
    "/media/",
    "/healthz",
    "/api/",
    "/documents/",
    "/images/",
    "/favicon",
    # the service worker's own requests (update checks, its offline page)
    "/sw.js",
    "/manifest.webmanifest",
    "/ngoai-tuyen/",
)


class VisitCounterMiddleware:
    """Counts page views of people (not assets, admin or API) for the footer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counted = request.method == "GET" and not request.path.startswith(SKIP_PREFIXES)
        visitor_id = request.COOKIES.get(COOKIE, "")
        if counted:
            if not (
                16 <= len(visitor_id) <= 64
                and visitor_id.replace("-", "").replace("_", "").isalnum()
            ):
                visitor_id = secrets.token_urlsafe(16)
            try:
                counters.record_visit(visitor_id, self.unit_codes(request))
            except Exception:  # counters must never break a page
                logger.exception("visit counter unavailable")
        response = self.get_response(request)
        if counted and request.COOKIES.get(COOKIE) != visitor_id:
            response.set_cookie(
                COOKIE,
                visitor_id,
                max_age=365 * 24 * 3600,
                httponly=True,
                samesite="Lax",
                # Secure wherever the session cookie is (production) or the request came over HTTPS.
                secure=settings.SESSION_COOKIE_SECURE or request.is_secure(),
            )
        return response

    @staticmethod
    def unit_codes(request):
        """Units a logged-in member's visit also counts for (cell up to committee).

        The members app puts them in the session at login
        (``UNIT_CODES_SESSION_KEY``), so this app needs no knowledge of members.
        """
        user = getattr(request, "user", None)
        if not user or not user.is_authenticated:
            return ()
        return tuple(request.session.get(UNIT_CODES_SESSION_KEY, ()))
