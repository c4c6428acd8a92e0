from django.utils.cache import patch_vary_headers

from .offline import (
    CLEAR_SITE_DATA,
    READER_HEADER,
    WORKER_EXCLUDED_PREFIXES,
    keep_headers,
    reader_marker,
)
from .signals import LOGGED_OUT_ATTR
from .wagtail_hooks import OFFLINE_PAGE_ATTR


class OfflineHeadersMiddleware:
    """Labels responses for the service worker (see ``cms.pwa.offline``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, LOGGED_OUT_ATTR, False):
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
        if request.path.startswith(WORKER_EXCLUDED_PREFIXES):
            return response
        kept = getattr(request, OFFLINE_PAGE_ATTR, None)
        if kept is not None and request.method == "GET" and response.status_code == 200:
            for name, value in keep_headers(*kept).items():
                response[name] = value
        response[READER_HEADER] = reader_marker(getattr(request, "user", None))
        patch_vary_headers(response, ["Cookie"])
        return response
