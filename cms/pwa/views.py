"""The web app manifest, the service worker and the offline page."""

import functools
import hashlib
import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from wagtail.models import Site

from cms.home.models import SiteBranding

THEME_COLOR = "#a5120f"
# Files every page needs: kept by the worker from its installation on.
SHELL_STATIC = (
    "css/site.css",
    "css/nojs.css",
    "js/site.js",
    "js/listen.js",
    "study/continue.js",
    "img/logo.svg",
    "img/favicon.svg",
    "img/icon-192.png",
)
ICONS = (
    ("img/favicon.svg", "any", "image/svg+xml", "any"),
    ("img/icon-192.png", "192x192", "image/png", "any"),
    ("img/icon-512.png", "512x512", "image/png", "any"),
    ("img/icon-maskable-512.png", "512x512", "image/png", "maskable"),
)
WORKER_SOURCE = "js/sw.js"


def _branding(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return SiteBranding.for_site(site)


@cache_control(max_age=3600)
def manifest(request):
    branding = _branding(request)
    data = {
        "name": branding.site_name,
        "short_name": "Sổ tay ĐV",
        "description": _(
            "Tin tức, văn bản, bản tin, tài liệu sinh hoạt chi bộ và học tập nghị quyết "
            "của %(owner)s; đọc được cả khi không có mạng."
        )
        % {"owner": branding.owner_name},
        "lang": "vi",
        "dir": "ltr",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "categories": ["education", "news", "government"],
        "icons": [
            {"src": static(path), "sizes": sizes, "type": mime, "purpose": purpose}
            for path, sizes, mime, purpose in ICONS
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Type"] = "application/manifest+json; charset=utf-8"
    return response


def _read_static(path):
    found = finders.find(path)
    if not found:
        raise FileNotFoundError(path)
    with open(found, "rb") as handle:
        return handle.read()


@functools.lru_cache(maxsize=1)
def worker_script():
    """The worker with its configuration in front.

    The version is a hash of the worker and of every shell file, so any change
    to them installs a new worker, which replaces the old caches.
    """
    source = _read_static(WORKER_SOURCE)
    digest = hashlib.sha256(source)
    for path in SHELL_STATIC:
        digest.update(_read_static(path))
    config = {
        "version": digest.hexdigest()[:12],
        "shell": [static(path) for path in SHELL_STATIC] + [reverse("pwa:manifest")],
        "offlinePage": reverse("pwa:offline"),
        "staticPrefix": settings.STATIC_URL,
    }
    header = f"self.STDV_CONFIG = {json.dumps(config)};\n"
    return header.encode() + source


def service_worker(request):
    if settings.DEBUG:  # static files edited while runserver runs
        worker_script.cache_clear()
    response = HttpResponse(worker_script(), content_type="text/javascript; charset=utf-8")
    # Browsers check for a new worker on every navigation; never serve a stale one.
    response["Cache-Control"] = "no-cache"
    return response


def offline(request):
    """What can be read without a connection (filled in by site.js from the caches)."""
    return render(request, "pwa/offline.html")
