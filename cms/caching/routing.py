"""The site and its home page from the shared cache, before Wagtail routes a request.

Wagtail finds the site of each request (one query), its home page in the
active language (two more: the locale, then the page itself), and later the
page's locale for ``<html lang>``. None of it changes without a content change,
so the pair is kept under the content version (a save of a site, locale or
page bumps it) and handed to Wagtail's serve view: it reads
``request._wagtail_site`` and ``request._wagtail_route_for_request`` before
looking anything up itself. The home page's ``route`` keeps the rest of the
address (``HomePage.route``).
"""

from django.http import Http404
from django.http.request import split_domain_port

from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from cms.core.page_types import view_restrictions_of

from .audience import cached_for_content


def _site_and_home(request):
    site = Site._find_for_request(request)
    if site is None:
        return ()
    home = site.root_page.localized.specific
    home.locale  # noqa: B018 (loaded now, kept with the page)
    home.known_view_restrictions = view_restrictions_of(home)
    return (site, home)


def site_and_home(request):
    """The request's ``Site`` and its home page in the active language, or ``()``."""
    hostname = split_domain_port(request._get_raw_host())[0]
    return cached_for_content(
        request, "site", lambda: _site_and_home(request), hostname, request.get_port()
    )


def route(request, path):
    """What ``Page.route_for_request`` answers, from the cached site and home page."""
    found = site_and_home(request)
    if not found:
        request._wagtail_site = None
        return None
    site, home = found
    request._wagtail_site = site
    try:
        return home.route(request, [component for component in path.split("/") if component])
    except Http404:
        return None


class CachedRouteMiddleware:
    """Routes the requests Wagtail serves with the cached site and home page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        request._wagtail_route_for_request = route(request, path)
        return None
