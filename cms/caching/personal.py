"""What is one person's (or one cell's) on a member's page, kept until it changes.

A member's page shows a few personal things: the unread notices beside their
name, their study progress and their cell's next meeting on the home page.
Each is cheap alone, but together they cost as much as the rest of the page,
so each is kept in the shared cache too, valid while:

- its **owner's version** is the one it was built under: a random number per
  owner (a user, a member, a cell) kept in the cache and stored with the entry
  (both are read in one round trip), forgotten by every write that changes
  what is shown (``forget``) — at once, so the writer's next page shows it, and
  again when the transaction commits, so an entry another request built from
  the rows before the commit is never read again;
- the **content version** (``ContentVersion``, in the entry's key), for the pages, titles and
  study assignments the entry shows;
- the **day** (in the key too), for "overdue" and "upcoming".

A lost version (the cache restarted, evicted) comes back as a new random
number, never as one an old entry was stored under. Writes that bypass the
model signals (bulk inserts, ``update()``) call ``forget`` themselves; an entry
lives at most ``AUDIENCE_CACHE_SECONDS`` in any case.
"""

import secrets

from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from .audience import content_tag, timeout

VERSION_SECONDS = 7 * 24 * 3600
FORGET_BATCH = 5000


def _version_key(kind, owner):
    return f"stdv:own:v:{kind}:{owner}"


def _new_version(key):
    """A version for an owner the cache has none for (forgotten, evicted, restarted);
    ``None`` when the cache does not answer."""
    cache.add(key, secrets.randbits(52), VERSION_SECONDS)
    return cache.get(key)


def _delete(keys):
    for start in range(0, len(keys), FORGET_BATCH):
        cache.delete_many(keys[start : start + FORGET_BATCH])


def forget(kind, owners):
    """Make the entries of ``owners`` (ids) stale, now and once the transaction commits."""
    keys = [_version_key(kind, owner) for owner in owners if owner is not None]
    if not keys:
        return
    _delete(keys)
    transaction.on_commit(lambda: _delete(keys))


def cached_personal(request, kind, owner, name, build):
    """``build()``, kept for ``owner`` (of ``kind``) until it is forgotten, the
    content changes or the day ends. ``None`` is a value like any other.

    The entry is kept with the owner's version it was built under, and both are
    read in one round trip: an entry built under another version is built again."""
    if request is None:
        return build()
    version_key = _version_key(kind, owner)
    key = ":".join(
        [
            "stdv:own",
            name,
            kind,
            str(owner),
            content_tag(request),
            timezone.localdate().isoformat(),
        ]
    )
    found = cache.get_many([version_key, key])
    owner_version = found.get(version_key)
    if owner_version is None:
        owner_version = _new_version(version_key)
        if owner_version is None:
            return build()
    kept = found.get(key)
    if kept is not None and kept[0] == owner_version:
        return kept[1]
    value = build()
    cache.set(key, (owner_version, value), timeout())
    return value


def kept_drawn(request, kind, owner, name, template_name, build_context):
    """``template_name`` drawn with ``build_context()`` and kept as ``cached_personal``
    keeps a value, in the request's language and for its host (the links it draws)."""
    host = request.get_host() if request is not None else ""
    html = cached_personal(
        request,
        kind,
        owner,
        f"{name}:{translation.get_language()}:{host}",
        lambda: render_to_string(template_name, build_context()),
    )
    return mark_safe(html)  # noqa: S308  (the template's own output, escaped when drawn)
