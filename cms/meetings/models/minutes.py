"""Biên bản: versioned minutes, immutable once approved."""

from django.db import models

from cms.core.fields import by_user

from ..choices import MinutesStatus
from .meeting import Meeting


class MinutesQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=MinutesStatus.APPROVED)

    def current(self):
        """The latest version (the one being drafted, or the last approved)."""
        return self.order_by("-number").first()


class ImmutableMinutesError(Exception):
    pass


class Minutes(models.Model):
    """Biên bản sinh hoạt chi bộ, one row per version.

    Version 1 is the draft the recorder writes; once the chair approves it
    it never changes. A correction is a new version (with its reason) that
    goes through the same approval; the older versions stay as history.
    ``lock_version`` is checked in every UPDATE so that of two people saving
    the same draft, the second is told instead of overwriting the first.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="minutes_versions")
    number = models.PositiveSmallIntegerField("phiên bản", default=1)
    status = models.CharField(
        "trạng thái", max_length=16, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    items = models.JSONField("nội dung theo từng vấn đề", default=list, blank=True)
    general_opinions = models.TextField("ý kiến phát biểu khác", blank=True)
    conclusion = models.TextField("kết luận của chủ trì", blank=True)
    end_time = models.TimeField("kết thúc lúc", null=True, blank=True)
    facts = models.JSONField(
        "số liệu tự động", default=dict, blank=True, help_text="Chốt khi biên bản được thông qua."
    )
    correction_reason = models.TextField("lý do đính chính", blank=True)
    lock_version = models.PositiveIntegerField(default=1)
    created_by = by_user()
    updated_by = by_user()
    updated_at = models.DateTimeField(auto_now=True)
    approved_by = by_user()
    approved_at = models.DateTimeField(null=True, blank=True)

    objects = MinutesQuerySet.as_manager()

    class Meta:
        # Vietnamese nouns have no plural form.
        verbose_name = verbose_name_plural = "biên bản"
        ordering = ["meeting", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="meetings_minutes_version")
        ]

    def __str__(self):
        return f"Biên bản {self.meeting} (phiên bản {self.number})"

    @property
    def is_approved(self):
        return self.status == MinutesStatus.APPROVED

    def save(self, *args, **kwargs):
        if (
            self.pk
            and type(self).objects.filter(pk=self.pk, status=MinutesStatus.APPROVED).exists()
        ):
            raise ImmutableMinutesError("Biên bản đã được thông qua, không thể sửa.")
        super().save(*args, **kwargs)
