"""The circuit breaker of an external search server.

When Elasticsearch/OpenSearch fails, the backend name is remembered in the
cache for ``SEARCH_CIRCUIT_SECONDS``: indexing queues its updates without
calling the server, and searches answer from the database backend at once,
so a dead cluster costs one timeout, not one per request.
"""

from django.conf import settings
from django.core.cache import cache

CIRCUIT_KEY = "search:external-down:{name}"


def circuit_open(name) -> bool:
    return bool(cache.get(CIRCUIT_KEY.format(name=name)))


def trip_circuit(name):
    cache.set(CIRCUIT_KEY.format(name=name), True, getattr(settings, "SEARCH_CIRCUIT_SECONDS", 30))


def reset_circuit(name):
    cache.delete(CIRCUIT_KEY.format(name=name))
