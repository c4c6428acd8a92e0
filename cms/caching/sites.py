"""The site a request means and its home page, from the shared cache.

Wagtail finds the site of each request (one query), its home page in the
active language (two more: the locale, then the page itself), and later the
page's locale for ``<html lang>``. None of it changes without a content change,
so the pair is kept under the content version (a save of a site, locale or
page bumps it). ``routing.py`` hands it to Wagtail's serve view; the site's
settings in every page's header ask ``site_for_request``.
"""

from django.http.request import split_domain_port

from wagtail.models import Site

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


def site_for_request(request):
    """``Site.find_for_request`` from the cache, kept on the request where Wagtail keeps it
    (the site's settings in every page's header ask for it, Wagtail's or not)."""
    if not hasattr(request, "_wagtail_site"):
        found = site_and_home(request)
        request._wagtail_site = found[0] if found else None
    return request._wagtail_site
