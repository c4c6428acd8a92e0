"""Site-wide request and response rules (see ``cms.security``)."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .edge import problem
from .privacy import is_private

# Answers whose empty body becomes the site's page for that status.
EMPTY_ERROR_PAGES = {400: "400.html", 403: "403.html", 405: "405.html"}
# Machine-facing addresses keep their short answers.
NO_PAGE_PREFIXES = ("/api/", "/static/", "/media/", "/healthz")


class SecurityHeadersMiddleware:
    """``Permissions-Policy`` on every answer; ``private, no-store`` on private ones."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        if is_private(request):
            response.headers.pop("Cache-Control", None)
            add_never_cache_headers(response)
            patch_cache_control(response, private=True, no_store=True)
        return response


class RejectInvalidInputMiddleware:
    """NUL bytes and control characters get a Vietnamese 400 page, before any view
    runs; an error answer with an empty body (a 405 from ``require_POST``) gets the
    site's page for its status."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reason = problem(request)
        if reason is not None:
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"error": reason}, status=400, json_dumps_params={"ensure_ascii": False}
                )
            return render(request, "400.html", {"reason": reason}, status=400)
        response = self.get_response(request)
        template = EMPTY_ERROR_PAGES.get(response.status_code)
        if (
            template is not None
            and not response.streaming
            and not response.content
            and not request.path.startswith(NO_PAGE_PREFIXES)
        ):
            page = render(request, template, status=response.status_code)
            if "Allow" in response:
                page["Allow"] = response["Allow"]
            return page
        return response
