"""What the service worker may keep for reading offline, and for whom.

The server decides, the worker obeys: a page is kept only when its response
says ``X-Offline: keep`` (articles, documents, bulletins and cell materials,
resolution study pages, the home page). Everything else (meetings, voting,
check-in, search, login, accounts, the admin) is never stored.

Every response names its reader (``X-Reader``): a keyed hash of the account,
or ``anon``. The worker stores pages under the reader who opened them and
drops all of them as soon as another reader (or nobody) is answered, so a
member's pages never outlive their session on a shared phone. Logging out
also sends ``Clear-Site-Data``, which empties every cache of the site at once.
"""

from urllib.parse import quote

from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

KEEP_HEADER = "X-Offline"
TITLE_HEADER = "X-Offline-Title"
KIND_HEADER = "X-Offline-Kind"
READER_HEADER = "X-Reader"
ANONYMOUS = "anon"
CLEAR_SITE_DATA = '"cache", "storage"'

# Page models whose pages are kept once opened, with the label the offline page shows.
KEPT_PAGES = {
    "home.homepage": _("Trang chủ"),
    "news.newsarticlepage": _("Tin bài"),
    "documents.officialdocumentpage": _("Văn bản"),
    "bulletins.bulletinpage": _("Bản tin, tài liệu sinh hoạt chi bộ"),
    "resolutions.resolutionstudypage": _("Học tập nghị quyết"),
}

# Paths the worker never sees or never answers from a cache.
WORKER_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/")


def kept_kind(page):
    """The label of a page the worker may keep, or None."""
    return KEPT_PAGES.get(page._meta.label_lower)


def reader_marker(user):
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    return salted_hmac("cms.pwa.reader", str(user.pk)).hexdigest()[:24]


def keep_headers(page, kind):
    """Headers that let the worker keep ``page`` and list it on the offline page."""
    return {
        KEEP_HEADER: "keep",
        TITLE_HEADER: quote(page.title, safe=""),
        KIND_HEADER: quote(str(kind), safe=""),
    }
