"""The queue of index updates a search server missed, and its replay.

``tasks.py`` runs the replay in the background; this module knows nothing of
tasks, so the backends can record into it without an import cycle.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.search.backends import get_search_backend

from .circuit import reset_circuit
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)


def record_pending(backend_name, obj, action, error=""):
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    # A savepoint, so a failed write here never spoils the publishing transaction.
    with transaction.atomic():
        PendingIndexUpdate.objects.update_or_create(
            backend=backend_name,
            content_type=ct,
            object_id=str(obj.pk),
            defaults={"action": action, "last_error": error},
        )


def retry_pending(limit=1000) -> tuple[int, int]:
    """Replay queued updates; returns (done, still pending). Stops at the first failure."""
    done = 0
    rows = PendingIndexUpdate.objects.select_related("content_type").order_by("pk")[:limit]
    backends = {}
    for row in rows:
        backend = backends.get(row.backend) or get_search_backend(row.backend)
        backends[row.backend] = backend
        model = row.content_type.model_class()
        obj = model._default_manager.filter(pk=row.object_id).first() if model else None
        try:
            if obj is not None and row.action == PendingIndexUpdate.Action.INDEX:
                obj = obj.get_indexed_instance() if hasattr(obj, "get_indexed_instance") else obj
                backend.add_now(obj) if hasattr(backend, "add_now") else backend.add(obj)
            elif obj is not None or row.action == PendingIndexUpdate.Action.DELETE:
                target = obj or model(pk=row.object_id)
                (backend.delete_now if hasattr(backend, "delete_now") else backend.delete)(target)
        except Exception as exc:
            row.attempts += 1
            row.last_error = str(exc)[:500]
            row.save(update_fields=["attempts", "last_error", "updated_at"])
            logger.warning("Search server %s still unreachable: %s", row.backend, exc)
            break
        row.delete()
        done += 1
    if done:
        for name in backends:
            reset_circuit(name)
    return done, PendingIndexUpdate.objects.count()
