"""Background work on documents (django-tasks).

``extract_document_text`` runs when a document is uploaded or its file is
replaced (``ProtectedDocument.save`` enqueues it when the file hash changes).
With the default ImmediateBackend it runs at once, inside the request; with
a database-backed queue the task row is written in the same transaction as
the document, so a worker only sees it once the document is committed.
"""

import logging

from django_tasks import task

from .services import extract_and_store

logger = logging.getLogger(__name__)


@task()
def extract_document_text(document_id):
    result = extract_and_store(document_id)
    if result is None:
        return None
    kind, has_text_layer, length = result
    return {"kind": kind, "has_text_layer": has_text_layer, "characters": length}
