"""Operational endpoints."""

import sys
import time

from django.core.cache import cache, caches
from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache

from wagtail.models import Page
from wagtail.search.backends import get_search_backend


def _check(fn):
    started = time.monotonic()
    try:
        detail = fn()
        return {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1), **(detail or {})}
    except Exception as exc:  # report, never raise: this is the health endpoint
        return {"ok": False, "error": exc.__class__.__name__}


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


def _cache():
    cache.set("healthz", "1", 10)
    if cache.get("healthz") != "1":
        raise RuntimeError("cache did not return the value")
    return {"backend": caches["default"].__class__.__name__}


def _search():
    backend = get_search_backend()
    client = getattr(backend, "es", None) or getattr(backend, "client", None)
    if client is not None:
        if not client.ping():
            raise ConnectionError("search cluster not reachable")
    else:
        list(backend.search("healthz", Page)[:1])
    return {"backend": backend.__class__.__module__}


@never_cache
def healthz(request):
    parts = {"database": _check(_database), "cache": _check(_cache), "search": _check(_search)}
    healthy = all(part["ok"] for part in parts.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **parts},
        status=200 if healthy else 503,
        json_dumps_params={"ensure_ascii": False},
    )


def robots_txt(request):
    """What search engines may read: public pages only (members' areas and the admin not)."""
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


# The database gone for a moment (a restart, a fail-over, SQLite busy past its
# timeout): the person is asked to retry, which is safe (check-ins and votes are
# never recorded twice), rather than shown a fault.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5
UNAVAILABLE_MESSAGE = "Hệ thống đang bận, vui lòng thử lại sau ít giây."


def server_error(request):
    """Django's handler500, called while the exception is being handled."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable(request)
    return render(request, "500.html", status=500)


def database_unavailable(request):
    """503 with Retry-After, rendered without the database (no context processors)."""
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"error": UNAVAILABLE_MESSAGE, "retry_after": RETRY_AFTER_SECONDS},
            status=503,
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
