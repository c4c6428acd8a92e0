"""Where to go after a form: the ``next`` the request asks for, when it stays on this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, default="/"):
    """``next`` from the POST or the query string, or ``default`` when it is missing or
    would leave the site (an open redirect)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
