"""Background replay of the index updates a search server missed."""

from django.core.cache import cache

from django_tasks import task

from .models import PendingIndexUpdate
from .pending import retry_pending

PENDING_CHECK_KEY = "search:pending-checked"


@task()
def retry_pending_index_task():
    done, left = retry_pending()
    return {"done": done, "left": left}


def retry_soon_if_pending():
    """After a search server answered: replay the queue, checking at most once a minute."""
    if cache.get(PENDING_CHECK_KEY):
        return
    cache.set(PENDING_CHECK_KEY, True, 60)
    if PendingIndexUpdate.objects.exists():
        retry_pending_index_task.enqueue()
