"""Index updates the search server missed, kept until it answers again."""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class PendingIndexUpdate(models.Model):
    """One object whose add or removal could not reach the search server.

    Written by the resilient backends (``cms/search/backends.py``) when
    Elasticsearch/OpenSearch is unreachable; replayed by ``retry_pending_index``
    (management command and task). One row per object: the last action wins.
    """

    class Action(models.TextChoices):
        INDEX = "index", "Cập nhật chỉ mục"
        DELETE = "delete", "Xóa khỏi chỉ mục"

    backend = models.CharField("máy tìm kiếm", max_length=64, default="default")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    action = models.CharField(max_length=8, choices=Action.choices, default=Action.INDEX)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "cập nhật chỉ mục đang chờ"
        verbose_name_plural = "cập nhật chỉ mục đang chờ"
        constraints = [
            models.UniqueConstraint(
                fields=["backend", "content_type", "object_id"], name="search_pending_unique"
            )
        ]

    def __str__(self):
        return f"{self.action} {self.content_type_id}:{self.object_id} ({self.backend})"
