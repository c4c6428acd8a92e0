"""Live counters of a meeting, cheap enough for every cell polling at once.

Each meeting has a version number in the cache, bumped (at once and after
commit) by every write that changes what the secretary's screen shows. The JSON
payload is cached under that version, so a poll costs two cache reads;
the database is asked again (a handful of aggregate queries on indexed
columns) only once per change, not once per poll. The version is also the
ETag: a client that already has it gets a bodiless 304.

This module only keeps the versions and the cache; what goes into the
payload is ``services.tallies.live_payload``.
"""

import secrets

from django.core.cache import cache
from django.db import transaction

PAYLOAD_TIMEOUT = 6 * 3600


def version_key(meeting_id):
    return f"meetings:live:v:{meeting_id}"


def payload_key(meeting_id, version):
    return f"meetings:live:p:{meeting_id}:{version}"


def _fresh_version():
    # Random (and bumped by one from there), so a version key lost from the
    # cache does not come back as a number an old payload was stored under.
    # 52 bits stay exact as a JavaScript number.
    return secrets.randbits(52)


def known_version(meeting_id):
    """The version in the cache, or ``None`` when there is none yet (or it was lost)."""
    return cache.get(version_key(meeting_id))


def current_version(meeting_id):
    version = cache.get(version_key(meeting_id))
    if version is None:
        version = _fresh_version()
        cache.add(version_key(meeting_id), version, None)
        version = cache.get(version_key(meeting_id), version)
    return version


def _bump(meeting_id):
    try:
        cache.incr(version_key(meeting_id))
    except ValueError:
        cache.set(version_key(meeting_id), _fresh_version(), None)


def reset(meeting_id):
    """A new meeting starts from a fresh random version: ids can be reused (a
    rolled-back transaction, a rebuilt test database), cached payloads must not be."""
    cache.set(version_key(meeting_id), _fresh_version(), None)


def bump(meeting_id):
    """Mark the meeting's live data stale now, so the writer's next page shows the change,
    and again once the current transaction commits, so a payload another request built
    from the rows before the commit is never read again."""
    _bump(meeting_id)
    transaction.on_commit(lambda: _bump(meeting_id))


def shape(meeting_status, motions):
    """Changes whenever the page needs new controls rather than new numbers."""
    return f"{meeting_status}|" + ",".join(f"{pk}:{status}" for pk, status in motions)


def cached(meeting_id, version, build):
    """The payload stored under this version, built (and stored) when missing.

    ``build()`` returns the payload, or ``None`` when the meeting does not
    exist (nothing is stored then).
    """
    key = payload_key(meeting_id, version)
    payload = cache.get(key)
    if payload is None:
        payload = build()
        if payload is None:
            return None
        payload["version"] = version
        cache.set(key, payload, PAYLOAD_TIMEOUT)
    return payload
