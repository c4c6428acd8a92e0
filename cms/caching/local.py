"""Rendered HTML kept in the process as well as in the shared cache.

A frame or a fragment is kept under a key that names the content version
(``audience.py``, ``frames.py``): the value under such a key never changes, so a
copy in the process's memory can never be older than the shared one. Reading it
here saves a Redis round trip and the transfer of a page's worth of HTML on
nearly every member's request. Only strings are kept: they cannot be changed by
the request that reads them (a kept list of pages could).

The copies live at most ``LOCAL_SECONDS`` and at most ``LOCAL_ENTRIES`` of them
(the least recently used go first): a few megabytes per process.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache

_lock = threading.Lock()
_entries = OrderedDict()  # key → (expires at, html)


def _limits():
    return (
        int(getattr(settings, "LOCAL_ENTRIES", 512)),
        float(getattr(settings, "LOCAL_SECONDS", 60)),
    )


def get(key):
    with _lock:
        found = _entries.get(key)
        if found is None:
            return None
        if found[0] < time.monotonic():
            del _entries[key]
            return None
        _entries.move_to_end(key)
        return found[1]


def keep(key, value, seconds=None):
    """Keeps ``value`` if it is a string, for at most ``seconds`` (or ``LOCAL_SECONDS``)."""
    if not isinstance(value, str):
        return
    entries, longest = _limits()
    seconds = longest if seconds is None else min(seconds, longest)
    with _lock:
        _entries[key] = (time.monotonic() + seconds, value)
        _entries.move_to_end(key)
        while len(_entries) > entries:
            _entries.popitem(last=False)


def read(key, keep_here=True):
    """The value under ``key``: from this process, or else from the shared cache (and then
    kept here too, unless ``keep_here`` is false: an entry whose remaining life is unknown)."""
    value = get(key)
    if value is None:
        value = cache.get(key)
        if keep_here:
            keep(key, value)
    return value


def store(key, value, seconds):
    """``value`` under ``key`` in the shared cache for ``seconds``, and here."""
    cache.set(key, value, seconds)
    keep(key, value, seconds)


def forget_all():
    """For tests that empty the shared cache to start afresh."""
    with _lock:
        _entries.clear()
