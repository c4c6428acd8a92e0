from wagtail import hooks

from .offline import kept_kind

OFFLINE_PAGE_ATTR = "pwa_offline_page"


@hooks.register("before_serve_page")
def note_kept_page(page, request, serve_args, serve_kwargs):
    """Remember a page the worker may keep; the middleware labels the response."""
    kind = kept_kind(page)
    if kind is not None:
        setattr(request, OFFLINE_PAGE_ATTR, (page, kind))
