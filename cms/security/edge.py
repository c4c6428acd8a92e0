"""What no request may carry: NUL bytes and control characters.

A NUL byte cannot be stored by PostgreSQL and has no use in a web address or
form; control characters have no place in a path; a query value that is not
valid UTF-8 decodes to U+FFFD. ``RejectInvalidInputMiddleware`` answers such a
request with the site's 400 page before any view or database query sees it.
"""

import re

from django.utils.translation import gettext as _

# In the path: every C0 control character and DEL.
PATH_FORBIDDEN = re.compile("[\x00-\x1f\x7f]")
# In query strings and form fields: NUL, and in the query what undecodable bytes become.
QUERY_FORBIDDEN = re.compile("[\x00\ufffd]")
FORM_FORBIDDEN = re.compile("\x00")
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _any(pattern, pairs):
    return any(pattern.search(key) or pattern.search(value) for key, value in pairs)


def _pairs(querydict):
    return ((key, value) for key, values in querydict.lists() for value in values)


def problem(request):
    """A Vietnamese sentence saying what is wrong with the request, or ``None``."""
    if PATH_FORBIDDEN.search(request.path):
        return _("Địa chỉ trang chứa ký tự không hợp lệ.")
    if _any(QUERY_FORBIDDEN, _pairs(request.GET)):
        return _("Tham số trong địa chỉ chứa ký tự không hợp lệ.")
    if (
        request.method == "POST"
        and request.content_type in FORM_CONTENT_TYPES
        and _any(FORM_FORBIDDEN, _pairs(request.POST))
    ):
        return _("Nội dung gửi lên chứa ký tự không hợp lệ (ký tự rỗng).")
    return None
