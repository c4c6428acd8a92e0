"""Wagtail's pages routed from the cached site and home page (``sites.py``).

Wagtail's serve view reads ``request._wagtail_site`` and
``request._wagtail_route_for_request`` before looking anything up itself; this
middleware fills both for the requests that view is about to serve. The home
page's ``route`` keeps the rest of the address (``HomePage.route``).
"""

from django.http import Http404

from wagtail.views import serve as wagtail_serve

from .sites import site_and_home


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
