"""Parts of a page shared by everyone in one audience, cached until the content changes.

On a meeting evening most requests come from logged-in members, whom the cache
in front never serves (their pages carry their name and a CSRF token). What is
costly in their pages is not personal: the lists of articles, documents,
resolutions and this month's material depend only on which restricted sections
the visitor may see (their groups), their cell type, the language and the day.
Those parts are built once per *audience* and kept in the shared cache (Redis
in production) under a key that names the content version
(``ContentVersion.objects.tag()``, bumped in the transaction of every change a
visitor could see), so no list is ever older than the content: a change makes
a new key, and the old entries age out.

What is personal (the name, "my next meeting", one's own votes) stays outside
and is cheap.
"""

from django.conf import settings
from django.utils import timezone, translation

from cms.core.visibility import user_group_ids

from . import local
from .models import CONTENT_CHANGED_AT, CONTENT_NUMBER, ContentVersion, tag_of


def content_tag(request):
    """The content version, read once per request: with the logged-in user when their
    query brought it (``ContentVersionQuerySet.tag_columns``), else on its own."""
    tag = getattr(request, "_stdv_content_tag", None)
    if tag is None:
        user = getattr(request, "user", None)
        if hasattr(user, CONTENT_NUMBER):
            tag = tag_of(getattr(user, CONTENT_NUMBER), getattr(user, CONTENT_CHANGED_AT))
        else:
            tag = ContentVersion.objects.tag()
        request._stdv_content_tag = tag
    return tag


def audience(user):
    """Who sees the same listings: anonymous visitors, superusers, or the
    logged-in users of one set of groups (view restrictions name groups)."""
    if user is None or not user.is_authenticated:
        return "anon"
    if user.is_superuser:
        return "su"
    return "g" + ".".join(map(str, user_group_ids(user)))


def timeout():
    """An entry's lifetime; a content change makes a new key long before."""
    return int(getattr(settings, "AUDIENCE_CACHE_SECONDS", 300))


def cached_for_audience(request, name, build, *parts, seconds=None, keep=None):
    """``build()``, shared with every visitor of ``request``'s audience on
    this day, in this language, for the current content version; ``parts``
    name anything else the result depends on (a page id, a cell type).
    ``seconds`` shortens the entry's life; a result for which ``keep(result)``
    is false (a failure) is returned but not kept."""
    return _cached(
        request,
        name,
        build,
        [timezone.localdate().isoformat(), audience(getattr(request, "user", None)), *parts],
        seconds=seconds,
        keep=keep,
    )


def cached_for_content(request, name, build, *parts):
    """``build()``, shared with every visitor in this language for the current
    content version: for what depends on neither the visitor nor the day (the
    site a host name means, its home page)."""
    return _cached(request, name, build, parts)


def _cached(request, name, build, parts, seconds=None, keep=None):
    key = ":".join(
        [
            "stdv:aud",
            name,
            content_tag(request),
            translation.get_language() or settings.LANGUAGE_CODE,
            *(str(part) for part in parts),
        ]
    )
    # An entry of a shortened life (a failure's) is read from the shared cache, whose
    # copy knows how long it has left.
    value = local.read(key, keep_here=seconds is None)
    if value is None:
        value = build()
        if keep is None or keep(value):
            local.store(key, value, timeout() if seconds is None else seconds)
    return value
