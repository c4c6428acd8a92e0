"""Operational endpoints."""

import time

from django.core.cache import cache, caches
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

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
        from wagtail.models import Page

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


def not_found(request, exception=None):
    from django.shortcuts import render

    return render(request, "404.html", status=404)


def server_error(request):
    from django.shortcuts import render

    return render(request, "500.html", status=500)
