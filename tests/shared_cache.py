"""Emptying the shared cache from a test without touching the other test workers'.

With Redis, ``cache.clear()`` empties the whole database (FLUSHDB): the keys of
the other xdist workers and of a test stack running at the same time go too,
and their tests see a cache emptied between two requests. Each worker's keys
carry its own prefix (cms/settings/test.py), so deleting by pattern empties
only this worker's.
"""

from django.core.cache import cache

from cms.caching import local


def empty_cache():
    local.forget_all()  # the process's copies of kept HTML (cms/caching/local.py)
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()
