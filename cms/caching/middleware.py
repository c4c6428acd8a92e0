"""Marks the anonymous responses the cache in front may keep, and answers its
revalidations with 304 without running the view.

nginx (deploy/nginx/stdv.conf.in) keeps a response only when this middleware
sends ``X-Accel-Expires`` (nginx reads and removes it), and never reads or
fills its cache for a request carrying a session cookie. A kept copy is fresh
for ``FRONT_CACHE_SECONDS`` (1 s); after that nginx asks again with the copy's
ETag, which names the content version and a one-minute period (the footer's
visit figures and "this month" move on their own). Same version, same
minute: 304, one indexed query and no rendering.

The freshness is sent as an absolute time (``@<epoch seconds>``): nginx keeps
whole seconds and serves a copy while its clock's second is not past the
expiry, so a relative ``1`` would keep a copy stored late in a second for
almost two seconds. Expiring at the end of the current second keeps every copy
at most ``FRONT_CACHE_SECONDS`` old.
"""

import time

from django.conf import settings
from django.http import HttpResponseNotModified
from django.utils import translation
from django.utils.cache import patch_cache_control

from .audience import content_tag

NEVER_CACHED_PREFIXES = (
    "/admin",
    "/django-admin",
    "/api/",
    "/documents/",
    "/images/",
    "/healthz",
    "/static/",
    "/media/",
    "/sinh-hoat-chi-bo/",
)
REFUSING_CACHE_CONTROL = ("private", "no-store", "no-cache", "max-age=0")


def fresh_seconds():
    """How long nginx may serve a copy before asking again (FRONT_CACHE_SECONDS)."""
    return int(getattr(settings, "FRONT_CACHE_SECONDS", 1))


def expires_at(now=None):
    """The ``X-Accel-Expires`` value: the last whole second nginx may serve the copy."""
    now = time.time() if now is None else now
    return f"@{int(now) + fresh_seconds() - 1}"


def period_seconds():
    """How long a copy may stay valid with no content change (FRONT_CACHE_PERIOD_SECONDS)."""
    return int(getattr(settings, "FRONT_CACHE_PERIOD_SECONDS", 60))


def anonymous_request(request):
    """A request whose answer is the same for every anonymous visitor."""
    if request.method not in ("GET", "HEAD") or request.path.startswith(NEVER_CACHED_PREFIXES):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    # Pages under i18n_patterns take their language from the path alone.
    path_language = translation.get_language_from_path(request.path_info)
    return getattr(request, "LANGUAGE_CODE", None) == (path_language or settings.LANGUAGE_CODE)


def shareable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token: it belongs to one visitor
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in REFUSING_CACHE_CONTROL)


def current_etag(request):
    """The content version's number and the period; the version is read once per request
    (``content_tag``: the page's caches use the same read)."""
    period = int(time.time() // period_seconds())
    number = content_tag(request).partition(".")[0]
    return f'"a{number}.{period}"'


class FrontCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not anonymous_request(request):
            return self.get_response(request)
        # Read before the view renders: content committed during rendering
        # then carries the older tag and is fetched again on the next check.
        etag = current_etag(request)
        if request.headers.get("If-None-Match") == etag:
            response = HttpResponseNotModified()
        else:
            response = self.get_response(request)
            if not shareable_response(request, response):
                return response
        response["ETag"] = etag
        response["X-Accel-Expires"] = expires_at()
        patch_cache_control(response, no_cache=True)
        return response
