"""What is one person's (or one cell's) on a member's page, kept until it changes.

A member's page shows a few personal things: the unread notices beside their
name, their study progress and their cell's next meeting on the home page.
Each is cheap alone, but together they cost as much as the rest of the page,
so each is kept in the shared cache too, under a key naming:

- its **owner's version**: a random number per owner (a user, a member, a
  cell) kept in the cache, forgotten by every write that changes what is shown
  (``forget``) — at once, so the writer's next page shows it, and again when
  the transaction commits, so an entry another request built from the rows
  before the commit is never read again;
- the **content version** (``ContentVersion``), for the pages, titles and
  study assignments the entry shows;
- the **day**, for "overdue" and "upcoming".

A lost version (the cache restarted, evicted) comes back as a new random
number, never as one an old entry was stored under. Writes that bypass the
model signals (bulk inserts, ``update()``) call ``forget`` themselves; an entry
lives at most ``AUDIENCE_CACHE_SECONDS`` in any case.
"""

import secrets

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .audience import content_tag, timeout

VERSION_SECONDS = 7 * 24 * 3600
FORGET_BATCH = 5000


def _version_key(kind, owner):
    return f"stdv:own:v:{kind}:{owner}"


def version(kind, owner):
    """The owner's current version, or ``None`` when the cache does not answer."""
    key = _version_key(kind, owner)
    value = cache.get(key)
    if value is None:
        cache.add(key, secrets.randbits(52), VERSION_SECONDS)
        value = cache.get(key)
    return value


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
    content changes or the day ends. ``None`` is a value like any other."""
    owner_version = version(kind, owner) if request is not None else None
    if owner_version is None:
        return build()
    key = ":".join(
        [
            "stdv:own",
            name,
            kind,
            str(owner),
            str(owner_version),
            content_tag(request),
            timezone.localdate().isoformat(),
        ]
    )
    kept = cache.get(key)
    if kept is None:
        kept = (build(),)
        cache.set(key, kept, timeout())
    return kept[0]
