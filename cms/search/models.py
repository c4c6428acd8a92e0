"""Index updates the search server missed, the editors' abbreviations, the vocabulary."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models

from cms.core.folding import normalize, tokens


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


class Abbreviation(models.Model):
    """A party abbreviation and what it stands for, kept by the editors.

    The look-up reads a query term that is an abbreviation also as its
    expansion (``NQ`` → "nghị quyết"), and the expansion also as the
    abbreviation, so ``nghị quyết 12`` finds ``12-NQ/TU``.
    """

    short = models.CharField(
        "chữ viết tắt",
        max_length=16,
        help_text="Viết như trong văn bản, ví dụ NQ, TU, SHCB.",
    )
    expansion = models.CharField(
        "viết đầy đủ",
        max_length=120,
        help_text="Các chữ mà chữ viết tắt thay cho, ví dụ “nghị quyết”.",
    )
    short_folded = models.CharField(max_length=16, editable=False, db_index=True)
    expansion_folded = models.CharField(max_length=120, editable=False)

    class Meta:
        verbose_name = "chữ viết tắt"
        verbose_name_plural = "chữ viết tắt"
        ordering = ["short_folded", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["short_folded", "expansion_folded"], name="search_abbreviation_unique"
            )
        ]

    def __str__(self):
        return f"{self.short} — {self.expansion}"

    def clean(self):
        super().clean()
        self.short = " ".join(normalize(self.short).split())
        self.expansion = " ".join(normalize(self.expansion).split())
        errors = {}
        if len(tokens(self.short)) != 1:
            errors["short"] = "Chữ viết tắt là một từ liền, chỉ gồm chữ và số (ví dụ NQ, BCH)."
        if len(tokens(self.expansion)) < 2:
            errors["expansion"] = "Phần viết đầy đủ cần ít nhất hai chữ."
        elif tokens(self.expansion) == tokens(self.short):
            errors["expansion"] = "Phần viết đầy đủ phải khác chữ viết tắt."
        if not errors:
            twin = Abbreviation.objects.filter(
                short_folded="".join(tokens(self.short)),
                expansion_folded=" ".join(tokens(self.expansion)),
            ).exclude(pk=self.pk)
            if twin.exists():
                errors["short"] = "Chữ viết tắt này đã có với cùng phần viết đầy đủ."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.short_folded = "".join(tokens(self.short))
        self.expansion_folded = " ".join(tokens(self.expansion))
        super().save(*args, **kwargs)


class SearchWord(models.Model):
    """One word of the published pages, accent-free: what typo and joined-word readings
    may turn a query word into.

    Only pages any member may read count (no group or password restriction);
    ``public_pages`` counts those without any restriction, the only ones whose
    words are offered to visitors who are not logged in. Kept up to date when
    a page is published and rebuilt by ``update_index``.
    """

    word = models.CharField("từ (không dấu)", max_length=24, primary_key=True)
    display = models.CharField("cách viết thường gặp", max_length=24)
    pages = models.PositiveIntegerField("số trang", default=0)
    public_pages = models.PositiveIntegerField("số trang công khai", default=0)

    class Meta:
        verbose_name = "từ trong chỉ mục"
        verbose_name_plural = "từ trong chỉ mục"

    def __str__(self):
        return self.display
