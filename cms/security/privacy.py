"""Answers that must never be kept by a shared cache or on the reader's disk.

A view (``@private_response``) or a hook (``mark_private(request)``) marks the
request; ``cms.security.middleware.SecurityHeadersMiddleware`` then sends
``Cache-Control: private, no-store`` with whatever answer comes back, files
included (a members-only PDF, the minutes and their exports).
"""

from functools import wraps

PRIVATE_ATTR = "_stdv_private_response"


def mark_private(request):
    setattr(request, PRIVATE_ATTR, True)


def is_private(request):
    return bool(getattr(request, PRIVATE_ATTR, False))


def private_response(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        mark_private(request)
        return view(request, *args, **kwargs)

    return wrapped
