"""Elasticsearch 8 / OpenSearch backends that never make publishing fail.

Wagtail's own backends already log (and swallow) indexing errors of external
servers; these subclasses also remember what was missed in
``PendingIndexUpdate`` so ``retry_pending_index`` can replay it, and stop
calling a server that just failed for ``SEARCH_CIRCUIT_SECONDS`` so a dead
cluster costs one timeout, not one per page saved.

Settings use them as ``cms.search.backends.elasticsearch8`` and
``cms.search.backends.opensearch3`` (see ``cms/settings/base.py``).
"""

import logging

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend
from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

from .circuit import circuit_open, trip_circuit
from .pending import record_pending

logger = logging.getLogger(__name__)


class ResilientBackendMixin:
    catch_indexing_errors = True

    def __init__(self, params):
        params = dict(params)
        self.name = params.pop("NAME", "default")
        super().__init__(params)

    def _guarded(self, action, objects, call):
        if circuit_open(self.name):
            for obj in objects:
                record_pending(self.name, obj, action, "circuit open")
            return
        try:
            call()
        except Exception as exc:
            trip_circuit(self.name)
            logger.warning("Search server %s unreachable (%s); queued %s", self.name, exc, action)
            for obj in objects:
                record_pending(self.name, obj, action, str(exc)[:500])

    def add(self, obj):
        self._guarded("index", [obj], lambda: super(ResilientBackendMixin, self).add(obj))

    def add_bulk(self, model, obj_list):
        obj_list = list(obj_list)
        self._guarded(
            "index", obj_list, lambda: super(ResilientBackendMixin, self).add_bulk(model, obj_list)
        )

    def delete(self, obj):
        self._guarded("delete", [obj], lambda: super(ResilientBackendMixin, self).delete(obj))

    # Replays call these: errors propagate so the row stays queued.
    def add_now(self, obj):
        super().add(obj)

    def delete_now(self, obj):
        super().delete(obj)


class ResilientElasticsearch8Backend(ResilientBackendMixin, Elasticsearch8SearchBackend):
    pass


class ResilientOpenSearch3Backend(ResilientBackendMixin, OpenSearch3SearchBackend):
    pass
