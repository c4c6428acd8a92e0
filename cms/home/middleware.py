import logging
import secrets

from . import counters

logger = logging.getLogger(__name__)

COOKIE = "stdv_vid"
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
                COOKIE, visitor_id, max_age=365 * 24 * 3600, httponly=True, samesite="Lax"
            )
        return response

    @staticmethod
    def unit_codes(request):
        """Units a logged-in member's visit also counts for (cell up to committee)."""
        user = getattr(request, "user", None)
        if not user or not user.is_authenticated:
            return ()
        codes = request.session.get("visit_unit_codes")
        if codes is None:
            member = getattr(user, "member", None) if hasattr(user, "member") else None
            codes = []
            if member is not None:
                cell = member.cell
                codes = [o.code for o in cell.get_ancestors() if o.depth > 1] + [cell.code]
            request.session["visit_unit_codes"] = codes
        return tuple(codes)


class AdminFramingMiddleware:
    """Lets the Wagtail admin frame its own previews; everything else is DENY.

    Sits after Django's XFrameOptionsMiddleware in MIDDLEWARE, so it sees the
    response first; that middleware leaves an existing header alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response
